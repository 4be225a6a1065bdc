#include "sim/core/json_quote.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

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

void AppendJsonQuoted(std::string_view s, std::string& out) {
  out += '"';
  if (IsJsonPlain(s)) {
    out.append(s);
    out += '"';
    return;
  }
  // Runs of plain bytes go in one append: events.jsonl writes millions of names and addresses.
  std::size_t plain = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!NeedsEscape(c)) continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      }
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

}  // namespace sim::core
