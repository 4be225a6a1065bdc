#include "sim/scenario/values.h"

#include <cmath>
#include <optional>

namespace sim::scenario {
namespace {

constexpr std::uint64_t kMaxNanos = static_cast<std::uint64_t>(INT64_MAX);

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A non-negative decimal number as written: digits, optionally a point and more digits.
struct Decimal {
  std::string_view whole;
  std::string_view fraction;
};

// Splits "12.5 ms" into the number and what follows it ("ms"; one space may separate them).
std::optional<std::pair<Decimal, std::string_view>> SplitNumber(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && IsDigit(text[i])) ++i;
  if (i == 0) return std::nullopt;
  Decimal d{text.substr(0, i), {}};
  if (i < text.size() && text[i] == '.') {
    const std::size_t start = ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    if (i == start) return std::nullopt;  // "1." is not a number
    d.fraction = text.substr(start, i - start);
  }
  std::string_view rest = text.substr(i);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return std::make_pair(d, rest);
}

std::string_view StripTrailingZeros(std::string_view digits) {
  while (!digits.empty() && digits.back() == '0') digits.remove_suffix(1);
  return digits;
}

enum class ScaleStatus { kOk, kInexact, kTooLarge };

// value = d x 10^shift x factor, exactly, if it is a whole number no larger than `limit`.
// Decimal digits are shifted rather than multiplied so that no step goes through a double.
ScaleStatus ScaleDecimal(const Decimal& d, std::size_t shift, std::uint64_t factor,
                         std::uint64_t limit, std::uint64_t* out) {
  std::uint64_t whole = 0;
  auto push_digit = [&whole](char c) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (whole > (UINT64_MAX - digit) / 10) return false;
    whole = whole * 10 + digit;
    return true;
  };
  for (char c : d.whole) {
    if (!push_digit(c)) return ScaleStatus::kTooLarge;
  }
  for (std::size_t i = 0; i < shift; ++i) {
    if (!push_digit(i < d.fraction.size() ? d.fraction[i] : '0')) return ScaleStatus::kTooLarge;
  }
  // Digits past the shift are a fraction of the base unit; `factor` (6 for minutes) may still
  // make them whole, as in "0.00000000005min" = 3 ns.
  std::uint64_t extra = 0;
  if (d.fraction.size() > shift) {
    const std::string_view rest = StripTrailingZeros(d.fraction.substr(shift));
    if (rest.size() > 18) return ScaleStatus::kInexact;
    std::uint64_t r = 0, pow10 = 1;
    for (char c : rest) {
      r = r * 10 + static_cast<std::uint64_t>(c - '0');
      pow10 *= 10;
    }
    if ((r * factor) % pow10 != 0) return ScaleStatus::kInexact;
    extra = r * factor / pow10;
  }
  if (extra > limit || whole > (limit - extra) / factor) return ScaleStatus::kTooLarge;
  *out = whole * factor + extra;
  return ScaleStatus::kOk;
}

struct Unit {
  std::string_view name;
  std::size_t shift;     // decimal digits: 10^shift ...
  std::uint64_t factor;  // ... x factor base units per unit
};

constexpr Unit kTimeUnits[] = {
    {"ns", 0, 1}, {"us", 3, 1}, {"ms", 6, 1}, {"s", 9, 1}, {"min", 10, 6}};
constexpr Unit kBandwidthUnits[] = {{"bps", 0, 1}, {"kbps", 3, 1}, {"Mbps", 6, 1}, {"Gbps", 9, 1}};

template <std::size_t N>
const Unit* FindUnit(const Unit (&units)[N], std::string_view name) {
  for (const Unit& u : units) {
    if (u.name == name) return &u;
  }
  return nullptr;
}

ValueError Error(std::string_view kind, std::string detail = {}) {
  return ValueError{std::string(kind), std::move(detail)};
}

bool IsNegativeNumber(std::string_view text) {
  return text.size() >= 2 && text[0] == '-' && IsDigit(text[1]);
}

}  // namespace

std::string Describe(const ValueError& e) {
  std::string s = "is not " + e.kind;
  if (!e.detail.empty()) s += " (" + e.detail + ")";
  return s;
}

std::string ToString(const Endpoint& e) { return e.node + ":" + e.interface; }

