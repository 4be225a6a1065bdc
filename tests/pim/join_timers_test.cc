// The shared Join/Prune timer rules (RFC 7761 §4.11 random values, the "increase the timer"
// rule, the 0xffff HoldTime) and the entry names used in every trace.
#include "pim/join_timers.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "pim/join_ports.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"

namespace pim {
namespace {

using sim::core::Duration;
using sim::core::Milliseconds;
using sim::core::Rng;
using sim::core::Seconds;

TEST(JoinTimers, TSuppressedIsBetween1Point1And1Point4TimesTPeriodic) {
  Rng rng(7, 1);
  Duration lo = Duration::Max(), hi = Duration::Zero();
  for (int i = 0; i < 10'000; ++i) {
    const Duration d = TSuppressed(rng, Seconds(60), true);
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  EXPECT_GE(lo, Seconds(66));
  EXPECT_LE(hi, Seconds(84));
  // Spread over the range, not stuck at one end.
  EXPECT_LT(lo, Seconds(67));
  EXPECT_GT(hi, Seconds(83));
}

TEST(JoinTimers, TSuppressedIsZeroWhenSuppressionIsDisabledAndDrawsNothing) {
  Rng a(7, 1), b(7, 1);
  EXPECT_EQ(TSuppressed(a, Seconds(60), false), Duration::Zero());
  EXPECT_EQ(a.Next(), b.Next());
}

TEST(JoinTimers, TOverrideIsBetweenZeroAndTheEffectiveOverrideInterval) {
  Rng rng(7, 2);
  Duration hi = Duration::Zero();
  for (int i = 0; i < 10'000; ++i) {
    const Duration d = TOverride(rng, Milliseconds(2500));
    ASSERT_GE(d, Duration::Zero());
    ASSERT_LE(d, Milliseconds(2500));
    hi = std::max(hi, d);
  }
  EXPECT_GT(hi, Milliseconds(2400));
  EXPECT_EQ(TOverride(rng, Duration::Zero()), Duration::Zero());
}

TEST(JoinTimers, RestartIfLaterOnlyRaises) {
  sim::core::Scheduler s;
  int fired = 0;
  sim::core::Timer t(s, 1, [&] { ++fired; });
  RestartIfLater(t, Seconds(10));  // stopped: started
  EXPECT_EQ(t.remaining(), Seconds(10));
  RestartIfLater(t, Seconds(5));  // sooner: kept
  EXPECT_EQ(t.remaining(), Seconds(10));
  RestartIfLater(t, Seconds(10));  // equal: kept
  RestartIfLater(t, Seconds(20));  // later: raised
  s.RunUntil(sim::core::Time::Start() + Seconds(19));
  EXPECT_EQ(fired, 0);
  s.RunUntil(sim::core::Time::Start() + Seconds(20));
  EXPECT_EQ(fired, 1);
}

TEST(JoinTimers, HoldtimeValueNamesForever) {
  EXPECT_EQ(HoldtimeValue(Seconds(210)).text(), "210s");
  EXPECT_EQ(HoldtimeValue(kHoldForever).text(), "forever");
}

TEST(JoinKey, ToStringNamesStarGAndSG) {
  EXPECT_EQ(ToString(JoinKey::StarG({239, 1, 1, 1})), "(*,239.1.1.1)");
  EXPECT_EQ(ToString(JoinKey::SG({10, 0, 0, 1}, {239, 1, 1, 1})), "(10.0.0.1,239.1.1.1)");
}

TEST(JoinKey, OrdersByGroupThenStarGBeforeItsSources) {
  const JoinKey star1 = JoinKey::StarG({239, 1, 1, 1});
  const JoinKey sg1 = JoinKey::SG({10, 0, 0, 9}, {239, 1, 1, 1});
  const JoinKey star2 = JoinKey::StarG({239, 1, 1, 2});
  const JoinKey sg2 = JoinKey::SG({10, 0, 0, 1}, {239, 1, 1, 2});
  EXPECT_LT(star1, sg1);
  EXPECT_LT(sg1, star2);
  EXPECT_LT(star2, sg2);
  EXPECT_EQ(sg1, JoinKey::SG({10, 0, 0, 9}, {239, 1, 1, 1}));
}

}  // namespace
}  // namespace pim
