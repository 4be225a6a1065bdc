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

namespace igmp::router_testing {

// One thing the router did: "gq 10s" (general query, Max Resp Time), "gsq 239.1.1.1 1s"
// (group-specific query), "+239.1.1.1" / "-239.1.1.1" (MembershipChanged).
struct Did {
  sim::core::Time at;
  std::string what;
  friend bool operator==(const Did&, const Did&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Did& d) {
    return os << "t=" << sim::core::ToString(d.at) << " " << d.what;
  }
};

// The entry for something done `d` after the start of the run.
inline Did At(sim::core::Duration d, std::string what) {
  return {sim::core::Time::Start() + d, std::move(what)};
}

inline sim::core::Time T(sim::core::Duration d) { return sim::core::Time::Start() + d; }

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
  // "igmp.router_group 239.1.1.1 MembersPresent --leave--> CheckingMembership [send gsq]";
  // a line without a transition keeps its other fields as key=value:
  // "igmp.router_group 239.1.1.1 timer=rexmt [send gsq]".
  void Trace(std::string_view kind, TraceFields fields) override {
    std::string group, from, event, to, action, rest;
    for (const auto& [k, v] : fields) {
      if (k == "group")
        group = " " + v;
      else if (k == "from")
        from = v;
      else if (k == "event")
        event = v;
      else if (k == "to")
        to = v;
      else if (k == "action")
        action = " [" + v + "]";
      else
        rest += " " + std::string(k) + "=" + v;
    }
    std::string line = std::string(kind) + group;
    if (!event.empty()) line += " " + from + " --" + event + "--> " + to;
    traces.push_back(line + rest + action);
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
