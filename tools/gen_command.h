// `mcastlab gen tree ...`: prints a generated scenario (the benchmark topology) on stdout, or
// nothing and exit 2 when an option is out of range.
#ifndef MCASTLAB_TOOLS_GEN_COMMAND_H_
#define MCASTLAB_TOOLS_GEN_COMMAND_H_

#include <span>
#include <string_view>

namespace tools {

int GenCommand(std::span<const std::string_view> args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_GEN_COMMAND_H_
