// `mcastlab report OUT [-o FILE]` and the report of `mcastlab run FILE --report FILE`: where the
// page may be written, and writing it (report_html.h makes it).
//
// The page goes either inside OUT, as a direct child whose name ends in .html (then OUT's marker
// lists it, so that a later run may still replace OUT), or anywhere outside OUT; it replaces only
// a report mcastlab wrote. It is written to a temporary file and renamed into place.
#ifndef MCASTLAB_TOOLS_REPORT_COMMAND_H_
#define MCASTLAB_TOOLS_REPORT_COMMAND_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tools {

struct ReportArgs {
  std::string out;                    // a run's output folder
  std::optional<std::string> output;  // default OUT/report.html
};

int ReportCommand(const ReportArgs& args);

// Why `report` may not be written for a run into `out` reading `inputs`; nullopt when it may.
std::optional<std::string> RefuseReportPath(const std::filesystem::path& report, const std::filesystem::path& out,
                                            const std::vector<std::filesystem::path>& inputs);

// True when `report` goes straight into `out` (checked by RefuseReportPath first).
bool ReportInsideOut(const std::filesystem::path& report, const std::filesystem::path& out);

// Reads the run in `run_dir` and writes its page to `report`, linking to the pcaps of
// `linked_dir` (the folder the run will have once committed). The error, if it could not.
std::optional<std::string> WriteReport(const std::filesystem::path& run_dir, const std::filesystem::path& linked_dir,
                                       const std::filesystem::path& report);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_REPORT_COMMAND_H_
