// RegisterStateMachine alone (RFC 7761 §4.4.1): one TEST per edge of the table, named after it,
// one for each group of "-" cells, and the subtle cases quoted in the code. Every instant is
// exact, with the §4.4.1/§4.11 defaults and with shortened timers.
//
// The random part of the Register-Stop Timer comes from Rng(seed 1, stream 1), whose draws of
// rand(0.5, 1.5) x 60 s are 50.043699895 s, 47.181287081 s, 59.448298649 s, ... So a
// Register-Stop at t prunes the tunnel until t + 45.043699895 s (the draw minus the 5 s
// Register_Probe_Time), when the Null-Register goes; with no answer the tunnel is back 5 s later.
#include "pim/register_state.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/register_test_port.h"

namespace pim {
namespace {

using register_testing::At;
using register_testing::Did;
using register_testing::kGroup;
using register_testing::kNewRp;
using register_testing::kNullRegister;
using register_testing::kRp;
using register_testing::kSource;
using register_testing::kTunnelDown;
using register_testing::kTunnelUp;
using register_testing::kTunnelUpNewRp;
using register_testing::RecordingRegisterPort;
using register_testing::T;
using sim::core::Duration;
using sim::core::Nanoseconds;
using sim::core::Rng;
using sim::core::Scheduler;
using sim::core::Seconds;

// The first three RSTs (*) under the seed, defaults: draw - Register_Probe_Time.
constexpr Duration kRst1 = Seconds(45) + Nanoseconds(43'699'895);
constexpr Duration kRst2 = Seconds(42) + Nanoseconds(181'287'081);
constexpr Duration kRst3 = Seconds(54) + Nanoseconds(448'298'649);

class RegisterStateTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }
  void CouldRegisterAt(Duration d) {
    RunUntil(d);
    reg_.OnCouldRegisterTrue(kRp, "data from S");
  }
  void RegisterStopAt(Duration d) {
    RunUntil(d);
    reg_.OnRegisterStopReceived();
  }
  // Join at 1 s, Register-Stop at 2 s: Prune until 2 s + kRst1 = 47.043699895 s.
  void ReachPrune() {
    CouldRegisterAt(Seconds(1));
    RegisterStopAt(Seconds(2));
  }
  // ... then the Null-Register at 47.043699895 s: JoinPending until 52.043699895 s.
  void ReachJoinPending() {
    ReachPrune();
    RunUntil(Seconds(2) + kRst1);
  }

  Scheduler s_;
  RecordingRegisterPort port_{s_};
  Config config_;
  Rng rng_{1, 1};
  RegisterStateMachine reg_{s_, 1, kSource, kGroup, config_, rng_, port_};
};

// --- NoInfo --------------------------------------------------------------------------------

TEST_F(RegisterStateTest, CouldRegisterTrueInNoInfoGoesToJoin) {
  CouldRegisterAt(Seconds(1));
  EXPECT_EQ(reg_.state(), RegisterState::kJoin);
  EXPECT_TRUE(reg_.tunnel_up());
  EXPECT_EQ(reg_.rp(), kRp);
  EXPECT_EQ(reg_.register_stop_expires_in(), std::nullopt);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(1), kTunnelUp)}));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 NoInfo --CouldRegister->True--> Join source=10.0.0.5 "
            "rp=10.9.9.9 why=data from S [add reg tunnel]");
}

TEST_F(RegisterStateTest, DashCellsOfNoInfoDoNothing) {
  // CouldRegister->False, Register-Stop received, RP changed: "-".
  reg_.OnCouldRegisterFalse();
  reg_.OnRegisterStopReceived();
  reg_.OnRpChanged(kNewRp);
  RunUntil(Seconds(500));
  EXPECT_EQ(reg_.state(), RegisterState::kNoInfo);
  EXPECT_TRUE(port_.log.empty());
  EXPECT_TRUE(port_.traces.empty());
}

// --- Join ----------------------------------------------------------------------------------

TEST_F(RegisterStateTest, CouldRegisterFalseInJoinGoesToNoInfo) {
  CouldRegisterAt(Seconds(1));
  RunUntil(Seconds(211));
  reg_.OnCouldRegisterFalse("KAT expired");
  EXPECT_EQ(reg_.state(), RegisterState::kNoInfo);
  EXPECT_EQ(port_.log.back(), At(Seconds(211), kTunnelDown));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 Join --CouldRegister->False--> NoInfo source=10.0.0.5 why=KAT "
            "expired [remove reg tunnel]");
}

