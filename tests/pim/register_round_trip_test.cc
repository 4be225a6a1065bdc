// The DR's Register state machine (§4.4.1) against an RP that decides with DecideRegisterAtRp
// (§4.4.2), over a fake unicast path of 10 ms each way: no network, only the two pure pieces
// joined the way the glue joins them. The RP is RP(G), wants the SPT and has receivers; whether
// the Register-Stop comes depends on its SPTbit(S,G) alone.
//
// Timeline (seed 1, so the DR's RSTs are 45.043699895 s and 42.181287081 s):
//    1 s          data: CouldRegister -> True, the Register reaches the RP at 1.010 s; no SPTbit:
//                 forwarded down the shared tree, KAT 210 s, the RP joins toward S
//    1.5 s        native data reaches the RP: SPTbit(S,G) set
//    2 s          data: Register at 2.010 s -> Register-Stop, at the DR 2.020 s -> Prune
//   47.063699895  Null-Register (2.020 s + RST), answered -> Prune again at 47.083699895 s
//   60 s          the RP loses its SPTbit (its native path is gone)
//   89.264986976  Null-Register (47.083699895 s + RST), not answered
//   94.264986976  Register_Probe_Time later: Join, the tunnel is back
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "pim/config.h"
#include "pim/register_at_rp.h"
#include "pim/register_state.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/register_test_port.h"

namespace pim::register_testing {
namespace {

using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Nanoseconds;
using sim::core::Scheduler;
using sim::core::Seconds;

constexpr sim::wire::Ipv4Address kDr{10, 0, 0, 1};
constexpr Duration kOneWay = Milliseconds(10);

// The DR's port, which also carries its Null-Registers to the RP.
class DrPort : public RecordingRegisterPort {
 public:
  DrPort(const Scheduler& s, std::function<void()> null_register_sent)
      : RecordingRegisterPort(s), null_register_sent_(std::move(null_register_sent)) {}
  void SendNullRegister(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group,
                        sim::wire::Ipv4Address rp) override {
    RecordingRegisterPort::SendNullRegister(source, group, rp);
    null_register_sent_();
  }

 private:
  std::function<void()> null_register_sent_;
};

class RegisterRoundTripTest : public testing::Test {
 protected:
  // A Register (data or Null) leaves the DR now and reaches the RP kOneWay later; a
  // Register-Stop takes kOneWay back.
  void SendRegister(bool null_register) {
    s_.ScheduleIn(kOneWay, 1, [this, null_register] { RpReceives(null_register); });
  }
  void RpReceives(bool null_register) {
    RegisterAtRpInput in;
    in.outer_dst_is_mine = in.i_am_rp = in.outer_dst_is_rp = true;
    in.outer_src = kDr;
    in.null_register = null_register;
    in.spt_bit = rp_spt_bit_;
    in.switch_to_spt_desired = true;
    in.inherited_olist_empty = false;
    const RegisterAtRpDecision d = DecideRegisterAtRp(in, config_);
    rp_log_.push_back({s_.Now(), ToString(d)});
    if (d.register_stop_to) s_.ScheduleIn(kOneWay, 1, [this] { reg_.OnRegisterStopReceived(); });
  }
  // A data packet from S at `d`: encapsulated only while the tunnel is up.
  void DataAt(Duration d) {
    s_.RunUntil(T(d));
    reg_.OnCouldRegisterTrue(kRp, "data from S");
    if (reg_.tunnel_up()) SendRegister(false);
  }

  Scheduler s_;
  DrPort port_{s_, [this] { SendRegister(true); }};
  Config config_;
  sim::core::Rng rng_{1, 1};
  RegisterStateMachine reg_{s_, 1, kSource, kGroup, config_, rng_, port_};
  bool rp_spt_bit_ = false;
  std::vector<Did> rp_log_;
};

TEST_F(RegisterRoundTripTest, NullRegistersAreAnsweredOnlyWhileTheRpHasTheSpt) {
  const Duration first_null = Milliseconds(2020) + Seconds(45) + Nanoseconds(43'699'895);
  const Duration second_null = first_null + kOneWay * 2 + Seconds(42) + Nanoseconds(181'287'081);
  DataAt(Seconds(1));
  s_.RunUntil(T(Milliseconds(1500)));
  rp_spt_bit_ = true;
  DataAt(Seconds(2));
  s_.RunUntil(T(Seconds(60)));
  rp_spt_bit_ = false;
  s_.RunUntil(T(Seconds(200)));

  EXPECT_EQ(first_null, Seconds(47) + Nanoseconds(63'699'895));
  EXPECT_EQ(second_null, Seconds(89) + Nanoseconds(264'986'976));
  EXPECT_EQ(reg_.state(), RegisterState::kJoin);
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(1), kTunnelUp), At(Milliseconds(2020), kTunnelDown),
                              At(first_null, kNullRegister), At(second_null, kNullRegister),
                              At(second_null + Seconds(5), kTunnelUp)}));
  EXPECT_EQ(rp_log_, (std::vector<Did>{
                         At(Milliseconds(1010), "accepted kat=210s forward join"),
                         At(Milliseconds(2010), "accepted register-stop=10.0.0.1 kat=210s join"),
                         At(first_null + kOneWay, "accepted register-stop=10.0.0.1 kat=210s join"),
                         At(second_null + kOneWay, "accepted kat=210s join")}));
}

}  // namespace
}  // namespace pim::register_testing
