#include "sim/core/time.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace sim::core {

namespace {

// "00", "01", ... "99": the nine decimals are written two digits at a time.
constexpr char kTwoDigits[] =
    "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
    "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

void WriteTwoDigits(std::uint32_t v, char* p) { std::memcpy(p, kTwoDigits + 2 * v, 2); }

}  // namespace

char* WriteTime(Time t, char* buf) {
  const std::int64_t ns = t.nanos();
  const std::uint64_t mag = ns < 0 ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
  // By hand rather than snprintf: every events.jsonl line starts with one.
  char* p = buf;
  if (ns < 0) *p++ = '-';
  p = std::to_chars(p, buf + 21, mag / 1'000'000'000ULL).ptr;
  *p++ = '.';
  const auto frac = static_cast<std::uint32_t>(mag % 1'000'000'000ULL);
  const std::uint32_t high = frac / 10'000, low = frac % 10'000;  // 5 and 4 digits
  *p++ = static_cast<char>('0' + high / 10'000);
  WriteTwoDigits(high / 100 % 100, p);
  WriteTwoDigits(high % 100, p + 2);
  WriteTwoDigits(low / 100, p + 4);
  WriteTwoDigits(low % 100, p + 6);
  return p + 8;
}

std::string ToString(Time t) {
  char buf[kMostTimeChars];
  return std::string(buf, WriteTime(t, buf));
}

std::string ToString(Duration d) {
  struct Unit {
    std::int64_t ns;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{60'000'000'000, "min"}, {1'000'000'000, "s"},
                                    {1'000'000, "ms"},       {1'000, "us"}, {1, "ns"}};
  const std::int64_t ns = d.nanos();
  if (ns == 0) return "0s";
  // Whole multiples of a unit print plainly; otherwise seconds with the fraction they need.
  for (const Unit& u : kUnits) {
    if (ns % u.ns == 0) return std::to_string(ns / u.ns) + u.name;
    if (u.ns == 1'000'000'000 && std::llabs(ns) >= u.ns) break;
  }
  std::string s = ToString(Time::FromNanos(ns));
  while (s.back() == '0') s.pop_back();
  return s + "s";
}

std::string ToTableString(Duration d) {
  // By hand rather than snprintf: a large run's state tables hold hundreds of thousands.
  const std::int64_t ms = d.nanos() / 1'000'000;
  const std::uint64_t mag = ms < 0 ? 0 - static_cast<std::uint64_t>(ms) : static_cast<std::uint64_t>(ms);
  char buf[32];
  char* p = buf;
  if (ms < 0) *p++ = '-';
  p = std::to_chars(p, buf + 24, mag / 1000).ptr;
  *p++ = '.';
  const auto frac = static_cast<unsigned>(mag % 1000);
  *p++ = static_cast<char>('0' + frac / 100);
  *p++ = static_cast<char>('0' + frac / 10 % 10);
  *p++ = static_cast<char>('0' + frac % 10);
  *p++ = 's';
  return std::string(buf, p);
}

}  // namespace sim::core
