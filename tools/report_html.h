// The page of `mcastlab report`: one self-contained HTML file. The topology picture (inline
// SVG), the expectations and the links to the pcaps are written here; the replay (slider, play,
// tables at an instant, the tree of a group, filters) is the script of tools/report/, which reads
// the data block: the JSON of report_data.h in a <script type="application/json"> element.
#ifndef MCASTLAB_TOOLS_REPORT_HTML_H_
#define MCASTLAB_TOOLS_REPORT_HTML_H_

#include <string>
#include <string_view>

#include "tools/report_data.h"
#include "tools/report_layout.h"

namespace tools {

// How every report starts: `mcastlab run --report` and `mcastlab report` replace only a file
// that starts so (one they wrote).
inline constexpr std::string_view kReportHead = "<!DOCTYPE html>\n<!-- mcastlab report -->\n";

// The page, deterministic.
std::string ReportHtml(const ReportSource& source);

// JSON made safe inside a <script> element: '<', '>' and '&' (which JSON holds only inside
// strings) become \u003c, \u003e and \u0026, so no "</script>" or "<!--" can end the element.
std::string ScriptSafeJson(std::string_view json);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_REPORT_HTML_H_
