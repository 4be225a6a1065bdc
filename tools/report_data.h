// The data block of `mcastlab report`: everything the page replays, as one JSON document. The
// topology with its drawing, the frames of every captured link (decoded to one line each, with
// the node that put them on the wire), the events, the state snapshots and the expectations.
#ifndef MCASTLAB_TOOLS_REPORT_DATA_H_
#define MCASTLAB_TOOLS_REPORT_DATA_H_

#include <cstddef>
#include <filesystem>
#include <string>

#include "sim/explain/run_record.h"
#include "tools/report_layout.h"

namespace tools {

// More frames than this are counted but not replayed: the page stays small enough to open.
inline constexpr std::size_t kMaxReportFrames = 20000;

struct ReportSource {
  sim::explain::RunRecord record;
  std::filesystem::path out_dir;  // the run's folder: its pcaps and snapshots
  // How the page reaches the run's folder: "" when it lies in it, else a relative path
  // ending in '/'.
  std::string link_prefix;
};

// The document (deterministic: the same run gives the same bytes). Not yet safe inside a
// <script> element: ReportHtml escapes it.
std::string ReportDataJson(const ReportSource& source, const Layout& layout);

// `text` as a relative URL: bytes outside [A-Za-z0-9-._~/] percent-encoded.
std::string UrlPath(const std::string& text);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_REPORT_DATA_H_
