// `mcastlab run --report` and `mcastlab report`: where the page may go, what the marker says,
// and the refusals (exit 2, nothing written), through the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/run/output_folder.h"
#include "tests/support/child_process.h"

namespace {

namespace fs = std::filesystem;
using testing_support::ReadWholeFile;

const std::string kScenario = R"({"format": 1, "name": "pair", "duration": "2s",
  "nodes": [
    {"name": "a", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"}]},
    {"name": "b", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.2/24"}]}
  ],
  "links": [{"name": "cable", "endpoints": ["a:eth0", "b:eth0"]}],
  "events": [{"at": "0s", "action": "listen", "node": "b", "port": 9, "bind": "0.0.0.0"},
             {"at": "1s", "action": "send", "node": "a", "to": "192.0.2.2:9"}],
  "expect": [{"received": {"node": "b", "min": 1, "max": 1}}]})";

class ReportCli : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) /
           ("report-cli-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "s.json") << kScenario;
    std::ofstream(dir_ / "notes.html") << "<html>my notes</html>";
  }
  testing_support::ChildResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), MCASTLAB_CLI);
    return testing_support::RunChild(args, dir_);
  }
  // Exit 2 naming `why`, and not one file more or less, the user's page untouched.
  void ExpectRefused(const std::vector<std::string>& args, const std::string& why) {
    const auto before = testing_support::ListTree(dir_);
    const auto r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find(why), std::string::npos) << r.output;
    EXPECT_EQ(testing_support::ListTree(dir_), before) << "a refused command changed the folder";
    EXPECT_EQ(ReadWholeFile(dir_ / "notes.html"), "<html>my notes</html>");
  }
  fs::path dir_;
};

TEST_F(ReportCli, RunWritesTheReportInsideOutAndTheMarkerListsIt) {
  const auto r = Run({"run", "s.json", "--out", "o", "--report", "o/report.html"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("report in o/report.html\n"), std::string::npos) << r.output;
  EXPECT_TRUE(ReadWholeFile(dir_ / "o" / "report.html").starts_with("<!DOCTYPE html>\n<!-- mcastlab report -->\n"));
  EXPECT_EQ(ReadWholeFile(dir_ / "o" / sim::run::kOutputMarker),
            sim::run::OutputMarkerText({"cable.pcap", "events.jsonl", "report.html", "state-end.txt",
                                        "summary.json", "topology.json"}));
  // The folder is still the run's own: a later run replaces it.
  ASSERT_EQ(Run({"run", "s.json", "--out", "o"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_ / "o" / "report.html"));
}

TEST_F(ReportCli, ReportCommandGivesTheSameBytesAsRunReport) {
  ASSERT_EQ(Run({"run", "s.json", "--out", "o", "--report", "o/report.html"}).exit_code, 0);
  const std::string from_run = ReadWholeFile(dir_ / "o" / "report.html");
  ASSERT_EQ(Run({"run", "s.json", "--out", "p"}).exit_code, 0);
  const auto r = Run({"report", "p"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "report of p in p/report.html\n");
  EXPECT_EQ(ReadWholeFile(dir_ / "p" / "report.html"), from_run);
  EXPECT_NE(ReadWholeFile(dir_ / "p" / sim::run::kOutputMarker).find("\nreport.html\n"), std::string::npos);
  ASSERT_EQ(Run({"run", "s.json", "--out", "p"}).exit_code, 0);  // still replaceable
}

TEST_F(ReportCli, AReportOutsideOutLinksBackToThePcaps) {
  ASSERT_EQ(Run({"run", "s.json", "--out", "runs/o", "--report", "pages/o.html"}).exit_code, 0);
  const std::string page = ReadWholeFile(dir_ / "pages" / "o.html");
  EXPECT_NE(page.find("\"pcap\": \"../runs/o/cable.pcap\""), std::string::npos);
  EXPECT_EQ(ReadWholeFile(dir_ / "runs" / "o" / sim::run::kOutputMarker).find("o.html"), std::string::npos);
  // Its own report is replaced; the other command writes the same page there.
  ASSERT_EQ(Run({"report", "runs/o", "-o", "pages/o.html"}).exit_code, 0);
  EXPECT_EQ(ReadWholeFile(dir_ / "pages" / "o.html"), page);
}

TEST_F(ReportCli, BadReportPathsAreRefusedBeforeTheRun) {
  ExpectRefused({"run", "s.json", "--out", "o", "--report", "notes.html"},
                "--report notes.html: exists and is not a report mcastlab wrote");
  ExpectRefused({"run", "s.json", "--out", "o", "--report", "s.json"}, "--report s.json: is the scenario file itself");
  ExpectRefused({"run", "s.json", "--out", "o", "--report", "o/sub/r.html"}, "lies in a folder inside o");
  ExpectRefused({"run", "s.json", "--out", "o", "--report", "o/summary.json"}, "must end in .html");
  ExpectRefused({"run", "s.json", "--out", "o", "--report", "."}, "is a folder");
  ExpectRefused({"run", "s.json", "--out", "o", "--report"}, "--report: needs a value");
}

TEST_F(ReportCli, ReportOfAFolderThatIsNoRunIsRefused) {
  fs::create_directories(dir_ / "empty");
  ExpectRefused({"report", "empty"}, "mcastlab report: empty is not the output of a run");
  ExpectRefused({"report", "missing"}, "mcastlab report: missing is not a folder");
  ExpectRefused({"report"}, "OUT is required");
  ASSERT_EQ(Run({"run", "s.json", "--out", "o"}).exit_code, 0);
  ExpectRefused({"report", "o", "-o", "notes.html"}, "-o notes.html: exists and is not a report mcastlab wrote");
}

}  // namespace
