// `mcastlab explain OUT --node H --group G [--at T]`: why host H does or does not receive G.
#ifndef MCASTLAB_TOOLS_EXPLAIN_COMMAND_H_
#define MCASTLAB_TOOLS_EXPLAIN_COMMAND_H_

#include <span>
#include <string_view>

namespace tools {

int ExplainCommand(std::span<const std::string_view> args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_EXPLAIN_COMMAND_H_