std::string ToString(const SocketAddress& a) {
  return wire::ToString(a.address) + ":" + std::to_string(a.port);
}

ValueOr<core::Duration> ParseTime(std::string_view text) {
  constexpr std::string_view kKind = "a time";
  if (IsNegativeNumber(text)) return Error(kKind, "negative");
  const auto split = SplitNumber(text);
  if (!split) return Error(kKind, "expected a number and a unit, like \"1.5s\"");
  const auto& [number, unit_name] = *split;
  if (unit_name.empty()) return Error(kKind, "missing unit; use ns, us, ms, s or min");
  const Unit* unit = FindUnit(kTimeUnits, unit_name);
  if (unit == nullptr) {
    return Error(kKind,
                 "unknown unit \"" + std::string(unit_name) + "\"; use ns, us, ms, s or min");
  }
  std::uint64_t ns = 0;
  switch (ScaleDecimal(number, unit->shift, unit->factor, kMaxNanos, &ns)) {
    case ScaleStatus::kInexact:
      return Error(kKind, "finer than 1ns");
    case ScaleStatus::kTooLarge:
      return Error(kKind, "too large");
    case ScaleStatus::kOk:
      break;
  }
  return core::Nanoseconds(static_cast<std::int64_t>(ns));
}

ValueOr<core::Duration> TimeFromSeconds(std::uint64_t whole_seconds) {
  if (whole_seconds > kMaxNanos / 1'000'000'000) return Error("a time", "too large");
  return core::Seconds(static_cast<std::int64_t>(whole_seconds));
}

ValueOr<core::Duration> TimeFromSeconds(double seconds) {
  if (std::isnan(seconds)) return Error("a time");
  if (seconds < 0) return Error("a time", "negative");
  const double ns = seconds * 1e9;
  // 9.2e18 is just below INT64_MAX, so llround cannot overflow.
  if (!(ns < 9.2e18)) return Error("a time", "too large");
  return core::Nanoseconds(std::llround(ns));
}

ValueOr<Rate> ParseRate(std::string_view text) {
  constexpr std::string_view kKind = "a rate";
  if (IsNegativeNumber(text)) return Error(kKind, "negative");
  const auto split = SplitNumber(text);
  if (!split || split->second != "pps") {
    return Error(kKind, "expected a number and \"pps\", like \"10pps\"");
  }
  const Decimal& d = split->first;
  const std::string_view fraction = StripTrailingZeros(d.fraction);
  if (fraction.size() > 9) return Error(kKind, "more than 9 decimals");
  // rate = mantissa / 10^k packets per second, so the interval is 10^(9+k) / mantissa ns.
  std::uint64_t mantissa = 0;
  if (ScaleDecimal(Decimal{d.whole, fraction}, fraction.size(), 1, 1'000'000'000'000'000'000ULL,
                   &mantissa) != ScaleStatus::kOk) {
    return Error(kKind, "too large");
  }
  if (mantissa == 0) return Error(kKind, "must be more than 0pps");
  std::uint64_t numerator = 1'000'000'000;
  double divisor = 1;
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    numerator *= 10;
    divisor *= 10;
  }
  const std::uint64_t interval =
      numerator / mantissa + (numerator % mantissa >= (mantissa + 1) / 2);
  if (interval == 0) return Error(kKind, "faster than one packet per nanosecond");
  return Rate{static_cast<double>(mantissa) / divisor,
              core::Nanoseconds(static_cast<std::int64_t>(interval))};
}

ValueOr<std::uint64_t> ParseBandwidth(std::string_view text) {
  constexpr std::string_view kKind = "a bandwidth";
  constexpr std::string_view kUnits = "use bps, kbps, Mbps or Gbps";
  if (IsNegativeNumber(text)) return Error(kKind, "negative");
  const auto split = SplitNumber(text);
  if (!split) return Error(kKind, "expected a number and a unit, like \"100Mbps\"");
  const auto& [number, unit_name] = *split;
  if (unit_name.empty()) return Error(kKind, "missing unit; " + std::string(kUnits));
  const Unit* unit = FindUnit(kBandwidthUnits, unit_name);
  if (unit == nullptr) {
    return Error(kKind, "unknown unit \"" + std::string(unit_name) + "\"; " + std::string(kUnits));
  }
  std::uint64_t bps = 0;
  switch (ScaleDecimal(number, unit->shift, unit->factor, UINT64_MAX, &bps)) {
    case ScaleStatus::kInexact:
      return Error(kKind, "not a whole number of bit/s");
    case ScaleStatus::kTooLarge:
      return Error(kKind, "too large");
    case ScaleStatus::kOk:
      break;
  }
  if (bps == 0) return Error(kKind, "must be more than 0bps");
  return bps;
}

