// The report page: its data block survives any text a run may hold (a description that closes
// the script element, markup in names), and the same run gives the same bytes.
#include "tools/report_html.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/explain/json_in.h"
#include "sim/explain/run_record.h"
#include "sim/explain/state_snapshots.h"
#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tools/report_data.h"
#include "tools/report_layout.h"

namespace tools {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDataOpen = "<script type=\"application/json\" id=\"report-data\">";

// The text of the data block, as a browser's parser would cut it: up to the first "</script".
std::string DataBlock(const std::string& page) {
  const std::size_t start = page.find(kDataOpen);
  EXPECT_NE(start, std::string::npos);
  const std::size_t from = start + kDataOpen.size();
  return page.substr(from, page.find("</script", from) - from);
}

fs::path FreshDir(const std::string& name) {
  const fs::path dir = fs::path(testing::TempDir()) / ("report-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A run's three files, written by hand, with a description that tries to break out.
fs::path HostileRun() {
  const fs::path dir = FreshDir("hostile");
  std::ofstream(dir / "topology.json")
      << R"({"nodes": [{"name": "<b>H1</b>", "type": "host", "interfaces": [{"name": "eth0", "address": "10.0.0.1/24", "link": "a&b"}]},)"
      << R"({"name": "R1", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.2/24", "link": "a&b"}]}],)"
      << R"( "links": [{"name": "a&b", "endpoints": ["<b>H1</b>:eth0", "R1:eth0"]}]})";
  std::ofstream(dir / "events.jsonl")
      << R"({"t": "1.000000000", "node": "R1", "kind": "igmp.querier", "interface": "eth0", "from": "Initial", "event": "start", "to": "Querier"})"
      << "\n";
  std::ofstream(dir / "summary.json")
      << R"({"scenario": "x</script><script>alert(1)</script>", "description": "<!-- </SCRIPT > & )" "\u2028" R"(", "seed": 1, "duration": "2s", "passed": false,)"
      << R"( "expectations": [{"index": 0, "kind": "received", "path": "/expect/0", "passed": false, "expected": "<1>", "found": "0 datagrams"}]})";
  std::ofstream(dir / "state-end.txt") << "=== R1 (router)\n# show arp\nAddress\n\n=== <b>H1</b> (host)\n# x </script>\n";
  return dir;
}

ReportSource Source(const fs::path& dir) {
  auto record = sim::explain::ReadRunRecord(dir);
  EXPECT_TRUE(std::holds_alternative<sim::explain::RunRecord>(record));
  return {std::get<sim::explain::RunRecord>(record), dir, ""};
}

TEST(ScriptSafeJson, LeavesNoMarkupCharacter) {
  EXPECT_EQ(ScriptSafeJson(R"({"a": "</script><!--&"})"), R"({"a": "\u003c/script\u003e\u003c!--\u0026"})");
  EXPECT_EQ(ScriptSafeJson("[1, 2]"), "[1, 2]");
}

TEST(ReportHtml, DataBlockHoldsHostileTextIntact) {
  const std::string page = ReportHtml(Source(HostileRun()));
  ASSERT_TRUE(page.starts_with(kReportHead));
  const std::string block = DataBlock(page);
  EXPECT_EQ(block.find('<'), std::string::npos);
  const auto json = sim::explain::ParseJson(block);
  ASSERT_TRUE(json.has_value()) << block;
  EXPECT_EQ(json->Str("scenario"), "x</script><script>alert(1)</script>");
  EXPECT_EQ(json->Str("description"), "<!-- </SCRIPT > & \u2028");
  const sim::explain::Json* snapshots = json->Find("snapshots");
  ASSERT_NE(snapshots, nullptr);
  ASSERT_EQ(snapshots->items.size(), 1u);
  EXPECT_EQ(snapshots->items[0].Find("nodes")->items[1].items[1].text, "# x </script>\n");
  // Outside the block, every name is escaped as HTML: the only script elements are ours.
  std::size_t scripts = 0;
  for (std::size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) ++scripts;
  EXPECT_EQ(scripts, 2u);
  EXPECT_NE(page.find("<title>x&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; - mcastlab report</title>"),
            std::string::npos);
  EXPECT_NE(page.find("data-node=\"&lt;b&gt;H1&lt;/b&gt;\""), std::string::npos);
  EXPECT_NE(page.find("<td>&lt;1&gt;</td>"), std::string::npos);
  // Its link has no bandwidth or delay (as in a run older than those keys): the name alone.
  EXPECT_NE(page.find("data-link=\"a&amp;b\"><title>a&amp;b</title>"), std::string::npos);
  EXPECT_EQ(page.find("link-figures\""), std::string::npos);
}

TEST(ReportHtml, ExpectationsShowPassAndFail) {
  const std::string page = ReportHtml(Source(HostileRun()));
  EXPECT_NE(page.find("<h2>Expectations: 0 of 1 passed</h2>"), std::string::npos);
  EXPECT_NE(page.find("<tr class=\"fail\"><td>FAIL</td><td>/expect/0</td><td>received</td>"), std::string::npos);
}

