// The upstream and downstream machines together on one LAN, wired by hand the way the glue will
// wire them (every message a router sends is received by the upstream router's DownstreamJoin
// and seen by the other downstream routers' UpstreamJoin), with no network. It checks the point
// of the RFC's timer values: a Prune on a LAN is overridden by another router's Join before the
// upstream router's Prune-Pending Timer ends, because t_override < J/P_Override_Interval.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "pim/config.h"
#include "pim/downstream_join.h"
#include "pim/upstream_join.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/join_test_port.h"

namespace pim {
namespace {

using join_testing::At;
using join_testing::Did;
using join_testing::kGroup;
using join_testing::kHoldtime;
using join_testing::RecordingDownstreamPort;
using join_testing::RecordingUpstreamPort;
using join_testing::T;
using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::wire::Ipv4Address;

constexpr Ipv4Address kUpstreamRouter{10, 0, 0, 2};
constexpr Duration kJpOverrideInterval = Seconds(3);   // 0.5 s + 2.5 s, §4.3.3
constexpr std::size_t kNeighborsOfUpstreamRouter = 2;  // downstream routers A and B

// A downstream router's port that also puts each message on the LAN.
class LanUpstreamPort : public RecordingUpstreamPort {
 public:
  using RecordingUpstreamPort::RecordingUpstreamPort;
  void SendJoin(const JoinKey& key, Ipv4Address neighbor) override {
    RecordingUpstreamPort::SendJoin(key, neighbor);
    on_join();
  }
  void SendPrune(const JoinKey& key, Ipv4Address neighbor) override {
    RecordingUpstreamPort::SendPrune(key, neighbor);
    on_prune();
  }
  std::function<void()> on_join = [] {};
  std::function<void()> on_prune = [] {};
};

class JoinPruneLanTest : public testing::Test {
 protected:
  JoinPruneLanTest() {
    // A message from one downstream router reaches the upstream router and the other one.
    a_port_.on_join = [this] { Join(b_); };
    b_port_.on_join = [this] { Join(a_); };
    a_port_.on_prune = [this] { Prune(b_, b_override_); };
    b_port_.on_prune = [this] { Prune(a_, a_override_); };
  }
  void Join(UpstreamJoin& other) {
    upstream_router_.OnJoinReceived(kHoldtime);
    other.OnJoinSeen(kHoldtime);
  }
  void Prune(UpstreamJoin& other, Duration other_t_override) {
    upstream_router_.OnPruneReceived(kJpOverrideInterval, kNeighborsOfUpstreamRouter);
    other.OnPruneSeen(other_t_override);
  }
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }

  sim::core::Scheduler s_;
  Config config_;
  Duration a_override_ = Milliseconds(900);
  Duration b_override_ = Milliseconds(1700);
  RecordingDownstreamPort router_port_{s_};
  LanUpstreamPort a_port_{s_};
  LanUpstreamPort b_port_{s_};
  DownstreamJoin upstream_router_{s_, 1, JoinKey::StarG(kGroup), router_port_};
  UpstreamJoin a_{
      s_, 2, JoinKey::StarG(kGroup), config_, kUpstreamRouter, a_port_, [] { return Seconds(75); }};
  UpstreamJoin b_{
      s_, 3, JoinKey::StarG(kGroup), config_, kUpstreamRouter, b_port_, [] { return Seconds(70); }};
};

TEST_F(JoinPruneLanTest, PruneIsOverriddenWithinThePrunePendingWindow) {
  // A and B join at 0 (B's Join suppresses A's next one to 75 s). A leaves at 40 s: its Prune
  // puts the upstream router in Prune-Pending until 43 s, and B, seeing it, sends its Join at
  // 41.7 s. The interface never stops forwarding; B goes on alone every 60 s.
  a_.OnJoinDesired(true);
  b_.OnJoinDesired(true);
  EXPECT_EQ(a_.join_timer_in(), Seconds(75));
  RunUntil(Seconds(40));
  a_.OnJoinDesired(false);
  EXPECT_EQ(upstream_router_.state(), DownstreamJoinState::kPrunePending);
  RunUntil(Milliseconds(41'700));
  EXPECT_EQ(upstream_router_.state(), DownstreamJoinState::kJoin);
  RunUntil(Seconds(500));
  EXPECT_EQ(router_port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)")}));
  EXPECT_EQ(a_port_.log, (std::vector<Did>{At(Seconds(0), "join (*,239.1.1.1) 10.0.0.2"),
                                           At(Seconds(40), "prune (*,239.1.1.1) 10.0.0.2")}));
  EXPECT_EQ(b_port_.log.size(), 9u);  // 0, 41.7 s, then 101.7 s ... 461.7 s
  EXPECT_EQ(b_port_.log[1], At(Milliseconds(41'700), "join (*,239.1.1.1) 10.0.0.2"));
  EXPECT_EQ(b_port_.log.back(), At(Milliseconds(461'700), "join (*,239.1.1.1) 10.0.0.2"));
}

TEST_F(JoinPruneLanTest, LastPruneEndsForwardingAfterThePrunePendingWindow) {
  // Both leave: A at 40 s (B overrides at 41.7 s), B at 50 s (A, not joined, stays silent):
  // Prune-Pending from 50 s, NoInfo and a PruneEcho at exactly 53 s.
  a_.OnJoinDesired(true);
  b_.OnJoinDesired(true);
  RunUntil(Seconds(40));
  a_.OnJoinDesired(false);
  RunUntil(Seconds(50));
  b_.OnJoinDesired(false);
  RunUntil(Seconds(53) - Duration::FromNanos(1));
  EXPECT_TRUE(upstream_router_.joined());
  RunUntil(Seconds(500));
  EXPECT_EQ(router_port_.log, (std::vector<Did>{At(Seconds(0), "+(*,239.1.1.1)"),
                                                At(Seconds(53), "prune echo (*,239.1.1.1)"),
                                                At(Seconds(53), "-(*,239.1.1.1)")}));
}

}  // namespace
}  // namespace pim
