#include "sim/core/rng.h"

#include <stdexcept>

namespace sim::core {
namespace {

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t RotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t stream_id) {
  // Mix the stream id in through its own SplitMix step so that neighbouring ids diverge.
  std::uint64_t id_state = stream_id;
  std::uint64_t state = seed ^ SplitMix64(id_state);
  for (std::uint64_t& word : s_) word = SplitMix64(state);
}

std::uint64_t Rng::Next() {
  const std::uint64_t result = RotateLeft(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = RotateLeft(s_[3], 45);
  return result;
}

std::uint64_t Rng::UniformInt(std::uint64_t lo, std::uint64_t hi) {
  if (lo > hi) throw std::logic_error("Rng::UniformInt: lo > hi");
  const std::uint64_t span = hi - lo;
  if (span == UINT64_MAX) return Next();
  const std::uint64_t n = span + 1;
  // Reject the incomplete top slice of the 64-bit range, then reduce.
  const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n + 1) % n;
  std::uint64_t x;
  do {
    x = Next();
  } while (x > limit);
  return lo + x % n;
}

Duration Rng::UniformDuration(Duration lo, Duration hi) {
  if (lo > hi) throw std::logic_error("Rng::UniformDuration: lo > hi");
  const auto span = static_cast<std::uint64_t>(hi.nanos() - lo.nanos());
  return lo + Nanoseconds(static_cast<std::int64_t>(UniformInt(0, span)));
}

}  // namespace sim::core
