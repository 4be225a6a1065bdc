// Recording pim::DownstreamJoinPort and pim::UpstreamJoinPort for the Join/Prune state machine
// tests: every port call is logged with the simulated instant it happened at, and traces are
// kept as one line each.
#ifndef MCASTLAB_TESTS_PIM_JOIN_TEST_PORT_H_
#define MCASTLAB_TESTS_PIM_JOIN_TEST_PORT_H_

#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pim/join_ports.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"
#include "tests/support/timed_log.h"

namespace pim::join_testing {

// A port call and its instant: "+(*,239.1.1.1)", "join (*,239.1.1.1) 10.0.0.2".
using Did = testing_support::Logged;
using testing_support::At;

using testing_support::T;

// The entries of the tests, and the default J/P HoldTime (3.5 x t_periodic, RFC 7761 §4.11).
inline constexpr sim::wire::Ipv4Address kGroup{239, 1, 1, 1};
inline constexpr sim::wire::Ipv4Address kSource{10, 0, 0, 1};
inline constexpr sim::core::Duration kHoldtime = sim::core::Seconds(210);

// "pim.upstream (*,239.1.1.1) Joined --JT expires--> Joined send=join 10.0.0.2 why=periodic
// jt=1min". The machines emit entry, from, event, to first, in that order (their documented
// format), then the other fields, rendered key=value in emitted order.
inline std::string TraceLine(std::string_view kind, const TraceFields& fields) {
  EXPECT_GE(fields.size(), 4u);
  if (fields.size() < 4) return std::string(kind);
  EXPECT_EQ(fields[0].first, "entry");
  EXPECT_EQ(fields[1].first, "from");
  EXPECT_EQ(fields[2].first, "event");
  EXPECT_EQ(fields[3].first, "to");
  std::string line = std::string(kind) + " " + fields[0].second.text() + " " + fields[1].second.text() +
                     " --" + fields[2].second.text() + "--> " + fields[3].second.text();
  for (std::size_t i = 4; i < fields.size(); ++i) {
    line += " " + std::string(fields[i].first) + "=" + fields[i].second.text();
  }
  return line;
}

// Keeps each trace as one line, with its instant.
class TraceRecorder {
 public:
  explicit TraceRecorder(const sim::core::Scheduler& s) : s_(s) {}
  void Record(std::string_view kind, const TraceFields& fields) {
    traces.push_back(TraceLine(kind, fields));
    trace_times.push_back(s_.Now());
  }
  sim::core::Time Now() const { return s_.Now(); }

  std::vector<std::string> traces;
  std::vector<sim::core::Time> trace_times;

 private:
  const sim::core::Scheduler& s_;
};

class RecordingDownstreamPort : public DownstreamJoinPort, public TraceRecorder {
 public:
  using TraceRecorder::TraceRecorder;
  void StateChanged(const JoinKey& key, bool joined) override {
    log.push_back({Now(), (joined ? "+" : "-") + ToString(key)});
  }
  void SendPruneEcho(const JoinKey& key) override {
    log.push_back({Now(), "prune echo " + ToString(key)});
  }
  void Trace(std::string_view kind, TraceFields fields) override { Record(kind, fields); }

  std::vector<Did> log;
};

class RecordingUpstreamPort : public UpstreamJoinPort, public TraceRecorder {
 public:
  using TraceRecorder::TraceRecorder;
  void SendJoin(const JoinKey& key, sim::wire::Ipv4Address neighbor) override {
    log.push_back({Now(), "join " + ToString(key) + " " + sim::wire::ToString(neighbor)});
  }
  void SendPrune(const JoinKey& key, sim::wire::Ipv4Address neighbor) override {
    log.push_back({Now(), "prune " + ToString(key) + " " + sim::wire::ToString(neighbor)});
  }
  void Trace(std::string_view kind, TraceFields fields) override { Record(kind, fields); }
  bool Reachable(sim::wire::Ipv4Address neighbor) const override { return !unreachable.contains(neighbor); }

  std::vector<Did> log;
  // Neighbors on a link that went down.
  std::set<sim::wire::Ipv4Address> unreachable;
};

}  // namespace pim::join_testing

#endif  // MCASTLAB_TESTS_PIM_JOIN_TEST_PORT_H_
