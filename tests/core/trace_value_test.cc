// Trace values: what each form is as text, and that the form a value is kept in never shows.
#include "sim/core/trace_value.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sim::core {
namespace {

TEST(TraceValue, EachFormIsTheTextItStandsFor) {
  EXPECT_EQ(TraceValue("eth0").text(), "eth0");
  EXPECT_EQ(TraceValue(std::string("a \"b\"")).text(), "a \"b\"");
  EXPECT_EQ(TraceValue::Name("JT expires").text(), "JT expires");
  EXPECT_EQ(TraceValue(-42).text(), "-42");
  EXPECT_EQ(TraceValue(true).text(), "true");
  EXPECT_EQ(TraceValue(false).text(), "false");
  EXPECT_EQ(TraceValue::Address(0x0A01000Au).text(), "10.1.0.10");
  EXPECT_EQ(TraceValue::Address(0).text(), "0.0.0.0");
  EXPECT_EQ(TraceValue::Address(0xFFFFFFFFu).text(), "255.255.255.255");
  EXPECT_EQ(TraceValue(Time::FromNanos(20'100'004'080)).text(), "20.100004080");
  EXPECT_EQ(TraceValue(Time::Start()).text(), "0.000000000");
  EXPECT_EQ(TraceValue::Entry(std::nullopt, 0xEF010101u).text(), "(*,239.1.1.1)");
  EXPECT_EQ(TraceValue::Entry(0x0A01000Au, 0xEF010101u).text(), "(10.1.0.10,239.1.1.1)");
  EXPECT_EQ(TraceValue::Entry(0x0A01000Au, 0xEF010101u, true).text(), "(10.1.0.10,239.1.1.1,rpt)");
  EXPECT_EQ(TraceValue::Entry(0, 0).text(), "(0.0.0.0,0.0.0.0)");  // a source 0.0.0.0 is still a source
  EXPECT_EQ(TraceValue::NamedAddress("join", 0x0A000002u).text(), "join 10.0.0.2");
  EXPECT_EQ(TraceValue(Seconds(210)).text(), "210s");
  EXPECT_EQ(TraceValue(Minutes(1)).text(), "1min");
  EXPECT_EQ(TraceValue(Milliseconds(2500)).text(), "2.5s");
}

TEST(TraceValue, IntegersKeepTheirSignAndEveryDigit) {
  EXPECT_EQ(TraceValue(0).text(), "0");
  EXPECT_EQ(TraceValue(std::int64_t{INT64_MIN}).text(), "-9223372036854775808");
  EXPECT_EQ(TraceValue(std::uint64_t{UINT64_MAX}).text(), "18446744073709551615");
  EXPECT_EQ(TraceValue(std::uint16_t{5001}).text(), "5001");
  EXPECT_EQ(TraceValue(std::int8_t{-1}).text(), "-1");
}

TEST(TraceValue, OnlyNumbersAndBoolsAreBare) {
  EXPECT_TRUE(TraceValue(7u).is_bare());
  EXPECT_TRUE(TraceValue(false).is_bare());
  EXPECT_FALSE(TraceValue("7").is_bare());
  EXPECT_FALSE(TraceValue::Name("true").is_bare());
  EXPECT_FALSE(TraceValue::Address(1).is_bare());
  EXPECT_FALSE(TraceValue(Time::Start()).is_bare());
  EXPECT_FALSE(TraceValue::Entry(std::nullopt, 1).is_bare());
  EXPECT_FALSE(TraceValue(Seconds(1)).is_bare());
  EXPECT_FALSE(TraceValue::NamedAddress("join", 1).is_bare());
}

TEST(TraceValue, ValuesAreEqualWhenTheyReadTheSameWhateverTheirForm) {
  EXPECT_EQ(TraceValue::Address(0x0A000001u), TraceValue("10.0.0.1"));
  EXPECT_EQ(TraceValue::Name("Joined"), TraceValue(std::string("Joined")));
  EXPECT_EQ(TraceValue(Time::FromNanos(1)), TraceValue("0.000000001"));
  EXPECT_NE(TraceValue(1), TraceValue("1"));  // a number is not the text of its digits
  EXPECT_EQ(TraceValue(Seconds(210)), TraceValue("210s"));
  EXPECT_EQ(TraceValue::NamedAddress("prune", 0x0A000001u), TraceValue("prune 10.0.0.1"));
  EXPECT_NE(TraceValue::Address(1), TraceValue::Address(2));
}

// Only text owns a string: copies, moves and assignments between forms keep every value whole.
TEST(TraceValue, CopiesMovesAndAssignmentsAcrossFormsKeepTheText) {
  const std::string long_text(100, 'x');  // past any small-string buffer
  TraceValue text(long_text);
  TraceValue copy = text;
  EXPECT_EQ(copy.text(), long_text);
  TraceValue moved = std::move(copy);
  EXPECT_EQ(moved.text(), long_text);
  TraceValue v = TraceValue::Name("Joined");
  v = text;  // a name becomes text
  EXPECT_EQ(v.text(), long_text);
  v = TraceValue::Address(0x0A000001u);  // text becomes a number
  EXPECT_EQ(v.text(), "10.0.0.1");
  v = TraceValue("eth0");
  v = TraceValue(Seconds(1));
  EXPECT_EQ(v.text(), "1s");
  v = TraceValue(std::string("short"));
  const TraceValue& same = v;
  v = same;  // self-assignment
  EXPECT_EQ(v.text(), "short");
  std::vector<TraceValue> many;
  for (int i = 0; i < 100; ++i) many.push_back(i % 2 == 0 ? TraceValue(long_text) : TraceValue(i));  // grows by moves
  EXPECT_EQ(many[98].text(), long_text);
  EXPECT_EQ(many[99].text(), "99");
}

TEST(TraceValue, DottedQuadAppends) {
  std::string out = "to ";
  AppendDottedQuad(0xEF010101u, out);
  EXPECT_EQ(out, "to 239.1.1.1");
}

TEST(TraceValue, DottedQuadWritesEveryOctetValueInEveryPosition) {
  for (std::uint32_t v = 0; v < 256; ++v) {
    const std::string octet = std::to_string(v);
    std::string out;
    AppendDottedQuad((v << 24) | (v << 16) | (v << 8) | v, out);
    EXPECT_EQ(out, octet + "." + octet + "." + octet + "." + octet);
    out.clear();
    AppendDottedQuad(v << 8 | 0x0A000001u, out);  // 10.0.v.1
    EXPECT_EQ(out, "10.0." + octet + ".1");
  }
}

TEST(TraceValue, DottedQuadWrittenInPlaceEndsWhereTheTextEnds) {
  char buf[16];
  const char* end = WriteDottedQuad(0xFFFFFFFFu, buf);
  EXPECT_EQ(std::string(static_cast<const char*>(buf), end), "255.255.255.255");
  end = WriteDottedQuad(0, buf);
  EXPECT_EQ(std::string(static_cast<const char*>(buf), end), "0.0.0.0");
}

TEST(TraceValue, TimeWrittenInPlaceIsTheTimeAsItPrints) {
  char buf[2 * kMostTimeChars] = "t=";
  char* const middle = WriteTime(Time::FromNanos(599'000'000'001), buf + 2);
  const char* end = WriteTime(Time::FromNanos(-1'500'000'000), middle);
  EXPECT_EQ(std::string(static_cast<const char*>(buf), end), "t=599.000000001-1.500000000");
  // Each of the nine decimals in its place.
  EXPECT_EQ(ToString(Time::FromNanos(12'345'678'901)), "12.345678901");
  EXPECT_EQ(ToString(Time::FromNanos(987'654'321)), "0.987654321");
  EXPECT_EQ(ToString(Time::FromNanos(100'000'070)), "0.100000070");
  EXPECT_EQ(ToString(Time::FromNanos(9'223'372'036'854'775'807)), "9223372036.854775807");
}

}  // namespace
}  // namespace sim::core
