// The PIM Assert lesson (topologies/pim-assert.json) at exact instants, read back from the
// transit LAN's pcap: both upstream routers forward the first datagram, both assert, the loser
// (R1) forwards nothing after it, and the winner (R2) re-sends its Assert 177 s later. With
// `assert: false` the duplicates stay.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/run/pim_run_support.h"
#include "tests/support/child_process.h"
#include "tests/support/tshark.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

std::string Lesson() {
  return testing_support::ReadWholeFile(fs::path(MCASTLAB_SOURCE_DIR) / "topologies" / "pim-assert.json");
}

std::string TransitFrames(const fs::path& out, const std::string& filter) {
  return testing_support::RunTshark((out / "transit.pcap").string(),
                                    {"-Y", filter, "-T", "fields", "-e", "frame.time_relative", "-e", "ip.src", "-e",
                                     "eth.src", "-e", "pim.type"});
}

TEST(PimAssert, BothForwardOnceThenOnlyTheWinner) {
  const auto loaded = scenario::LoadScenario(Lesson());
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "pim-assert-instants";
  fs::remove_all(out);
  EXPECT_TRUE(RunScenario(loaded.scenario(), out).passed());
  // R1's eth1 is 02:00:00:00:03:01, R2's 02:00:00:00:04:01. The datagram of 20 s crosses the
  // LAN from both (R1's copy is the loser's last); each router's Assert follows its arrival at
  // the other (100 us of cable + transmission); R2 answers R1's inferior Assert (A3); R1 then
  // forwards nothing. R2 re-sends at 20.000205792 + 177 s.
  EXPECT_EQ(TransitFrames(out, "(udp && frame.time_relative < 20.15) || pim.type == 5"),
            "20.000004080\t10.1.0.10\t02:00:00:00:03:01\t\n"
            "20.000004080\t10.1.0.10\t02:00:00:00:04:01\t\n"
            "20.000105120\t10.0.0.2\t02:00:00:00:04:01\t5\n"
            "20.000105120\t10.0.0.1\t02:00:00:00:03:01\t5\n"
            "20.000205792\t10.0.0.2\t02:00:00:00:04:01\t5\n"
            "20.100004080\t10.1.0.10\t02:00:00:00:04:01\t\n"
            "197.000205792\t10.0.0.2\t02:00:00:00:04:01\t5\n");
  EXPECT_EQ(TransitFrames(out, "udp && eth.src == 02:00:00:00:03:01"), "20.000004080\t10.1.0.10\t02:00:00:00:03:01\t\n");
}

TEST(PimAssert, AssertFalseKeepsTheDuplicates) {
  std::string text = Lesson();
  // The lesson's defaults keep the shared tree (spt_switchover "never"); assert goes next to it.
  const std::string anchor = "\"spt_switchover\": \"never\"";
  text.insert(text.find(anchor) + anchor.size(), ", \"assert\": false");
  const auto loaded = scenario::LoadScenario(text);
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "pim-assert-off";
  fs::remove_all(out);
  RunScenario(loaded.scenario(), out);
  // 101 datagrams, each forwarded by R1 and by R2; no Assert on the wire.
  const std::string udp = TransitFrames(out, "udp");
  EXPECT_EQ(std::count(udp.begin(), udp.end(), '\n'), 202);
  EXPECT_EQ(TransitFrames(out, "pim.type == 5"), "");
}

// The winner powers off at 60 s and sends nothing more. Its neighbor liveness timer runs out at
// R1 and R3 at 137.423693754 s (its last Hello + 105 s): "Current Winner's ... NLT Expires"
// sends both to NoInfo; R1 forwards onto the LAN again and R3's RPF' goes back to R1 (a route
// change, so Join to R1 and Prune to R2 at once). The LAN carries nothing from 60 s until the
// datagram of 137.5 s, which R1 forwards.
TEST(PimAssert, WinnerGoneLoserTakesOverWhenItsNeighborExpires) {
  std::string text = Lesson();
  text.replace(text.find("\"until\": \"30s\""), 15, "\"until\": \"150s\"");
  const std::string anchor = "{\n      \"at\": \"25s\"";
  text.insert(text.find(anchor), R"({"at": "60s", "action": "node", "node": "R2", "state": "down"}, )");
  text = pim_run::WithoutExpectations(text);
  const auto loaded = scenario::LoadScenario(text);
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "pim-assert-winner-gone";
  fs::remove_all(out);
  RunScenario(loaded.scenario(), out);
  std::string lines;
  std::istringstream events(testing_support::ReadWholeFile(out / "events.jsonl"));
  for (std::string line; std::getline(events, line);) {
    if (line.find("\"pim.assert\"") != std::string::npos && line.find("\"t\": \"2") == std::string::npos) {
      lines += line.substr(0, line.find(", \"interface\"")) + " " + line.substr(line.find("\"event\"")) + "\n";
    }
  }
  EXPECT_EQ(lines,
            "{\"t\": \"137.423693754\", \"node\": \"R1\", \"kind\": \"pim.assert\" "
            "\"event\": \"winner GenID changes or NLT expires\", \"to\": \"NoInfo\"}\n"
            "{\"t\": \"137.423693754\", \"node\": \"R3\", \"kind\": \"pim.assert\" "
            "\"event\": \"winner GenID changes or NLT expires\", \"to\": \"NoInfo\"}\n");
  const std::string after = TransitFrames(out, "udp && frame.time_relative > 59.95 && frame.time_relative < 137.65");
  EXPECT_EQ(after,
            "137.500004080\t10.1.0.10\t02:00:00:00:03:01\t\n"
            "137.600004080\t10.1.0.10\t02:00:00:00:03:01\t\n");
}

}  // namespace
}  // namespace sim::run
