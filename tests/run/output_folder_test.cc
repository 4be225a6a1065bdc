// OutputFolder on a real file system: what it refuses, what it replaces, and that a failed or
// abandoned run leaves the old output as it was.
#include "sim/run/output_folder.h"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/trace/output_error.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_files.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

void Touch(const fs::path& p, const std::string& text = "x") { std::ofstream(p, std::ios::binary) << text; }

class OutputFolderTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) / ("output-folder-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "work");
    scenario_ = root_ / "work" / "s.json";
    Touch(scenario_, "{}");
    old_cwd_ = fs::current_path();
    fs::current_path(root_ / "work");
  }
  void TearDown() override { fs::current_path(old_cwd_); }

  // The message OutputFolder refuses `out` with; empty when it accepts.
  std::string Refusal(const fs::path& out) {
    try {
      OutputFolder f(out, {scenario_});
      return "";
    } catch (const OutputPathError& e) {
      return e.what();
    }
  }
  // A complete run into `out` writing `files`.
  void Run(const fs::path& out, const std::vector<std::string>& files) {
    OutputFolder f(out, {scenario_});
    for (const auto& name : files) Touch(f.partial() / name, name);
    f.Commit();
  }

  fs::path root_, scenario_, old_cwd_;
};

TEST_F(OutputFolderTest, RefusesTheCurrentFolderAndItsParents) {
  EXPECT_NE(Refusal(".").find("is the current folder or one of its parents"), std::string::npos);
  EXPECT_NE(Refusal("..").find("is the current folder or one of its parents"), std::string::npos);
  EXPECT_NE(Refusal("./").find("current folder"), std::string::npos);
  EXPECT_NE(Refusal(root_ / "work" / "sub" / "..").find("current folder"), std::string::npos);
  EXPECT_NE(Refusal("/").find("is the root folder"), std::string::npos);
  EXPECT_TRUE(fs::exists(scenario_));
}

TEST_F(OutputFolderTest, RefusesTheScenarioFileAndTheFoldersHoldingIt) {
  fs::current_path(root_);
  EXPECT_NE(Refusal("work/s.json").find("is the scenario file itself"), std::string::npos);
  EXPECT_NE(Refusal("work").find("holds the scenario file"), std::string::npos);
  EXPECT_EQ(testing_support::ReadWholeFile(scenario_), "{}");
}

TEST_F(OutputFolderTest, RefusesAFileASymlinkAndAFolderNotWrittenByMcastlab) {
  Touch("notes.txt", "keep me");
  EXPECT_NE(Refusal("notes.txt").find("exists and is not a folder"), std::string::npos);
  fs::create_directory("photos");
  Touch("photos/cat.jpg", "meow");
  EXPECT_NE(Refusal("photos").find("was not written by mcastlab"), std::string::npos);
  fs::create_directory_symlink("photos", "link");
  EXPECT_NE(Refusal("link").find("is a symbolic link"), std::string::npos);
  EXPECT_EQ(testing_support::ReadWholeFile("notes.txt"), "keep me");
  EXPECT_EQ(testing_support::ReadWholeFile("photos/cat.jpg"), "meow");
}

TEST_F(OutputFolderTest, WritesANewFolderWithAMarkerListingItsFiles) {
  Run("out/a", {"summary.json", "lan.pcap"});
  EXPECT_EQ(testing_support::ReadWholeFile("out/a/summary.json"), "summary.json");
  EXPECT_EQ(testing_support::ReadWholeFile(fs::path("out/a") / kOutputMarker), OutputMarkerText({"lan.pcap", "summary.json"}));
  // Nothing hidden is left beside it.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator("out")) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST_F(OutputFolderTest, ReplacesItsOwnOutputAndAnEmptyFolder) {
  Run("out/a", {"old.pcap"});
  Run("out/a", {"new.pcap"});
  EXPECT_FALSE(fs::exists("out/a/old.pcap"));
  EXPECT_TRUE(fs::exists("out/a/new.pcap"));
  fs::create_directory("empty");
  Run("empty", {"x.pcap"});
  EXPECT_TRUE(fs::exists("empty/x.pcap"));
}

