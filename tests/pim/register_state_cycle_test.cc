// RegisterStateMachine (RFC 7761 §4.4.1) over longer runs: repeated Register-Stop / Null-Register
// rounds, shortened timers, the bounds of the RST (*) over many seeds, a misconfigured
// Register_Probe_Time, and Stop. Instants are exact (see register_state_fixture.h).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "pim/config.h"
#include "pim/register_state.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/register_state_fixture.h"
#include "tests/pim/register_test_port.h"

namespace pim::register_testing {
namespace {

using sim::core::Duration;
using sim::core::Nanoseconds;
using sim::core::Rng;
using sim::core::Scheduler;
using sim::core::Seconds;

TEST_F(RegisterStateTest, EachAnsweredProbeKeepsTheTunnelPruned) {
  // The steady state of a source whose traffic the RP gets natively: each Null-Register is
  // answered by a Register-Stop 10 ms later, and the next one goes a fresh RST later.
  ReachJoinPending();
  const Duration answer1 = Seconds(2) + kRst1 + sim::core::Milliseconds(10);
  RegisterStopAt(answer1);
  RunUntil(answer1 + kRst2);
  const Duration answer2 = answer1 + kRst2 + sim::core::Milliseconds(10);
  RegisterStopAt(answer2);
  RunUntil(answer2 + kRst3);
  EXPECT_EQ(reg_.state(), RegisterState::kJoinPending);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(1), kTunnelUp), At(Seconds(2), kTunnelDown),
                                         At(Seconds(2) + kRst1, kNullRegister),
                                         At(answer1 + kRst2, kNullRegister),
                                         At(answer2 + kRst3, kNullRegister)}));
}

TEST_F(RegisterStateTest, ShortenedTimersGiveTheSameCycle) {
  // Register_Suppression_Time 10 s, Register_Probe_Time 2 s: the first draw of
  // rand(5 s, 15 s) is 14.751925709 s, so RST = 12.751925709 s: Null-Register at 3 s + RST,
  // tunnel back at 5 s + RST.
  config_.register_suppression = Seconds(10);
  config_.register_probe = Seconds(2);
  const Duration rst = Seconds(12) + Nanoseconds(751'925'709);
  CouldRegisterAt(Seconds(1));
  RegisterStopAt(Seconds(3));
  EXPECT_EQ(reg_.register_stop_expires_in(), rst);
  RunUntil(Seconds(100));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(1), kTunnelUp), At(Seconds(3), kTunnelDown),
                                         At(Seconds(3) + rst, kNullRegister),
                                         At(Seconds(5) + rst, kTunnelUp)}));
}

TEST(RegisterStateRst, StaysWithinTheRfcIntervalForManySeeds) {
  // (*) with the defaults: rand(30 s, 90 s) - 5 s lies in [25 s, 85 s].
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    Scheduler s;
    RecordingRegisterPort port{s};
    Config config;
    Rng rng{seed, 1};
    RegisterStateMachine reg{s, 1, kSource, kGroup, config, rng, port};
    reg.OnCouldRegisterTrue(kRp);
    reg.OnRegisterStopReceived();
    const Duration rst = reg.register_stop_expires_in().value();
    EXPECT_GE(rst, Seconds(25)) << "seed " << seed;
    EXPECT_LE(rst, Seconds(85)) << "seed " << seed;
  }
}

TEST_F(RegisterStateTest, ProbeTimeOverHalfTheSuppressionGivesAZeroRst) {
  // §4.11 requires Register_Probe_Time < Register_Suppression_Time / 2; with 2 s and 5 s the
  // RST would be negative, so it is zero: the Null-Register goes at once.
  config_.register_suppression = Seconds(2);
  config_.register_probe = Seconds(5);
  ReachPrune();
  EXPECT_EQ(reg_.register_stop_expires_in(), Duration::Zero());
  RunUntil(Seconds(2));
  EXPECT_EQ(reg_.state(), RegisterState::kJoinPending);
  EXPECT_EQ(port_.log.back(), At(Seconds(2), kNullRegister));
}

TEST_F(RegisterStateTest, StopCancelsTheRstWithoutPortCalls) {
  ReachPrune();
  RunUntil(Seconds(10));
  reg_.Stop();
  EXPECT_EQ(reg_.state(), RegisterState::kNoInfo);
  RunUntil(Seconds(500));
  EXPECT_EQ(port_.log.size(), 2u);
  EXPECT_EQ(port_.traces.back(), "pim.register 239.1.1.1 Prune --stop--> NoInfo source=10.0.0.5");
}

TEST(RegisterStateNames, AreTheRfcNames) {
  EXPECT_EQ(ToString(RegisterState::kNoInfo), "NoInfo");
  EXPECT_EQ(ToString(RegisterState::kJoin), "Join");
  EXPECT_EQ(ToString(RegisterState::kJoinPending), "JoinPending");
  EXPECT_EQ(ToString(RegisterState::kPrune), "Prune");
}

}  // namespace
}  // namespace pim::register_testing
