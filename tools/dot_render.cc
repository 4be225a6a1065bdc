#include "tools/dot_render.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "tools/child_pool.h"
#include "tools/temp_folder.h"

namespace tools {
namespace {

namespace fs = std::filesystem;

// `dot` on the PATH (posix_spawn wants a path).
std::string FindDot() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / "dot";
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

}  // namespace

std::variant<std::string, RenderError> RenderDot(const std::string& dot, const std::string& format) {
  const std::string program = FindDot();
  if (program.empty()) {
    return RenderError{"Graphviz's dot is not installed (Debian: apt-get install graphviz); -o FILE.dot writes the DOT without it"};
  }
  TempFolder temp("mcastlab-dot");
  if (temp.path().empty()) return RenderError{"cannot make a temporary folder"};
  const fs::path in = temp.path() / "graph.dot", out = temp.path() / ("graph." + format);
  std::ofstream(in, std::ios::binary) << dot;
  const ChildRuns runs = RunChildren({{program, "-T" + format, "-o", out.string(), in.string()}}, 1);
  const ChildOutcome& o = runs.outcomes.front();
  if (runs.stop_signal != 0 || o.exit_code != 0) {
    return RenderError{"dot failed" + (o.output.empty() ? std::string() : ": " + o.output)};
  }
  std::ifstream picture(out, std::ios::binary);
  if (!picture) return RenderError{"dot wrote no " + format};
  return std::string(std::istreambuf_iterator<char>(picture), std::istreambuf_iterator<char>());
}

}  // namespace tools
