// RouterQuerier alone (RFC 2236 §3 and §7, first diagram): the startup burst, the election
// and the takeover, at exact instants, with the RFC defaults and with shortened values.
//
// Defaults (RFC 2236 §8): QI 125 s, QRI 10 s, SQI = QI/4 = 31.25 s, SQC = RV = 2,
// OQPI = RV x QI + QRI/2 = 255 s.
#include "igmp/router_querier.h"

#include <gtest/gtest.h>

#include <vector>

#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/igmp/router_test_port.h"

namespace igmp {
namespace {

using router_testing::At;
using router_testing::Did;
using router_testing::RecordingRouterPort;
using router_testing::T;
using sim::core::Milliseconds;
using sim::core::Scheduler;
using sim::core::Seconds;
using sim::wire::Ipv4Address;

constexpr Ipv4Address kR1{10, 0, 0, 1};
constexpr Ipv4Address kR2{10, 0, 0, 2};
constexpr Ipv4Address kR3{10, 0, 0, 3};

// Shortened values: QI 10 s, QRI 2 s, SQI 2.5 s, SQC 3, OQPI = 2 x 10 + 2/2 = 21 s.
RouterConfig ShortConfig() {
  RouterConfig c;
  c.query_interval = Seconds(10);
  c.query_response_interval = Seconds(2);
  c.startup_query_interval = Milliseconds(2500);
  c.startup_query_count = 3;
  c.other_querier_present_interval = Seconds(21);
  return c;
}

class RouterQuerierTest : public testing::Test {
 protected:
  explicit RouterQuerierTest(RouterConfig config = {}, Ipv4Address own = kR2)
      : querier_(s_, 1, config, own, port_) {}
  void RunUntil(sim::core::Duration d) { s_.RunUntil(T(d)); }

  Scheduler s_;
  RecordingRouterPort port_{s_};
  RouterQuerier querier_;
};

class RouterQuerierShortTest : public RouterQuerierTest {
 protected:
  RouterQuerierShortTest() : RouterQuerierTest(ShortConfig()) {}
};

TEST_F(RouterQuerierTest, InitialIsSilentUntilStart) {
  RunUntil(Seconds(1000));
  EXPECT_TRUE(port_.log.empty());
  EXPECT_FALSE(querier_.running());
  EXPECT_EQ(querier_.state(), std::nullopt);
  EXPECT_FALSE(querier_.is_querier());
  EXPECT_EQ(querier_.querier_address(), Ipv4Address());
}

TEST_F(RouterQuerierTest, StartBecomesQuerierWithStartupQueriesThenQueryInterval) {
  // RFC 2236 §3/§7: first query at once, SQC = 2 queries SQI apart, then every QI:
  // 0, 31.25 (= QI/4), 156.25 (= 31.25 + 125), 281.25 (+125).
  querier_.Start();
  EXPECT_TRUE(querier_.is_querier());
  EXPECT_EQ(querier_.querier_address(), kR2);
  RunUntil(Milliseconds(281'250));
  EXPECT_EQ(
      port_.log,
      (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s"),
                        At(Milliseconds(156'250), "gq 10s"), At(Milliseconds(281'250), "gq 10s")}));
  EXPECT_EQ(port_.traces.front(), "igmp.querier Initial --start--> Querier [send general query]");
  EXPECT_EQ(port_.traces.back(), "igmp.querier timer=general query [send general query]");
  EXPECT_EQ(querier_.next_general_query_in(), Seconds(125));
  EXPECT_EQ(querier_.other_querier_expires_in(), std::nullopt);
}

TEST_F(RouterQuerierShortTest, StartupBurstWithShortenedValues) {
  // SQC 3 queries SQI = 2.5 s apart (0, 2.5, 5), then every QI = 10 s (15, 25); Max Resp = 2 s.
  querier_.Start();
  RunUntil(Seconds(25));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "gq 2s"), At(Milliseconds(2500), "gq 2s"),
                                         At(Seconds(5), "gq 2s"), At(Seconds(15), "gq 2s"),
                                         At(Seconds(25), "gq 2s")}));
}

TEST(RouterQuerier, StartupQueryCountOneGoesStraightToQueryInterval) {
  Scheduler s;
  RecordingRouterPort port(s);
  RouterConfig c;
  c.startup_query_count = 1;
  RouterQuerier q(s, 1, c, kR2, port);
  q.Start();
  s.RunUntil(T(Seconds(250)));
  EXPECT_EQ(port.log, (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Seconds(125), "gq 10s"),
                                        At(Seconds(250), "gq 10s")}));
}