TEST(ReportLayout, SharedLanIsASegmentAndCableALine) {
  sim::explain::RunRecord r;
  r.nodes = {{"R1", "router", {{"eth0", "", "", "lan"}, {"eth1", "", "", "cable"}}},
             {"H1", "host", {{"eth0", "", "", "lan"}}},
             {"H2", "host", {{"eth0", "", "", "lan"}}},
             {"R2", "router", {{"eth0", "", "", "cable"}}}};
  const Layout layout = LayOut(r);
  ASSERT_EQ(layout.links.size(), 2u);
  EXPECT_EQ(layout.links[0].name, "cable");
  EXPECT_FALSE(layout.links[0].segment);
  EXPECT_EQ(layout.links[1].name, "lan");
  EXPECT_TRUE(layout.links[1].segment);
  // R1, the centre, on top; the segment and R2 below it; the hosts under the segment.
  EXPECT_LT(layout.nodes[0].second, layout.links[1].y);
  EXPECT_EQ(layout.nodes[3].second, layout.links[1].y);
  EXPECT_GT(layout.nodes[1].second, layout.links[1].y);
  EXPECT_EQ(layout.nodes[1].second, layout.nodes[2].second);
  EXPECT_LT(layout.nodes[1].first, layout.nodes[2].first);
}

TEST(ReportData, UrlPathEscapesWhatAUrlCannotHold) {
  EXPECT_EQ(UrlPath("../out/my lan#1.pcap"), "../out/my%20lan%231.pcap");
}

TEST(StateSnapshots, NamesGiveTheirInstant) {
  EXPECT_EQ(sim::explain::SnapshotTime("state-08.000000000-after-stream.txt"), 8'000'000'000);
  EXPECT_EQ(sim::explain::SnapshotTime("state-411.250000000.txt"), 411'250'000'000);
  EXPECT_EQ(sim::explain::SnapshotTime("state-end.txt"), -1);
  EXPECT_EQ(sim::explain::SnapshotTime("state-1.5.txt"), -1);
  EXPECT_EQ(sim::explain::SnapshotTime("summary.json"), -1);
}

// The page of pim-shared-tree.json, run into a fresh folder named `name`.
std::string PimSharedTreePage(const std::string& name) {
  auto loaded = sim::scenario::LoadScenarioFile(MCASTLAB_SOURCE_DIR "/topologies/pim-shared-tree.json");
  EXPECT_TRUE(loaded.ok());
  const fs::path dir = FreshDir(name) / "o";
  sim::run::RunScenario(loaded.scenario(), dir);
  return ReportHtml(Source(dir));
}

// The querier failover run twice: the same page, byte for byte, with its frames decoded.
TEST(ReportHtml, SameRunSameBytes) {
  auto loaded = sim::scenario::LoadScenarioFile(MCASTLAB_SOURCE_DIR "/topologies/igmp-querier-failover.json");
  ASSERT_TRUE(loaded.ok());
  const fs::path root = FreshDir("twice");
  sim::run::RunScenario(loaded.scenario(), root / "a");
  sim::run::RunScenario(loaded.scenario(), root / "b");
  const std::string a = ReportHtml(Source(root / "a")), b = ReportHtml(Source(root / "b"));
  EXPECT_EQ(a, b);
  const auto json = sim::explain::ParseJson(DataBlock(a));
  ASSERT_TRUE(json.has_value());
  EXPECT_EQ(json->Find("end")->text, "600000000000");
  EXPECT_EQ(json->Find("links")->items[0].Str("pcap"), "lan.pcap");
  const sim::explain::Json& frames = *json->Find("frames");
  EXPECT_EQ(json->Find("frames_total")->text, std::to_string(frames.items.size()));
  // The first frame: R1's general query at 0 s, sent by R1 (node 0) on the lan (link 0).
  ASSERT_FALSE(frames.items.empty());
  EXPECT_EQ(frames.items[0].items[0].text, "0");
  EXPECT_EQ(frames.items[0].items[2].text, "0");
  EXPECT_EQ(frames.items[0].items[3].text, "igmp");
  EXPECT_EQ(frames.items[0].items[4].text, "igmp-query-general");
}

// Nothing to fetch: no element loads a file, and the one address is the SVG namespace's name.
TEST(ReportHtml, NeedsNoNetwork) {
  const std::string page = PimSharedTreePage("offline");
  for (const char* fetching : {"src=", "<link", "@import", "url(", "fetch(", "XMLHttpRequest", "<iframe"}) {
    EXPECT_EQ(page.find(fetching), std::string::npos) << fetching;
  }
  std::size_t addresses = 0;
  for (std::size_t at = page.find("://"); at != std::string::npos; at = page.find("://", at + 1)) {
    EXPECT_EQ(page.substr(at - 4, 26), "http://www.w3.org/2000/svg");
    ++addresses;
  }
  EXPECT_EQ(addresses, 2u);  // the SVG element's xmlns, and the script's name for it
}

// topology.json's bandwidth and delay of each link: in its tooltip and under its name.
TEST(ReportHtml, LinksShowTheirBandwidthAndDelay) {
  const std::string page = PimSharedTreePage("figures");
  EXPECT_NE(page.find("data-link=\"r1-r2\"><title>r1-r2 (1Gbps, 1ms)</title>"), std::string::npos);
  EXPECT_NE(page.find(">r1-r2<tspan class=\"link-figures\" x=\""), std::string::npos);
  EXPECT_NE(page.find("dy=\"10\">1Gbps, 1ms</tspan></text>"), std::string::npos);
  EXPECT_NE(page.find("<title>src-lan (1Gbps, 1us)</title>"), std::string::npos);
}

}  // namespace
}  // namespace tools
