// `mcastlab ladder OUT [--nodes A,B,..] [--from T] [--until T] [--filter igmp,pim,..]
// [-o x.svg]`: the message sequence of a run, as text on standard output or as an SVG file.
#ifndef MCASTLAB_TOOLS_LADDER_COMMAND_H_
#define MCASTLAB_TOOLS_LADDER_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>

namespace tools {

struct LadderArgs {
  std::string out;                      // a run's output folder
  std::optional<std::string> nodes;     // "R1,H1"
  std::optional<std::int64_t> from, until;  // nanoseconds
  std::optional<std::string> filter;    // "igmp,pim"
  std::optional<std::string> output;    // an .svg file
};

int LadderCommand(const LadderArgs& args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_LADDER_COMMAND_H_
