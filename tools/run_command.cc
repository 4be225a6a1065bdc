#include "tools/run_command.h"

#include <unistd.h>

#include <cstdio>
#include <optional>
#include <string>

#include "sim/run/output_folder.h"
#include "sim/run/runner.h"
#include "sim/run/work_estimate.h"
#include "sim/scenario/loader.h"
#include "sim/scenario/values.h"
#include "sim/trace/output_error.h"
#include "tools/exit_codes.h"
#include "tools/run_control.h"
#include "tools/whole_number.h"

namespace tools {
namespace {

constexpr const char* kRunUsage =
    "usage: mcastlab run FILE [--out DIR] [--stats] [--max-wall TIME]\n"
    "  Runs the scenario; writes DIR (default out/<name>): one pcap per link, events.jsonl,\n"
    "  summary.json, state snapshots and state-end.txt. DIR must be new, empty, or written by an\n"
    "  earlier run.\n"
    "  Exit 0: all expectations hold; 1: some failed; 2: invalid input; 3: internal error;\n"
    "  124: --max-wall reached; 130/143: interrupted by SIGINT/SIGTERM (DIR left as it was).\n"
    "  --stats          also write DIR/stats.json (wall time, rates, peak memory) and print it\n"
    "  --max-wall TIME  stop the run after TIME of real time (\"90s\", \"10min\")\n"
    "  --max-input-size BYTES  accept scenario files up to BYTES (default 67108864, 64 MiB)\n"
    "  --allow-large    run a scenario whose load-time work estimate is over the limit\n"
    "  --snapshot-every TIME  also write every table to DIR/state-<time>.txt every TIME\n";

struct RunArgs {
  std::string file;
  std::optional<std::string> out;
  bool stats = false;
  std::optional<std::chrono::duration<double>> max_wall;
  sim::scenario::LoadLimits limits;
  bool allow_large = false;
  sim::core::Duration snapshot_every;
};

void BadArgument(std::string_view what, std::string_view arg) {
  std::fprintf(stderr, "mcastlab: %.*s '%.*s'\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(arg.size()), arg.data());
}

std::optional<RunArgs> ParseArgs(std::span<const std::string_view> args, bool run) {
  RunArgs r;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const bool has_value = i + 1 < args.size();
    if (run && a == "--out" && has_value) {
      r.out = std::string(args[++i]);
    } else if (run && a == "--stats") {
      r.stats = true;
    } else if (run && a == "--snapshot-every" && has_value) {
      const auto t = sim::scenario::ParseTime(args[++i]);
      if (!t.ok() || t.value().nanos() <= 0) {
        BadArgument("--snapshot-every needs a positive time such as 10s, not", args[i]);
        return std::nullopt;
      }
      r.snapshot_every = t.value();
    } else if (run && a == "--allow-large") {
      r.allow_large = true;
    } else if (run && a == "--max-wall" && has_value) {
      const auto t = sim::scenario::ParseTime(args[++i]);
      if (!t.ok() || t.value().nanos() <= 0) {
        BadArgument("--max-wall needs a positive time such as 90s or 10min, not", args[i]);
        return std::nullopt;
      }
      r.max_wall = std::chrono::duration<double>(static_cast<double>(t.value().nanos()) / 1e9);
    } else if (a == "--max-input-size" && has_value) {
      const auto bytes = ParseWholeNumber(args[++i]);
      if (!bytes || *bytes == 0) {
        BadArgument("--max-input-size needs a whole number of bytes, not", args[i]);
        return std::nullopt;
      }
      r.limits.max_file_bytes = *bytes;
    } else if ((!a.starts_with("-") || a == "-") && r.file.empty()) {
      r.file = std::string(a);
    } else {
      BadArgument(a.starts_with("--") && !has_value ? "missing value or unknown option" : "unexpected argument", a);
      return std::nullopt;
    }
  }
  if (r.file.empty()) return std::nullopt;
  return r;
}

// Loads and validates; prints every error as "FILE: /json/path: message".
std::optional<sim::scenario::Scenario> Load(const std::string& file, const sim::scenario::LoadLimits& limits) {
  auto result = sim::scenario::LoadScenarioFile(file, limits);
  if (result.ok()) return std::move(result.scenario());
  for (const auto& e : result.errors()) std::fprintf(stderr, "%s: %s\n", file.c_str(), ToString(e).c_str());
  return std::nullopt;
}

void PrintStats(const sim::run::RunResult& r) {
  const auto& c = r.counters;
  const double wall = r.stats.wall_seconds > 0 ? r.stats.wall_seconds : 1e-9;
  std::fprintf(stderr,
               "events %llu, frames %llu, receptions %llu, drops %llu, wall %.3f s, "
               "%.0f events/s, %.0f receptions/s, peak RSS %.1f MB\n",
               static_cast<unsigned long long>(c.events), static_cast<unsigned long long>(c.frames_sent),
               static_cast<unsigned long long>(c.receptions), static_cast<unsigned long long>(c.drops),
               r.stats.wall_seconds, static_cast<double>(c.events) / wall, static_cast<double>(c.receptions) / wall,
               static_cast<double>(r.stats.peak_rss_bytes) / 1e6);
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

int RunCommand(std::span<const std::string_view> args) {
  auto parsed = ParseArgs(args, true);
  if (!parsed) {
    std::fputs(kRunUsage, stderr);
    return kExitBadInput;
  }
  auto scenario = Load(parsed->file, parsed->limits);
  if (!scenario) return kExitBadInput;
  if (!parsed->allow_large) {
    if (auto why = sim::run::RefuseLargeWork(sim::run::EstimateWork(*scenario), sim::run::kDefaultMaxDeliveries)) {
      std::fprintf(stderr, "%s: %s\n", parsed->file.c_str(), why->c_str());
      return kExitBadInput;
    }
  }
  const std::string out = parsed->out.value_or("out/" + scenario->name);
  RunControl control(parsed->max_wall, isatty(STDERR_FILENO) != 0);
  sim::run::RunOptions options;
  options.inputs = {parsed->file};
  options.write_stats = parsed->stats;
  options.snapshot_every = parsed->snapshot_every;
  control.Attach(options);
  try {
    const sim::run::RunResult r = sim::run::RunScenario(*scenario, out, options);
    control.FinishLine();
    return Report(*scenario, r, out, parsed->stats);
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

int ValidateCommand(std::span<const std::string_view> args) {
  auto parsed = ParseArgs(args, false);
  if (!parsed) {
    std::fputs("usage: mcastlab validate FILE [--max-input-size BYTES]\n", stderr);
    return kExitBadInput;
  }
  auto scenario = Load(parsed->file, parsed->limits);
  if (!scenario) return kExitBadInput;
  std::printf("%s: valid (%zu nodes, %zu links, %zu events, %zu expectations)\n", parsed->file.c_str(),
              scenario->nodes.size(), scenario->links.size(), scenario->events.size(), scenario->expectations.size());
  return kExitOk;
}

}  // namespace tools
