// The fixture of the RegisterStateMachine tests (RFC 7761 §4.4.1): a machine for
// (10.0.0.5, 239.1.1.1) with RP 10.9.9.9, a real scheduler, the recording port, the §4.11
// defaults, and Rng(seed 1, stream 1), whose draws of rand(0.5, 1.5) x 60 s are
// 50.043699895 s, 47.181287081 s, 59.448298649 s, ... So a Register-Stop at t prunes the tunnel
// until t + 45.043699895 s (the draw minus the 5 s Register_Probe_Time), when the Null-Register
// goes; with no answer the tunnel is back 5 s later.
#ifndef MCASTLAB_TESTS_PIM_REGISTER_STATE_FIXTURE_H_
#define MCASTLAB_TESTS_PIM_REGISTER_STATE_FIXTURE_H_

#include <gtest/gtest.h>

#include "pim/config.h"
#include "pim/register_state.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/register_test_port.h"

namespace pim::register_testing {

// The first three RSTs (*) under the seed, defaults: draw - Register_Probe_Time.
inline constexpr sim::core::Duration kRst1 =
    sim::core::Seconds(45) + sim::core::Nanoseconds(43'699'895);
inline constexpr sim::core::Duration kRst2 =
    sim::core::Seconds(42) + sim::core::Nanoseconds(181'287'081);
inline constexpr sim::core::Duration kRst3 =
    sim::core::Seconds(54) + sim::core::Nanoseconds(448'298'649);

class RegisterStateTest : public testing::Test {
 protected:
  void RunUntil(sim::core::Duration d) { s_.RunUntil(T(d)); }
  void CouldRegisterAt(sim::core::Duration d) {
    RunUntil(d);
    reg_.OnCouldRegisterTrue(kRp, "data from S");
  }
  void RegisterStopAt(sim::core::Duration d) {
    RunUntil(d);
    reg_.OnRegisterStopReceived();
  }
  // Join at 1 s, Register-Stop at 2 s: Prune until 2 s + kRst1 = 47.043699895 s.
  void ReachPrune() {
    CouldRegisterAt(sim::core::Seconds(1));
    RegisterStopAt(sim::core::Seconds(2));
  }
  // ... then the Null-Register at 47.043699895 s: JoinPending until 52.043699895 s.
  void ReachJoinPending() {
    ReachPrune();
    RunUntil(sim::core::Seconds(2) + kRst1);
  }

  sim::core::Scheduler s_;
  RecordingRegisterPort port_{s_};
  Config config_;
  sim::core::Rng rng_{1, 1};
  RegisterStateMachine reg_{s_, 1, kSource, kGroup, config_, rng_, port_};
};

}  // namespace pim::register_testing

#endif  // MCASTLAB_TESTS_PIM_REGISTER_STATE_FIXTURE_H_
