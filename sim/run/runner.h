// Runs a loaded scenario from start to `duration` and writes its outputs: one pcap per
// captured link, events.jsonl, summary.json, topology.json, state-<time>.txt for each snapshot,
// state-end.txt, and with RunOptions::write_stats, stats.json.
//
// Every file but stats.json depends only on the scenario and its seed: two runs give the same
// bytes. Where the files go, and what may be replaced, is OutputFolder's business
// (output_folder.h): a failed or interrupted run leaves an older OUT as it was.
#ifndef MCASTLAB_SIM_RUN_RUNNER_H_
#define MCASTLAB_SIM_RUN_RUNNER_H_

#include <csignal>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/core/time.h"
#include "sim/run/convergence_watch.h"
#include "sim/run/outcome.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

struct RunCounters {
  std::uint64_t events = 0;      // scheduler events executed
  std::uint64_t frames_sent = 0;
  std::uint64_t receptions = 0;  // datagrams delivered to sockets
  std::uint64_t drops = 0;       // every loss of every node (net/drop_log.h)
  std::map<std::string, std::uint64_t> frames_per_link;
  // Per node with drops, in the scenario's node order: reason name -> count, names sorted.
  std::vector<std::pair<std::string, std::map<std::string, std::uint64_t>>> drops_by_node;
};

// Measurements of this process, not of the simulation: they differ from run to run, so they
// go to stats.json and never to summary.json.
struct RunStats {
  double wall_seconds = 0;
  double simulated_seconds = 0;  // the scenario's duration: a run that returns ran all of it
  std::uint64_t peak_rss_bytes = 0;
};

struct RunResult {
  std::vector<Outcome> outcomes;
  RunCounters counters;
  RunStats stats;
  // Every stream's deliveries and longest gap (convergence_watch.h), for runs that change a
  // link or node; `streams_watched` false for the others (summary.json then has no `streams`).
  bool streams_watched = false;
  std::vector<StreamGaps> streams;
  bool passed() const;
};

// Where a run stands, for progress lines and for deciding to stop it.
struct RunProgress {
  core::Time now;
  core::Duration duration;
  std::uint64_t events = 0;
};

// The pcapng of `--capture-merged`, in OUT beside the per-link pcaps.
inline constexpr const char* kMergedCaptureFile = "capture.pcapng";

struct RunOptions {
  // Files the run reads (the scenario): OUT may not be, or hold, their folder.
  std::vector<std::filesystem::path> inputs;
  bool write_stats = false;
  // Also write kMergedCaptureFile: every captured link's frames in one pcapng.
  bool capture_merged = false;
  // Zero: none. Otherwise a snapshot of every table every so often (T, 2T, ... before the end),
  // besides the scenario's own; `state-end.txt` is written at the end of every run.
  core::Duration snapshot_every;
  // Read before every event. When found non-zero the runner calls `on_attention`, which must
  // clear it; if it returns true the run stops (RunInterrupted) and nothing reaches OUT.
  // A signal handler or an interval timer sets it: the run loop itself never reads a clock.
  const volatile std::sig_atomic_t* attention = nullptr;
  std::function<bool(const RunProgress&)> on_attention;
  // Called with the folder of the finished run before it takes OUT's place, to add files of
  // its own (`run --report`): they are listed in the marker like the run's. May throw
  // trace::OutputError; then nothing reaches OUT.
  std::function<void(const std::filesystem::path&)> before_commit;
};

// The run was stopped by RunOptions::on_attention; the old OUT is kept.
class RunInterrupted : public std::runtime_error {
 public:
  explicit RunInterrupted(core::Time at)
      : std::runtime_error("run stopped at simulated time " + core::ToString(at) + " s"), at_(at) {}
  core::Time at() const { return at_; }

 private:
  core::Time at_;
};

// Throws OutputPathError (OUT may not be used: bad input), trace::OutputError (a write
// failed), RunInterrupted.
RunResult RunScenario(const scenario::Scenario& s, const std::filesystem::path& out_dir,
                      const RunOptions& options = {});

// summary.json's text: deterministic.
std::string SummaryJson(const scenario::Scenario& s, const RunResult& r);
// stats.json's text: wall time, rates and peak memory of this run.
std::string StatsJson(const RunResult& r);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_RUNNER_H_
