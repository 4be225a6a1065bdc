// A recording pim::HelloPort for the Hello and neighbor tests: every call is logged with the
// simulated instant it happened at, every Hello sent is kept whole, and traces are kept as one
// "kind key=value ..." line each. Also the Hellos the tests feed in, and a fixture that owns a
// scheduler, an RNG, a Config and one HelloInterface.
#ifndef MCASTLAB_TESTS_PIM_HELLO_TEST_PORT_H_
#define MCASTLAB_TESTS_PIM_HELLO_TEST_PORT_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pim/config.h"
#include "pim/hello_interface.h"
#include "pim/hello_port.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/pim_hello.h"
#include "tests/support/timed_log.h"

namespace pim::hello_testing {

using Did = testing_support::Logged;
using testing_support::At;

using testing_support::T;

class RecordingHelloPort : public HelloPort {
 public:
  explicit RecordingHelloPort(const sim::core::Scheduler& s) : s_(s) {}

  void SendHello(const sim::wire::PimHello& hello) override {
    hellos.push_back(hello);
    Log("hello " + std::to_string(hello.holdtime_s.value_or(0)));
  }
  void NeighborUp(sim::wire::Ipv4Address n) override { Log("up " + ToString(n)); }
  void NeighborDown(sim::wire::Ipv4Address n) override { Log("down " + ToString(n)); }
  void NeighborRestarted(sim::wire::Ipv4Address n) override { Log("restarted " + ToString(n)); }
  void DrChanged(sim::wire::Ipv4Address dr, bool i_am_dr) override {
    Log("dr " + ToString(dr) + (i_am_dr ? " me" : ""));
  }
  void Trace(std::string_view kind, TraceFields fields) override {
    std::string line(kind);
    for (const auto& [k, v] : fields) line += " " + std::string(k) + "=" + v.text();
    traces.push_back(line);
  }

  std::vector<Did> log;
  std::vector<sim::wire::PimHello> hellos;
  std::vector<std::string> traces;

 private:
  void Log(std::string what) { log.push_back({s_.Now(), std::move(what)}); }
  const sim::core::Scheduler& s_;
};

// A neighbor's Hello: holdtime 105 s, default LAN Prune Delay, the given priority and GenID
// (either may be left out, as the option would be).
inline sim::wire::PimHello NeighborHello(std::optional<std::uint32_t> dr_priority = 1,
                                         std::optional<std::uint32_t> genid = 0x1000,
                                         std::optional<std::uint16_t> holdtime_s = 105) {
  sim::wire::PimHello h;
  h.holdtime_s = holdtime_s;
  h.lan_prune_delay = sim::wire::PimLanPruneDelay{};
  h.dr_priority = dr_priority;
  h.generation_id = genid;
  return h;
}

inline constexpr sim::wire::Ipv4Address kMe{10, 0, 0, 2};
inline constexpr sim::wire::Ipv4Address kLow{10, 0, 0, 1};
inline constexpr sim::wire::Ipv4Address kHigh{10, 0, 0, 3};
inline constexpr sim::wire::Ipv4Address kHigher{10, 0, 0, 4};
// The RNG is seed 7, stream 1. Its draws, in the order Start() and the triggered Hellos make
// them: GenID 0xfa1617c5, then rand(0, 5 s) = kFirst, kSecond, kThird. With
// Triggered_Hello_Delay 500 ms the first delay is 478.356713 ms instead. A Start() after a
// Stop() draws GenID 0x7119bfd0 where kSecond was, so its first Hello comes kThird later.
inline constexpr std::uint64_t kSeed = 7;
inline constexpr auto kFirst = sim::core::Nanoseconds(4'046'420'846);
inline constexpr auto kSecond = sim::core::Nanoseconds(4'441'169'157);
inline constexpr auto kThird = sim::core::Nanoseconds(2'231'838'159);
inline constexpr auto kDay = sim::core::Seconds(86'400);

// Owns everything one HelloInterface needs; `config_` may be changed before Start().
class HelloInterfaceTest : public testing::Test {
 protected:
  void RunUntil(sim::core::Duration d) { s_.RunUntil(T(d)); }
  // Brings the interface up and runs past its first Hello, then clears the logs.
  void StartQuietly() {
    hello_.Start();
    RunUntil(config_.triggered_hello_delay);
    port_.log.clear();
    port_.hellos.clear();
    port_.traces.clear();
  }

  sim::core::Scheduler s_;
  sim::core::Rng rng_{kSeed, 1};
  Config config_;
  RecordingHelloPort port_{s_};
  HelloInterface hello_{s_, 1, kMe, config_, rng_, port_};
};

}  // namespace pim::hello_testing

#endif  // MCASTLAB_TESTS_PIM_HELLO_TEST_PORT_H_
