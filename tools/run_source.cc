#include "tools/run_source.h"

#include <cstdio>

#include "sim/run/runner.h"
#include "sim/run/work_estimate.h"
#include "tools/exit_codes.h"
#include "tools/run_command.h"

namespace tools {
namespace {

namespace fs = std::filesystem;

OpenedRun Refused(const std::string& command, const std::string& message, int code = kExitBadInput) {
  OpenedRun r;
  r.exit_code = Refuse(command, message, code);
  return r;
}

}  // namespace

int Refuse(const std::string& command, const std::string& message, int code) {
  std::fprintf(stderr, "%s: %s\n", command.c_str(), message.c_str());
  return code;
}

OpenedRun OpenRun(const std::string& input, const std::string& command, bool allow_scenario) {
  std::error_code ec;
  if (!fs::exists(input, ec)) return Refused(command, input + ": no such file or folder");
  OpenedRun opened;
  if (fs::is_directory(input, ec)) {
    opened.dir = input;
  } else if (!allow_scenario) {
    return Refused(command, input + " is a file, not the output folder of a run; run it first with mcastlab run");
  } else {
    auto scenario = LoadScenarioReporting(input, sim::scenario::LoadLimits{}.max_file_bytes);
    if (!scenario) return Refused(command, input + " is not a valid scenario");
    if (auto why = sim::run::RefuseLargeWork(sim::run::EstimateWork(*scenario), sim::run::kDefaultMaxDeliveries)) {
      return Refused(command, input + ": " + *why);
    }
    opened.temp = std::make_unique<TempFolder>("mcastlab-run");
    if (opened.temp->path().empty()) return Refused(command, "cannot make a temporary folder", kExitInternal);
    opened.dir = opened.temp->path() / "run";
    try {
      sim::run::RunOptions options;
      options.inputs = {input};
      sim::run::RunScenario(*scenario, opened.dir, options);
    } catch (const std::exception& e) {
      return Refused(command, "running " + input + ": " + e.what(), kExitInternal);
    }
  }
  auto record = sim::explain::ReadRunRecord(opened.dir);
  if (const auto* error = std::get_if<std::string>(&record)) return Refused(command, *error);
  opened.record = std::move(std::get<sim::explain::RunRecord>(record));
  for (const sim::explain::TopologyNode& n : opened.record.nodes) {
    for (const sim::explain::TopologyInterface& i : n.interfaces) {
      // Before links had their own lines with bandwidth and delay, interfaces had no MAC.
      if (i.mac.empty()) return Refused(command, input + " was written by an older mcastlab; run the scenario again");
    }
  }
  return opened;
}

}  // namespace tools
