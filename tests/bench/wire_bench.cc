// Encode and parse of every message type (one benchmark pair per catalog entry), plus the
// per-hop operations of the data path.
#include <benchmark/benchmark.h>

#include "sim/wire/encode.h"
#include "sim/wire/frame_builder.h"
#include "sim/wire/frame_decoder.h"
#include "sim/wire/message_catalog.h"

namespace sim::wire {
namespace {

void BM_Encode(benchmark::State& state, const CatalogEntry& entry) {
  const DecodedFrame decoded = *DecodeFrame(entry.frame);
  for (auto _ : state) {
    Bytes frame = BuildFrame(decoded);
    benchmark::DoNotOptimize(frame.data());
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Parse(benchmark::State& state, const CatalogEntry& entry) {
  for (auto _ : state) {
    auto decoded = DecodeFrame(entry.frame);
    benchmark::DoNotOptimize(decoded);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ForwardingTtlDecrement(benchmark::State& state) {
  const CatalogEntry udp = MessageCatalog()[18];
  Bytes packet(udp.frame.begin() + 14, udp.frame.end());
  for (auto _ : state) {
    packet[8] = 64;
    DecrementTtlInPlace(packet);
    benchmark::DoNotOptimize(packet.data());
  }
}
BENCHMARK(BM_ForwardingTtlDecrement);

const bool kRegistered = [] {
  static const std::vector<CatalogEntry> catalog = MessageCatalog();
  for (const CatalogEntry& e : catalog) {
    benchmark::RegisterBenchmark(("BM_Encode/" + e.name).c_str(), BM_Encode, e);
    benchmark::RegisterBenchmark(("BM_Parse/" + e.name).c_str(), BM_Parse, e);
  }
  return true;
}();

}  // namespace
}  // namespace sim::wire
