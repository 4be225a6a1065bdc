// Simulated time: a signed 64-bit count of nanoseconds behind two small types.
//
// Duration is a span of time, Time an instant since the start of the run. Both are integer
// nanoseconds (never double) so that equal instants compare equal and runs are reproducible.
// 2^63 ns is about 292 years, far beyond any scenario.
#ifndef MCASTLAB_SIM_CORE_TIME_H_
#define MCASTLAB_SIM_CORE_TIME_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>

namespace sim::core {

class Duration {
 public:
  constexpr Duration() = default;
  static constexpr Duration FromNanos(std::int64_t ns) { return Duration(ns); }
  static constexpr Duration Zero() { return Duration(0); }
  static constexpr Duration Max() { return Duration(INT64_MAX); }

  constexpr std::int64_t nanos() const { return ns_; }
  // Fractional seconds, for reports only; never feed this back into the simulation.
  constexpr double seconds() const { return static_cast<double>(ns_) / 1e9; }

  constexpr Duration operator+(Duration o) const { return Duration(ns_ + o.ns_); }
  constexpr Duration operator-(Duration o) const { return Duration(ns_ - o.ns_); }
  constexpr Duration operator*(std::int64_t k) const { return Duration(ns_ * k); }
  constexpr Duration operator/(std::int64_t k) const { return Duration(ns_ / k); }
  constexpr std::int64_t operator/(Duration o) const { return ns_ / o.ns_; }
  constexpr Duration& operator+=(Duration o) { ns_ += o.ns_; return *this; }
  constexpr Duration& operator-=(Duration o) { ns_ -= o.ns_; return *this; }
  constexpr auto operator<=>(const Duration&) const = default;

 private:
  constexpr explicit Duration(std::int64_t ns) : ns_(ns) {}
  std::int64_t ns_ = 0;
};

constexpr Duration Nanoseconds(std::int64_t n) { return Duration::FromNanos(n); }
constexpr Duration Microseconds(std::int64_t n) { return Duration::FromNanos(n * 1'000); }
constexpr Duration Milliseconds(std::int64_t n) { return Duration::FromNanos(n * 1'000'000); }
constexpr Duration Deciseconds(std::int64_t n) { return Duration::FromNanos(n * 100'000'000); }
constexpr Duration Seconds(std::int64_t n) { return Duration::FromNanos(n * 1'000'000'000); }
constexpr Duration Minutes(std::int64_t n) { return Seconds(n * 60); }

// Products and sums of configured times saturate at Duration::Max() instead of overflowing: a
// scenario may give any time up to 292 years, and a nonsense value must still load (and then fail
// a rule) without undefined behaviour. For non-negative operands.
constexpr Duration SaturatingMul(Duration d, std::int64_t k) {
  return k != 0 && d.nanos() > INT64_MAX / k ? Duration::Max() : d * k;
}
constexpr Duration SaturatingAdd(Duration a, Duration b) {
  return a.nanos() > INT64_MAX - b.nanos() ? Duration::Max() : a + b;
}

class Time {
 public:
  constexpr Time() = default;
  static constexpr Time Start() { return Time(); }
  static constexpr Time FromNanos(std::int64_t ns) { return Time(ns); }
  static constexpr Time Max() { return Time(INT64_MAX); }

  constexpr Duration since_start() const { return Duration::FromNanos(ns_); }
  constexpr std::int64_t nanos() const { return ns_; }

  constexpr Time operator+(Duration d) const { return Time(ns_ + d.nanos()); }
  constexpr Time operator-(Duration d) const { return Time(ns_ - d.nanos()); }
  constexpr Duration operator-(Time o) const { return Duration::FromNanos(ns_ - o.ns_); }
  constexpr auto operator<=>(const Time&) const = default;

 private:
  constexpr explicit Time(std::int64_t ns) : ns_(ns) {}
  std::int64_t ns_ = 0;
};

// "120.000000000": seconds with nine decimals, the format of every trace line.
std::string ToString(Time t);
// The same written at `at`, which has room for kMostTimeChars; returns the end of the text
// (events.jsonl writes a million of them in a large run).
inline constexpr std::size_t kMostTimeChars = 32;  // "-9223372036.854775808" and room to spare
char* WriteTime(Time t, char* at);
// "1.5s", "100ms", "250us", "7ns": the shortest exact form, as scenario files write it.
std::string ToString(Duration d);
// "250.050s": seconds with milliseconds (truncated), for the columns of state tables.
std::string ToTableString(Duration d);

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_TIME_H_
