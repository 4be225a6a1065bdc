#include "tools/ladder_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "sim/core/near_name.h"
#include "sim/explain/explain_text.h"
#include "sim/explain/ladder.h"
#include "tools/atomic_file.h"
#include "tools/exit_codes.h"
#include "tools/ladder_svg.h"
#include "tools/ladder_text.h"
#include "tools/run_source.h"

namespace tools {
namespace {

namespace fs = std::filesystem;
namespace ex = sim::explain;

constexpr const char* kCommand = "mcastlab ladder";

int Bad(const std::string& message, int code = kExitBadInput) { return Refuse(kCommand, message, code); }

std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> out;
  std::istringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(item);
  if (!list.empty() && list.back() == ',') out.push_back("");
  return out;
}

// The protocols of --filter; the error names the first that is not one.
std::variant<std::set<std::string>, std::string> Protocols(const std::string& list) {
  std::set<std::string> out;
  for (const std::string& p : SplitCommas(list)) {
    if (std::find(ex::kLadderProtocols.begin(), ex::kLadderProtocols.end(), p) == ex::kLadderProtocols.end()) {
      return "--filter: '" + p + "' is not one of igmp, pim, udp, arp, icmp" +
             sim::core::DidYouMean(p, ex::kLadderProtocols);
    }
    out.insert(p);
  }
  return out;
}

std::string Title(const ex::RunRecord& r, const ex::LadderQuery& q) {
  std::string t = r.scenario + ": " + ex::Seconds(q.from) + " to " + ex::Seconds(std::min(q.until, r.end));
  if (!q.protocols.empty()) {
    std::string list;
    for (const std::string& p : q.protocols) list += (list.empty() ? "" : ",") + p;
    t += " (" + list + ")";
  }
  return t;
}

}  // namespace

int LadderCommand(const LadderArgs& args) {
  if (args.output) {
    if (fs::path(*args.output).extension() != ".svg") return Bad("-o: '" + *args.output + "' does not end in .svg");
    std::error_code ec;
    if (fs::is_directory(*args.output, ec)) return Bad("-o: " + *args.output + " is a folder; give a file name");
  }
  ex::LadderQuery q;
  if (args.nodes) q.nodes = SplitCommas(*args.nodes);
  if (args.filter) {
    auto protocols = Protocols(*args.filter);
    if (const auto* error = std::get_if<std::string>(&protocols)) return Bad(*error);
    q.protocols = std::get<std::set<std::string>>(protocols);
  }
  q.from = args.from.value_or(0);
  if (args.until) q.until = *args.until;
  if (q.from > q.until) return Bad("--from " + ex::Seconds(q.from) + " is after --until " + ex::Seconds(q.until));
  OpenedRun run = OpenRun(args.out, kCommand, false);
  if (run.exit_code != 0) return run.exit_code;
  if (q.from > run.record.end) {
    return Bad("--from: " + ex::Seconds(q.from) + " is after the end of the run (" + ex::Seconds(run.record.end) + ")");
  }
  auto frames = ex::ReadRunFrames(run.dir, run.record);
  if (const auto* error = std::get_if<std::string>(&frames)) return Bad(*error);
  const ex::RunFrames& run_frames = std::get<ex::RunFrames>(frames);
  if (!run_frames.uncaptured.empty()) {
    std::string links;
    for (const std::string& l : run_frames.uncaptured) links += (links.empty() ? "" : ", ") + l;
    std::fprintf(stderr, "%s: not captured, so not shown: %s\n", kCommand, links.c_str());
  }
  auto ladder = ex::BuildLadder(run.record, run_frames, q);
  if (const auto* error = std::get_if<std::string>(&ladder)) return Bad("--nodes: " + *error);
  const ex::Ladder& l = std::get<ex::Ladder>(ladder);
  if (!args.output) {
    std::fputs(LadderText(l).c_str(), stdout);
    return kExitOk;
  }
  if (auto error = WriteFileAtomically(*args.output, LadderSvg(l, Title(run.record, q)))) {
    return Bad(*error, kExitInternal);
  }
  std::printf("wrote %s (%zu rows)\n", args.output->c_str(), l.rows.size());
  return kExitOk;
}

}  // namespace tools
