// `mcastlab run` never destroys what it did not write, and a stopped run leaves nothing behind:
// each case a careless user hit, run through the real binary on a real file system.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>

#include "sim/run/output_folder.h"
#include "sim/run/runner.h"
#include "tests/support/child_process.h"

namespace {

namespace fs = std::filesystem;
using testing_support::ReadWholeFile;

// Two hosts on a cable, `b` listening on port 9, with more events and expectations.
std::string TwoHosts(const std::string& name, const std::string& duration, const std::string& events,
                     const std::string& expect = "") {
  return R"({"format": 1, "name": ")" + name + R"(", "duration": ")" + duration + R"(",
  "nodes": [
    {"name": "a", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"}]},
    {"name": "b", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.2/24"}]}
  ],
  "links": [{"name": "cable", "endpoints": ["a:eth0", "b:eth0"]}],
  "events": [{"at": "0s", "action": "listen", "node": "b", "port": 9, "bind": "0.0.0.0"}, )" +
         events + "]" + (expect.empty() ? "" : R"(, "expect": [)" + expect + "]") + "}";
}

// `a` sends to `b` for the whole run, fast enough to take seconds of real time, so that a test
// can stop it in the middle.
const std::string kLongRun = TwoHosts(
    "long", "200s", R"({"at": "1s", "action": "send", "node": "a", "to": "192.0.2.2:9", "rate": "50000pps", "until": "199s"})");

const std::string kShort = TwoHosts("short", "2s",
                                    R"({"at": "1s", "action": "send", "node": "a", "to": "192.0.2.2:9"},
    {"at": "1s", "action": "snapshot"},
    {"at": "1s", "action": "snapshot"},
    {"at": "1.5s", "action": "snapshot", "label": "late"})",
                                    R"({"received": {"node": "b", "min": 1, "max": 1}})");

// The state snapshot files in `out`, sorted.
std::vector<std::string> Snapshots(const fs::path& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out)) {
    const std::string n = e.path().filename().string();
    if (n.starts_with("state-")) names.push_back(n);
  }
  std::sort(names.begin(), names.end());
  return names;
}

class CliOutputSafety : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) / ("cli-safety-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "s.json") << kShort;
    std::ofstream(dir_ / "long.json") << kLongRun;
    std::ofstream(dir_ / "keep.txt") << "user data";
  }
  testing_support::ChildResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), MCASTLAB_CLI);
    return testing_support::RunChild(args, dir_);
  }
  // Everything in the test folder, so a test can show nothing else was touched.
  std::vector<std::string> Listing() const { return testing_support::ListTree(dir_); }
  void ExpectRefused(const std::vector<std::string>& args, const std::string& why) {
    const auto before = Listing();
    const auto r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find(why), std::string::npos) << r.output;
    EXPECT_EQ(Listing(), before) << "a refused run changed the folder";
    EXPECT_EQ(ReadWholeFile(dir_ / "keep.txt"), "user data");
  }
  fs::path dir_;
};

TEST_F(CliOutputSafety, OutDotAndDotDotAreRefused) {
  ExpectRefused({"run", "s.json", "--out", "."}, "is the current folder or one of its parents");
  ExpectRefused({"run", "s.json", "--out", ".."}, "is the current folder or one of its parents");
  ExpectRefused({"run", "s.json", "--out", "out/../.."}, "is the current folder or one of its parents");
}

TEST_F(CliOutputSafety, OutAsTheInputFileOrItsFolderIsRefused) {
  ExpectRefused({"run", "s.json", "--out", "s.json"}, "is the scenario file itself");
  ExpectRefused({"run", "s.json", "--out", "keep.txt"}, "exists and is not a folder");
  fs::create_directories(dir_ / "sub");
  std::ofstream(dir_ / "sub" / "t.json") << kShort;
  ExpectRefused({"run", "sub/t.json", "--out", "sub"}, "holds the scenario file");
}

TEST_F(CliOutputSafety, AFolderMcastlabDidNotWriteIsRefused) {
  fs::create_directories(dir_ / "results");
  std::ofstream(dir_ / "results" / "thesis.tex") << "chapter 1";
  ExpectRefused({"run", "s.json", "--out", "results"}, "was not written by mcastlab");
  EXPECT_EQ(ReadWholeFile(dir_ / "results" / "thesis.tex"), "chapter 1");
}

