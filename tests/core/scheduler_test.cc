// The event queue: order by (time, insertion), cancel, run limits, counting.
#include "sim/core/scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace sim::core {
namespace {

TEST(Scheduler, RunsInTimeOrder) {
  Scheduler s;
  std::vector<int> order;
  s.ScheduleAt(Time::FromNanos(30), 0, [&] { order.push_back(3); });
  s.ScheduleAt(Time::FromNanos(10), 0, [&] { order.push_back(1); });
  s.ScheduleAt(Time::FromNanos(20), 0, [&] { order.push_back(2); });
  s.RunUntilEmpty();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(s.Now(), Time::FromNanos(30));
  EXPECT_EQ(s.executed_events(), 3u);
}

TEST(Scheduler, EqualTimesKeepInsertionOrder) {
  Scheduler s;
  std::vector<int> order;
  for (int i = 0; i < 100; ++i) s.ScheduleAt(Time::FromNanos(5), 0, [&, i] { order.push_back(i); });
  s.RunUntilEmpty();
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[i], i);
}

TEST(Scheduler, EventScheduledForNowFromACallbackRunsAfterOthersAlreadyDue) {
  Scheduler s;
  std::vector<std::string> order;
  s.ScheduleAt(Time::FromNanos(1), 0, [&] {
    order.push_back("a");
    s.ScheduleIn(Duration::Zero(), 0, [&] { order.push_back("c"); });
  });
  s.ScheduleAt(Time::FromNanos(1), 0, [&] { order.push_back("b"); });
  s.RunUntilEmpty();
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Scheduler, CancelledEventNeverRuns) {
  Scheduler s;
  bool ran = false;
  EventId id = s.ScheduleIn(Seconds(1), 0, [&] { ran = true; });
  EXPECT_TRUE(s.IsPending(id));
  EXPECT_TRUE(s.Cancel(id));
  EXPECT_FALSE(s.IsPending(id));
  EXPECT_FALSE(s.Cancel(id));  // twice is harmless
  s.RunUntilEmpty();
  EXPECT_FALSE(ran);
  EXPECT_EQ(s.executed_events(), 0u);
  EXPECT_EQ(s.pending_events(), 0u);
}

TEST(Scheduler, CancelIsSafeOnEmptyAndFiredIds) {
  Scheduler s;
  EXPECT_FALSE(s.Cancel(EventId()));
  EventId fired = s.ScheduleIn(Seconds(1), 0, [] {});
  s.RunUntilEmpty();
  EXPECT_FALSE(s.Cancel(fired));
}

TEST(Scheduler, StaleIdDoesNotCancelTheEventReusingItsSlot) {
  Scheduler s;
  EventId old_id = s.ScheduleIn(Seconds(1), 0, [] {});
  s.Cancel(old_id);
  bool ran = false;
  s.ScheduleIn(Seconds(2), 0, [&] { ran = true; });  // reuses the freed slot
  EXPECT_FALSE(s.Cancel(old_id));
  s.RunUntilEmpty();
  EXPECT_TRUE(ran);
}

TEST(Scheduler, RunUntilStopsAtLimitInclusiveAndAdvancesClock) {
  Scheduler s;
  std::vector<int> order;
  s.ScheduleAt(Time::FromNanos(10), 0, [&] { order.push_back(10); });
  s.ScheduleAt(Time::FromNanos(20), 0, [&] { order.push_back(20); });
  s.ScheduleAt(Time::FromNanos(21), 0, [&] { order.push_back(21); });
  s.RunUntil(Time::FromNanos(20));
  EXPECT_EQ(order, (std::vector<int>{10, 20}));
  EXPECT_EQ(s.Now(), Time::FromNanos(20));
  s.RunUntil(Time::FromNanos(100));
  EXPECT_EQ(order, (std::vector<int>{10, 20, 21}));
  EXPECT_EQ(s.Now(), Time::FromNanos(100));
}

TEST(Scheduler, CarriesTheNodeOfEachEvent) {
  Scheduler s;
  std::vector<NodeId> nodes;
  s.ScheduleIn(Seconds(1), 7, [&] { nodes.push_back(s.current_node()); });
  s.ScheduleIn(Seconds(2), 3, [&] { nodes.push_back(s.current_node()); });
  s.RunUntilEmpty();
  EXPECT_EQ(nodes, (std::vector<NodeId>{7, 3}));
  EXPECT_EQ(s.current_node(), kNoNode);
}

