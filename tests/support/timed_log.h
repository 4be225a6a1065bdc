// What the recording fake ports of the protocol tests (IGMP, PIM) share: a log entry stamped
// with the simulated instant, the instant of a duration after the start, and one text line per
// trace.
#ifndef MCASTLAB_TESTS_SUPPORT_TIMED_LOG_H_
#define MCASTLAB_TESTS_SUPPORT_TIMED_LOG_H_

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/time.h"
#include "sim/core/trace_value.h"

namespace testing_support {

// The protocols' trace fields (igmp::TraceFields and pim::TraceFields are this type).
using TraceFields = sim::core::TraceFields;

// One thing a state machine did through its port: "v2 report 239.1.1.1", "gsq 239.1.1.1 1s".
struct Logged {
  sim::core::Time at;
  std::string what;
  friend bool operator==(const Logged&, const Logged&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Logged& l) {
    return os << "t=" << sim::core::ToString(l.at) << " " << l.what;
  }
};

// The instant `d` after the start of the run.
inline sim::core::Time T(sim::core::Duration d) { return sim::core::Time::Start() + d; }

// The entry for something done `d` after the start of the run.
inline Logged At(sim::core::Duration d, std::string what) {
  return {sim::core::Time::Start() + d, std::move(what)};
}

// "igmp.router_group 239.1.1.1 MembersPresent --leave--> CheckingMembership [send gsq]"; a
// line without a transition keeps its other fields as key=value:
// "igmp.router_group 239.1.1.1 timer=rexmt [send gsq]".
inline std::string TraceLine(std::string_view kind, const TraceFields& fields) {
  std::string group, from, event, to, action, rest;
  for (const auto& [k, value] : fields) {
    const std::string& v = value.text();
    if (k == "group") {
      group = " " + v;
    } else if (k == "from") {
      from = v;
    } else if (k == "event") {
      event = v;
    } else if (k == "to") {
      to = v;
    } else if (k == "action") {
      action = " [" + v + "]";
    } else {
      rest += " " + std::string(k) + "=" + v;
    }
  }
  std::string line = std::string(kind) + group;
  if (!event.empty()) line += " " + from + " --" + event + "--> " + to;
  return line + rest + action;
}

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_TIMED_LOG_H_
