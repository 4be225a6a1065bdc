// Event queue throughput: schedule N events at scattered times, then run them all.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>

#include "sim/core/scheduler.h"
#include "sim/core/timer.h"

namespace sim::core {
namespace {

void BM_ScheduleAndRun(benchmark::State& state) {
  const auto n = static_cast<std::uint32_t>(state.range(0));
  std::uint64_t sink = 0;
  for (auto _ : state) {
    Scheduler s;
    std::uint32_t x = 12345;
    for (std::uint32_t i = 0; i < n; ++i) {
      x = x * 1664525u + 1013904223u;  // scattered times, many ties
      s.ScheduleAt(Time::FromNanos(x % 1'000'000), i % 64, [&sink, i] { sink += i; });
    }
    s.RunUntilEmpty();
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * n);
}
BENCHMARK(BM_ScheduleAndRun)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The steady state of a running simulation: each event schedules its successor.
void BM_SelfReschedulingChains(benchmark::State& state) {
  const int chains = static_cast<int>(state.range(0));
  constexpr std::int64_t kEventsPerRun = 1'000'000;
  for (auto _ : state) {
    Scheduler s;
    std::int64_t left = kEventsPerRun;
    std::function<void(int)> step = [&](int chain) {
      if (--left > 0) s.ScheduleIn(Nanoseconds(1 + chain), 0, [&step, chain] { step(chain); });
    };
    for (int c = 0; c < chains; ++c) s.ScheduleIn(Nanoseconds(c), 0, [&step, c] { step(c); });
    s.RunUntilEmpty();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * kEventsPerRun);
}
BENCHMARK(BM_SelfReschedulingChains)->Arg(1000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_TimerRestart(benchmark::State& state) {
  Scheduler s;
  Timer t(s, 0, [] {});
  std::int64_t i = 0;
  for (auto _ : state) {
    t.Restart(Seconds(260) + Nanoseconds(++i % 1000));
    if ((i & 0xffff) == 0) s.RunUntil(s.Now());  // drain nothing, keep the queue realistic
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TimerRestart);

}  // namespace
}  // namespace sim::core
