// The Internet checksum (RFC 1071): one's complement of the one's-complement sum of 16-bit words.
#ifndef MCASTLAB_SIM_WIRE_CHECKSUM_H_
#define MCASTLAB_SIM_WIRE_CHECKSUM_H_

#include <cstdint>

#include "sim/wire/bytes.h"

namespace sim::wire {

// Accumulates 16-bit words; an odd trailing byte is padded with zero, as RFC 1071 says.
class ChecksumAccumulator {
 public:
  void Add(ByteSpan bytes);
  void AddU16(std::uint16_t v) { sum_ += v; }
  void AddU32(std::uint32_t v) { sum_ += (v >> 16) + (v & 0xffff); }
  // The value to store in the checksum field (the field itself summed as zero).
  std::uint16_t Finish() const;

 private:
  std::uint64_t sum_ = 0;
};

inline std::uint16_t InternetChecksum(ByteSpan bytes) {
  ChecksumAccumulator acc;
  acc.Add(bytes);
  return acc.Finish();
}

// True when bytes that include their checksum field sum to all ones.
inline bool ChecksumVerifies(ByteSpan bytes) { return InternetChecksum(bytes) == 0; }

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_CHECKSUM_H_
