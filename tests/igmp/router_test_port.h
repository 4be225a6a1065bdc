// A recording igmp::RouterPort for the router-side tests (querier, group, interface): every
// query and membership change is logged with the simulated instant it happened at, and
// traces are kept as one line each.
#ifndef MCASTLAB_TESTS_IGMP_ROUTER_TEST_PORT_H_
#define MCASTLAB_TESTS_IGMP_ROUTER_TEST_PORT_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "igmp/router_port.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"
#include "tests/support/timed_log.h"

namespace igmp::router_testing {

using Logged = testing_support::Logged;
using Did = testing_support::Logged;
using testing_support::At;

using testing_support::T;

class RecordingRouterPort : public RouterPort {
 public:
  explicit RecordingRouterPort(const sim::core::Scheduler& s) : s_(s) {}

  void SendGeneralQuery(sim::core::Duration max_resp) override {
    log.push_back({s_.Now(), "gq " + sim::core::ToString(max_resp)});
  }
  void SendGroupSpecificQuery(sim::wire::Ipv4Address group, sim::core::Duration max_resp) override {
    log.push_back({s_.Now(), "gsq " + ToString(group) + " " + sim::core::ToString(max_resp)});
  }
  void MembershipChanged(sim::wire::Ipv4Address group, bool members_present) override {
    log.push_back({s_.Now(), (members_present ? "+" : "-") + ToString(group)});
  }
  void Trace(std::string_view kind, TraceFields fields) override {
    traces.push_back(testing_support::TraceLine(kind, fields));
    trace_times.push_back(s_.Now());
  }

  std::vector<Did> log;
  std::vector<std::string> traces;
  std::vector<sim::core::Time> trace_times;

 private:
  const sim::core::Scheduler& s_;
};

}  // namespace igmp::router_testing

#endif  // MCASTLAB_TESTS_IGMP_ROUTER_TEST_PORT_H_
