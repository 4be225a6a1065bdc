#include "tools/graph_command.h"

#include <cstdio>
#include <filesystem>

#include "sim/explain/explain_text.h"
#include "sim/explain/group_tree.h"
#include "sim/explain/roles.h"
#include "tools/atomic_file.h"
#include "tools/dot_render.h"
#include "tools/exit_codes.h"
#include "tools/graph_drawing.h"
#include "tools/run_source.h"
#include "tools/topology_dot.h"

namespace tools {
namespace {

namespace fs = std::filesystem;
namespace ex = sim::explain;

constexpr const char* kCommand = "mcastlab graph";

int Bad(const std::string& message, int code = kExitBadInput) { return Refuse(kCommand, message, code); }

// "svg", "png" or "dot" from the -o path; "" when it is none of them.
std::string FormatOf(const fs::path& out) {
  const std::string ext = out.extension().string();
  for (const char* f : {"svg", "png", "dot"}) {
    if (ext == std::string(".") + f) return f;
  }
  return "";
}

bool IsMulticast(const std::string& address) {
  const int first = std::atoi(address.c_str());
  return first >= 224 && first <= 239;
}

}  // namespace

int GraphCommand(const GraphArgs& args) {
  const std::string format = FormatOf(args.output);
  if (format.empty()) return Bad("-o: '" + args.output + "' does not end in .svg, .png or .dot");
  std::error_code ec;
  if (fs::is_directory(args.output, ec)) return Bad("-o: " + args.output + " is a folder; give a file name");
  if (args.group && !IsMulticast(*args.group)) return Bad("--group: " + *args.group + " is not a multicast group");
  OpenedRun run = OpenRun(args.input, kCommand, true);
  if (run.exit_code != 0) return run.exit_code;
  const ex::RunRecord& r = run.record;
  const std::int64_t at = args.at.value_or(r.end);
  if (at > r.end) return Bad("--at: " + ex::Seconds(at) + " is after the end of the run (" + ex::Seconds(r.end) + ")");
  std::optional<ex::GroupTree> tree;
  if (args.group) {
    auto frames = ex::ReadRunFrames(run.dir, r);
    if (const auto* error = std::get_if<std::string>(&frames)) return Bad(*error);
    tree = ex::TreeAt(std::get<ex::RunFrames>(frames), *args.group, at);
  }
  const DrawnGraph drawing = DrawGraph(r, ex::RolesAt(r, at), {at, args.group}, tree ? &*tree : nullptr);
  std::string bytes = ToDot(drawing);
  if (format != "dot") {
    auto picture = RenderDot(bytes, format);
    if (const auto* error = std::get_if<RenderError>(&picture)) return Bad(error->message, kExitInternal);
    bytes = std::move(std::get<std::string>(picture));
  }
  if (auto error = WriteFileAtomically(args.output, bytes)) return Bad(*error, kExitInternal);
  std::printf("wrote %s\n", args.output.c_str());
  return kExitOk;
}

}  // namespace tools
