// libFuzzer target: any bytes as an Ethernet frame, and as each L4 message alone.
// tools/fuzz_smoke.sh builds it with clang and runs it over tests/fuzz/corpus/frame.
// By hand: ./build-fuzz/tests/fuzz/frame_fuzzer -max_total_time=600 tests/fuzz/corpus/frame
#include <cstddef>
#include <cstdint>

#include "sim/wire/frame_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const sim::wire::ByteSpan b(data, size);
  (void)sim::wire::DecodeFrame(b);
  (void)sim::wire::ParseIgmp(b);
  (void)sim::wire::ParsePim(b);
  (void)sim::wire::ParseIcmp(b);
  (void)sim::wire::ParseArp(b);
  (void)sim::wire::ParseUdp(b, sim::wire::Ipv4Address(10, 0, 0, 1), sim::wire::Ipv4Address(239, 1, 1, 1));
  return 0;
}
