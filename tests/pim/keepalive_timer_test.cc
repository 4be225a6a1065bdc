// KeepaliveTimer (RFC 7761 §4.1.3, §4.11) alone, then tied to the DR's Register state machine
// the way the glue ties them: the first packet from a directly connected source starts the KAT,
// which makes CouldRegister(S,G) true; the KAT's expiry makes it false.
#include "pim/keepalive_timer.h"

#include <gtest/gtest.h>

#include <vector>

#include "pim/config.h"
#include "pim/register_state.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "tests/pim/register_test_port.h"

namespace pim::register_testing {
namespace {

using sim::core::Duration;
using sim::core::Nanoseconds;
using sim::core::Scheduler;
using sim::core::Seconds;

class KeepaliveTimerTest : public testing::Test {
 protected:
  void RunUntil(Duration d) { s_.RunUntil(T(d)); }

  Scheduler s_;
  RecordingRegisterPort port_{s_};
  KeepaliveTimer kat_{s_, 1, kSource, kGroup, port_};
};

TEST_F(KeepaliveTimerTest, SetWhenStoppedStartsItAndExpiresAfterThePeriod) {
  // Data at 5 s: KAT = Keepalive_Period = 210 s, so it expires at exactly 215 s.
  RunUntil(Seconds(5));
  EXPECT_TRUE(kat_.Set(Seconds(210), "data"));
  EXPECT_TRUE(kat_.running());
  EXPECT_EQ(kat_.expires_in(), Seconds(210));
  EXPECT_EQ(port_.traces.back(),
            "pim.keepalive 239.1.1.1 source=10.0.0.5 timer=KAT [start 210s (data)]");
  RunUntil(Seconds(215) - Nanoseconds(1));
  EXPECT_TRUE(port_.log.empty());
  RunUntil(Seconds(215));
  EXPECT_FALSE(kat_.running());
  EXPECT_EQ(kat_.expires_in(), std::nullopt);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(215), kKatExpired)}));
  EXPECT_EQ(port_.traces.back(), "pim.keepalive 239.1.1.1 source=10.0.0.5 timer=KAT [expired]");
}

TEST_F(KeepaliveTimerTest, SetWhileRunningRestartsItSilently) {
  // More data at 100 s pushes the expiry to 310 s; only the start was traced.
  kat_.Set(Seconds(210));
  RunUntil(Seconds(100));
  EXPECT_FALSE(kat_.Set(Seconds(210)));
  EXPECT_EQ(port_.traces.size(), 1u);
  RunUntil(Seconds(310));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(310), kKatExpired)}));
}

TEST_F(KeepaliveTimerTest, SetToAShorterPeriodShortensIt) {
  // "set KeepaliveTimer(S,G) to" is a set, not a raise: 210 s at 0, 20 s at 10 s -> 30 s.
  kat_.Set(Seconds(210));
  RunUntil(Seconds(10));
  kat_.Set(Seconds(20));
  RunUntil(Seconds(300));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(30), kKatExpired)}));
}

// A stream of data: every packet sets the KAT through OnData, which reschedules nothing while
// it runs; the KAT still expires exactly Keepalive_Period after the last packet.
TEST_F(KeepaliveTimerTest, DataOnEveryPacketExpiresExactlyAfterTheLastPacket) {
  EXPECT_TRUE(kat_.OnData(Seconds(210), "data"));  // at 0: a start, traced
  for (int ms = 1; ms <= 300'000; ms += 1) {       // 1000 pps for 300 s
    RunUntil(sim::core::Milliseconds(ms));
    EXPECT_FALSE(kat_.OnData(Seconds(210)));
  }
  EXPECT_EQ(s_.pending_events(), 1u);
  EXPECT_EQ(kat_.expires_in(), Seconds(210));
  RunUntil(Seconds(510) - Nanoseconds(1));
  EXPECT_TRUE(port_.log.empty());  // it re-armed itself at 210 s and 420 s, silently
  RunUntil(Seconds(510));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(510), kKatExpired)}));
  EXPECT_EQ(port_.traces.size(), 2u);  // the start and the expiry
}

// Set after data overrides what the data asked, as "set" does: data at 0 and 100 s asked for
// 310 s, Set(20 s) at 150 s makes it 170 s.
TEST_F(KeepaliveTimerTest, SetAfterDataOverridesTheDataDeadline) {
  kat_.OnData(Seconds(210));
  RunUntil(Seconds(100));
  kat_.OnData(Seconds(210));
  RunUntil(Seconds(150));
  kat_.Set(Seconds(20));
  RunUntil(Seconds(400));
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(170), kKatExpired)}));
}

TEST_F(KeepaliveTimerTest, StopCancelsWithoutExpiry) {
  kat_.Set(Seconds(210));
  kat_.Stop();
  EXPECT_FALSE(kat_.running());
  RunUntil(Seconds(500));
  EXPECT_TRUE(port_.log.empty());
}

TEST(KeepaliveAndRegister, KatExpiryEndsRegistering) {
  // The glue's wiring at the DR: the first packet at 1 s sets the KAT (Keepalive_Period,
  // shortened to 20 s) and CouldRegister(S,G) -> True adds the tunnel before the packet is
  // forwarded; data stops after 6 s, so the KAT expires at 26 s and CouldRegister -> False
  // removes the tunnel.
  Scheduler s;
  RecordingRegisterPort port{s};
  Config config;
  config.keepalive_period = Seconds(20);
  sim::core::Rng rng{1, 1};
  RegisterStateMachine reg{s, 1, kSource, kGroup, config, rng, port};
  KeepaliveTimer kat{s, 1, kSource, kGroup, port};
  port.on_keepalive_expired = [&reg] { reg.OnCouldRegisterFalse("KAT expired"); };
  for (int t = 1; t <= 6; ++t) {
    s.RunUntil(T(Seconds(t)));
    if (kat.Set(config.keepalive_period, "data")) reg.OnCouldRegisterTrue(kRp, "KAT started");
  }
  s.RunUntil(T(Seconds(100)));
  EXPECT_EQ(reg.state(), RegisterState::kNoInfo);
  EXPECT_EQ(port.log, (std::vector<Did>{At(Seconds(1), kTunnelUp), At(Seconds(26), kKatExpired),
                                        At(Seconds(26), kTunnelDown)}));
}

}  // namespace
}  // namespace pim::register_testing