TEST(Scheduler, SchedulingInThePastThrows) {
  Scheduler s;
  s.RunUntil(Time::FromNanos(100));
  EXPECT_THROW(s.ScheduleAt(Time::FromNanos(99), 0, [] {}), std::logic_error);
}

TEST(Scheduler, StopEndsTheRunAfterTheCurrentEvent) {
  Scheduler s;
  int count = 0;
  s.ScheduleIn(Seconds(1), 0, [&] {
    ++count;
    s.Stop();
  });
  s.ScheduleIn(Seconds(2), 0, [&] { ++count; });
  s.RunUntilEmpty();
  EXPECT_EQ(count, 1);
  EXPECT_EQ(s.Now(), Time::FromNanos(1'000'000'000));
  s.RunUntilEmpty();
  EXPECT_EQ(count, 2);
}

TEST(Scheduler, WatchedFlagStopsBeforeTheNextEventAndKeepsTheClock) {
  Scheduler s;
  volatile std::sig_atomic_t flag = 0;
  s.WatchFlag(&flag);
  std::vector<int> ran;
  s.ScheduleIn(Seconds(1), 0, [&] {
    ran.push_back(1);
    flag = 1;  // as a signal handler arriving during this event would
  });
  s.ScheduleIn(Seconds(1), 0, [&] { ran.push_back(2); });
  s.ScheduleIn(Seconds(3), 0, [&] { ran.push_back(3); });
  EXPECT_FALSE(s.RunUntil(Time::Start() + Seconds(5)));
  EXPECT_EQ(ran, std::vector<int>{1});
  EXPECT_EQ(s.Now(), Time::Start() + Seconds(1));  // not moved to the limit
  flag = 0;
  EXPECT_TRUE(s.RunUntil(Time::Start() + Seconds(5)));
  EXPECT_EQ(ran, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(s.Now(), Time::Start() + Seconds(5));
}

TEST(Scheduler, WatchedFlagAlreadySetRunsNothing) {
  Scheduler s;
  volatile std::sig_atomic_t flag = 1;
  s.WatchFlag(&flag);
  int count = 0;
  s.ScheduleIn(Seconds(1), 0, [&] { ++count; });
  EXPECT_FALSE(s.RunUntil(Time::Start() + Seconds(2)));
  s.RunUntilEmpty();
  EXPECT_EQ(count, 0);
  EXPECT_EQ(s.Now(), Time::Start());
}

// A long event polls: the handler runs only while the flag is set, and may abandon the run.
TEST(Scheduler, PollAttentionRunsTheHandlerOnlyWhenTheFlagIsSet) {
  Scheduler s;
  volatile std::sig_atomic_t flag = 0;
  s.WatchFlag(&flag);
  int handled = 0;
  s.SetAttentionHandler([&] {
    ++handled;
    flag = 0;
    if (handled == 2) throw std::runtime_error("stop");
  });
  int work = 0;
  s.ScheduleIn(Seconds(1), 0, [&] {
    for (int k = 1; k <= 10; ++k) {
      ++work;
      if (k == 3 || k == 6) flag = 1;  // as a signal arriving mid-event would
      s.PollAttention();
    }
  });
  EXPECT_THROW(s.RunUntil(Time::Start() + Seconds(2)), std::runtime_error);
  EXPECT_EQ(handled, 2);
  EXPECT_EQ(work, 6);  // abandoned at the second poll that found the flag
}

TEST(Scheduler, DeadlineOfPendingEvent) {
  Scheduler s;
  EventId id = s.ScheduleIn(Milliseconds(1500), 0, [] {});
  EXPECT_EQ(s.DeadlineOf(id), Time::Start() + Milliseconds(1500));
  s.Cancel(id);
  EXPECT_EQ(s.DeadlineOf(id), Time::Max());
}

// Two schedulers fed the same pseudo-random workload produce the same trace.
std::vector<std::int64_t> RandomWorkloadTrace(unsigned seed) {
  Scheduler s;
  std::vector<std::int64_t> trace;
  std::vector<EventId> ids;
  unsigned x = seed;
  auto next = [&x] { return x = x * 1103515245u + 12345u; };
  for (int i = 0; i < 2000; ++i) {
    const auto delay = Nanoseconds(next() % 50);
    ids.push_back(s.ScheduleIn(delay, 0, [&trace, &s, i] { trace.push_back(s.Now().nanos() * 10000 + i); }));
    if (next() % 4 == 0) s.Cancel(ids[next() % ids.size()]);
  }
  s.RunUntilEmpty();
  return trace;
}

TEST(Scheduler, IsDeterministic) {
  EXPECT_EQ(RandomWorkloadTrace(42), RandomWorkloadTrace(42));
  const auto trace = RandomWorkloadTrace(42);
  for (std::size_t i = 1; i < trace.size(); ++i) {
    const auto t0 = trace[i - 1] / 10000, t1 = trace[i] / 10000;
    ASSERT_LE(t0, t1);
    if (t0 == t1) {
      ASSERT_LT(trace[i - 1] % 10000, trace[i] % 10000) << "tie broken out of order";
    }
  }
}

TEST(Callback, StoresLargeClosuresOnTheHeapAndStillRuns) {
  Scheduler s;
  std::array<std::int64_t, 32> big{};
  big[31] = 5;
  std::int64_t seen = 0;
  s.ScheduleIn(Seconds(1), 0, [big, &seen] { seen = big[31]; });
  s.RunUntilEmpty();
  EXPECT_EQ(seen, 5);
}

TEST(Callback, MoveOnlyCapturesWork) {
  auto owned = std::make_unique<int>(9);
  int seen = 0;
  Callback cb = [p = std::move(owned), &seen] { seen = *p; };
  Callback moved = std::move(cb);
  EXPECT_FALSE(cb);
  moved();
  EXPECT_EQ(seen, 9);
}

}  // namespace
}  // namespace sim::core

namespace sim::core {
namespace {

TEST(Scheduler, ManyRestartsKeepOrderAndRunOnlyTheLastDeadline) {
  // Exercises the sweep of cancelled entries: 100k cancels of 10 live events.
  Scheduler s;
  std::vector<EventId> ids(10);
  std::vector<std::pair<std::int64_t, int>> fired;
  for (int round = 0; round < 10'000; ++round) {
    for (int k = 0; k < 10; ++k) {
      s.Cancel(ids[k]);
      ids[k] = s.ScheduleAt(Time::FromNanos(1000 + round + k), 0,
                            [&fired, &s, k] { fired.emplace_back(s.Now().nanos(), k); });
    }
  }
  s.RunUntilEmpty();
  ASSERT_EQ(fired.size(), 10u);
  for (int k = 0; k < 10; ++k) EXPECT_EQ(fired[k], std::make_pair(std::int64_t{1000 + 9999 + k}, k));
  EXPECT_EQ(s.executed_events(), 10u);
}

TEST(Scheduler, CancellingEveryEventSweepsTheQueueEmptyAndItStillWorks) {
  Scheduler s;
  std::vector<EventId> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back(s.ScheduleAt(Time::FromNanos(10 + i % 7), 0, [] { FAIL(); }));
  for (EventId id : ids) EXPECT_TRUE(s.Cancel(id));  // the sweeps run along the way, the last on none
  EXPECT_EQ(s.pending_events(), 0u);
  std::vector<int> fired;
  s.ScheduleAt(Time::FromNanos(5), 0, [&fired] { fired.push_back(2); });
  s.ScheduleAt(Time::FromNanos(1), 0, [&fired] { fired.push_back(1); });
  s.RunUntilEmpty();
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
  EXPECT_EQ(s.executed_events(), 2u);
}

// Schedules 20,000 events at the instants `instant(i)` gives (whatever an i may give, ties
// included), cancels every third one, schedules more from running ones (at the running
// instant, and `later` after it), and checks that they ran in (time, insertion) order.
void ExpectTimeThenInsertionOrder(const std::function<std::int64_t(std::uint32_t)>& instant, std::int64_t later) {
  Scheduler s;
  std::vector<std::pair<std::int64_t, int>> expected;  // (time, insertion number)
  std::vector<std::pair<std::int64_t, int>> fired;
  std::uint32_t x = 7;
  int inserted = 0;
  auto add = [&](std::int64_t at, bool keep) {
    const int n = inserted++;
    const EventId id = s.ScheduleAt(Time::FromNanos(at), 0, [&fired, &s, n] { fired.emplace_back(s.Now().nanos(), n); });
    if (keep) {
      expected.emplace_back(at, n);
    } else {
      s.Cancel(id);
    }
  };
  std::vector<std::int64_t> instants;
  for (int i = 0; i < 20'000; ++i) {
    x = x * 1664525u + 1013904223u;
    instants.push_back(instant(x >> 8));
    add(instants.back(), i % 3 != 0);
  }
  // From running events: later than every event scheduled before, at their own instant and
  // `later` after it.
  for (int i = 0; i < 20'000; i += 1000) {
    const std::int64_t at = instants[i];
    s.ScheduleAt(Time::FromNanos(at), 0, [&add, at, later] {
      add(at, true);
      add(at + later, true);
    });
  }
  s.RunUntilEmpty();
  std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  EXPECT_EQ(fired, expected);
  EXPECT_EQ(s.pending_events(), 0u);
}

TEST(Scheduler, ThousandsOfEventsWithTiesAndCancelsRunInTimeThenInsertionOrder) {
  // Enough events for a deep heap, few distinct instants (many ties).
  ExpectTimeThenInsertionOrder([](std::uint32_t r) { return 1000 + r % 97; }, 150);
}

TEST(Scheduler, EventsOverManyLapsOfTheWheelRunInTimeThenInsertionOrder) {
  // Instants from 0 to 2,000 s, on a 10 ms grid (ties) and not: in the heap, in this lap's
  // buckets and in later laps (a lap is about 275 s, scheduler.cc).
  ExpectTimeThenInsertionOrder(
      [](std::uint32_t r) {
        const std::int64_t at = std::int64_t{r % 2'000'000} * 1'000'000;
        return r % 2 == 0 ? at - at % 10'000'000 : at + r % 1000;
      },
      300'000'000'000);
}

TEST(Scheduler, ALongQuietStretchAndAFarEventKeepTheClockRight) {
  // Nothing for 30 years, then an event that schedules 1 ns and 1 min after itself; a RunUntil
  // before it leaves the clock at its limit, and an event scheduled from there runs first.
  Scheduler s;
  std::vector<std::int64_t> fired;
  const std::int64_t far = 946'080'000'000'000'000;  // 30 years in ns
  auto note = [&fired, &s] { fired.push_back(s.Now().nanos()); };
  s.ScheduleAt(Time::FromNanos(far), 0, [&] {
    note();
    s.ScheduleIn(Duration::FromNanos(1), 0, note);
    s.ScheduleIn(Seconds(60), 0, note);
  });
  EXPECT_EQ(s.DeadlineOf(s.ScheduleAt(Time::FromNanos(far + 5), 0, note)), Time::FromNanos(far + 5));
  EXPECT_TRUE(s.RunUntil(Time::FromNanos(far / 2)));
  EXPECT_EQ(s.Now(), Time::FromNanos(far / 2));
  EXPECT_TRUE(fired.empty());
  s.ScheduleIn(Seconds(1), 0, note);
  s.RunUntilEmpty();
  EXPECT_EQ(fired, (std::vector<std::int64_t>{far / 2 + 1'000'000'000, far, far + 1, far + 5, far + 60'000'000'000}));
}

TEST(Scheduler, AnEventAtTheLastInstantRunsLast) {
  // The last bucket of the last lap: nothing overflows on the way there.
  Scheduler s;
  std::vector<int> fired;
  s.ScheduleAt(Time::Max(), 0, [&fired] { fired.push_back(2); });
  s.ScheduleAt(Time::FromNanos(5), 0, [&fired] { fired.push_back(1); });
  s.RunUntilEmpty();
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
  EXPECT_EQ(s.Now(), Time::Max());
}

TEST(Scheduler, CancelledEventsFarAheadNeverRunAndAreSwept) {
  // 5,000 timers restarted 20 times each, minutes to hours ahead: the sweeps clean the wheel and
  // the later laps too, and only the last deadlines run.
  Scheduler s;
  std::vector<EventId> ids(5000);
  std::vector<int> fired;
  for (int round = 0; round < 20; ++round) {
    for (int k = 0; k < 5000; ++k) {
      s.Cancel(ids[k]);
      ids[k] = s.ScheduleAt(Time::FromNanos(std::int64_t{60 + (k % 50) * 100 + round} * 1'000'000'000), 0,
                            [&fired, k] { fired.push_back(k); });
    }
  }
  EXPECT_EQ(s.pending_events(), 5000u);
  s.RunUntilEmpty();
  ASSERT_EQ(fired.size(), 5000u);
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(fired[i], i / 100 + (i % 100) * 50) << i;
  EXPECT_EQ(s.executed_events(), 5000u);
}

}  // namespace
}  // namespace sim::core
