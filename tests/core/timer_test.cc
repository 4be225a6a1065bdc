// Named timers: start, restart, cancel, remaining time, expiry at the exact instant.
#include "sim/core/timer.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace sim::core {
namespace {

class TimerTest : public testing::Test {
 protected:
  Scheduler s_;
  std::vector<Time> fired_;
  Timer timer_{s_, 1, [this] { fired_.push_back(s_.Now()); }};
};

TEST_F(TimerTest, FiresAtItsDeadline) {
  timer_.Restart(Seconds(10));
  EXPECT_TRUE(timer_.running());
  EXPECT_EQ(timer_.deadline(), Time::Start() + Seconds(10));
  s_.RunUntil(Time::Start() + Seconds(100));
  EXPECT_EQ(fired_, (std::vector<Time>{Time::Start() + Seconds(10)}));
  EXPECT_FALSE(timer_.running());
  EXPECT_EQ(timer_.deadline(), std::nullopt);
}

TEST_F(TimerTest, RestartMovesTheDeadlineBothWays) {
  timer_.Restart(Seconds(10));
  s_.RunUntil(Time::Start() + Seconds(4));
  timer_.Restart(Seconds(10));  // later: 14 s
  s_.RunUntil(Time::Start() + Seconds(12));
  EXPECT_TRUE(fired_.empty());
  timer_.Restart(Seconds(1));  // sooner: 13 s
  s_.RunUntil(Time::Start() + Seconds(100));
  EXPECT_EQ(fired_, (std::vector<Time>{Time::Start() + Seconds(13)}));
}

TEST_F(TimerTest, CancelledTimerNeverFires) {
  timer_.Restart(Seconds(1));
  timer_.Cancel();
  timer_.Cancel();
  s_.RunUntil(Time::Start() + Seconds(10));
  EXPECT_TRUE(fired_.empty());
  EXPECT_EQ(timer_.remaining(), Duration::Zero());
}

TEST_F(TimerTest, RemainingCountsDown) {
  timer_.Restart(Milliseconds(2500));
  s_.RunUntil(Time::Start() + Milliseconds(1000));
  EXPECT_EQ(timer_.remaining(), Milliseconds(1500));
}

TEST_F(TimerTest, RestartIfSoonerOnlyLowers) {
  // RFC 2236 §3: a running report timer is reset only if the new delay is shorter.
  timer_.Restart(Seconds(5));
  timer_.RestartIfSooner(Seconds(8));
  EXPECT_EQ(timer_.deadline(), Time::Start() + Seconds(5));
  timer_.RestartIfSooner(Seconds(2));
  EXPECT_EQ(timer_.deadline(), Time::Start() + Seconds(2));
  timer_.Cancel();
  timer_.RestartIfSooner(Seconds(8));
  EXPECT_EQ(timer_.deadline(), Time::Start() + Seconds(8));
}

TEST(Timer, PeriodicTimerRestartsFromItsOwnExpiry) {
  Scheduler s;
  std::vector<Time> fired;
  std::unique_ptr<Timer> t;
  t = std::make_unique<Timer>(s, 0, [&] {
    fired.push_back(s.Now());
    t->Restart(Seconds(125));
  });
  t->Restart(Seconds(125));
  s.RunUntil(Time::Start() + Seconds(400));
  EXPECT_EQ(fired, (std::vector<Time>{Time::Start() + Seconds(125), Time::Start() + Seconds(250),
                                      Time::Start() + Seconds(375)}));
}

TEST(Timer, DestroyingARunningTimerCancelsIt) {
  Scheduler s;
  bool fired = false;
  {
    Timer t(s, 0, [&] { fired = true; });
    t.Restart(Seconds(1));
  }
  s.RunUntilEmpty();
  EXPECT_FALSE(fired);
}

}  // namespace
}  // namespace sim::core
