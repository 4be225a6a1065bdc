// Seeded randomness with one independent stream per consumer (per node, per interface).
//
// The generator is xoshiro256**, seeded through SplitMix64 from (scenario seed, stream id);
// both are fixed algorithms, and the range reductions below are our own, so the numbers do not
// depend on the standard library's distributions, which differ between implementations.
#ifndef MCASTLAB_SIM_CORE_RNG_H_
#define MCASTLAB_SIM_CORE_RNG_H_

#include <array>
#include <cstdint>

#include "sim/core/time.h"

namespace sim::core {

class Rng {
 public:
  // The stream for `stream_id` under `seed`: different ids give unrelated sequences.
  Rng(std::uint64_t seed, std::uint64_t stream_id);

  std::uint64_t Next();
  // Uniform in [lo, hi], both inclusive, without modulo bias. Requires lo <= hi.
  std::uint64_t UniformInt(std::uint64_t lo, std::uint64_t hi);
  // Uniform in [lo, hi] at nanosecond resolution. Requires lo <= hi.
  Duration UniformDuration(Duration lo, Duration hi);

 private:
  std::array<std::uint64_t, 4> s_;
};

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_RNG_H_
