// HelloInterface (RFC 7761 §4.3.1): the Hello Timer and triggered Hellos, Stop and restart, at
// exact instants, with the RFC defaults and with shortened timers. The RNG draws of seed 7 are
// listed in hello_test_port.h.
#include "pim/hello_interface.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/pim/hello_test_port.h"

namespace pim::hello_testing {
namespace {

using sim::core::Milliseconds;
using sim::core::Minutes;
using sim::core::Nanoseconds;
using sim::core::Seconds;
using sim::wire::PimHello;
using sim::wire::PimLanPruneDelay;

TEST_F(HelloInterfaceTest, StartSendsFirstHelloAfterRandomTriggeredHelloDelay) {
  hello_.Start();
  EXPECT_EQ(hello_.generation_id(), 0xfa1617c5u);
  EXPECT_EQ(hello_.next_hello_at(), T(kFirst));
  RunUntil(kFirst - Nanoseconds(1));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "dr 10.0.0.2 me")}));
  RunUntil(kFirst);
  ASSERT_EQ(port_.hellos.size(), 1u);
  EXPECT_LE(kFirst, Seconds(5));
  // RFC 7761 §4.3.1/§4.9.2: Holdtime, LAN Prune Delay (T clear), DR Priority, GenID.
  EXPECT_EQ(port_.hellos[0], (PimHello{.holdtime_s = 105,
                                       .lan_prune_delay = PimLanPruneDelay{false, 500, 2500},
                                       .dr_priority = 1,
                                       .generation_id = 0xfa1617c5u,
                                       .other_options = {}}));
  EXPECT_EQ(port_.traces.back(),
            "pim.hello reason=start holdtime=105 dr_priority=1 generation_id=0xfa1617c5");
}

TEST_F(HelloInterfaceTest, HelloTimerExpiredSendsPeriodicHelloEveryHelloPeriod) {
  hello_.Start();
  RunUntil(kFirst + Seconds(60));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "dr 10.0.0.2 me"), At(kFirst, "hello 105"),
                                         At(kFirst + Seconds(30), "hello 105"),
                                         At(kFirst + Seconds(60), "hello 105")}));
  EXPECT_EQ(port_.traces.back(),
            "pim.hello reason=periodic holdtime=105 dr_priority=1 generation_id=0xfa1617c5");
  EXPECT_EQ(hello_.next_hello_at(), T(kFirst + Seconds(90)));
}

TEST(HelloInterface, GenerationIdAndFirstHelloFollowTheSeed) {
  // Seed 8: GenID 0xb59129b9, first Hello at 1.760382379 s; the same seed gives the same run.
  for (int run = 0; run < 2; ++run) {
    sim::core::Scheduler s;
    sim::core::Rng rng(8, 1);
    const Config config;
    RecordingHelloPort port(s);
    HelloInterface hello(s, 1, kMe, config, rng, port);
    hello.Start();
    s.RunUntil(T(Seconds(5)));
    EXPECT_EQ(hello.generation_id(), 0xb59129b9u);
    EXPECT_EQ(port.log.back(), At(Nanoseconds(1'760'382'379), "hello 105"));
  }
}

TEST_F(HelloInterfaceTest, ZeroHelloPeriodSendsOnlyTheFirstHello) {
  config_.hello_period = Seconds(0);
  hello_.Start();
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.hellos.size(), 1u);
}

TEST_F(HelloInterfaceTest, ShortenedTimersFirstHelloPeriodicAndRoundedUpHoldtime) {
  // Hello_Period 1 s, Triggered_Hello_Delay 500 ms, holdtime 3.5 s: sent as 4 s.
  config_.hello_period = Seconds(1);
  config_.triggered_hello_delay = Milliseconds(500);
  config_.hello_holdtime = Milliseconds(3500);
  hello_.Start();
  const auto first = Nanoseconds(478'356'713);
  RunUntil(first + Seconds(2));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "dr 10.0.0.2 me"), At(first, "hello 4"),
                                         At(first + Seconds(1), "hello 4"),
                                         At(first + Seconds(2), "hello 4")}));
}

TEST_F(HelloInterfaceTest, PeriodChangedAtRunTimeAppliesFromNextHelloTimerStart) {
  hello_.Start();
  RunUntil(Seconds(10));
  config_.hello_period = Seconds(10);  // the timer already runs toward kFirst + 30 s
  RunUntil(kFirst + Seconds(50));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "dr 10.0.0.2 me"), At(kFirst, "hello 105"),
                                         At(kFirst + Seconds(30), "hello 105"),
                                         At(kFirst + Seconds(40), "hello 105"),
                                         At(kFirst + Seconds(50), "hello 105")}));
}

TEST_F(HelloInterfaceTest, HelloFromNewNeighborCreatesItAndTriggersHello) {
  StartQuietly();  // first Hello at kFirst, clock at 5 s
  hello_.OnHelloReceived(kLow, NeighborHello());
  RunUntil(Seconds(35));
  // RFC 7761 §4.3.1: triggered Hello after rand(0, Triggered_Hello_Delay); the periodic one
  // keeps its time.
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(5), "up 10.0.0.1"), At(Seconds(5) + kSecond, "hello 105"),
                              At(kFirst + Seconds(30), "hello 105")}));
  EXPECT_EQ(port_.traces[0],
            "pim.neighbor neighbor=10.0.0.1 change=up holdtime=105 dr_priority=1 "
            "generation_id=0x00001000");
  EXPECT_EQ(port_.traces[1],
            "pim.hello reason=new neighbor holdtime=105 dr_priority=1 generation_id=0xfa1617c5");
  const auto n = hello_.neighbor(kLow);
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->since, T(Seconds(5)));
  EXPECT_EQ(n->expires_at, T(Seconds(110)));
  EXPECT_EQ(n->dr_priority, 1u);
  EXPECT_EQ(n->generation_id, 0x1000u);
  EXPECT_EQ(n->lan_prune_delay, PimLanPruneDelay{});
}