ValueOr<wire::Ipv4Address> ParseAddress(std::string_view text) {
  if (auto a = wire::Ipv4Address::Parse(text)) return *a;
  return Error("an IPv4 address");
}

ValueOr<wire::Ipv4Prefix> ParsePrefix(std::string_view text) {
  if (auto p = wire::Ipv4Prefix::Parse(text)) return *p;
  return Error("an IPv4 prefix");
}

ValueOr<wire::Ipv4Prefix> ParseInterfacePrefix(std::string_view text) {
  auto parsed = ParsePrefix(text);
  if (!parsed.ok()) return parsed;
  const wire::Ipv4Prefix p = parsed.value();
  const wire::Ipv4Address a = p.address();
  constexpr std::string_view kKind = "an interface address";
  if (a.is_multicast()) return Error(kKind, "it is multicast");
  if (a.is_unspecified()) return Error(kKind, "0.0.0.0 is unspecified");
  if (a.is_broadcast()) return Error(kKind, "it is the limited broadcast address");
  if (p.length() <= 30) {
    if (a == p.network()) return Error(kKind, "it is the network address of its subnet");
    if (a.value() == (p.network().value() | ~p.mask())) {
      return Error(kKind, "it is the broadcast address of its subnet");
    }
  }
  return p;
}

ValueOr<wire::Ipv4Address> ParseGroup(std::string_view text) {
  constexpr std::string_view kKind = "a multicast group";
  const auto a = wire::Ipv4Address::Parse(text);
  if (!a) return Error(kKind, "not an IPv4 address");
  if (!a->is_multicast()) return Error(kKind, "outside 224.0.0.0/4");
  return *a;
}

ValueOr<Endpoint> ParseEndpoint(std::string_view text) {
  constexpr std::string_view kKind = "an endpoint";
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || text.find(':', colon + 1) != std::string_view::npos) {
    return Error(kKind, "expected \"node:interface\"");
  }
  const std::string_view node = text.substr(0, colon);
  const std::string_view interface = text.substr(colon + 1);
  if (!IsValidName(node) || !IsValidName(interface)) {
    return Error(kKind, "expected \"node:interface\", each a name of letters, digits, _ . -");
  }
  return Endpoint{std::string(node), std::string(interface)};
}

ValueOr<SocketAddress> ParseSocketAddress(std::string_view text) {
  constexpr std::string_view kKind = "an address:port";
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return Error(kKind, "expected \"address:port\"");
  const auto address = wire::Ipv4Address::Parse(text.substr(0, colon));
  if (!address) return Error(kKind, "not an IPv4 address before the colon");
  const std::string_view port_text = text.substr(colon + 1);
  std::uint32_t port = 0;
  for (char c : port_text) {
    if (!IsDigit(c) || port > 65535) return Error(kKind, "the port must be 1..65535");
    port = port * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (port_text.empty() || port == 0 || port > 65535) {
    return Error(kKind, "the port must be 1..65535");
  }
  return SocketAddress{*address, static_cast<std::uint16_t>(port)};
}

bool IsValidName(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_' ||
                    c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

ValueOr<std::string> ParseName(std::string_view text) {
  if (text.empty()) return Error("a name", "empty");
  if (!IsValidName(text)) {
    return Error("a name", "use only letters, digits, \"_\", \".\" and \"-\"");
  }
  return std::string(text);
}

ValueOr<std::string> ParseFileName(std::string_view text) {
  ValueOr<std::string> name = ParseName(text);
  if (!name.ok()) return name;
  if (text == "." || text == "..") {
    return Error("a name", "\".\" and \"..\" name folders; this name becomes a file name");
  }
  if (text.size() > kMaxFileNameChars) {
    return Error("a name", std::to_string(text.size()) + " characters, more than the " +
                               std::to_string(kMaxFileNameChars) +
                               " allowed in a name that becomes a file name");
  }
  return name;
}

}  // namespace sim::scenario
