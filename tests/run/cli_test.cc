// The command line: exit codes, error messages naming the JSON path, and no output on bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/support/json_files.h"
#include "tests/support/shell.h"

namespace {

namespace fs = std::filesystem;

struct CliResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

CliResult RunCli(const std::string& args) {
  const auto r = testing_support::RunShell(std::string(MCASTLAB_CLI) + " " + args);
  return {r.exit_code, r.out + r.err};
}

std::vector<fs::path> BrokenFiles() {
  const auto files = testing_support::JsonFilesIn(std::string(MCASTLAB_SOURCE_DIR) + "/tests/scenario/broken");
  return {files.begin(), files.end()};
}

TEST(Cli, EveryBrokenFileExitsTwoNamesAPathAndWritesNothing) {
  const auto files = BrokenFiles();
  ASSERT_GE(files.size(), 15u);
  for (const fs::path& f : files) {
    const fs::path out = fs::path(testing::TempDir()) / ("broken-" + f.stem().string());
    fs::remove_all(out);
    const CliResult r = RunCli("run " + f.string() + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 2) << f << "\n" << r.output;
    // Every message is "FILE: /json/path: what" (the path is empty only for unparsable JSON).
    EXPECT_NE(r.output.find(f.string() + ": "), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out)) << f << " left an output folder";
  }
}

TEST(Cli, BadPrefixMessageNamesTheJsonPathAndTheValue) {
  const fs::path f = fs::path(MCASTLAB_SOURCE_DIR) / "tests/scenario/broken/bad_prefix.json";
  const CliResult r = RunCli("validate " + f.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("\"192.0.2.300/24\" is not an IPv4 prefix"), std::string::npos) << r.output;
}

TEST(Cli, PassingScenarioExitsZeroAndFailingOneExitsOne) {
  const fs::path src = fs::path(MCASTLAB_SOURCE_DIR) / "topologies/udp-closed-port.json";
  const fs::path out = fs::path(testing::TempDir()) / "cli-pass";
  fs::remove_all(out);
  EXPECT_EQ(RunCli("run " + src.string() + " --out " + out.string()).exit_code, 0);
  EXPECT_TRUE(fs::exists(out / "summary.json"));
  EXPECT_TRUE(fs::exists(out / "lan.pcap"));

  // The same scenario with an expectation that cannot hold.
  std::ifstream in(src);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string marker = "\"expect\": [";
  text.insert(text.find(marker) + marker.size(),
              "\n    {\"received\": {\"node\": \"server\", \"socket\": \"srv\", \"min\": 100}},");
  const fs::path failing = fs::path(testing::TempDir()) / "failing.json";
  std::ofstream(failing) << text;
  const CliResult r = RunCli("run " + failing.string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("FAIL /expect/0 received: expected at least 100 datagrams, found 3 datagrams"),
            std::string::npos) << r.output;
}

TEST(Cli, VersionAndHelp) {
  EXPECT_EQ(RunCli("--version").exit_code, 0);
  EXPECT_EQ(RunCli("--help").exit_code, 0);
  EXPECT_EQ(RunCli("no-such-command").exit_code, 2);
}

}  // namespace