TEST_F(CliOutputSafety, TrailingSlashRunsTwiceAndReplacesItsOwnOutput) {
  for (int i = 0; i < 2; ++i) {
    const auto r = Run({"run", "s.json", "--out", "results/"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  EXPECT_TRUE(fs::exists(dir_ / "results" / "summary.json"));
  EXPECT_TRUE(fs::exists(dir_ / "results" / sim::run::kOutputMarker));
  // No partial or moved-aside folder is left beside it.
  for (const auto& name : Listing()) EXPECT_EQ(name.find(".partial-"), std::string::npos) << name;
  for (const auto& name : Listing()) EXPECT_EQ(name.find(".old-"), std::string::npos) << name;
}

TEST_F(CliOutputSafety, SnapshotsAtOneInstantAreBothKeptAndNamesSortByTime) {
  ASSERT_EQ(Run({"run", "s.json", "--out", "o"}).exit_code, 0);
  const std::vector<std::string> snapshots = Snapshots(dir_ / "o");
  EXPECT_EQ(snapshots, (std::vector<std::string>{"state-1.000000000-2.txt", "state-1.000000000.txt",
                                                  "state-1.500000000-late.txt", "state-end.txt"}));
  EXPECT_TRUE(ReadWholeFile(dir_ / "o" / "state-end.txt").starts_with("# snapshot at 2.000000000 end\n=== a (host)\n"));
}

TEST_F(CliOutputSafety, SnapshotEveryAddsPeriodicSnapshotsAfterTheScenariosOwn) {
  ASSERT_EQ(Run({"run", "s.json", "--out", "o", "--snapshot-every", "500ms"}).exit_code, 0);
  const std::vector<std::string> snapshots = Snapshots(dir_ / "o");
  // At 1 s the two snapshots of the scenario come first; the end has its own file.
  EXPECT_EQ(snapshots, (std::vector<std::string>{"state-0.500000000.txt", "state-1.000000000-2.txt",
                                                  "state-1.000000000-3.txt", "state-1.000000000.txt",
                                                  "state-1.500000000-late.txt", "state-1.500000000.txt",
                                                  "state-end.txt"}));
  ExpectRefused({"run", "s.json", "--snapshot-every", "0s"},
                "--snapshot-every: '0s' is not a time above zero");
}

TEST_F(CliOutputSafety, StatsAreOnlyInStatsJson) {
  ASSERT_EQ(Run({"run", "s.json", "--out", "plain"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_ / "plain" / "stats.json"));
  const std::string summary = ReadWholeFile(dir_ / "plain" / "summary.json");
  EXPECT_EQ(summary.find("wall"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("rss"), std::string::npos) << summary;
  const auto r = Run({"run", "s.json", "--out", "measured", "--stats"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string stats = ReadWholeFile(dir_ / "measured" / "stats.json");
  EXPECT_NE(stats.find("\"wall_seconds\": "), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"peak_rss_bytes\": "), std::string::npos) << stats;
  EXPECT_NE(stats.find("\"simulated_seconds_per_wall_second\": "), std::string::npos) << stats;
  EXPECT_EQ(ReadWholeFile(dir_ / "measured" / "summary.json"), summary);
}

TEST(StatsJson, SimulatedSecondsPerWallSecondIsTheDurationOverTheWallTime) {
  sim::run::RunResult r;
  r.stats.wall_seconds = 0.6;
  r.stats.simulated_seconds = 600;
  r.stats.peak_rss_bytes = 1000;
  r.counters.events = 3;
  EXPECT_EQ(sim::run::StatsJson(r),
            "{\"wall_seconds\": 0.6, \"events_per_second\": 5, \"receptions_per_second\": 0, "
            "\"simulated_seconds_per_wall_second\": 1000, \"peak_rss_bytes\": 1000}\n");
}

// Starts the long run into `out`, waits (inotify) until its partial folder exists, and
// sends `signo`. Returns the exit status.
int StopLongRun(const fs::path& dir, const std::string& out, int signo) {
  fs::create_directories(dir / "runs");
  testing_support::CreationWatch watch(dir / "runs");
  const pid_t pid = testing_support::StartChild({MCASTLAB_CLI, "run", "long.json", "--out", "runs/" + out},
                                                dir, dir / (out + ".log"));
  EXPECT_FALSE(watch.WaitFor("." + out + ".partial-").empty());
  kill(pid, signo);
  return testing_support::WaitChild(pid);
}

TEST_F(CliOutputSafety, SigintAndSigtermStopTheRunKeepTheOldOutputAndLeaveNoPartialFolder) {
  fs::create_directories(dir_ / "runs");
  ASSERT_EQ(Run({"run", "s.json", "--out", "runs/x"}).exit_code, 0);
  // The long scenario into the folder the short one wrote: interrupted, it must leave x alone.
  for (const auto& [signo, code] : {std::pair{SIGINT, 130}, std::pair{SIGTERM, 143}}) {
    EXPECT_EQ(StopLongRun(dir_, "x", signo), code);
    const std::string log = ReadWholeFile(dir_ / "x.log");
    EXPECT_NE(log.find(signo == SIGINT ? "interrupted (SIGINT) at simulated time" : "terminated (SIGTERM)"),
              std::string::npos) << log;
    EXPECT_TRUE(fs::exists(dir_ / "runs" / "x" / "state-1.000000000.txt")) << "the old output was touched";
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir_ / "runs")) left.push_back(e.path().filename().string());
    EXPECT_EQ(left, std::vector<std::string>{"x"});
  }
}

TEST_F(CliOutputSafety, AKilledRunsPartialFolderIsRemovedByTheNextRun) {
  EXPECT_EQ(StopLongRun(dir_, "k", SIGKILL), -1);
  int partials = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "runs")) partials += e.path().filename().string().starts_with(".k.partial-");
  EXPECT_EQ(partials, 1);
  ASSERT_EQ(Run({"run", "s.json", "--out", "runs/k"}).exit_code, 0);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir_ / "runs")) left.push_back(e.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"k"});
}

