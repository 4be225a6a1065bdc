// `mcastlab explain OUT --node H --group G [--at T]`: why host H does or does not receive G.
#ifndef MCASTLAB_TOOLS_EXPLAIN_COMMAND_H_
#define MCASTLAB_TOOLS_EXPLAIN_COMMAND_H_

#include <string>

#include "sim/explain/explain.h"

namespace tools {

struct ExplainArgs {
  std::string out;  // a run's output folder
  sim::explain::ExplainQuery query;
};

int ExplainCommand(const ExplainArgs& args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_EXPLAIN_COMMAND_H_
