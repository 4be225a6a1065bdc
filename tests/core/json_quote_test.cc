#include "sim/core/json_quote.h"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace sim::core {
namespace {

TEST(JsonQuote, EscapesQuotesBackslashesAndControlBytes) {
  EXPECT_EQ(JsonQuote("plain"), "\"plain\"");
  EXPECT_EQ(JsonQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonQuote("l1\nl2\tx\r"), "\"l1\\nl2\\tx\\r\"");
  EXPECT_EQ(JsonQuote(std::string_view("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(JsonQuote("caf\xc3\xa9"), "\"caf\xc3\xa9\"");  // UTF-8 passes through
}

// The plain-string check reads 8 bytes at a time: every byte value, at every position of a
// string longer than two words, must come out as the byte-at-a-time rules say.
TEST(JsonQuote, EveryByteAtEveryPositionOfALongStringFollowsTheRules) {
  const auto expected = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"') {
        out += "\\\"";
      } else if (c == '\\') {
        out += "\\\\";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\r') {
        out += "\\r";
      } else if (u < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u);
        out += buf;
      } else {
        out += c;
      }
    }
    return out + "\"";
  };
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t at = 0; at < 19; ++at) {
      std::string s(19, 'a');
      s[at] = static_cast<char>(byte);
      ASSERT_EQ(JsonQuote(s), expected(s)) << "byte " << byte << " at " << at;
    }
  }
}

TEST(JsonQuote, PlainMeansNothingToEscapeWhateverTheLength) {
  EXPECT_TRUE(IsJsonPlain(""));
  EXPECT_TRUE(IsJsonPlain("239.1.1.1"));
  EXPECT_TRUE(IsJsonPlain("caf\xc3\xa9 au lait, 7 bytes"));
  for (std::size_t n = 1; n < 20; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      std::string s(n, 'x');
      s[at] = '"';
      EXPECT_FALSE(IsJsonPlain(s)) << n << " " << at;
      s[at] = '\x1f';
      EXPECT_FALSE(IsJsonPlain(s)) << n << " " << at;
      s[at] = ' ';
      EXPECT_TRUE(IsJsonPlain(s)) << n << " " << at;
    }
  }
}

}  // namespace
}  // namespace sim::core