TEST_F(HelloInterfaceTest, NewNeighborTriggersNoHelloWhenPeriodicOneIsDueSooner) {
  hello_.Start();
  RunUntil(Seconds(33));  // the periodic Hello is due at kFirst + 30 = 34.05 s
  hello_.OnHelloReceived(kLow, NeighborHello());
  RunUntil(Seconds(60));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "dr 10.0.0.2 me"), At(kFirst, "hello 105"),
                                         At(Seconds(33), "up 10.0.0.1"),
                                         At(kFirst + Seconds(30), "hello 105")}));
}

// A second new neighbor draws again (kThird); the triggered Hello goes at the sooner of the
// two instants, once.
struct SecondNeighborCase {
  sim::core::Duration second_at;  // the first neighbor comes at 5 s: Hello due 5 + kSecond
  sim::core::Duration hello_at;
};

class SecondNewNeighborTest : public HelloInterfaceTest,
                              public testing::WithParamInterface<SecondNeighborCase> {};

TEST_P(SecondNewNeighborTest, TriggeredHelloGoesAtSoonerOfTwoDraws) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello());
  RunUntil(GetParam().second_at);
  hello_.OnHelloReceived(kHigh, NeighborHello());
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.hellos.size(), 1u);
  EXPECT_EQ(port_.log.back(), At(GetParam().hello_at, "hello 105"));
}

INSTANTIATE_TEST_SUITE_P(
    HelloInterface, SecondNewNeighborTest,
    testing::Values(SecondNeighborCase{Seconds(6), Seconds(6) + kThird},     // 8.23 s: sooner
                    SecondNeighborCase{Seconds(8), Seconds(5) + kSecond}));  // 10.23 s: later

TEST_F(HelloInterfaceTest, StopWithGoodbyeSendsHoldtimeZeroThenNeighborsDownThenNoDr) {
  StartQuietly();
  hello_.OnHelloReceived(kHigh, NeighborHello());
  hello_.OnHelloReceived(kLow, NeighborHello());
  RunUntil(Seconds(50));
  port_.log.clear();
  hello_.Stop(/*goodbye=*/true);
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(50), "hello 0"), At(Seconds(50), "down 10.0.0.1"),
                              At(Seconds(50), "down 10.0.0.3"), At(Seconds(50), "dr 0.0.0.0")}));
  EXPECT_EQ(port_.hellos.back().holdtime_s, 0);
  EXPECT_EQ(port_.hellos.back().generation_id, 0xfa1617c5u);
  EXPECT_EQ(port_.traces.back(),
            "pim.dr from=10.0.0.3 event=interface down to=none i_am_dr=false by=priority");
  EXPECT_EQ(hello_.next_hello_at(), std::nullopt);
  RunUntil(Minutes(60));
  EXPECT_EQ(port_.log.size(), 4u);  // no Hello, no expiry
}

TEST_F(HelloInterfaceTest, StopWithoutGoodbyeSendsNothing) {
  StartQuietly();
  hello_.Stop(/*goodbye=*/false);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(5), "dr 0.0.0.0")}));
  EXPECT_TRUE(port_.hellos.empty());
}

TEST_F(HelloInterfaceTest, RestartDrawsNewGenerationIdAndNewFirstHelloDelay) {
  StartQuietly();
  hello_.Stop(/*goodbye=*/true);
  RunUntil(Seconds(100));
  port_.log.clear();
  hello_.Start();
  EXPECT_EQ(hello_.generation_id(), 0x7119bfd0u);
  RunUntil(Seconds(110));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(100), "dr 10.0.0.2 me"),
                                         At(Seconds(100) + kThird, "hello 105")}));
  EXPECT_EQ(port_.hellos.back().generation_id, 0x7119bfd0u);
}

TEST_F(HelloInterfaceTest, HelloBeforeJoinPruneOrAssertOnlyWhenNoneSentOrTriggeredPending) {
  hello_.Start();
  RunUntil(Seconds(1));
  hello_.SendHelloBeforeJoinPruneOrAssert();  // none sent yet: at once
  hello_.SendHelloBeforeJoinPruneOrAssert();  // already done
  RunUntil(Seconds(5));
  hello_.OnHelloReceived(kLow, NeighborHello());  // triggered Hello pending until 9.44 s
  RunUntil(Seconds(6));
  hello_.SendHelloBeforeJoinPruneOrAssert();  // sent now, the triggered one with it
  RunUntil(Seconds(20));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "dr 10.0.0.2 me"), At(Seconds(1), "hello 105"),
                              At(kFirst, "hello 105"), At(Seconds(5), "up 10.0.0.1"),
                              At(Seconds(6), "hello 105")}));
  EXPECT_EQ(port_.traces.back(),
            "pim.hello reason=before join/prune or assert holdtime=105 dr_priority=1 "
            "generation_id=0xfa1617c5");
}

}  // namespace
}  // namespace pim::hello_testing
