// A recording igmp::HostPort for the host state machine tests: every report and leave is
// logged with the simulated instant it was sent at, random delays come from a script, and
// traces are kept as one line each.
#ifndef MCASTLAB_TESTS_IGMP_HOST_TEST_PORT_H_
#define MCASTLAB_TESTS_IGMP_HOST_TEST_PORT_H_

#include <gtest/gtest.h>

#include <deque>
#include <ostream>
#include <string>
#include <vector>

#include "igmp/host_port.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace igmp::testing {

// One thing the host put on the wire: "v2 report 239.1.1.1", "v1 report ...", "leave ...".
struct Sent {
  sim::core::Time at;
  std::string what;
  friend bool operator==(const Sent&, const Sent&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Sent& s) {
    return os << "t=" << sim::core::ToString(s.at) << " " << s.what;
  }
};

// The entry for something sent `d` after the start of the run.
inline Sent At(sim::core::Duration d, std::string what) {
  return {sim::core::Time::Start() + d, std::move(what)};
}

class RecordingHostPort : public HostPort {
 public:
  explicit RecordingHostPort(const sim::core::Scheduler& s) : s_(s) {}

  void SendReport(sim::wire::Ipv4Address group, int version) override {
    sent.push_back({s_.Now(), "v" + std::to_string(version) + " report " + ToString(group)});
  }
  void SendLeave(sim::wire::Ipv4Address group) override {
    sent.push_back({s_.Now(), "leave " + ToString(group)});
  }
  // Returns the next scripted delay and records the `max` it was asked for.
  sim::core::Duration RandomDelay(sim::core::Duration max) override {
    asked.push_back(max);
    if (script.empty()) {
      ADD_FAILURE() << "unscripted RandomDelay(" << sim::core::ToString(max) << ")";
      return max;
    }
    const sim::core::Duration d = script.front();
    script.pop_front();
    EXPECT_LE(d, max) << "scripted delay beyond the range asked for";
    return d;
  }
  // "igmp.host_group 239.1.1.1 NonMember --join group--> DelayingMember [send v2 report]";
  // fields other than group/from/event/to/action are appended as key=value.
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
    traces.push_back(std::string(kind) + group + " " + from + " --" + event + "--> " + to + action +
                     rest);
    trace_times.push_back(s_.Now());
  }

  std::deque<sim::core::Duration> script;  // the delays RandomDelay returns, in order
  std::vector<sim::core::Duration> asked;  // the max of every RandomDelay call
  std::vector<Sent> sent;
  std::vector<std::string> traces;
  std::vector<sim::core::Time> trace_times;

 private:
  const sim::core::Scheduler& s_;
};

}  // namespace igmp::testing

#endif  // MCASTLAB_TESTS_IGMP_HOST_TEST_PORT_H_
