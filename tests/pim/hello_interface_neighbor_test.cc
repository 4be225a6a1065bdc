// HelloInterface's neighbor table (RFC 7761 §4.3.1, §4.9.2): neighbors created, refreshed,
// restarted (new Generation ID), expired and removed by goodbye, at exact instants. The RNG
// draws of seed 7 are listed in hello_test_port.h.
#include <gtest/gtest.h>

#include <vector>

#include "pim/hello_interface.h"
#include "tests/pim/hello_test_port.h"

namespace pim::hello_testing {
namespace {

using sim::core::Milliseconds;
using sim::core::Nanoseconds;
using sim::core::Seconds;

TEST_F(HelloInterfaceTest, NeighborLivenessTimerExpiresExactlyHoldtimeAfterLastHello) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello());
  RunUntil(Seconds(35));
  hello_.OnHelloReceived(kLow, NeighborHello());  // NLT restarted: 35 + 105 = 140 s
  EXPECT_EQ(hello_.neighbor(kLow)->expires_at, T(Seconds(140)));
  EXPECT_EQ(hello_.neighbor(kLow)->since, T(Seconds(5)));
  RunUntil(Seconds(140) - Nanoseconds(1));
  EXPECT_TRUE(hello_.IsNeighbor(kLow));
  RunUntil(Seconds(140));
  EXPECT_FALSE(hello_.IsNeighbor(kLow));
  EXPECT_EQ(port_.log.back(), At(Seconds(140), "down 10.0.0.1"));
  EXPECT_EQ(port_.traces.back(), "pim.neighbor neighbor=10.0.0.1 change=down reason=expired");
}

TEST_F(HelloInterfaceTest, ShortenedHoldtimeExpiresNeighborAtItsOwnHoldtime) {
  config_.hello_period = Seconds(1);
  config_.triggered_hello_delay = Milliseconds(500);
  StartQuietly();                                             // clock at 500 ms
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000, 3));  // the neighbor's holdtime counts
  RunUntil(Milliseconds(3500));
  EXPECT_EQ(port_.log.back(), At(Milliseconds(3500), "down 10.0.0.1"));
}

TEST_F(HelloInterfaceTest, HoldtimeForeverNeverExpires) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000, 0xffff));
  EXPECT_EQ(hello_.neighbor(kLow)->expires_at, std::nullopt);
  RunUntil(kDay);
  EXPECT_TRUE(hello_.IsNeighbor(kLow));
}

TEST_F(HelloInterfaceTest, HelloWithoutHoldtimeOptionKeepsNeighborDefaultHelloHoldtime) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000, std::nullopt));
  EXPECT_EQ(hello_.neighbor(kLow)->expires_at, T(Seconds(5 + 105)));
}

TEST_F(HelloInterfaceTest, GoodbyeRemovesNeighborAtOnce) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello());
  RunUntil(Seconds(20));
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000, 0));
  EXPECT_FALSE(hello_.IsNeighbor(kLow));
  EXPECT_EQ(port_.log.back(), At(Seconds(20), "down 10.0.0.1"));
  EXPECT_EQ(port_.traces.back(), "pim.neighbor neighbor=10.0.0.1 change=down reason=goodbye");
  RunUntil(Seconds(200));
  EXPECT_EQ(port_.log.back().what, "hello 105");  // no second "down" at 110 s
}

TEST_F(HelloInterfaceTest, GoodbyeFromUnknownNeighborIsIgnored) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000, 0));
  EXPECT_TRUE(hello_.neighbors().empty());
  EXPECT_TRUE(port_.log.empty());
}

TEST_F(HelloInterfaceTest, NewGenerationIdRestartsNeighborAndTriggersHello) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000));  // triggered Hello at 9.44 s
  RunUntil(Seconds(40));
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x2000));
  RunUntil(Seconds(50));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(5), "up 10.0.0.1"), At(Seconds(5) + kSecond, "hello 105"),
                              At(kFirst + Seconds(30), "hello 105"),
                              At(Seconds(40), "restarted 10.0.0.1"),
                              At(Seconds(40) + kThird, "hello 105")}));
  EXPECT_EQ(hello_.neighbor(kLow)->since, T(Seconds(40)));
  EXPECT_EQ(hello_.neighbor(kLow)->generation_id, 0x2000u);
  EXPECT_EQ(port_.traces.back(),
            "pim.hello reason=neighbor restarted holdtime=105 dr_priority=1 "
            "generation_id=0xfa1617c5");
}

TEST_F(HelloInterfaceTest, SameOrMissingGenerationIdIsNoRestart) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000));
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000));
  hello_.OnHelloReceived(kLow, NeighborHello(1, std::nullopt));
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x3000));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(5), "up 10.0.0.1")}));
}

TEST_F(HelloInterfaceTest, OwnHelloLoopedBackAndHellosWhileStoppedAreIgnored) {
  hello_.OnHelloReceived(kLow, NeighborHello());
  StartQuietly();
  hello_.OnHelloReceived(kMe, NeighborHello());
  EXPECT_TRUE(hello_.neighbors().empty());
  EXPECT_TRUE(port_.log.empty());
}

}  // namespace
}  // namespace pim::hello_testing
