// `mcastlab run FILE [--out DIR] [--stats] ...` and `mcastlab validate FILE`. The arguments come
// parsed and checked (main.cc); these only act on them.
#ifndef MCASTLAB_TOOLS_RUN_COMMAND_H_
#define MCASTLAB_TOOLS_RUN_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>

#include "sim/core/time.h"
#include "sim/scenario/loader.h"

namespace tools {

struct RunArgs {
  std::string file;
  std::optional<std::string> out;  // default: out/<scenario name>
  bool stats = false;
  bool capture_merged = false;
  sim::core::Duration max_wall;  // zero: no limit
  std::uint64_t max_input_size = sim::scenario::LoadLimits{}.max_file_bytes;
  bool allow_large = false;
  sim::core::Duration snapshot_every;  // zero: only the snapshots the scenario asks for
  std::optional<std::string> report;   // also write the HTML report there (report_command.h)
};

int RunCommand(const RunArgs& args);
// Loads and validates `file`; prints every error as "FILE: /json/path: message" on stderr.
std::optional<sim::scenario::Scenario> LoadScenarioReporting(const std::string& file, std::uint64_t max_input_size);
// Uses `file` and `max_input_size` only.
int ValidateCommand(const RunArgs& args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_RUN_COMMAND_H_
