// A recording fake of pim::RegisterPort and pim::KeepalivePort for the Register tests: every
// tunnel change, Null-Register and KAT expiry is logged with the simulated instant it happened
// at, and each trace is kept as one line. The log entry and the trace line format come from
// tests/support/timed_log.h, shared with the IGMP tests, so both protocols' tests read alike.
#ifndef MCASTLAB_TESTS_PIM_REGISTER_TEST_PORT_H_
#define MCASTLAB_TESTS_PIM_REGISTER_TEST_PORT_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pim/keepalive_timer.h"
#include "pim/register_port.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"
#include "tests/support/timed_log.h"

namespace pim::register_testing {

using Did = testing_support::Logged;
using testing_support::At;

using testing_support::T;

// The (S,G) of every Register test, its RP, and the RP it changes to.
inline constexpr sim::wire::Ipv4Address kSource{10, 0, 0, 5};
inline constexpr sim::wire::Ipv4Address kGroup{239, 1, 1, 1};
inline constexpr sim::wire::Ipv4Address kRp{10, 9, 9, 9};
inline constexpr sim::wire::Ipv4Address kNewRp{10, 8, 8, 8};

// What the port logs for that (S,G).
inline const std::string kTunnelUp = "tunnel up (10.0.0.5,239.1.1.1) to 10.9.9.9";
inline const std::string kTunnelUpNewRp = "tunnel up (10.0.0.5,239.1.1.1) to 10.8.8.8";
inline const std::string kTunnelDown = "tunnel down (10.0.0.5,239.1.1.1)";
inline const std::string kNullRegister = "null-register (10.0.0.5,239.1.1.1) to 10.9.9.9";
inline const std::string kKatExpired = "kat expired (10.0.0.5,239.1.1.1)";

class RecordingRegisterPort : public RegisterPort, public KeepalivePort {
 public:
  explicit RecordingRegisterPort(const sim::core::Scheduler& s) : s_(s) {}

  void TunnelUp(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group,
                sim::wire::Ipv4Address rp) override {
    Log("tunnel up " + Sg(source, group) + " to " + ToString(rp));
  }
  void TunnelDown(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group) override {
    Log("tunnel down " + Sg(source, group));
  }
  void SendNullRegister(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group,
                        sim::wire::Ipv4Address rp) override {
    Log("null-register " + Sg(source, group) + " to " + ToString(rp));
  }
  void KeepaliveExpired(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group) override {
    Log("kat expired " + Sg(source, group));
    if (on_keepalive_expired) on_keepalive_expired();
  }
  void Trace(std::string_view kind, TraceFields fields) override {
    traces.push_back(testing_support::TraceLine(kind, fields));
  }

  std::vector<Did> log;
  std::vector<std::string> traces;
  // What the glue does on KAT expiry, for the tests that tie the KAT to the Register machine.
  std::function<void()> on_keepalive_expired;

 private:
  static std::string Sg(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group) {
    return "(" + ToString(source) + "," + ToString(group) + ")";
  }
  void Log(std::string what) { log.push_back({s_.Now(), std::move(what)}); }

  const sim::core::Scheduler& s_;
};

}  // namespace pim::register_testing

#endif  // MCASTLAB_TESTS_PIM_REGISTER_TEST_PORT_H_
