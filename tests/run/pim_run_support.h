// What the PIM run tests of one scenario text read back: the run itself, the Join/Prune frames of
// a link (tshark) and the events of one node and kind (events.jsonl).
#ifndef MCASTLAB_TESTS_RUN_PIM_RUN_SUPPORT_H_
#define MCASTLAB_TESTS_RUN_PIM_RUN_SUPPORT_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/child_process.h"
#include "tests/support/events_log.h"
#include "tests/support/tshark.h"

namespace sim::run::pim_run {

// Runs scenario `json` into a folder of its own: `tag`, or the running test's name, and the
// process id. ctest runs each test in a process of its own, two at a time, so the tests of one
// suite that share a run (SetUpTestSuite) each make it in their own folder.
inline std::filesystem::path RunJson(const std::string& json, std::string tag = "") {
  const auto loaded = scenario::LoadScenario(json);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.errors().front().message);
  if (const auto* test = testing::UnitTest::GetInstance()->current_test_info(); tag.empty() && test != nullptr) {
    tag = std::string(test->test_suite_name()) + "-" + test->name();
  }
  const std::filesystem::path out =
      std::filesystem::path(testing::TempDir()) / ("pim-run-" + tag + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(out);
  if (loaded.ok()) {
    EXPECT_TRUE(RunScenario(loaded.scenario(), out).passed());
  }
  return out;
}

// `text`, a scenario, with an empty expectation list: for a lesson changed by a test, whose
// own expectations no longer hold.
inline std::string WithoutExpectations(std::string text) {
  const std::string expect = "\"expect\": [";
  const auto from = text.find(expect);
  if (from == std::string::npos) return text;
  text.erase(from + expect.size(), text.rfind(']') - from - expect.size());
  return text;
}

// One line per Join/Prune frame on `link`: time, sender, upstream neighbor, joins, prunes.
inline std::string JoinPruneFrames(const std::filesystem::path& out, const std::string& link) {
  return testing_support::RunTshark(
      (out / (link + ".pcap")).string(),
      {"-Y", "pim.type == 3", "-T", "fields", "-e", "frame.time_relative", "-e", "ip.src", "-e",
       "pim.upstream_neighbor", "-e", "pim.numjoins", "-e", "pim.numprunes"});
}

// The events of `node` and `kind`, each as its instant and the rest of its line after the kind:
//   20.1 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": ... }
inline std::vector<std::string> NodeEvents(const std::filesystem::path& out, std::string_view node,
                                           std::string_view kind) {
  const std::string tag = "\"node\": \"" + std::string(node) + "\", \"kind\": \"" + std::string(kind) + "\", ";
  std::vector<std::string> found;
  for (const std::string& line : testing_support::EventLines(out)) {
    const auto at = line.find(tag);
    if (at == std::string::npos) continue;
    found.push_back(testing_support::EventField(line, "t") + " " + line.substr(at + tag.size()));
  }
  return found;
}

// The tables of `node` in the snapshot file `name` of the run, from its "=== node (" line to the
// next node's.
inline std::string NodeTables(const std::filesystem::path& out, const std::string& name, const std::string& node) {
  const std::string all = testing_support::ReadWholeFile(out / name);
  const auto from = all.find("=== " + node + " (");
  if (from == std::string::npos) return "";
  return all.substr(from, all.find("\n=== ", from + 1) - from);
}

}  // namespace sim::run::pim_run

#endif  // MCASTLAB_TESTS_RUN_PIM_RUN_SUPPORT_H_