TEST_F(RegisterStateTest, RegisterStopInJoinGoesToPrune) {
  // (remove reg tunnel, set RST (*)): RST = 50.043699895 s - 5 s.
  ReachPrune();
  EXPECT_EQ(reg_.state(), RegisterState::kPrune);
  EXPECT_FALSE(reg_.tunnel_up());
  EXPECT_EQ(reg_.register_stop_expires_in(), kRst1);
  EXPECT_EQ(port_.log.back(), At(Seconds(2), kTunnelDown));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 Join --Register-Stop received--> Prune source=10.0.0.5 "
            "rp=10.9.9.9 [remove reg tunnel; set RST 45.043699895s]");
}

TEST_F(RegisterStateTest, RpChangedInJoinUpdatesTheTunnel) {
  CouldRegisterAt(Seconds(1));
  RunUntil(Seconds(30));
  reg_.OnRpChanged(kNewRp);
  EXPECT_EQ(reg_.state(), RegisterState::kJoin);
  EXPECT_EQ(reg_.rp(), kNewRp);
  EXPECT_EQ(port_.log.back(), At(Seconds(30), kTunnelUpNewRp));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 Join --RP changed--> Join source=10.0.0.5 rp=10.8.8.8 [update "
            "reg tunnel]");
}

TEST_F(RegisterStateTest, DashCellsOfJoinDoNothing) {
  // CouldRegister->True: "-"; the RST does not run in Join. An "RP changed" to the same RP is
  // no change.
  CouldRegisterAt(Seconds(1));
  reg_.OnCouldRegisterTrue(kNewRp);
  reg_.OnRpChanged(kRp);
  RunUntil(Seconds(500));
  EXPECT_EQ(reg_.state(), RegisterState::kJoin);
  EXPECT_EQ(reg_.rp(), kRp);
  EXPECT_EQ(port_.log.size(), 1u);
  EXPECT_EQ(port_.traces.size(), 1u);
}

// --- Prune ---------------------------------------------------------------------------------

TEST_F(RegisterStateTest, RstExpiresInPruneGoesToJoinPending) {
  // (set RST (**) = Register_Probe_Time, send Null-Register) at exactly 2 s + 45.043699895 s.
  ReachPrune();
  RunUntil(Seconds(2) + kRst1 - Nanoseconds(1));
  EXPECT_EQ(reg_.state(), RegisterState::kPrune);
  RunUntil(Seconds(2) + kRst1);
  EXPECT_EQ(reg_.state(), RegisterState::kJoinPending);
  EXPECT_FALSE(reg_.tunnel_up());
  EXPECT_EQ(reg_.register_stop_expires_in(), Seconds(5));
  EXPECT_EQ(port_.log.back(), At(Seconds(2) + kRst1, kNullRegister));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 Prune --RST expires--> JoinPending source=10.0.0.5 rp=10.9.9.9 "
            "[set RST 5s; send Null-Register]");
}

TEST_F(RegisterStateTest, CouldRegisterFalseInPruneGoesToNoInfo) {
  // -> NI state; the RST is cancelled, so no Null-Register follows.
  ReachPrune();
  RunUntil(Seconds(20));
  reg_.OnCouldRegisterFalse("not DR");
  EXPECT_EQ(reg_.state(), RegisterState::kNoInfo);
  EXPECT_EQ(reg_.register_stop_expires_in(), std::nullopt);
  RunUntil(Seconds(500));
  EXPECT_EQ(port_.log.back(), At(Seconds(2), kTunnelDown));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 Prune --CouldRegister->False--> NoInfo source=10.0.0.5 why=not "
            "DR [cancel RST]");
}

TEST_F(RegisterStateTest, RpChangedInPruneGoesToJoin) {
  // (add reg tunnel, cancel RST): encapsulation toward the new RP at once.
  ReachPrune();
  RunUntil(Seconds(20));
  reg_.OnRpChanged(kNewRp);
  EXPECT_EQ(reg_.state(), RegisterState::kJoin);
  EXPECT_EQ(reg_.register_stop_expires_in(), std::nullopt);
  RunUntil(Seconds(500));
  EXPECT_EQ(port_.log.back(), At(Seconds(20), kTunnelUpNewRp));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 Prune --RP changed--> Join source=10.0.0.5 rp=10.8.8.8 [add "
            "reg tunnel; cancel RST]");
}

