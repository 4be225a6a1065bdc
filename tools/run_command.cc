#include "tools/run_command.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "sim/run/output_folder.h"
#include "sim/run/runner.h"
#include "sim/run/work_estimate.h"
#include "sim/scenario/loader.h"
#include "sim/trace/output_error.h"
#include "tools/exit_codes.h"
#include "tools/report_command.h"
#include "tools/run_control.h"

namespace tools {

std::optional<sim::scenario::Scenario> LoadScenarioReporting(const std::string& file, std::uint64_t max_input_size) {
  sim::scenario::LoadLimits limits;
  limits.max_file_bytes = max_input_size;
  auto result = sim::scenario::LoadScenarioFile(file, limits);
  if (result.ok()) return std::move(result.scenario());
  for (const auto& e : result.errors()) std::fprintf(stderr, "%s: %s\n", file.c_str(), ToString(e).c_str());
  return std::nullopt;
}

namespace {

void PrintStats(const sim::run::RunResult& r) {
  const auto& c = r.counters;
  const double wall = r.stats.wall_seconds > 0 ? r.stats.wall_seconds : 1e-9;
  std::fprintf(stderr,
               "events %llu, frames %llu, receptions %llu, drops %llu, wall %.3f s, "
               "%.0f events/s, %.0f receptions/s, %.1f simulated s per wall s, peak RSS %.1f MB\n",
               static_cast<unsigned long long>(c.events), static_cast<unsigned long long>(c.frames_sent),
               static_cast<unsigned long long>(c.receptions), static_cast<unsigned long long>(c.drops),
               r.stats.wall_seconds, static_cast<double>(c.events) / wall, static_cast<double>(c.receptions) / wall,
               r.stats.simulated_seconds / wall, static_cast<double>(r.stats.peak_rss_bytes) / 1e6);
}

int Report(const sim::scenario::Scenario& s, const sim::run::RunResult& r, const std::string& out, bool stats) {
  std::size_t failed = 0;
  for (const auto& o : r.outcomes) {
    if (o.passed) continue;
    ++failed;
    std::printf("FAIL %s %s: expected %s, found %s\n", o.path.c_str(), o.kind.c_str(), o.expected.c_str(), o.found.c_str());
  }
  std::printf("%s: %zu of %zu expectations passed; %llu frames, %llu datagrams received; outputs in %s\n",
              s.name.c_str(), r.outcomes.size() - failed, r.outcomes.size(),
              static_cast<unsigned long long>(r.counters.frames_sent),
              static_cast<unsigned long long>(r.counters.receptions), out.c_str());
  if (stats) PrintStats(r);
  return failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace

int RunCommand(const RunArgs& args) {
  auto scenario = LoadScenarioReporting(args.file, args.max_input_size);
  if (!scenario) return kExitBadInput;
  if (!args.allow_large) {
    if (auto why = sim::run::RefuseLargeWork(sim::run::EstimateWork(*scenario), sim::run::kDefaultMaxDeliveries)) {
      std::fprintf(stderr, "%s: %s\n", args.file.c_str(), why->c_str());
      return kExitBadInput;
    }
  }
  const std::string out = args.out.value_or("out/" + scenario->name);
  const bool report_inside = args.report && ReportInsideOut(*args.report, out);
  if (args.report) {
    if (auto why = RefuseReportPath(*args.report, out, {args.file})) {
      std::fprintf(stderr, "mcastlab run: --report %s\n", why->c_str());
      return kExitBadInput;
    }
  }
  std::optional<std::chrono::duration<double>> max_wall;
  if (args.max_wall.nanos() > 0) {
    max_wall = std::chrono::duration<double>(static_cast<double>(args.max_wall.nanos()) / 1e9);
  }
  RunControl control(max_wall, isatty(STDERR_FILENO) != 0);
  sim::run::RunOptions options;
  options.inputs = {args.file};
  options.write_stats = args.stats;
  options.capture_merged = args.capture_merged;
  options.snapshot_every = args.snapshot_every;
  control.Attach(options);
  if (report_inside) {
    // Written into the run's folder before it is committed, so the marker lists it.
    options.before_commit = [&](const std::filesystem::path& dir) {
      const std::filesystem::path name = std::filesystem::path(*args.report).filename();
      if (auto error = WriteReport(dir, dir, dir / name)) throw sim::trace::OutputError(*error);
    };
  }
  try {
    const sim::run::RunResult r = sim::run::RunScenario(*scenario, out, options);
    control.FinishLine();
    const int verdict = Report(*scenario, r, out, args.stats);
    if (args.report && !report_inside) {
      if (auto error = WriteReport(out, out, *args.report)) {
        std::fprintf(stderr, "mcastlab run: the report could not be written: %s\n", error->c_str());
        return kExitInternal;
      }
    }
    if (args.report) std::printf("report in %s\n", args.report->c_str());
    return verdict;
  } catch (const sim::run::RunInterrupted& e) {
    control.FinishLine();
    std::fprintf(stderr, "mcastlab run: %s at simulated time %s s; nothing written, %s left as it was\n",
                 control.reason().c_str(), sim::core::ToString(e.at()).c_str(), out.c_str());
    return control.exit_code();
  } catch (const sim::run::OutputPathError& e) {
    std::fprintf(stderr, "mcastlab run: %s\n", e.what());
    return kExitBadInput;
  } catch (const sim::trace::OutputError& e) {
    control.FinishLine();
    std::fprintf(stderr, "mcastlab run: %s; %s left as it was\n", e.what(), out.c_str());
    return kExitInternal;
  } catch (const std::exception& e) {
    control.FinishLine();
    std::fprintf(stderr, "mcastlab run: internal error: %s\n", e.what());
    return kExitInternal;
  }
}

int ValidateCommand(const RunArgs& args) {
  auto scenario = LoadScenarioReporting(args.file, args.max_input_size);
  if (!scenario) return kExitBadInput;
  std::printf("%s: valid (%zu nodes, %zu links, %zu events, %zu expectations)\n", args.file.c_str(),
              scenario->nodes.size(), scenario->links.size(), scenario->events.size(),
              scenario->expectations.size());
  return kExitOk;
}

}  // namespace tools
