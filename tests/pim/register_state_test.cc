// RegisterStateMachine alone (RFC 7761 §4.4.1): one TEST per edge of the table, named after it,
// and one for each state's "-" cells. Every instant is exact (see register_state_fixture.h for
// the seeded RSTs); the cycles, shortened timers and stop are in register_state_cycle_test.cc.
#include "pim/register_state.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/pim/register_state_fixture.h"

namespace pim::register_testing {
namespace {

using sim::core::Nanoseconds;
using sim::core::Seconds;

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
  EXPECT_EQ(reg_.register_stop_expires_in(), std::nullopt);
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

}  // namespace
}  // namespace pim::register_testing
