#include "tools/explain_command.h"

#include <cstdio>
#include <string>

#include "sim/explain/explain.h"
#include "sim/explain/run_record.h"
#include "tools/exit_codes.h"

namespace tools {
namespace {

int Bad(const std::string& message) {
  std::fprintf(stderr, "mcastlab explain: %s\n", message.c_str());
  return kExitBadInput;
}

}  // namespace

int ExplainCommand(const ExplainArgs& args) {
  const std::string& out = args.out;
  const sim::explain::ExplainQuery& q = args.query;
  auto record = sim::explain::ReadRunRecord(out);
  if (const auto* error = std::get_if<std::string>(&record)) return Bad(*error);
  auto answer = sim::explain::Explain(std::get<sim::explain::RunRecord>(record), q);
  if (const auto* error = std::get_if<std::string>(&answer)) return Bad(*error);
  for (const std::string& line : std::get<std::vector<std::string>>(answer)) std::printf("%s\n", line.c_str());
  return kExitOk;
}

}  // namespace tools
