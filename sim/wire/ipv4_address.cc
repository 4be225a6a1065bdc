#include "sim/wire/ipv4_address.h"

#include <charconv>

#include "sim/core/trace_value.h"

namespace sim::wire {
namespace {

// Parses a decimal number of 1..3 digits without leading zeros, at most `max`.
std::optional<std::uint32_t> ParseSmallDecimal(std::string_view s, std::uint32_t max) {
  if (s.empty() || s.size() > 3 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  std::uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (v > max) return std::nullopt;
  return v;
}

}  // namespace

std::optional<Ipv4Address> Ipv4Address::Parse(std::string_view text) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t dot = text.find('.');
    if ((i < 3) != (dot != std::string_view::npos)) return std::nullopt;
    const auto octet = ParseSmallDecimal(text.substr(0, dot), 255);
    if (!octet) return std::nullopt;
    v = (v << 8) | *octet;
    text = i < 3 ? text.substr(dot + 1) : std::string_view();
  }
  return Ipv4Address(v);
}

std::string ToString(Ipv4Address a) {
  std::string out;
  core::AppendDottedQuad(a.value(), out);
  return out;
}

std::optional<Ipv4Prefix> Ipv4Prefix::Parse(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto addr = Ipv4Address::Parse(text.substr(0, slash));
  const auto len = ParseSmallDecimal(text.substr(slash + 1), 32);
  if (!addr || !len) return std::nullopt;
  return Ipv4Prefix(*addr, static_cast<std::uint8_t>(*len));
}

char* WritePrefix(const Ipv4Prefix& p, char* at) {
  at = core::WriteDottedQuad(p.address().value(), at);
  *at++ = '/';
  return std::to_chars(at, at + 3, p.length()).ptr;
}

std::string ToString(const Ipv4Prefix& p) {
  char buf[kPrefixRoom];
  return std::string(buf, WritePrefix(p, buf));
}

}  // namespace sim::wire