TEST(RouterQuerier, Igmpv1ModeSendsMaxRespZero) {
  // RFC 2236 §4: "When in IGMPv1 mode, routers MUST send Periodic Queries with a Max Response
  // Time of 0".
  Scheduler s;
  RecordingRouterPort port(s);
  RouterConfig c;
  c.version = 1;
  RouterQuerier q(s, 1, c, kR2, port);
  q.Start();
  s.RunUntil(T(Milliseconds(31'250)));
  EXPECT_EQ(port.log,
            (std::vector<Did>{At(Seconds(0), "gq 0s"), At(Milliseconds(31'250), "gq 0s")}));
}

TEST_F(RouterQuerierTest, QueryFromLowerAddressInQuerierGoesToNonQuerier) {
  // R2 (10.0.0.2) hears R1 (10.0.0.1) at t = 40 s: Non-Querier at once, no query at 156.25,
  // Other Querier Present timer = OQPI = 255 s.
  querier_.Start();
  RunUntil(Seconds(40));
  querier_.OnQueryReceived(kR1);
  EXPECT_EQ(querier_.state(), QuerierState::kNonQuerier);
  EXPECT_EQ(querier_.querier_address(), kR1);
  EXPECT_EQ(querier_.other_querier_expires_in(), Seconds(255));
  EXPECT_EQ(querier_.next_general_query_in(), std::nullopt);
  EXPECT_EQ(port_.traces.back(),
            "igmp.querier Querier --query from lower address--> NonQuerier querier=10.0.0.1");
  RunUntil(Seconds(294));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s")}));
}

TEST_F(RouterQuerierTest, OtherQuerierPresentTimerExpiredGoesBackToQuerier) {
  // Yield at t = 40 s; OQPI later (40 + 255 = 295 s) one query, then every QI (420, 545 s),
  // with no second startup burst (nothing at 295 + 31.25).
  querier_.Start();
  RunUntil(Seconds(40));
  querier_.OnQueryReceived(kR1);
  RunUntil(Seconds(545));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s"),
                              At(Seconds(295), "gq 10s"), At(Seconds(420), "gq 10s"),
                              At(Seconds(545), "gq 10s")}));
  EXPECT_TRUE(querier_.is_querier());
  EXPECT_EQ(querier_.querier_address(), kR2);
  EXPECT_EQ(port_.traces[3],
            "igmp.querier NonQuerier --other querier present timer expired--> Querier "
            "[send general query]");
  EXPECT_EQ(port_.trace_times[3], T(Seconds(295)));
}

TEST_F(RouterQuerierShortTest, TakeoverWithShortenedValues) {
  // Yield at 1 s (during the burst: the 2.5 s and 5 s queries are never sent); OQPI 21 s
  // later, at 22 s, one query, then every 10 s.
  querier_.Start();
  RunUntil(Seconds(1));
  querier_.OnQueryReceived(kR1);
  RunUntil(Seconds(42));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "gq 2s"), At(Seconds(22), "gq 2s"),
                                         At(Seconds(32), "gq 2s"), At(Seconds(42), "gq 2s")}));
}

TEST_F(RouterQuerierTest, QueryFromLowerAddressInNonQuerierRestartsOtherQuerierPresentTimer) {
  // Yield at 40 s, R1 queries again at 165 s: takeover at 165 + 255 = 420 s, not 295 s.
  querier_.Start();
  RunUntil(Seconds(40));
  querier_.OnQueryReceived(kR1);
  RunUntil(Seconds(165));
  querier_.OnQueryReceived(kR1);
  EXPECT_EQ(querier_.other_querier_expires_in(), Seconds(255));
  RunUntil(Seconds(419));
  EXPECT_EQ(port_.log.size(), 2u);
  RunUntil(Seconds(420));
  EXPECT_EQ(port_.log.back(), At(Seconds(420), "gq 10s"));
}

TEST_F(RouterQuerierTest, QueriesFromHigherOrOwnAddressAreIgnored) {
  // RFC 2236 §3: only a lower address wins; our own query looped back is not "another router".
  querier_.Start();
  RunUntil(Seconds(10));
  querier_.OnQueryReceived(kR3);
  querier_.OnQueryReceived(kR2);
  EXPECT_TRUE(querier_.is_querier());
  RunUntil(Milliseconds(31'250));
  EXPECT_EQ(port_.log.back(), At(Milliseconds(31'250), "gq 10s"));
  EXPECT_EQ(port_.traces.size(), 2u);  // start, and the 31.25 s query
}

TEST_F(RouterQuerierTest, HigherQueryDoesNotRestartOtherQuerierPresentTimer) {
  querier_.Start();
  RunUntil(Seconds(40));
  querier_.OnQueryReceived(kR1);
  RunUntil(Seconds(100));
  querier_.OnQueryReceived(kR3);
  EXPECT_EQ(querier_.other_querier_expires_in(), Seconds(195));  // still 40 + 255 = 295 s
  EXPECT_EQ(querier_.querier_address(), kR1);
}

TEST(RouterQuerier, QuerierAddressIsTheLastLowerQuerySource) {
  // R3 hears R1 then R2 (R2 in its startup burst): the Other Querier Present timer counts from
  // R2's query, so R2 is shown until R1 is heard again.
  Scheduler s;
  RecordingRouterPort port(s);
  RouterQuerier q(s, 1, RouterConfig{}, kR3, port);
  q.Start();
  q.OnQueryReceived(kR1);
  EXPECT_EQ(q.querier_address(), kR1);
  s.RunUntil(T(Seconds(5)));
  q.OnQueryReceived(kR2);
  EXPECT_EQ(q.querier_address(), kR2);
  s.RunUntil(T(Seconds(10)));
  q.OnQueryReceived(kR1);
  EXPECT_EQ(q.querier_address(), kR1);
  EXPECT_EQ(q.other_querier_expires_in(), Seconds(255));
}

TEST_F(RouterQuerierTest, StopCancelsBothTimersAndSendsNothing) {
  querier_.Start();
  RunUntil(Seconds(40));
  querier_.OnQueryReceived(kR1);
  querier_.Stop();
  EXPECT_FALSE(querier_.running());
  EXPECT_EQ(querier_.querier_address(), Ipv4Address());
  EXPECT_EQ(querier_.other_querier_expires_in(), std::nullopt);
  EXPECT_EQ(port_.traces.back(), "igmp.querier NonQuerier --stop--> Initial");
  querier_.OnQueryReceived(kR1);  // ignored while stopped
  RunUntil(Seconds(1000));
  EXPECT_EQ(port_.log.size(), 2u);
  EXPECT_EQ(s_.pending_events(), 0u);
}

TEST_F(RouterQuerierTest, StartAfterStopRunsANewStartupBurst) {
  // Stop at 40 s, start again at 100 s: queries at 100, 131.25, 256.25 s.
  querier_.Start();
  RunUntil(Seconds(40));
  querier_.Stop();
  RunUntil(Seconds(100));
  querier_.Start();
  querier_.Start();  // no effect while running
  RunUntil(Milliseconds(256'250));
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s"),
                              At(Seconds(100), "gq 10s"), At(Milliseconds(131'250), "gq 10s"),
                              At(Milliseconds(256'250), "gq 10s")}));
}

TEST_F(RouterQuerierTest, ReconfigureAppliesFromTheNextTimerStart) {
  // At 40 s the next query is already due at 156.25 s; QI becomes 60 s and QRI 5 s. The
  // 156.25 s query keeps its instant but carries Max Resp 5 s; the next is at 216.25 s.
  querier_.Start();
  RunUntil(Seconds(40));
  RouterConfig c;
  c.query_interval = Seconds(60);
  c.query_response_interval = Seconds(5);
  querier_.Reconfigure(c);
  EXPECT_EQ(querier_.next_general_query_in(), Milliseconds(116'250));
  RunUntil(Milliseconds(216'250));
  EXPECT_EQ(
      port_.log,
      (std::vector<Did>{At(Seconds(0), "gq 10s"), At(Milliseconds(31'250), "gq 10s"),
                        At(Milliseconds(156'250), "gq 5s"), At(Milliseconds(216'250), "gq 5s")}));
}

TEST_F(RouterQuerierTest, ReconfiguredOtherQuerierPresentIntervalAppliesOnTheNextQuery) {
  // Yield at 40 s (timer to 295 s); OQPI becomes 30 s at 50 s: the running timer keeps 295 s
  // until R1 is heard again at 100 s, which restarts it with 30 s: takeover at 130 s.
  querier_.Start();
  RunUntil(Seconds(40));
  querier_.OnQueryReceived(kR1);
  RunUntil(Seconds(50));
  RouterConfig c;
  c.other_querier_present_interval = Seconds(30);
  querier_.Reconfigure(c);
  EXPECT_EQ(querier_.other_querier_expires_in(), Seconds(245));
  RunUntil(Seconds(100));
  querier_.OnQueryReceived(kR1);
  RunUntil(Seconds(130));
  EXPECT_EQ(port_.log.back(), At(Seconds(130), "gq 10s"));
}

TEST(RouterQuerier, ToStringNamesEveryState) {
  EXPECT_EQ(ToString(QuerierState::kQuerier), "Querier");
  EXPECT_EQ(ToString(QuerierState::kNonQuerier), "NonQuerier");
}

}  // namespace
}  // namespace igmp
