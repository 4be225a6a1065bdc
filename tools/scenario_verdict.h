// What one scenario's run under `mcastlab test` came to: its expectations as the run's
// summary.json gives them, or why there are none (the file did not load, the run broke).
#ifndef MCASTLAB_TOOLS_SCENARIO_VERDICT_H_
#define MCASTLAB_TOOLS_SCENARIO_VERDICT_H_

#include <filesystem>
#include <string>
#include <vector>

#include "tools/child_pool.h"

namespace tools {

struct ExpectationVerdict {
  std::string kind;  // "received", "mroute", ...
  std::string path;  // "/expect/3"
  bool passed = false;
  std::string expected, found;
};

struct ScenarioVerdict {
  enum class Result { kPassed, kFailed, kInvalid, kError };
  Result result = Result::kError;
  std::string name;  // the scenario's `name`, from summary.json ("" when it did not run)
  std::vector<ExpectationVerdict> expectations;
  // kInvalid: what `mcastlab run` said about the file; kError: what went wrong.
  std::string problem;
  std::string output;  // everything the run printed
  int exit_code = -1;  // as `mcastlab run` exited (-1: killed by a signal)
  double wall_seconds = 0;

  std::size_t passed() const;
};

// The verdict of a child `mcastlab run FILE --out out` that ended as `child` says. Exit 0 and 1
// read out/summary.json; 2 is a scenario (or an output folder) the run refused; anything else,
// or a summary that cannot be read, is an error.
ScenarioVerdict JudgeRun(const ChildOutcome& child, const std::filesystem::path& out);

// "pass", "FAIL", "invalid", "error".
const char* ResultWord(ScenarioVerdict::Result r);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_SCENARIO_VERDICT_H_
