#include "sim/run/runner.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "sim/run/build_network.h"
#include "sim/run/expectation_checks.h"
#include "sim/run/json_text.h"
#include "sim/run/run_recorder.h"
#include "sim/run/timeline.h"
#include "sim/trace/output_error.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
  f.flush();
  if (!f) throw trace::OutputError("cannot write " + p.string());
}

std::uint64_t PeakRssBytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<std::uint64_t>(u.ru_maxrss) * 1024;  // Linux reports kilobytes
}

bool Captured(const scenario::Scenario& s, const std::string& link) {
  if (s.capture.all_links) return true;
  for (const auto& l : s.capture.links) {
    if (l == link || l == "*") return true;
  }
  return false;
}

RunCounters Count(const net::Network& network) {
  RunCounters c;
  for (const auto& l : network.links()) {
    c.frames_per_link[l->name()] = l->counters().frames;
    c.frames_sent += l->counters().frames;
  }
  for (const auto& n : network.nodes()) {
    for (const auto& i : n->interfaces()) c.drops += i->counters().queue_drops + i->counters().down_drops;
    if (const auto* h = dynamic_cast<const net::Host*>(n.get())) c.receptions += h->datagrams_received();
  }
  return c;
}

RunResult RunInto(const scenario::Scenario& s, const fs::path& dir, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  core::Scheduler scheduler;
  RunRecorder recorder;
  net::Network network(scheduler, recorder, s.seed);
  BuildNetwork(s, network);
  for (const auto& l : network.links()) {
    if (Captured(s, l->name())) recorder.Capture(l->index(), (dir / (l->name() + ".pcap")).string());
  }
  ExpectationChecks checks(s, network, recorder);
  checks.Arm();
  ScheduleTimeline(s, network, [&network, &dir, &scheduler](const std::string& label) {
    std::string text = "# snapshot at " + core::ToString(scheduler.Now()) + (label.empty() ? "" : " " + label) + "\n";
    WriteFile(dir / ("state-" + core::ToString(scheduler.Now()) + ".txt"), text + DumpState(network));
  });
  if (options.progress) {
    for (int percent = 1; percent <= 100; ++percent) {
      scheduler.RunUntil(core::Time::Start() + s.duration * percent / 100);
      options.progress(percent, scheduler.executed_events());
    }
  }
  scheduler.RunUntil(core::Time::Start() + s.duration);

  RunResult r;
  r.outcomes = checks.Finish();
  r.counters = Count(network);
  r.counters.events = scheduler.executed_events();
  r.counters.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.counters.peak_rss_bytes = PeakRssBytes();
  recorder.ClosePcaps();
  WriteFile(dir / "events.jsonl", recorder.events_jsonl());
  WriteFile(dir / "summary.json", SummaryJson(s, r));
  return r;
}

}  // namespace

bool RunResult::passed() const {
  for (const auto& o : outcomes) {
    if (!o.passed) return false;
  }
  return true;
}

RunResult RunScenario(const scenario::Scenario& s, const fs::path& out_dir, const RunOptions& options) {
  const fs::path parent = out_dir.has_parent_path() ? out_dir.parent_path() : fs::path(".");
  const fs::path temp = parent / ("." + out_dir.filename().string() + ".partial-" + std::to_string(getpid()));
  std::error_code ec;
  fs::create_directories(parent, ec);
  fs::remove_all(temp, ec);
  if (!fs::create_directory(temp, ec)) throw trace::OutputError("cannot create " + temp.string() + ": " + ec.message());
  try {
    RunResult r = RunInto(s, temp, options);
    fs::remove_all(out_dir, ec);
    fs::rename(temp, out_dir, ec);
    if (ec) throw trace::OutputError("cannot move " + temp.string() + " to " + out_dir.string() + ": " + ec.message());
    return r;
  } catch (...) {
    fs::remove_all(temp, ec);
    throw;
  }
}

std::string SummaryJson(const scenario::Scenario& s, const RunResult& r) {
  std::string expectations = "[";
  for (const Outcome& o : r.outcomes) {
    if (expectations.size() > 1) expectations += ",\n    ";
    expectations += JsonObject().Num("index", o.index).Str("kind", o.kind).Str("path", o.path)
                        .Bool("passed", o.passed).Str("expected", o.expected).Str("found", o.found).Close();
  }
  expectations += "]";
  JsonObject links;
  for (const auto& [name, frames] : r.counters.frames_per_link) links.Num(name, frames);
  const double wall = r.counters.wall_seconds > 0 ? r.counters.wall_seconds : 1e-9;
  JsonObject counters;
  counters.Num("events", r.counters.events).Num("frames_sent", r.counters.frames_sent)
      .Num("receptions", r.counters.receptions).Num("drops", r.counters.drops)
      .Real("wall_seconds", r.counters.wall_seconds)
      .Real("events_per_second", static_cast<double>(r.counters.events) / wall)
      .Real("receptions_per_second", static_cast<double>(r.counters.receptions) / wall)
      .Num("peak_rss_bytes", r.counters.peak_rss_bytes).Raw("frames_per_link", links.Close());
  return JsonObject().Str("scenario", s.name).Str("description", s.description)
             .Num("seed", s.seed).Str("duration", core::ToString(s.duration))
             .Bool("passed", r.passed()).Raw("expectations", expectations)
             .Raw("counters", counters.Close()).Close() + "\n";
}

}  // namespace sim::run
