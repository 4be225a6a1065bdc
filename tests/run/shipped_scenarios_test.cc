// Every shipped scenario is a regression test: it runs, its expectations hold, Wireshark finds
// nothing wrong in its pcaps, and two runs give byte-identical pcaps and events.jsonl.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/json_files.h"
#include "tests/support/tshark.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_files.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> ShippedScenarios() {
  return testing_support::JsonFilesIn(std::string(MCASTLAB_SOURCE_DIR) + "/topologies");
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string s = fs::path(info.param).stem().string();
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

class ShippedScenario : public testing::TestWithParam<std::string> {
 protected:
  // A fresh folder of this test's own (an earlier build's leftovers may lack the output marker).
  fs::path Out(const std::string& tag) const {
    const fs::path p = fs::path(testing::TempDir()) / (fs::path(GetParam()).stem().string() + "-" + tag);
    fs::remove_all(p);
    return p;
  }
  scenario::Scenario Load() const {
    auto r = scenario::LoadScenarioFile(GetParam());
    if (!r.ok()) ADD_FAILURE() << ToString(r.errors().front());
    return r.scenario();
  }
};

TEST_P(ShippedScenario, ExpectationsHold) {
  const scenario::Scenario s = Load();
  ASSERT_FALSE(s.expectations.empty()) << "a shipped scenario is a test: it needs expectations";
  ASSERT_FALSE(s.description.empty()) << "a shipped scenario teaches: it needs a description";
  const RunResult r = RunScenario(s, Out("a"));
  for (const Outcome& o : r.outcomes) {
    EXPECT_TRUE(o.passed) << o.path << " " << o.kind << ": expected " << o.expected << ", found " << o.found;
  }
}

TEST_P(ShippedScenario, PcapsDecodeCleanlyInTshark) {
  const fs::path out = Out("tshark");
  RunScenario(Load(), out);
  int pcaps = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() != ".pcap") continue;
    ++pcaps;
    EXPECT_EQ(testing_support::TsharkProblems(e.path().string()), std::vector<std::string>{}) << e.path();
    // RFC 2236 §2: every IGMP message goes with IP TTL 1 and the Router Alert option.
    EXPECT_EQ(testing_support::RunTshark(e.path().string(), {"-Y", "igmp && (ip.ttl != 1 || !ip.opt.ra)"}), "")
        << e.path();
    // Every PIM checksum verifies (over the whole message, or the Register header alone).
    EXPECT_EQ(testing_support::RunTshark(e.path().string(), {"-Y", "pim && pim.cksum.status != 1"}), "") << e.path();
    // RFC 7761 §4.9: Hellos, Join/Prunes and Asserts go to ALL-PIM-ROUTERS with TTL 1.
    EXPECT_EQ(testing_support::RunTshark(e.path().string(), {"-Y", "(pim.type == 0 || pim.type == 3 || pim.type == 5) && (ip.ttl != 1 || ip.dst != 224.0.0.13)"}), "")
        << e.path();
  }
  EXPECT_GT(pcaps, 0);
}

// events.jsonl says numbers as JSON numbers, never as strings ("ttl": 1), and names every port
// and interface as the scenario does ("port": "p2", not an index).
TEST_P(ShippedScenario, EventValuesAreTypedAndNamedAsInTheScenario) {
  const scenario::Scenario s = Load();
  const fs::path out = Out("events");
  RunScenario(s, out);
  const std::regex quoted_integer(R"re(": "-?[0-9]+")re");
  const std::regex node_and_place(R"re("node": "([^"]+)".*"(port|interface)": "([^"]*)")re");
  std::istringstream events(testing_support::ReadWholeFile(out / "events.jsonl"));
  int lines = 0;
  for (std::string line; std::getline(events, line); ++lines) {
    EXPECT_FALSE(std::regex_search(line, quoted_integer)) << line;
    std::smatch m;
    if (!std::regex_search(line, m, node_and_place)) continue;
    const scenario::Node* n = FindNode(s, m[1].str());
    ASSERT_NE(n, nullptr) << line;
    EXPECT_TRUE(n->HasInterface(m[3].str())) << line;
  }
  EXPECT_GT(lines, 0);
}

// Two runs in separate processes (as users and CI see them) give the same bytes in every file.
TEST_P(ShippedScenario, TwoProcessesWriteByteIdenticalFiles) {
  const fs::path a = Out("det1"), b = Out("det2");
  for (const fs::path& out : {a, b}) {
    const std::string cmd = std::string(MCASTLAB_CLI) + " run " + GetParam() + " --out " + out.string() + " > /dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  int compared = 0;
  for (const auto& e : fs::directory_iterator(a)) {
    const std::string name = e.path().filename().string();
    EXPECT_EQ(testing_support::ReadWholeFile(e.path()), testing_support::ReadWholeFile(b / name)) << name << " differs between two runs";
    ++compared;
  }
  int in_b = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(b)) ++in_b;
  EXPECT_EQ(compared, in_b);
  EXPECT_GE(compared, 4);  // marker, events.jsonl, summary.json, a pcap at least
}

INSTANTIATE_TEST_SUITE_P(Topologies, ShippedScenario, testing::ValuesIn(ShippedScenarios()), TestName);

}  // namespace
}  // namespace sim::run
