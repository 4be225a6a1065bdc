// Reading back what a run wrote: the small JSON reader, event times, and paths over a topology.
#include "sim/explain/json_in.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/explain/path.h"
#include "sim/explain/run_record.h"

namespace sim::explain {
namespace {

TEST(JsonIn, ReadsAnEventLine) {
  const auto j = ParseJson(R"({"t": "1.000002040", "node": "R1", "kind": "forward.drop", "note": "a \"q\" \u0041\n"})");
  ASSERT_TRUE(j.has_value());
  EXPECT_EQ(j->Str("node"), "R1");
  EXPECT_EQ(j->Str("note"), "a \"q\" A\n");
  EXPECT_EQ(j->Str("absent"), "");
}

TEST(JsonIn, ReadsNestedValues) {
  const auto j = ParseJson(R"( {"a": [1, 2.5e3, true, null, {"b": []}], "c": {}} )");
  ASSERT_TRUE(j.has_value());
  const Json* a = j->Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->items.size(), 5u);
  EXPECT_EQ(a->items[1].text, "2.5e3");
  EXPECT_EQ(a->items[2].type, Json::Type::kBool);
  EXPECT_EQ(a->items[3].type, Json::Type::kNull);
}

TEST(JsonIn, RejectsWhatIsNotOneDocument) {
  for (const char* bad : {"", "{", "{\"a\" 1}", "[1,]", "{} {}", "\"open", "{\"a\": \"\\u00\"}", "nul"}) {
    EXPECT_FALSE(ParseJson(bad).has_value()) << bad;
  }
}

// JSON's escapes and nothing else: \u takes exactly four hex digits.
TEST(JsonIn, ReadsEscapesAndRejectsBadOnes) {
  const auto ok = ParseJson(R"({"a": "q\"b\\s\/n\nt\tA\u0041\u00e9"})");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->Str("a"), "q\"b\\s/n\nt\tAA?");
  for (const char* bad : {R"({"a": "\u+041"})", R"({"a": "\u 041"})", R"({"a": "\u004g"})", R"({"a": "\x41"})",
                          R"({"a": "\u-1ff"})"}) {
    EXPECT_FALSE(ParseJson(bad).has_value()) << bad;
  }
}

TEST(RunRecord, EventTimesRoundTrip) {
  EXPECT_EQ(ParseEventTime("1.000002040"), 1'000'002'040);
  EXPECT_EQ(ParseEventTime("10"), 10'000'000'000);
  EXPECT_EQ(ParseEventTime("x"), -1);
  EXPECT_EQ(ParseEventTime("1.0000000001"), -1);
  EXPECT_EQ(EventTimeString(5'001'007'160), "5.001007160");
}

// events.jsonl writes numbers and booleans bare; the record keeps their text, as for strings.
TEST(RunRecord, ReadsNumbersAndBooleansOfEventLines) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "run-record-typed";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "topology.json") << R"({"nodes": []})";
  std::ofstream(dir / "summary.json") << R"({"duration": "10s"})";
  std::ofstream(dir / "events.jsonl")
      << R"({"t": "1.000000000", "node": "src", "kind": "udp.send", "to": "239.1.1.1", "port": 5001, "ttl": 1, "source": "10.1.0.10"})"
      << "\n"
      << R"({"t": "10.000000000", "node": "R1", "kind": "drop.total", "reason": "ttl-expired", "count": 40, "first": "1.000002040"})"
      << "\n"
      << R"({"t": "0.000000000", "node": "R1", "kind": "pim.dr", "i_am_dr": true})" << "\n";
  const auto read = ReadRunRecord(dir);
  ASSERT_TRUE(std::holds_alternative<RunRecord>(read)) << std::get<std::string>(read);
  const RunRecord& r = std::get<RunRecord>(read);
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].Get("port"), "5001");
  EXPECT_EQ(r.events[0].Get("ttl"), "1");
  EXPECT_EQ(r.events[1].Count(), 40u);
  EXPECT_EQ(r.events[1].t, 10'000'000'000);
  EXPECT_EQ(r.events[2].Get("i_am_dr"), "true");
}

// src -- R1 -- R2 -- SW -- rx, and a second way from R1 to SW through R3 and R4.
TEST(Path, FewestLinksAndThePortTowardTheNextNode) {
  RunRecord r;
  auto node = [&](std::string name, std::string type, std::vector<std::string> links) {
    TopologyNode n{std::move(name), std::move(type), {}};
    for (std::size_t k = 0; k < links.size(); ++k) n.interfaces.push_back({"if" + std::to_string(k), "", "", links[k]});
    r.nodes.push_back(std::move(n));
  };
  node("src", "host", {"a"});
  node("R1", "router", {"a", "b", "d"});
  node("R2", "router", {"b", "c"});
  node("R3", "router", {"d", "e"});
  node("R4", "router", {"e", "f"});
  node("SW", "switch", {"c", "f", "g"});
  node("rx", "host", {"g"});
  EXPECT_EQ(FindPath(r, "src", "rx"), (std::vector<std::string>{"src", "R1", "R2", "SW", "rx"}));
  EXPECT_EQ(InterfaceToward(r, "SW", "rx"), "if2");
  EXPECT_TRUE(FindPath(r, "src", "nobody").empty());
}

}  // namespace
}  // namespace sim::explain
