// `--capture-merged`: one pcapng beside the per-link pcaps, holding exactly their frames, an
// interface per link named after it, in time order, clean in tshark and the same on every run.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/tshark.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_files.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

fs::path RunAssertLesson(const std::string& folder) {
  const auto loaded = scenario::LoadScenarioFile(MCASTLAB_SOURCE_DIR "/topologies/pim-assert.json");
  EXPECT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / folder;
  fs::remove_all(out);
  RunOptions options;
  options.capture_merged = true;
  RunScenario(loaded.scenario(), out, options);
  return out;
}

TEST(CaptureMerged, HoldsEveryLinksFramesUnderTheLinksName) {
  if (testing_support::TsharkPath().empty()) GTEST_SKIP() << "tshark not found";
  const fs::path out = RunAssertLesson("merged");
  const fs::path merged = out / kMergedCaptureFile;
  ASSERT_TRUE(fs::exists(merged));

  std::map<std::string, std::size_t> per_interface;
  std::string last_time;
  for (const auto& row : testing_support::TsharkFields(
           merged.string(), {"frame.interface_name", "frame.interface_description", "frame.time_epoch"})) {
    ++per_interface[row[0]];
    if (row[0] == "transit") {
      EXPECT_EQ(row[1], "R1 eth1, R2 eth1, R3 eth0, rxl eth0");
    }
    // Fixed 9 decimals: a shorter text is an earlier time, equal lengths compare as text.
    const bool in_order = last_time.size() != row[2].size() ? last_time.size() < row[2].size() : last_time <= row[2];
    EXPECT_TRUE(in_order) << "out of order at " << row[2];
    last_time = row[2];
  }
  // The per-link pcaps' counts, link by link.
  std::map<std::string, std::size_t> per_pcap;
  for (const char* link : {"src-lan", "up1", "up2", "transit", "lan3"}) {
    per_pcap[link] = testing_support::TsharkFields((out / (std::string(link) + ".pcap")).string(), {"frame.number"}).size();
  }
  EXPECT_EQ(per_interface, per_pcap);
  EXPECT_EQ(per_interface["transit"], 147u);
  EXPECT_TRUE(testing_support::TsharkProblems(merged.string()).empty());
  // The marker lists it, so a later run into the same folder may replace it.
  EXPECT_NE(testing_support::ReadWholeFile(out / ".mcastlab-output").find("capture.pcapng"), std::string::npos);
}

TEST(CaptureMerged, SameBytesOnEveryRunAndNoFileWithoutTheOption) {
  const fs::path a = RunAssertLesson("merged-a");
  const fs::path b = RunAssertLesson("merged-b");
  EXPECT_EQ(testing_support::ReadWholeFile(a / kMergedCaptureFile), testing_support::ReadWholeFile(b / kMergedCaptureFile));

  const auto loaded = scenario::LoadScenarioFile(MCASTLAB_SOURCE_DIR "/topologies/pim-assert.json");
  const fs::path plain = fs::path(testing::TempDir()) / "not-merged";
  fs::remove_all(plain);
  RunScenario(loaded.scenario(), plain);
  EXPECT_FALSE(fs::exists(plain / kMergedCaptureFile));
}

}  // namespace
}  // namespace sim::run
