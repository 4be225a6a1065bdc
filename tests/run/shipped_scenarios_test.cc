// Every shipped scenario is a regression test: it runs, its expectations hold, Wireshark finds
// nothing wrong in its pcaps, and two runs give byte-identical pcaps and events.jsonl.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/json_files.h"
#include "tests/support/tshark.h"

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

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class ShippedScenario : public testing::TestWithParam<std::string> {
 protected:
  fs::path Out(const std::string& tag) const {
    return fs::path(testing::TempDir()) / (fs::path(GetParam()).stem().string() + "-" + tag);
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
  }
  EXPECT_GT(pcaps, 0);
}

TEST_P(ShippedScenario, TwoRunsAreByteIdentical) {
  const scenario::Scenario s = Load();
  const fs::path a = Out("det1"), b = Out("det2");
  RunScenario(s, a);
  RunScenario(s, b);
  int compared = 0;
  for (const auto& e : fs::directory_iterator(a)) {
    const std::string name = e.path().filename().string();
    if (name == "summary.json") continue;  // holds wall-clock counters
    EXPECT_EQ(Slurp(e.path()), Slurp(b / name)) << name << " differs between two runs";
    ++compared;
  }
  EXPECT_GE(compared, 2);
}

INSTANTIATE_TEST_SUITE_P(Topologies, ShippedScenario, testing::ValuesIn(ShippedScenarios()), TestName);

}  // namespace
}  // namespace sim::run
