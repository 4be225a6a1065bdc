// `mcastlab graph FILE|OUT [--at T] [--group G] -o x.svg|x.png|x.dot`: the picture of a run's
// topology with the roles at T and, with a group, its distribution tree at T.
#ifndef MCASTLAB_TOOLS_GRAPH_COMMAND_H_
#define MCASTLAB_TOOLS_GRAPH_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>

namespace tools {

struct GraphArgs {
  std::string input;                // a scenario file, or a run's output folder
  std::optional<std::int64_t> at;   // nanoseconds; default: the end of the run
  std::optional<std::string> group;
  std::string output;               // .svg, .png or .dot
};

int GraphCommand(const GraphArgs& args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_GRAPH_COMMAND_H_
