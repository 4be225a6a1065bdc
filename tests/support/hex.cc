#include "tests/support/hex.h"

#include <cstdio>
#include <stdexcept>

namespace testing_support {
namespace {

int Nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

sim::wire::Bytes Hex(std::string_view text) {
  sim::wire::Bytes out;
  int high = -1;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == ':') continue;
    const int n = Nibble(c);
    if (n < 0) throw std::invalid_argument("Hex: not a hex digit");
    if (high < 0) {
      high = n;
    } else {
      out.push_back(static_cast<std::uint8_t>(high * 16 + n));
      high = -1;
    }
  }
  if (high >= 0) throw std::invalid_argument("Hex: odd number of digits");
  return out;
}

std::string ToHex(sim::wire::ByteSpan bytes) {
  std::string s;
  char buf[4];
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::snprintf(buf, sizeof buf, i == 0 ? "%02x" : " %02x", bytes[i]);
    s += buf;
  }
  return s;
}

}  // namespace testing_support
