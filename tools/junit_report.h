// The JUnit XML report of `mcastlab test` (--junit FILE), in the element and attribute set CI
// systems read (Jenkins, GitLab, GitHub actions' reporters): one <testsuite> per scenario file,
// one <testcase> per expectation. tests/junit/junit.xsd is the schema it is checked against.
#ifndef MCASTLAB_TOOLS_JUNIT_REPORT_H_
#define MCASTLAB_TOOLS_JUNIT_REPORT_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tools/scenario_files.h"
#include "tools/scenario_verdict.h"

namespace tools {

struct ReportedScenario {
  const ScenarioFile* file;
  const ScenarioVerdict* verdict;
  std::string out;  // its output folder
};

// The whole document. Times are wall seconds with milliseconds, the only part that changes
// from run to run.
std::string JunitXml(const std::vector<ReportedScenario>& scenarios);

// Why `path` may not be written, if so: a folder, a symbolic link, or a file that is not a
// report this command wrote (mcastlab replaces only its own reports).
std::optional<std::string> RefuseReportPath(const std::filesystem::path& path);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_JUNIT_REPORT_H_
