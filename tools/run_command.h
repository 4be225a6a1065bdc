// `mcastlab run FILE [--out DIR] [--stats]` and `mcastlab validate FILE`.
#ifndef MCASTLAB_TOOLS_RUN_COMMAND_H_
#define MCASTLAB_TOOLS_RUN_COMMAND_H_

#include <span>
#include <string_view>

namespace tools {

int RunCommand(std::span<const std::string_view> args);
int ValidateCommand(std::span<const std::string_view> args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_RUN_COMMAND_H_
