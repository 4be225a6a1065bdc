// `mcastlab test`: a folder of scenarios run as a test suite through the real binary, its table,
// its exit codes and its JUnit report.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "tests/support/child_process.h"
#include "tests/support/json_files.h"
#include "tests/support/shell.h"

namespace {

namespace fs = std::filesystem;
using testing_support::ReadWholeFile;
using testing_support::RunShell;
using testing_support::ShellResult;

// Two hosts on a cable; `a` sends `count` datagrams to `b` at 1 s, and b expects `expected`.
std::string Scenario(const std::string& name, int count, int expected) {
  return R"({"format": 1, "name": ")" + name + R"(", "duration": "2s",
  "nodes": [
    {"name": "a", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"}]},
    {"name": "b", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.2/24"}]}
  ],
  "links": [{"name": "cable", "endpoints": ["a:eth0", "b:eth0"]}],
  "events": [{"at": "0s", "action": "listen", "node": "b", "port": 9, "bind": "0.0.0.0"},
             {"at": "1s", "action": "send", "node": "a", "to": "192.0.2.2:9", "count": )" +
         std::to_string(count) + R"(}],
  "expect": [{"packets": {"link": "cable", "type": "udp", "min": 1}},
             {"received": {"node": "b", "min": )" +
         std::to_string(expected) + ", \"max\": " + std::to_string(expected) + "}}]}";
}

// A file the loader refuses: its link names a node that does not exist.
const std::string kInvalid = R"({"format": 1, "name": "invalid", "duration": "2s",
  "nodes": [{"name": "a", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"}]}],
  "links": [{"name": "cable", "endpoints": ["a:eth0", "ghost:eth0"]}]})";

// `a` sends to `b` for 100 s of simulated time, fast enough to take seconds of real time.
std::string LongScenario() {
  std::string s = Scenario("long", 1, 1);
  const std::string send = R"("count": 1})";
  s.replace(s.find(send), send.size(), R"("rate": "40000pps", "until": "99s"})");
  const std::string duration = R"("duration": "2s")";
  return s.replace(s.find(duration), duration.size(), R"("duration": "100s")");
}

class TestCommand : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) /
           ("test-command-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "suite");
  }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / "suite" / rel).parent_path());
    std::ofstream(dir_ / "suite" / rel) << text;
  }
  // `mcastlab test ARGS`, run from the test's folder.
  ShellResult Test(const std::string& args) {
    return RunShell("cd " + dir_.string() + " && " + MCASTLAB_CLI + " test " + args);
  }
  std::string Junit(const std::string& name) { return ReadWholeFile(dir_ / name); }

  fs::path dir_;
};

// Every time="..." attribute set to 0: the only part of a report that changes between runs.
std::string ZeroTimes(const std::string& xml) {
  return std::regex_replace(xml, std::regex(R"re(time="[0-9.]+")re"), R"(time="0")");
}

TEST_F(TestCommand, ShippedScenariosAllPassAndEachIsListed) {
  const std::string topologies = std::string(MCASTLAB_SOURCE_DIR) + "/topologies";
  const ShellResult r = Test(topologies + " -j 2 --out out --junit shipped.xml");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.rfind("Scenario", 0), 0u) << r.out;
  const auto files = testing_support::JsonFilesIn(topologies);
  ASSERT_GE(files.size(), 19u);
  for (const std::string& f : files) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex(f + R"(  +[0-9]+/[0-9]+  +[0-9.]+s  +pass\n)")))
        << f << "\n" << r.out;
    // Each run went to its own folder: the argument's last component and the file's stem.
    EXPECT_TRUE(fs::exists(dir_ / "out/topologies" / fs::path(f).stem() / "summary.json")) << f;
  }
  EXPECT_NE(r.out.find(std::to_string(files.size()) + " scenarios: " + std::to_string(files.size()) +
                       " passed, 0 failed, 0 invalid, 0 errors; "),
            std::string::npos)
      << r.out;
  const std::string xml = Junit("shipped.xml");
  EXPECT_NE(xml.find("<testsuites name=\"mcastlab test\""), std::string::npos);
  EXPECT_EQ(xml.find("<failure"), std::string::npos);
  EXPECT_EQ(xml.find("<error"), std::string::npos);
}

TEST_F(TestCommand, AFailedExpectationExitsOneAndTheReportSaysWhatWasExpectedAndFound) {
  Write("good.json", Scenario("good", 3, 3));
  Write("deeper/bad.json", Scenario("bad", 3, 5));
  const ShellResult r = Test("suite --out out --junit report.xml");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(suite/deeper/bad.json  +1/2  +[0-9.]+s  +FAIL\n)"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(suite/good.json  +2/2  +[0-9.]+s  +pass\n)"))) << r.out;
  EXPECT_NE(r.out.find("FAIL suite/deeper/bad.json /expect/1 received: expected exactly 5 datagrams, "
                       "found 3 datagrams\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 scenarios: 1 passed, 1 failed, 0 invalid, 0 errors; 3 of 4 expectations passed"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "out/suite/deeper/bad/summary.json"));
  EXPECT_TRUE(fs::exists(dir_ / "out/suite/good/summary.json"));

  const std::string xml = ZeroTimes(Junit("report.xml"));
  EXPECT_NE(xml.find(R"(<testsuites name="mcastlab test" tests="4" failures="1" errors="0" time="0">)"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(<testsuite name="suite/deeper/bad.json" tests="2" failures="1" errors="0" skipped="0" time="0" id="0">)"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(<testcase name="packets /expect/0" classname="suite.deeper.bad"/>)"), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testcase name=\"received /expect/1\" classname=\"suite.deeper.bad\">\n"
                     "      <failure message=\"expected exactly 5 datagrams, found 3 datagrams\" "
                     "type=\"received\">/expect/1 received\nexpected: exactly 5 datagrams\n"
                     "found: 3 datagrams</failure>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(<property name="scenario" value="good"/>)"), std::string::npos) << xml;
}

