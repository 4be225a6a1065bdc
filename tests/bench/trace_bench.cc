// How fast the pcap writer takes frames: the ceiling of a run with capture on every link.
// Writes 1,042-byte frames (the tree benchmark's 1,000-byte datagrams) to a file in /tmp.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "sim/trace/pcap_writer.h"

namespace sim::trace {
namespace {

void BM_PcapWrite(benchmark::State& state) {
  const std::string path = "/tmp/mcastlab-trace-bench.pcap";
  const wire::Bytes frame(static_cast<std::size_t>(state.range(0)), 0x5a);
  std::uint64_t frames = 0;
  {
    PcapWriter writer(path);
    core::Time at = core::Time::Start();
    for (auto _ : state) {
      writer.Write(at, frame);
      at = at + core::Microseconds(10);
      ++frames;
    }
    writer.Close();
  }
  std::remove(path.c_str());
  // Bytes in the file: a 16-byte record header per frame.
  state.SetBytesProcessed(static_cast<std::int64_t>(frames * (frame.size() + 16)));
  state.SetItemsProcessed(static_cast<std::int64_t>(frames));
}
BENCHMARK(BM_PcapWrite)->Arg(64)->Arg(1042)->Arg(1514);

}  // namespace
}  // namespace sim::trace
