#include "tools/test_command.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <thread>
#include <variant>

#include "sim/core/text_table.h"
#include "tools/atomic_file.h"
#include "tools/child_pool.h"
#include "tools/exit_codes.h"
#include "tools/junit_report.h"
#include "tools/scenario_files.h"
#include "tools/scenario_verdict.h"

namespace tools {
namespace {

namespace fs = std::filesystem;
using Result = ScenarioVerdict::Result;

int Refuse(const std::string& message) {
  std::fprintf(stderr, "mcastlab test: %s\n", message.c_str());
  return kExitBadInput;
}

// Why the root may not take the runs' folders: it is a file, or it holds a scenario (the runs
// would write among the scenarios, and the next `mcastlab test` of that folder would find them).
std::optional<std::string> RefuseRoot(const fs::path& root, const std::vector<ScenarioFile>& files) {
  std::error_code ec;
  const fs::file_status st = fs::status(root, ec);
  if (fs::exists(st) && !fs::is_directory(st)) return "--out " + root.string() + ": exists and is not a folder";
  const fs::path canonical_root = fs::weakly_canonical(fs::absolute(root), ec);
  for (const ScenarioFile& f : files) {
    const fs::path dir = fs::weakly_canonical(fs::absolute(f.path), ec).parent_path();
    const auto [r, d] = std::mismatch(canonical_root.begin(), canonical_root.end(), dir.begin(), dir.end());
    if (r == canonical_root.end()) {
      return "--out " + root.string() + ": holds the scenario " + f.path +
             "; give a folder apart from the scenarios";
    }
  }
  return std::nullopt;
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3fs", s);
  return buf;
}

std::string Counted(const ScenarioVerdict& v) {
  if (v.result == Result::kInvalid || v.result == Result::kError) return "-";
  return std::to_string(v.passed()) + "/" + std::to_string(v.expectations.size());
}

// What failed and why, after the table: the same words `mcastlab run` prints.
void PrintProblems(const std::vector<ScenarioFile>& files, const std::vector<ScenarioVerdict>& verdicts) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    const ScenarioVerdict& v = verdicts[i];
    if (v.result == Result::kInvalid) std::printf("%s\n", v.problem.c_str());
    if (v.result == Result::kError) std::printf("ERROR %s: %s\n", files[i].path.c_str(), v.problem.c_str());
    for (const ExpectationVerdict& e : v.expectations) {
      if (e.passed) continue;
      std::printf("FAIL %s %s %s: expected %s, found %s\n", files[i].path.c_str(), e.path.c_str(),
                  e.kind.c_str(), e.expected.c_str(), e.found.c_str());
    }
  }
}

int ExitCode(const std::vector<ScenarioVerdict>& verdicts) {
  auto any = [&](Result r) {
    return std::any_of(verdicts.begin(), verdicts.end(), [r](const ScenarioVerdict& v) { return v.result == r; });
  };
  if (any(Result::kInvalid)) return kExitBadInput;
  if (any(Result::kError)) return kExitInternal;
  return any(Result::kFailed) ? kExitFailed : kExitOk;
}

std::string Plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void PrintTotals(const std::vector<ScenarioVerdict>& verdicts, double wall, std::uint64_t jobs) {
  std::size_t count[4] = {0, 0, 0, 0}, expectations = 0, held = 0;
  for (const ScenarioVerdict& v : verdicts) {
    ++count[static_cast<int>(v.result)];
    expectations += v.expectations.size();
    held += v.passed();
  }
  std::printf("%s: %zu passed, %zu failed, %zu invalid, %s; %zu of %zu expectations passed; wall %s with -j %llu\n",
              Plural(verdicts.size(), "scenario").c_str(), count[0], count[1], count[2],
              Plural(count[3], "error").c_str(), held, expectations, Seconds(wall).c_str(),
              static_cast<unsigned long long>(jobs));
}

}  // namespace

std::uint64_t DefaultJobs() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) {
    return static_cast<std::uint64_t>(CPU_COUNT(&set));
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

int TestCommand(const TestArgs& args) {
  auto found = FindScenarioFiles(args.paths);
  if (auto* error = std::get_if<std::string>(&found)) return Refuse(*error);
  const auto& files = std::get<std::vector<ScenarioFile>>(found);
  if (auto why = RefuseRoot(args.out, files)) return Refuse(*why);
  if (!args.junit.empty()) {
    if (auto why = RefuseReportPath(args.junit)) return Refuse("--junit " + args.junit + ": " + *why);
  }

  const std::uint64_t jobs = args.jobs > 0 ? args.jobs : DefaultJobs();
  const std::string self = SelfExecutable();
  std::vector<std::string> outs;
  std::vector<std::vector<std::string>> commands;
  for (const ScenarioFile& f : files) {
    outs.push_back((fs::path(args.out) / f.key).string());
    commands.push_back({self, "run", f.path, "--out", outs.back()});
  }
  const bool progress = isatty(STDERR_FILENO) != 0;
  std::size_t done = 0;
  const auto start = std::chrono::steady_clock::now();
  ChildRuns runs;
  try {
    runs = RunChildren(commands, jobs, [&](std::size_t) {
      ++done;
      if (progress) std::fprintf(stderr, "\rmcastlab test: %zu of %zu done", done, files.size());
    });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mcastlab test: %s\n", e.what());
    return kExitInternal;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (progress) std::fprintf(stderr, "\r\033[K");
  if (runs.stop_signal != 0) {
    // As `mcastlab run` does: the runs have removed their partial folders; no report.
    std::fprintf(stderr, "mcastlab test: %s with %zu of %zu runs ended; no report written\n",
                 runs.stop_signal == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)", done,
                 files.size());
    return 128 + runs.stop_signal;
  }
  const std::vector<ChildOutcome>& children = runs.outcomes;

  std::vector<ScenarioVerdict> verdicts;
  sim::core::TextTable table({"Scenario", "Expectations", "Time", "Result"});
  std::vector<ReportedScenario> reported;
  for (std::size_t i = 0; i < files.size(); ++i) verdicts.push_back(JudgeRun(children[i], outs[i]));
  for (std::size_t i = 0; i < files.size(); ++i) {
    const ScenarioVerdict& v = verdicts[i];
    table.Row({files[i].path, Counted(v), Seconds(v.wall_seconds), ResultWord(v.result)});
    reported.push_back({&files[i], &v, outs[i]});
  }
  std::fputs(table.Render().c_str(), stdout);
  PrintProblems(files, verdicts);
  PrintTotals(verdicts, wall, jobs);
  if (!args.junit.empty()) {
    if (auto error = WriteFileAtomically(args.junit, JunitXml(reported))) {
      std::fprintf(stderr, "mcastlab test: --junit %s: %s\n", args.junit.c_str(), error->c_str());
      return kExitInternal;
    }
    std::printf("JUnit report in %s\n", args.junit.c_str());
  }
  std::fflush(stdout);
  return ExitCode(verdicts);
}

}  // namespace tools