TEST_F(TestCommand, AnInvalidScenarioIsOneErrorAndExitsTwoWhileTheOthersRun) {
  Write("a-invalid.json", kInvalid);
  Write("b-good.json", Scenario("good", 1, 1));
  const ShellResult r = Test("suite --out out --junit report.xml");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(suite/a-invalid.json  +-  +[0-9.]+s  +invalid\n)"))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(suite/b-good.json  +2/2  +[0-9.]+s  +pass\n)"))) << r.out;
  EXPECT_NE(r.out.find("suite/a-invalid.json: /links/0/endpoints/1:"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "out/suite/a-invalid"));
  const std::string xml = Junit("report.xml");
  EXPECT_NE(xml.find("<testcase name=\"load\" classname=\"suite.a-invalid\">\n      <error message=\"suite/a-invalid.json: /links/0/endpoints/1:"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(type="invalid-scenario")"), std::string::npos) << xml;
  EXPECT_NE(xml.find(R"(tests="3" failures="0" errors="1")"), std::string::npos) << xml;
}

TEST_F(TestCommand, OneJobAndFourJobsWriteTheSameReport) {
  for (int i = 0; i < 6; ++i) Write("s" + std::to_string(i) + ".json", Scenario("s" + std::to_string(i), 4, i % 3 == 0 ? 5 : 4));
  Write("broken.json", kInvalid);
  Write("more/t.json", Scenario("t", 2, 2));
  const ShellResult one = Test("suite -j 1 --out out --junit one.xml");
  const ShellResult four = Test("suite --jobs=4 --out out --junit four.xml");
  EXPECT_EQ(one.exit_code, 2) << one.out << one.err;
  EXPECT_EQ(four.exit_code, 2) << four.out << four.err;
  EXPECT_EQ(ZeroTimes(Junit("one.xml")), ZeroTimes(Junit("four.xml")));
  // The table too, once its times are blanked.
  const std::regex seconds(R"([0-9]+\.[0-9]{3}s)");
  const std::string a = std::regex_replace(one.out, seconds, "T");
  const std::string b = std::regex_replace(four.out, seconds, "T");
  EXPECT_EQ(a.substr(0, a.find("with -j")), b.substr(0, b.find("with -j")));
}

TEST_F(TestCommand, BadArgumentsExitTwoAndWriteNothing) {
  Write("good.json", Scenario("good", 1, 1));
  std::ofstream(dir_ / "notes.xml") << "<mine/>\n";
  struct Case {
    std::string args, message;
  } cases[] = {
      {"nowhere --out out", "mcastlab test: nowhere: no such file or folder"},
      {"suite/more --out out", "mcastlab test: suite/more: no such file or folder"},
      {"suite --out . ", "mcastlab test: --out .: holds the scenario suite/good.json; give a folder apart from the scenarios"},
      {"suite --out out --junit notes.xml",
       "mcastlab test: --junit notes.xml: exists and is not a report mcastlab test wrote; give a new file name"},
      {"suite --out out --junit suite", "mcastlab test: --junit suite: exists and is not a file"},
  };
  for (const Case& c : cases) {
    const ShellResult r = Test(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_EQ(r.out, "") << c.args;
    EXPECT_EQ(r.err, c.message + "\n") << c.args;
  }
  fs::create_directories(dir_ / "empty");
  EXPECT_EQ(Test("empty").err, "mcastlab test: no scenario files (*.json) found\n");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
  EXPECT_EQ(ReadWholeFile(dir_ / "notes.xml"), "<mine/>\n");
}

TEST_F(TestCommand, RunsAgainIntoItsOwnFoldersAndReportAndSkipsThem) {
  Write("good.json", Scenario("good", 1, 1));
  ASSERT_EQ(Test("suite --out suite-out --junit r.xml").exit_code, 0);
  // A second run replaces what the first wrote; a search of the whole folder skips the outputs
  // (their summary.json is no scenario) and hidden folders.
  fs::create_directories(dir_ / ".hidden");
  std::ofstream(dir_ / ".hidden/x.json") << kInvalid;
  const ShellResult r = Test("suite --out suite-out --junit r.xml");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const ShellResult all = Test(". --out " + dir_.string() + "-all");
  EXPECT_EQ(all.exit_code, 0) << all.out << all.err;
  EXPECT_NE(all.out.find("1 scenario: 1 passed"), std::string::npos) << all.out;
}

// A SIGTERM to `mcastlab test` reaches its runs: each removes its partial folder, and no report
// is written.
TEST_F(TestCommand, SigtermStopsTheRunsAndWritesNoReport) {
  Write("long.json", LongScenario());
  fs::create_directories(dir_ / "out/suite");
  testing_support::CreationWatch watch(dir_ / "out/suite");
  const pid_t pid = testing_support::StartChild(
      {MCASTLAB_CLI, "test", "suite", "--out", "out", "--junit", "r.xml"}, dir_, dir_ / "log.txt");
  ASSERT_EQ(watch.WaitFor(".long.partial-").rfind(".long.partial-", 0), 0u);
  kill(pid, SIGTERM);
  EXPECT_EQ(testing_support::WaitChild(pid), 143);
  EXPECT_EQ(ReadWholeFile(dir_ / "log.txt"),
            "mcastlab test: terminated (SIGTERM) with 1 of 1 runs ended; no report written\n");
  EXPECT_FALSE(fs::exists(dir_ / "r.xml"));
  EXPECT_TRUE(fs::is_empty(dir_ / "out/suite"));
}

}  // namespace