TEST_F(CliOutputSafety, MaxWallStopsTheRunWithExit124) {
  const auto r = Run({"run", "long.json", "--out", "w", "--max-wall", "1ms"});
  EXPECT_EQ(r.exit_code, 124) << r.output;
  EXPECT_NE(r.output.find("stopped by --max-wall 0.001s at simulated time"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "w"));
  ExpectRefused({"run", "s.json", "--max-wall", "soon"}, "--max-wall: 'soon' is not a time");
}

// Far more captured links than descriptors: every pcap is still complete.
TEST_F(CliOutputSafety, CapturesMoreLinksThanTheDescriptorLimit) {
  constexpr int kPairs = 300;
  std::string nodes, links, events;
  for (int i = 0; i < kPairs; ++i) {
    const std::string net = "10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".";
    nodes += std::string(i ? "," : "") + R"({"name": "a)" + std::to_string(i) + R"(", "type": "host", "interfaces": [{"name": "eth0", "address": ")" + net + R"(1/24"}]},)" +
             R"({"name": "b)" + std::to_string(i) + R"(", "type": "host", "interfaces": [{"name": "eth0", "address": ")" + net + R"(2/24"}]})";
    links += std::string(i ? "," : "") + R"({"name": "c)" + std::to_string(i) + R"(", "endpoints": ["a)" + std::to_string(i) + R"(:eth0", "b)" + std::to_string(i) + R"(:eth0"]})";
    events += std::string(i ? "," : "") + R"({"at": "1s", "action": "send", "node": "a)" + std::to_string(i) + R"(", "to": ")" + net + R"(2:9", "count": 3})";
  }
  std::ofstream(dir_ / "many.json") << R"({"format": 1, "name": "many", "duration": "2s", "nodes": [)" << nodes
                                    << R"(], "links": [)" << links << R"(], "events": [)" << events << "]}";
  const auto limited = testing_support::RunChild(
      {"/bin/sh", "-c", std::string("ulimit -n 64 && exec ") + MCASTLAB_CLI + " run many.json --out limited"}, dir_);
  ASSERT_EQ(limited.exit_code, 0) << limited.output;
  ASSERT_EQ(Run({"run", "many.json", "--out", "free"}).exit_code, 0);
  // Under 64 descriptors the 300 pcaps are the same bytes as without a limit, and complete:
  // ARP request and reply, 3 datagrams and 3 ICMP port unreachable (nobody listens) each.
  for (int i = 0; i < kPairs; ++i) {
    const std::string name = "c" + std::to_string(i) + ".pcap";
    const std::string bytes = ReadWholeFile(dir_ / "limited" / name);
    EXPECT_EQ(bytes, ReadWholeFile(dir_ / "free" / name)) << name;
    EXPECT_EQ(bytes.size(), fs::file_size(dir_ / "free" / "c0.pcap")) << name;
  }
  EXPECT_GT(fs::file_size(dir_ / "free" / "c0.pcap"), 24u + 8u * 16u + 8u * 42u);
}

}  // namespace
