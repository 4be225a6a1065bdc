#include "tools/junit_report.h"

#include <cstdio>
#include <fstream>

#include "tools/xml_text.h"

namespace tools {
namespace {

namespace fs = std::filesystem;
using Result = ScenarioVerdict::Result;

// Every report starts so; RefuseReportPath looks for it before replacing a file.
constexpr const char* kReportStart =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mcastlab test\"";

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

std::string Attr(const std::string& name, const std::string& value) {
  return " " + name + "=\"" + XmlEscape(value) + "\"";
}

// "topologies/ttl-one" -> "topologies.ttl-one": CI systems show the part after the last dot as
// the class and the rest as its package.
std::string ClassName(const std::string& key) {
  std::string s = key;
  for (char& c : s) {
    if (c == '.') {
      c = '_';
    } else if (c == '/') {
      c = '.';
    }
  }
  return s;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::size_t Failures(const ScenarioVerdict& v) {
  return v.result == Result::kFailed ? v.expectations.size() - v.passed() : 0;
}
std::size_t Errors(const ScenarioVerdict& v) {
  return v.result == Result::kInvalid || v.result == Result::kError ? 1 : 0;
}
std::size_t Tests(const ScenarioVerdict& v) { return Errors(v) ? 1 : v.expectations.size(); }

void AppendTestcases(const ReportedScenario& s, std::string& xml) {
  const ScenarioVerdict& v = *s.verdict;
  const std::string classname = Attr("classname", ClassName(s.file->key));
  if (Errors(v)) {
    const bool invalid = v.result == Result::kInvalid;
    xml += "    <testcase" + Attr("name", invalid ? "load" : "run") + classname + ">\n";
    xml += "      <error" + Attr("message", FirstLine(v.problem)) +
           Attr("type", invalid ? "invalid-scenario" : "run-error") + ">" +
           XmlEscape(invalid ? v.problem : v.problem + "\n" + v.output) + "</error>\n";
    xml += "    </testcase>\n";
    return;
  }
  for (const ExpectationVerdict& e : v.expectations) {
    xml += "    <testcase" + Attr("name", e.kind + " " + e.path) + classname;
    if (e.passed) {
      xml += "/>\n";
      continue;
    }
    xml += ">\n      <failure" + Attr("message", "expected " + e.expected + ", found " + e.found) +
           Attr("type", e.kind) + ">" +
           XmlEscape(e.path + " " + e.kind + "\nexpected: " + e.expected + "\nfound: " + e.found) +
           "</failure>\n    </testcase>\n";
  }
}

void AppendSuite(const ReportedScenario& s, std::size_t id, std::string& xml) {
  const ScenarioVerdict& v = *s.verdict;
  xml += "  <testsuite" + Attr("name", s.file->path) + Attr("tests", std::to_string(Tests(v))) +
         Attr("failures", std::to_string(Failures(v))) + Attr("errors", std::to_string(Errors(v))) +
         Attr("skipped", "0") + Attr("time", Seconds(v.wall_seconds)) + Attr("id", std::to_string(id)) +
         ">\n";
  xml += "    <properties>\n";
  xml += "      <property" + Attr("name", "file") + Attr("value", s.file->path) + "/>\n";
  if (!v.name.empty()) xml += "      <property" + Attr("name", "scenario") + Attr("value", v.name) + "/>\n";
  xml += "      <property" + Attr("name", "output") + Attr("value", s.out) + "/>\n";
  xml += "      <property" + Attr("name", "exit-code") + Attr("value", std::to_string(v.exit_code)) + "/>\n";
  xml += "    </properties>\n";
  AppendTestcases(s, xml);
  xml += "    <system-out>" + XmlEscape(v.output) + "</system-out>\n";
  xml += "  </testsuite>\n";
}

}  // namespace

std::string JunitXml(const std::vector<ReportedScenario>& scenarios) {
  std::size_t tests = 0, failures = 0, errors = 0;
  double time = 0;
  for (const ReportedScenario& s : scenarios) {
    tests += Tests(*s.verdict);
    failures += Failures(*s.verdict);
    errors += Errors(*s.verdict);
    time += s.verdict->wall_seconds;
  }
  std::string xml = kReportStart;
  xml += Attr("tests", std::to_string(tests)) + Attr("failures", std::to_string(failures)) +
         Attr("errors", std::to_string(errors)) + Attr("time", Seconds(time)) + ">\n";
  for (std::size_t i = 0; i < scenarios.size(); ++i) AppendSuite(scenarios[i], i, xml);
  xml += "</testsuites>\n";
  return xml;
}

std::optional<std::string> RefuseReportPath(const fs::path& path) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (!fs::exists(st)) return std::nullopt;
  if (fs::is_symlink(st)) return "is a symbolic link; give the file it points to, or a new one";
  if (!fs::is_regular_file(st)) return "exists and is not a file";
  std::ifstream in(path, std::ios::binary);
  std::string head(std::char_traits<char>::length(kReportStart), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (!in || head != kReportStart) {
    return "exists and is not a report mcastlab test wrote; give a new file name";
  }
  return std::nullopt;
}

}  // namespace tools
