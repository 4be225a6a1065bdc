// libFuzzer target: any bytes as a pcap file, and each record it yields as a frame, as `mcastlab
// ladder` and `graph` read a run's captures. tools/fuzz_smoke.sh runs it over
// tests/fuzz/corpus/pcap. By hand: ./build-fuzz/tests/fuzz/pcap_fuzzer tests/fuzz/corpus/pcap
#include <cstddef>
#include <cstdint>

#include "sim/trace/pcap_reader.h"
#include "sim/wire/frame_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const sim::trace::PcapContents c = sim::trace::ParsePcap(sim::wire::ByteSpan(data, size));
  for (const sim::trace::PcapRecord& r : c.records) (void)sim::wire::DecodeFrame(r.frame);
  return 0;
}
