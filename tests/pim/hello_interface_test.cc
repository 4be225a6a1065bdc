// HelloInterface (RFC 7761 §4.3.1): the Hello Timer, triggered Hellos and the neighbor table,
// at exact instants, with the RFC defaults and with shortened timers.
//
// The RNG is seed 7, stream 1. Its draws, in the order Start() and the triggered Hellos make
// them: GenID 0xfa1617c5; then rand(0, 5 s) = 4.046420846 s, 4.441169157 s, 2.231838159 s...
// With Triggered_Hello_Delay 500 ms the first delay is 478.356713 ms.
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

constexpr auto kFirst = Nanoseconds(4'046'420'846);   // rand(0, 5 s), first draw
constexpr auto kSecond = Nanoseconds(4'441'169'157);  // second draw
constexpr auto kThird = Nanoseconds(2'231'838'159);   // third draw
constexpr auto kDay = Seconds(86'400);

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