TEST_F(OutputFolderTest, TrailingSlashIsTheSameFolder) {
  Run("results/", {"one.pcap"});
  Run("results/", {"two.pcap"});
  EXPECT_TRUE(fs::exists("results/two.pcap"));
  EXPECT_FALSE(fs::exists("results/one.pcap"));
}

TEST_F(OutputFolderTest, RefusesToReplaceAnOutputTheUserAddedFilesTo) {
  Run("out/a", {"lan.pcap"});
  Touch("out/a/my-notes.txt", "mine");
  EXPECT_NE(Refusal("out/a").find("holds files mcastlab did not write (my-notes.txt)"), std::string::npos);
  EXPECT_EQ(testing_support::ReadWholeFile("out/a/my-notes.txt"), "mine");
}

TEST_F(OutputFolderTest, AnAbandonedRunKeepsTheOldOutputAndLeavesNothingBehind) {
  Run("out/a", {"lan.pcap"});
  {
    OutputFolder f("out/a", {scenario_});
    Touch(f.partial() / "half.pcap");
    ASSERT_TRUE(fs::exists(f.partial()));
  }  // destroyed without Commit, as when the run throws
  EXPECT_EQ(testing_support::ReadWholeFile("out/a/lan.pcap"), "lan.pcap");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator("out")) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST_F(OutputFolderTest, CommitRefusesWhenFilesAppearedDuringTheRun) {
  Run("out/a", {"lan.pcap"});
  OutputFolder f("out/a", {scenario_});
  Touch(f.partial() / "new.pcap");
  Touch("out/a/added-meanwhile.txt", "mine");
  EXPECT_THROW(f.Commit(), OutputPathError);
  EXPECT_EQ(testing_support::ReadWholeFile("out/a/lan.pcap"), "lan.pcap");
  EXPECT_EQ(testing_support::ReadWholeFile("out/a/added-meanwhile.txt"), "mine");
}

TEST_F(OutputFolderTest, RemovesStaleLeftoversOfDeadRunsOnly) {
  fs::create_directories("out");
  // pid 999999999 cannot be a live process (pid_max is at most 4194304).
  const fs::path dead = "out/.a.partial-999999999";
  fs::create_directory(dead);
  Touch(dead / kOutputMarker, OutputMarkerText({}));
  const fs::path dead_old = "out/.a.old-999999998";
  fs::create_directory(dead_old);
  Touch(dead_old / kOutputMarker, OutputMarkerText({}));
  // Empty: killed between creating it and marking it.
  const fs::path empty = "out/.a.partial-999999996";
  fs::create_directory(empty);
  // Unmarked with something in it, or of a live process (pid 1): not ours to remove.
  const fs::path unmarked = "out/.a.partial-999999997";
  fs::create_directory(unmarked);
  Touch(unmarked / "someone-elses");
  const fs::path live = "out/.a.partial-1";
  fs::create_directory(live);
  Touch(live / kOutputMarker, OutputMarkerText({}));
  Run("out/a", {"lan.pcap"});
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_FALSE(fs::exists(dead_old));
  EXPECT_FALSE(fs::exists(empty));
  EXPECT_TRUE(fs::exists(unmarked));
  EXPECT_TRUE(fs::exists(live));
}

TEST_F(OutputFolderTest, UncreatableNamesAreRefusedAsBadInput) {
  EXPECT_NE(Refusal(std::string(300, 'n')).find("cannot create"), std::string::npos);
  Touch("file");
  EXPECT_NE(Refusal("file/sub").find("cannot create the folder"), std::string::npos);
}

// A mount point cannot be renamed away, so replacing it would lose the old results and the new.
TEST_F(OutputFolderTest, RefusesAMountPoint) {
  fs::create_directory("mnt");
  if (mount("none", "mnt", "tmpfs", 0, nullptr) != 0) GTEST_SKIP() << "mounting needs root";
  const std::string why = Refusal("mnt");
  umount("mnt");
  EXPECT_NE(why.find("is a mount point and cannot be replaced"), std::string::npos) << why;
}

}  // namespace
}  // namespace sim::run
