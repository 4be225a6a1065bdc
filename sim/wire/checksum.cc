#include "sim/wire/checksum.h"

namespace sim::wire {

void ChecksumAccumulator::Add(ByteSpan bytes) {
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) sum_ += LoadU16(bytes, i);
  if (i < bytes.size()) sum_ += static_cast<std::uint64_t>(bytes[i]) << 8;
}

std::uint16_t ChecksumAccumulator::Finish() const {
  std::uint64_t s = sum_;
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return static_cast<std::uint16_t>(~s);
}

}  // namespace sim::wire
