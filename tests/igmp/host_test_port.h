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
#include "tests/support/timed_log.h"

namespace igmp::testing {

using Logged = testing_support::Logged;
using Sent = testing_support::Logged;
using testing_support::At;

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
  void Trace(std::string_view kind, TraceFields fields) override {
    traces.push_back(testing_support::TraceLine(kind, fields));
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
