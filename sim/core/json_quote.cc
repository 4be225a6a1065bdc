#include "sim/core/json_quote.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "sim/core/hex_digit.h"

namespace sim::core {

namespace {

bool NeedsEscape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

// Whether any of 8 bytes is a quote, a backslash or a control byte, tested together (the
// usual "has a zero byte" bit trick). It may answer true for a plain word that follows a
// special byte in the same word, never false for a word that has one: a true only sends the
// string to the byte loop.
bool WordMayNeedEscape(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return (has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\')) | below_space) != 0;
}

}  // namespace

bool IsJsonPlain(std::string_view s) {
  if (s.size() < 8) {
    for (char c : s) {
      if (NeedsEscape(c)) return false;
    }
    return true;
  }
  std::uint64_t w;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (WordMayNeedEscape(w)) return false;
  }
  // The last bytes in the word that ends the string (it overlaps the one before): a byte
  // copied into a word on the stack would stall the load that reads the word back.
  if (i == s.size()) return true;
  std::memcpy(&w, s.data() + s.size() - 8, 8);
  return !WordMayNeedEscape(w);
}

namespace {

// `s` between quotes, each byte that needs it escaped: \u00XX for a control byte without a
// short escape.
char* WriteEscaped(std::string_view s, char* at) {
  *at++ = '"';
  for (const char c : s) {
    if (!NeedsEscape(c)) {
      *at++ = c;
      continue;
    }
    *at++ = '\\';
    switch (c) {
      case '"': *at++ = '"'; break;
      case '\\': *at++ = '\\'; break;
      case '\n': *at++ = 'n'; break;
      case '\t': *at++ = 't'; break;
      case '\r': *at++ = 'r'; break;
      default: {
        const auto u = static_cast<unsigned char>(c);
        at = std::copy_n("u00", 3, at);
        *at++ = HexDigit(u >> 4);
        *at++ = HexDigit(u);
      }
    }
  }
  *at++ = '"';
  return at;
}

}  // namespace

char* WriteJsonQuoted(std::string_view s, char* at) {
  if (!IsJsonPlain(s)) return WriteEscaped(s, at);
  *at++ = '"';
  at = std::copy_n(s.data(), s.size(), at);
  *at++ = '"';
  return at;
}

void AppendJsonQuoted(std::string_view s, std::string& out) {
  if (IsJsonPlain(s)) {  // most strings: no room to make and give back
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  const std::size_t at = out.size();
  out.resize(at + JsonQuotedRoom(s.size()));
  const char* end = WriteEscaped(s, out.data() + at);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace sim::core
