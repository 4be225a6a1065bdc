// events.jsonl records: what the run copies per event and the line the writer thread makes of
// it must be the line the event always gave, byte for byte.
#include "sim/run/event_record.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace sim::run {
namespace {

std::string LinesOf(const std::vector<net::TraceEvent>& events) {
  std::string records;
  for (const auto& e : events) AppendEventRecord(e, records);
  std::string lines;
  AppendEventLines(records, lines);
  return lines;
}

TEST(EventRecord, ALineHasTheTimeTheNodeTheKindAndTheFieldsInOrder) {
  const net::TraceEvent e{core::Time::FromNanos(20'100'004'080), "R3", "pim.upstream",
                          {{"entry", "(*,239.1.1.1)"}, {"holdtime", 210}, {"up", true}, {"from", "Joined"}}};
  EXPECT_EQ(LinesOf({e}),
            "{\"t\": \"20.100004080\", \"node\": \"R3\", \"kind\": \"pim.upstream\", \"entry\": \"(*,239.1.1.1)\", "
            "\"holdtime\": 210, \"up\": true, \"from\": \"Joined\"}\n");
}

// Addresses, instants and entries travel as numbers and become the same text they always were.
TEST(EventRecord, AddressesInstantsAndNamesAreWrittenAsText) {
  const net::TraceEvent e{core::Time::FromNanos(5'000'006'120), "H-B2", "udp.drop",
                          {{"reason", core::TraceValue::Name("not-joined")},
                           {"source", core::TraceValue::Address(0x0A09000Au)},
                           {"first", core::Time::FromNanos(588'000'000'001)},
                           {"port", 5001},
                           {"entry", core::TraceValue::Entry(std::nullopt, 0xEF010101u)},
                           {"rpt", core::TraceValue::Entry(0x0A09000Au, 0xEF010101u, true)}}};
  EXPECT_EQ(LinesOf({e}),
            "{\"t\": \"5.000006120\", \"node\": \"H-B2\", \"kind\": \"udp.drop\", \"reason\": \"not-joined\", "
            "\"source\": \"10.9.0.10\", \"first\": \"588.000000001\", \"port\": 5001, \"entry\": \"(*,239.1.1.1)\", "
            "\"rpt\": \"(10.9.0.10,239.1.1.1,rpt)\"}\n");
}

// Integers, spans and "name address" values travel as numbers too.
TEST(EventRecord, IntegersSpansAndNamedAddressesAreWrittenAsBefore) {
  const net::TraceEvent e{core::Time::Start(), "R1", "pim.upstream",
                          {{"jt", core::Seconds(60)},
                           {"et", core::Milliseconds(2500)},
                           {"send", core::TraceValue::NamedAddress("join", 0x0A000002u)},
                           {"min", std::int64_t{INT64_MIN}},
                           {"max", std::uint64_t{UINT64_MAX}}}};
  EXPECT_EQ(LinesOf({e}),
            "{\"t\": \"0.000000000\", \"node\": \"R1\", \"kind\": \"pim.upstream\", \"jt\": \"1min\", "
            "\"et\": \"2.5s\", \"send\": \"join 10.0.0.2\", \"min\": -9223372036854775808, "
            "\"max\": 18446744073709551615}\n");
}

// Short strings are copied by overlapping moves: every length up to and past 16 comes out whole.
TEST(EventRecord, StringsOfEveryShortLengthSurvive) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t n = 0; n <= letters.size(); ++n) {
    const std::string text = letters.substr(0, n);
    const net::TraceEvent e{core::Time::Start(), text, "k", {{"v", text}, {"n", core::TraceValue::Name(text)}}};
    const std::string node = n == 0 ? "" : ", \"node\": \"" + text + "\"";
    EXPECT_EQ(LinesOf({e}), "{\"t\": \"0.000000000\"" + node + ", \"kind\": \"k\", \"v\": \"" + text +
                                "\", \"n\": \"" + text + "\"}\n")
        << "length " << n;
  }
}

TEST(EventRecord, ALinkEventHasNoNodeAndAnEventMayHaveNoField) {
  EXPECT_EQ(LinesOf({{core::Time::FromNanos(1), "", "link.down", {}}}),
            "{\"t\": \"0.000000001\", \"kind\": \"link.down\"}\n");
}

TEST(EventRecord, UserTextIsEscapedAndBareValuesStayBare) {
  // A node or description is the user's text: quotes, backslashes and control bytes escape.
  const net::TraceEvent e{core::Time::Start(), "h\"1\\", "test.kind",
                          {{"text", "a\tb\n\x01"}, {"empty", ""}, {"n", -7}, {"no", false}}};
  EXPECT_EQ(LinesOf({e}),
            "{\"t\": \"0.000000000\", \"node\": \"h\\\"1\\\\\", \"kind\": \"test.kind\", \"text\": \"a\\tb\\n\\u0001\", "
            "\"empty\": \"\", \"n\": -7, \"no\": false}\n");
}

TEST(EventRecord, RecordsFollowOneAnotherAndLongValuesAndManyFieldsSurvive) {
  core::TraceFields many;
  for (int i = 0; i < 300; ++i) many.emplace_back("k", i);
  const std::string long_text(100'000, 'x');
  const std::vector<net::TraceEvent> events{{core::Time::FromNanos(5), "A", "one", {{"v", long_text}}},
                                            {core::Time::FromNanos(6), "B", "two", many}};
  std::string expected = "{\"t\": \"0.000000005\", \"node\": \"A\", \"kind\": \"one\", \"v\": \"" + long_text + "\"}\n" +
                         "{\"t\": \"0.000000006\", \"node\": \"B\", \"kind\": \"two\"";
  for (int i = 0; i < 300; ++i) expected += ", \"k\": " + std::to_string(i);
  expected += "}\n";
  EXPECT_EQ(LinesOf(events), expected);
}

// Lines are written into room made ahead, 64 KiB at a time: a value whose escapes make it six
// times longer than its bytes, and lines that cross the end of the room, come out whole.
TEST(EventRecord, EscapesThatOutgrowTheRoomMadeAheadComeOutWhole) {
  const std::string controls(20'000, '\x01');  // 120,000 bytes quoted
  std::string quoted;
  for (std::size_t i = 0; i < controls.size(); ++i) quoted += "\\u0001";
  std::vector<net::TraceEvent> events{{core::Time::FromNanos(1), "A", "one", {{"v", controls}}}};
  std::string expected = "{\"t\": \"0.000000001\", \"node\": \"A\", \"kind\": \"one\", \"v\": \"" + quoted + "\"}\n";
  for (int i = 0; i < 3'000; ++i) {  // about 200 KB of short lines after it
    events.push_back({core::Time::FromNanos(2), "B", "two", {{"q", "a\"b"}, {"n", i}}});
    expected += "{\"t\": \"0.000000002\", \"node\": \"B\", \"kind\": \"two\", \"q\": \"a\\\"b\", \"n\": " +
                std::to_string(i) + "}\n";
  }
  EXPECT_EQ(LinesOf(events), expected);
  // Appended after what the string held, which stays as it was.
  std::string records;
  AppendEventRecord(events[1], records);
  std::string lines = "before\n";
  AppendEventLines(records, lines);
  EXPECT_EQ(lines, "before\n{\"t\": \"0.000000002\", \"node\": \"B\", \"kind\": \"two\", \"q\": \"a\\\"b\", \"n\": 0}\n");
}

}  // namespace
}  // namespace sim::run
