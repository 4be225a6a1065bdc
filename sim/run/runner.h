// Runs a loaded scenario from start to `duration` and writes its outputs: one pcap per
// captured link, events.jsonl, summary.json, and state-<time>.txt for each snapshot.
//
// Everything is written into a temporary folder beside OUT and moved into place at the end, so
// a failed run never leaves a half-written OUT over an older good one.
#ifndef MCASTLAB_SIM_RUN_RUNNER_H_
#define MCASTLAB_SIM_RUN_RUNNER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sim/run/outcome.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

struct RunCounters {
  std::uint64_t events = 0;      // scheduler events executed
  std::uint64_t frames_sent = 0;
  std::uint64_t receptions = 0;  // datagrams delivered to sockets
  std::uint64_t drops = 0;       // egress queue and link-down drops
  double wall_seconds = 0;       // measured, for the report only
  std::uint64_t peak_rss_bytes = 0;
  std::map<std::string, std::uint64_t> frames_per_link;
};

struct RunResult {
  std::vector<Outcome> outcomes;
  RunCounters counters;
  bool passed() const;
};

struct RunOptions {
  // Called after each hundredth of the simulated duration: percent done, executed events.
  // Running in slices changes nothing in the run itself (events keep their order).
  std::function<void(int percent, std::uint64_t events)> progress;
};

// Throws trace::OutputError when the outputs cannot be written.
RunResult RunScenario(const scenario::Scenario& s, const std::filesystem::path& out_dir,
                      const RunOptions& options = {});

// summary.json's text.
std::string SummaryJson(const scenario::Scenario& s, const RunResult& r);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_RUNNER_H_
