#include "tools/run_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "sim/trace/output_error.h"
#include "tools/exit_codes.h"

namespace tools {
namespace {

constexpr const char* kRunUsage =
    "usage: mcastlab run FILE [--out DIR] [--stats]\n"
    "  Runs the scenario; writes DIR (default out/<name>): one pcap per link, events.jsonl,\n"
    "  summary.json. Exit 0: all expectations hold; 1: some failed; 2: invalid input.\n"
    "  --stats  also print the run counters on stderr\n";

struct RunArgs {
  std::string file;
  std::optional<std::string> out;
  bool stats = false;
};

std::optional<RunArgs> ParseArgs(std::span<const std::string_view> args, bool allow_out) {
  RunArgs r;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (allow_out && args[i] == "--out" && i + 1 < args.size()) {
      r.out = std::string(args[++i]);
    } else if (allow_out && args[i] == "--stats") {
      r.stats = true;
    } else if (!args[i].starts_with("-") && r.file.empty()) {
      r.file = std::string(args[i]);
    } else {
      std::fprintf(stderr, "mcastlab: unexpected argument '%.*s'\n", static_cast<int>(args[i].size()), args[i].data());
      return std::nullopt;
    }
  }
  if (r.file.empty()) return std::nullopt;
  return r;
}

// Loads and validates; prints every error as "FILE: /json/path: message".
std::optional<sim::scenario::Scenario> Load(const std::string& file) {
  auto result = sim::scenario::LoadScenarioFile(file);
  if (result.ok()) return std::move(result.scenario());
  for (const auto& e : result.errors()) std::fprintf(stderr, "%s: %s\n", file.c_str(), ToString(e).c_str());
  return std::nullopt;
}

void PrintStats(const sim::run::RunCounters& c) {
  const double wall = c.wall_seconds > 0 ? c.wall_seconds : 1e-9;
  std::fprintf(stderr,
               "events %llu, frames %llu, receptions %llu, drops %llu, wall %.3f s, "
               "%.0f events/s, %.0f receptions/s, peak RSS %.1f MB\n",
               static_cast<unsigned long long>(c.events), static_cast<unsigned long long>(c.frames_sent),
               static_cast<unsigned long long>(c.receptions), static_cast<unsigned long long>(c.drops),
               c.wall_seconds, static_cast<double>(c.events) / wall, static_cast<double>(c.receptions) / wall,
               static_cast<double>(c.peak_rss_bytes) / 1e6);
}

// A progress line on stderr, only at a terminal and only once the run has taken a second.
sim::run::RunOptions ProgressOptions() {
  sim::run::RunOptions o;
  if (isatty(STDERR_FILENO) == 0) return o;
  const auto start = std::chrono::steady_clock::now();
  o.progress = [start, shown = false](int percent, std::uint64_t events) mutable {
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (wall < 1.0 && !shown) return;
    shown = true;
    std::fprintf(stderr, "\r%3d%%  %llu events  %.1f s", percent, static_cast<unsigned long long>(events), wall);
    if (percent == 100) std::fputc('\n', stderr);
  };
  return o;
}

}  // namespace

int RunCommand(std::span<const std::string_view> args) {
  auto parsed = ParseArgs(args, true);
  if (!parsed) {
    std::fputs(kRunUsage, stderr);
    return kExitBadInput;
  }
  auto scenario = Load(parsed->file);
  if (!scenario) return kExitBadInput;
  const std::string out = parsed->out.value_or("out/" + scenario->name);
  try {
    const sim::run::RunResult r = sim::run::RunScenario(*scenario, out, ProgressOptions());
    std::size_t failed = 0;
    for (const auto& o : r.outcomes) {
      if (o.passed) continue;
      ++failed;
      std::printf("FAIL %s %s: expected %s, found %s\n", o.path.c_str(), o.kind.c_str(), o.expected.c_str(), o.found.c_str());
    }
    std::printf("%s: %zu of %zu expectations passed; %llu frames, %llu datagrams received; outputs in %s\n",
                scenario->name.c_str(), r.outcomes.size() - failed, r.outcomes.size(),
                static_cast<unsigned long long>(r.counters.frames_sent),
                static_cast<unsigned long long>(r.counters.receptions), out.c_str());
    if (parsed->stats) PrintStats(r.counters);
    return failed == 0 ? kExitOk : kExitFailed;
  } catch (const sim::trace::OutputError& e) {
    std::fprintf(stderr, "mcastlab run: %s\n", e.what());
    return kExitInternal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mcastlab run: internal error: %s\n", e.what());
    return kExitInternal;
  }
}

int ValidateCommand(std::span<const std::string_view> args) {
  auto parsed = ParseArgs(args, false);
  if (!parsed) {
    std::fputs("usage: mcastlab validate FILE\n", stderr);
    return kExitBadInput;
  }
  auto scenario = Load(parsed->file);
  if (!scenario) return kExitBadInput;
  std::printf("%s: valid (%zu nodes, %zu links, %zu events, %zu expectations)\n", parsed->file.c_str(),
              scenario->nodes.size(), scenario->links.size(), scenario->events.size(), scenario->expectations.size());
  return kExitOk;
}

}  // namespace tools
