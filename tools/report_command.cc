#include "tools/report_command.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "sim/explain/run_record.h"
#include "sim/run/output_folder.h"
#include "tools/atomic_file.h"
#include "tools/exit_codes.h"
#include "tools/report_html.h"

namespace tools {
namespace {

namespace fs = std::filesystem;

fs::path Normal(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(p), ec).lexically_normal();
  if (a.filename().empty() && a != a.root_path()) a = a.parent_path();
  return a;
}

bool IsInside(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

// The first bytes of the file, to tell one of our reports.
std::string Head(const fs::path& p, std::size_t n) {
  std::ifstream in(p, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<std::size_t>(in.gcount()));
  return s;
}

// Adds `name` to OUT's marker, so that a later run may still replace OUT.
std::optional<std::string> MarkInOutput(const fs::path& out, const std::string& name) {
  const fs::path marker = out / sim::run::kOutputMarker;
  std::ifstream in(marker);
  if (!in) return out.string() + " has no " + sim::run::kOutputMarker + " marker (it was not written by mcastlab run); give -o FILE outside it";
  std::set<std::string> files{name};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') files.insert(line);
  }
  return WriteFileAtomically(marker, sim::run::OutputMarkerText({files.begin(), files.end()}));
}

int Bad(const std::string& message) {
  std::fprintf(stderr, "mcastlab report: %s\n", message.c_str());
  return kExitBadInput;
}

}  // namespace

bool ReportInsideOut(const fs::path& report, const fs::path& out) {
  return Normal(report).parent_path() == Normal(out);
}

std::optional<std::string> RefuseReportPath(const fs::path& report, const fs::path& out,
                                            const std::vector<fs::path>& inputs) {
  const std::string name = report.string();
  if (report.empty() || report.filename().empty() || report.filename() == "." || report.filename() == "..") {
    return name + ": is a folder; give a file name such as report.html";
  }
  const fs::path target = Normal(report);
  for (const fs::path& input : inputs) {
    if (Normal(input) == target) return name + ": is the scenario file itself";
  }
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(report, ec);
  if (fs::is_symlink(st)) return name + ": is a symbolic link; give the file it points to, or a new one";
  if (fs::is_directory(st)) return name + ": is a folder; give a file name such as report.html";
  if (fs::exists(st) && (!fs::is_regular_file(st) || !Head(report, kReportHead.size()).starts_with(kReportHead))) {
    return name + ": exists and is not a report mcastlab wrote; give a new file name";
  }
  const fs::path out_dir = Normal(out);
  if (IsInside(target, out_dir)) {
    if (target.parent_path() != out_dir) return name + ": lies in a folder inside " + out.string() + "; give a file directly in it, or outside it";
    if (report.extension() != ".html") return name + ": a report inside " + out.string() + " must end in .html (the run's own files never do)";
  }
  return std::nullopt;
}

std::optional<std::string> WriteReport(const fs::path& run_dir, const fs::path& linked_dir, const fs::path& report) {
  auto record = sim::explain::ReadRunRecord(run_dir);
  if (const auto* error = std::get_if<std::string>(&record)) return *error;
  ReportSource source{std::move(std::get<sim::explain::RunRecord>(record)), run_dir, ""};
  std::error_code ec;
  const fs::path from = Normal(report).parent_path();
  const fs::path relative = fs::relative(Normal(linked_dir), from, ec);
  if (!ec && relative != ".") source.link_prefix = relative.generic_string() + "/";
  return WriteFileAtomically(report, ReportHtml(source));
}

int ReportCommand(const ReportArgs& args) {
  const fs::path out = args.out;
  const fs::path report = args.output ? fs::path(*args.output) : out / "report.html";
  if (!fs::is_directory(out)) return Bad(args.out + " is not a folder");
  if (auto why = RefuseReportPath(report, out, {})) return Bad("-o " + *why);
  auto record = sim::explain::ReadRunRecord(out);
  if (const auto* error = std::get_if<std::string>(&record)) return Bad(*error);
  if (ReportInsideOut(report, out)) {
    if (auto error = MarkInOutput(out, report.filename().string())) return Bad(*error);
  }
  if (auto error = WriteReport(out, out, report)) {
    std::fprintf(stderr, "mcastlab report: %s\n", error->c_str());
    return kExitInternal;
  }
  std::printf("report of %s in %s\n", args.out.c_str(), report.string().c_str());
  return kExitOk;
}

}  // namespace tools
