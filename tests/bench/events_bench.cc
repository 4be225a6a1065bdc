// How fast events.jsonl takes lines: every protocol event and state change of a run is one, and
// a large control-plane run writes millions (docs/PERFORMANCE.md). The two lines are the most
// common kinds of that run: a host's first not-joined drop and a router's periodic Join.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "sim/core/time.h"
#include "sim/run/run_recorder.h"
#include "sim/wire/ipv4_address.h"

namespace sim::run {
namespace {

net::TraceEvent DropLine(core::Time at) {
  return net::TraceEvent{at, "h-r17-12", "udp.drop",
                         {{"reason", "not-joined"},
                          {"source", wire::ToString(wire::Ipv4Address(10, 1, 0, 10))},
                          {"destination", wire::ToString(wire::Ipv4Address(239, 1, 2, 151))},
                          {"interface", "eth0"},
                          {"port", 5001}}};
}

net::TraceEvent JoinLine(core::Time at) {
  return net::TraceEvent{at, "edge1", "pim.upstream",
                         {{"entry", "(*,239.1.2.151)"},
                          {"from", "Joined"},
                          {"event", "JT expires"},
                          {"to", "Joined"},
                          {"send", "join 172.16.0.5"},
                          {"why", "periodic"},
                          {"jt", "1min"}}};
}

void BM_EventLines(benchmark::State& state) {
  const std::string path = "/tmp/mcastlab-events-bench.jsonl";
  const bool drop = state.range(0) == 0;
  std::uint64_t lines = 0;
  {
    RunRecorder recorder;
    recorder.WriteEventsTo(path);
    core::Time at = core::Time::Start();
    for (auto _ : state) {
      recorder.OnEvent(drop ? DropLine(at) : JoinLine(at));
      at = at + core::Microseconds(10);
      ++lines;
    }
    recorder.Close();
  }
  std::remove(path.c_str());
  state.SetItemsProcessed(static_cast<std::int64_t>(lines));
  state.SetLabel(drop ? "udp.drop" : "pim.upstream");
}
BENCHMARK(BM_EventLines)->Arg(0)->Arg(1);

}  // namespace
}  // namespace sim::run