TEST_F(RegisterStateTest, DashCellsOfPruneDoNothing) {
  // Register-Stop received and CouldRegister->True: "-". A second Register-Stop does not
  // redraw the RST: the Null-Register still goes at 2 s + kRst1.
  ReachPrune();
  RegisterStopAt(Seconds(30));
  reg_.OnCouldRegisterTrue(kRp);
  EXPECT_EQ(reg_.state(), RegisterState::kPrune);
  EXPECT_EQ(reg_.register_stop_expires_in(), Seconds(2) + kRst1 - Seconds(30));
  RunUntil(Seconds(2) + kRst1);
  EXPECT_EQ(port_.log.back(), At(Seconds(2) + kRst1, kNullRegister));
}

// --- JoinPending ---------------------------------------------------------------------------

TEST_F(RegisterStateTest, RstExpiresInJoinPendingGoesToJoin) {
  // The whole cycle: Join at 1 s, Register-Stop at 2 s -> Prune; Null-Register at
  // 47.043699895 s -> JoinPending; no Register-Stop within Register_Probe_Time -> Join with
  // the tunnel at exactly 52.043699895 s.
  ReachJoinPending();
  RunUntil(Seconds(7) + kRst1 - Nanoseconds(1));
  EXPECT_EQ(reg_.state(), RegisterState::kJoinPending);
  RunUntil(Seconds(7) + kRst1);
  EXPECT_EQ(reg_.state(), RegisterState::kJoin);
  EXPECT_EQ(reg_.register_stop_expires_in(), std::nullopt);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(1), kTunnelUp), At(Seconds(2), kTunnelDown),
                                         At(Seconds(2) + kRst1, kNullRegister),
                                         At(Seconds(7) + kRst1, kTunnelUp)}));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 JoinPending --RST expires--> Join source=10.0.0.5 rp=10.9.9.9 "
            "[add reg tunnel]");
}

TEST_F(RegisterStateTest, RegisterStopInJoinPendingGoesBackToPrune) {
  // The RP answers the Null-Register at 48 s: -> P state, set RST (*) with the second draw,
  // so the next Null-Register goes at 48 s + 42.181287081 s and the tunnel stays pruned.
  ReachJoinPending();
  RegisterStopAt(Seconds(48));
  EXPECT_EQ(reg_.state(), RegisterState::kPrune);
  EXPECT_EQ(reg_.register_stop_expires_in(), kRst2);
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 JoinPending --Register-Stop received--> Prune source=10.0.0.5 "
            "rp=10.9.9.9 [set RST 42.181287081s]");
  RunUntil(Seconds(48) + kRst2);
  EXPECT_EQ(reg_.state(), RegisterState::kJoinPending);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(1), kTunnelUp), At(Seconds(2), kTunnelDown),
                                         At(Seconds(2) + kRst1, kNullRegister),
                                         At(Seconds(48) + kRst2, kNullRegister)}));
}

TEST_F(RegisterStateTest, CouldRegisterFalseInJoinPendingGoesToNoInfo) {
  // -> NI state; the probe RST is cancelled, so the tunnel does not come back at 52.04 s.
  ReachJoinPending();
  RunUntil(Seconds(50));
  reg_.OnCouldRegisterFalse("KAT expired");
  EXPECT_EQ(reg_.state(), RegisterState::kNoInfo);
  RunUntil(Seconds(500));
  EXPECT_EQ(port_.log.size(), 3u);
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 JoinPending --CouldRegister->False--> NoInfo source=10.0.0.5 "
            "why=KAT expired [cancel RST]");
}

TEST_F(RegisterStateTest, RpChangedInJoinPendingGoesToJoin) {
  ReachJoinPending();
  RunUntil(Seconds(50));
  reg_.OnRpChanged(kNewRp);
  EXPECT_EQ(reg_.state(), RegisterState::kJoin);
  EXPECT_EQ(reg_.register_stop_expires_in(), std::nullopt);
  RunUntil(Seconds(500));
  EXPECT_EQ(port_.log.back(), At(Seconds(50), kTunnelUpNewRp));
  EXPECT_EQ(port_.traces.back(),
            "pim.register 239.1.1.1 JoinPending --RP changed--> Join source=10.0.0.5 rp=10.8.8.8 "
            "[add reg tunnel; cancel RST]");
}

TEST_F(RegisterStateTest, CouldRegisterTrueInJoinPendingIsIgnored) {
  ReachJoinPending();
  reg_.OnCouldRegisterTrue(kRp);
  EXPECT_EQ(reg_.state(), RegisterState::kJoinPending);
  EXPECT_EQ(reg_.register_stop_expires_in(), Seconds(5));
}

// --- Sequences, timers, stop ---------------------------------------------------------------

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
}  // namespace pim
