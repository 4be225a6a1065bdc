// A node's power at the start of the run: "state": "down" on the node, or a `node` event at
// 0 s, keeps every startup query and Hello off the wire until the node is powered on; the
// protocols then start at that instant as they would have at 0. Exact instants, from the run's
// own expectations and its events.jsonl.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

// R1 starts down and is powered on at 10 s; R2 is powered off by an event at 0 s and on at 20 s.
constexpr std::string_view kScenario = R"({
  "format": 1, "name": "starting-state", "duration": "30s",
  "nodes": [
    {"name": "R1", "type": "router", "state": "down", "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"}]},
    {"name": "R2", "type": "router", "interfaces": [{"name": "eth0", "address": "192.0.2.2/24"}]},
    {"name": "H1", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"}]}
  ],
  "links": [{"name": "lan", "endpoints": ["R1:eth0", "R2:eth0", "H1:eth0"]}],
  "events": [
    {"at": "0s", "action": "node", "node": "R2", "state": "down"},
    {"at": "10s", "action": "node", "node": "R1", "state": "up"},
    {"at": "20s", "action": "node", "node": "R2", "state": "up"}
  ],
  "expect": [
    {"until": "9.999s", "packets": {"link": "lan", "type": "igmp-query-general", "min": 0, "max": 0}},
    {"until": "9.999s", "packets": {"link": "lan", "type": "pim-hello", "min": 0, "max": 0}},
    {"from": "10s", "until": "10s", "packets": {"link": "lan", "type": "igmp-query-general", "min": 1, "max": 1}},
    {"from": "10.001s", "until": "19.999s", "packets": {"link": "lan", "type": "igmp-query-general", "min": 0, "max": 0}},
    {"from": "20s", "until": "20s", "packets": {"link": "lan", "type": "igmp-query-general", "min": 1, "max": 1}},
    {"at": "5s", "querier": {"node": "R1", "interface": "eth0", "is": false}}
  ]
})";

std::vector<std::string> LinesOf(const fs::path& file, std::string_view node) {
  std::ifstream in(file);
  std::vector<std::string> out;
  const std::string tag = "\"node\": \"" + std::string(node) + "\"";
  for (std::string line; std::getline(in, line);) {
    if (line.find(tag) != std::string::npos) out.push_back(line);
  }
  return out;
}

class StartingStateTest : public testing::Test {
 protected:
  void SetUp() override {
    auto loaded = scenario::LoadScenario(kScenario);
    ASSERT_TRUE(loaded.ok()) << ToString(loaded.errors().front());
    // One folder per test: ctest runs the tests of this fixture in parallel processes.
    out_ = fs::path(testing::TempDir()) /
           ("starting-state-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(out_);
    result_ = RunScenario(loaded.scenario(), out_);
  }
  fs::path out_;
  RunResult result_;
};

TEST_F(StartingStateTest, NothingLeavesANodeBeforeItsPowerOn) {
  ASSERT_EQ(result_.outcomes.size(), 6u);
  for (const Outcome& o : result_.outcomes) {
    EXPECT_TRUE(o.passed) << o.path << ": expected " << o.expected << ", found " << o.found;
  }
}

// A querier check on a router that is off says so, rather than naming querier 0.0.0.0.
TEST_F(StartingStateTest, AQuerierCheckOnAPoweredOffRouterSaysItIsOff) {
  ASSERT_EQ(result_.outcomes.size(), 6u);
  EXPECT_TRUE(result_.outcomes[5].passed);
  EXPECT_EQ(result_.outcomes[5].found, "not querier (R1 is powered off)");
}

TEST_F(StartingStateTest, AStartingStateDownIsSilentAndItsFirstLineIsThePowerOn) {
  const auto r1 = LinesOf(out_ / "events.jsonl", "R1");
  ASSERT_FALSE(r1.empty());
  EXPECT_EQ(r1.front(), R"({"t": "10.000000000", "node": "R1", "kind": "node.up"})");
}

TEST_F(StartingStateTest, ANodeDownAtZeroGoesDownBeforeAnythingElseAtZero) {
  // Its lines at 0: the routes of the built network, the power-off, the routes without it; no
  // querier or PIM line (before, the startup query went out at 0 first). Then the power-on.
  const auto r2 = LinesOf(out_ / "events.jsonl", "R2");
  ASSERT_GE(r2.size(), 5u);
  EXPECT_EQ(std::vector<std::string>(r2.begin(), r2.begin() + 5),
            (std::vector<std::string>{
                R"({"t": "0.000000000", "node": "R2", "kind": "routes.changed", "routes": 1})",
                R"({"t": "0.000000000", "node": "R2", "kind": "node.down"})",
                R"({"t": "0.000000000", "node": "R2", "kind": "routes.changed", "routes": 0})",
                R"({"t": "20.000000000", "node": "R2", "kind": "node.up"})",
                R"({"t": "20.000000000", "node": "R2", "kind": "igmp.querier", "interface": "eth0", "from": "Initial", "event": "start", "to": "Querier", "action": "send general query"})"}));
}

}  // namespace
}  // namespace sim::run
