#include "sim/run/runner.h"

#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <memory>

#include "sim/net/interface.h"
#include "sim/net/link.h"
#include "sim/net/node.h"
#include "sim/run/build_network.h"
#include "sim/run/expectation_checks.h"
#include "sim/run/json_text.h"
#include "sim/run/output_folder.h"
#include "sim/run/run_recorder.h"
#include "sim/run/snapshot_names.h"
#include "sim/run/state_dump.h"
#include "sim/run/timeline.h"
#include "sim/run/topology_json.h"
#include "sim/trace/output_error.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& p, const std::function<void(std::ostream&)>& write) {
  std::ofstream f(p, std::ios::binary);
  write(f);
  f.flush();
  if (!f) throw trace::OutputError("cannot write " + p.string());
}

void WriteFile(const fs::path& p, const std::string& text) {
  WriteFile(p, [&text](std::ostream& f) { f << text; });
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
    if (const auto* h = dynamic_cast<const net::Host*>(n.get())) c.receptions += h->datagrams_received();
    const net::DropLog* log = n->drop_log();
    if (log == nullptr) continue;
    c.drops += log->losses();
    std::map<std::string, std::uint64_t> reasons;
    for (std::size_t r = 0; r < net::kDropReasonCount; ++r) {
      const auto reason = static_cast<net::DropReason>(r);
      if (log->count(reason) > 0) reasons[std::string(net::ToString(reason))] = log->count(reason);
    }
    if (!reasons.empty()) c.drops_by_node.emplace_back(n->name(), std::move(reasons));
  }
  return c;
}

// "r1 eth0, r2 eth0": what the link joins, as the pcapng interface's description.
std::string LinkEnds(const net::Link& l) {
  std::string text;
  for (const net::Interface* i : l.endpoints()) {
    if (!text.empty()) text += ", ";
    text += i->node().name() + " " + i->name();
  }
  return text;
}

void StartCaptures(const scenario::Scenario& s, const net::Network& network, const fs::path& dir,
                   bool merged, RunRecorder& recorder) {
  std::vector<std::uint32_t> links;
  std::vector<std::string> paths, names, ends;
  for (const auto& l : network.links()) {
    if (!Captured(s, l->name())) continue;
    links.push_back(l->index());
    paths.push_back((dir / (l->name() + ".pcap")).string());
    names.push_back(l->name());
    ends.push_back(LinkEnds(*l));
  }
  recorder.Capture(links, paths);
  if (merged) recorder.CaptureMerged((dir / kMergedCaptureFile).string(), links, names, ends);
}

// Runs to the end, pausing whenever the attention flag is raised; throws RunInterrupted when
// the options' callback says stop.
void RunToEnd(const scenario::Scenario& s, core::Scheduler& scheduler, const RunOptions& options) {
  const core::Time end = core::Time::Start() + s.duration;
  if (options.attention == nullptr) {
    scheduler.RunUntil(end);
    return;
  }
  // Between events, and inside long events that poll (a huge `count` send).
  scheduler.WatchFlag(options.attention);
  scheduler.SetAttentionHandler([&scheduler, &s, &options] {
    const RunProgress p{scheduler.Now(), s.duration, scheduler.executed_events()};
    if (!options.on_attention || options.on_attention(p)) throw RunInterrupted(scheduler.Now());
  });
  while (!scheduler.RunUntil(end)) scheduler.PollAttention();
}

// One snapshot every `snapshot_every`, strictly before the end, each scheduled by the last so
// that a tiny period costs one pending event, not millions.
void SchedulePeriodicSnapshots(core::Scheduler& scheduler, const scenario::Scenario& s, const RunOptions& options,
                               std::function<void(const std::string&)> snapshot) {
  struct Periodic {
    core::Scheduler& scheduler;
    core::Duration every;
    core::Time end;
    std::function<void(const std::string&)> take;
    void Next(const std::shared_ptr<Periodic>& self) {
      const core::Time at = scheduler.Now() + every;
      if (at >= end) return;
      scheduler.ScheduleAt(at, core::kNoNode, [self] {
        self->take("");
        self->Next(self);
      });
    }
  };
  auto p = std::make_shared<Periodic>(
      Periodic{scheduler, options.snapshot_every, core::Time::Start() + s.duration, std::move(snapshot)});
  p->Next(p);
}

RunResult RunInto(const scenario::Scenario& s, const fs::path& dir, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  core::Scheduler scheduler;
  RunRecorder recorder;
  recorder.WriteEventsTo((dir / "events.jsonl").string());
  net::Network network(scheduler, recorder, s.seed);
  const ProtocolBindings protocols = MakeProtocolBindings(s);
  SnapshotNames names(s.duration);
  auto snapshot = [&](const std::string& label) {
    std::string text = "# snapshot at " + core::ToString(scheduler.Now()) + (label.empty() ? "" : " " + label) + "\n";
    WriteFile(dir / names.Next(scheduler.Now(), label), text + DumpState(network, protocols));
  };
  // Before BuildNetwork starts the protocols: node and link events at 0 s run first.
  ScheduleTimeline(s, network, protocols, snapshot, TimelinePart::kStartingState);
  BuildNetwork(s, network, protocols);
  WriteFile(dir / "topology.json", TopologyJson(network, s.rps));
  StartCaptures(s, network, dir, options.capture_merged, recorder);
  ExpectationChecks checks(s, network, recorder, protocols);
  checks.Arm();
  ConvergenceWatch watch(s, network);
  ScheduleTimeline(s, network, protocols, snapshot, TimelinePart::kRest);
  // After the timeline, so that at a shared instant the scenario's own snapshots come first.
  if (options.snapshot_every > core::Duration::Zero()) SchedulePeriodicSnapshots(scheduler, s, options, snapshot);
  RunToEnd(s, scheduler, options);
  // The end-of-run snapshot and the totals only read the network now: the snapshot is rendered
  // on a thread of its own while the totals go to events.jsonl, and this thread helps with the
  // snapshot once the totals are written (together a fifth of a large control-plane run,
  // docs/PERFORMANCE.md).
  for (const auto& n : network.nodes()) n->SettleCounts();
  StateDump end_state(network, protocols);
  {
    std::future<void> helper = std::async(std::launch::async, [&end_state] { end_state.Work(); });
    for (const auto& n : network.nodes()) n->TraceTotals();  // send, receive and drop totals
    end_state.Work();
    helper.get();
  }
  WriteFile(dir / "state-end.txt", [&](std::ostream& f) {
    f << "# snapshot at " << core::ToString(scheduler.Now()) << " end\n";
    end_state.WriteTo(f);
  });

  RunResult r;
  r.outcomes = checks.Finish();
  r.counters = Count(network);
  r.counters.events = scheduler.executed_events();
  r.streams_watched = watch.armed();
  r.streams = watch.Streams();
  recorder.Close();
  WriteFile(dir / "summary.json", SummaryJson(s, r));
  r.stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.stats.simulated_seconds = s.duration.seconds();
  r.stats.peak_rss_bytes = PeakRssBytes();
  if (options.write_stats) WriteFile(dir / "stats.json", StatsJson(r));
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
  OutputFolder folder(out_dir, options.inputs);  // removes its partial folder unless committed
  RunResult r = RunInto(s, folder.partial(), options);
  if (options.before_commit) options.before_commit(folder.partial());
  folder.Commit();
  return r;
}

namespace {

// One line per stream, like the expectations: a diff of two runs shows which one changed.
std::string StreamsJson(const std::vector<StreamGaps>& streams) {
  std::string out = "[";
  for (const StreamGaps& g : streams) {
    if (out.size() > 1) out += ",";
    out += "\n    ";
    JsonObject o;
    o.Str("host", g.host).Str("socket", g.socket).Str("group", wire::ToString(g.group))
        .Str("source", wire::ToString(g.source)).Num("datagrams", g.datagrams)
        .Str("first", core::ToString(g.first)).Str("last", core::ToString(g.last))
        .Str("longest_gap", core::ToString(g.longest_gap)).Str("gap_from", core::ToString(g.gap_from))
        .Str("gap_to", core::ToString(g.gap_to));
    if (g.source_last) o.Str("source_last", core::ToString(*g.source_last));
    out += o.Close();
  }
  return out + "]";
}

}  // namespace

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
  JsonObject by_node;
  for (const auto& [node, reasons] : r.counters.drops_by_node) {
    JsonObject o;
    for (const auto& [reason, n] : reasons) o.Num(reason, n);
    by_node.Raw(node, o.Close());
  }
  JsonObject counters;
  counters.Num("events", r.counters.events).Num("frames_sent", r.counters.frames_sent)
      .Num("receptions", r.counters.receptions).Num("drops", r.counters.drops)
      .Raw("frames_per_link", links.Close()).Raw("drops_by_node", by_node.Close());
  JsonObject summary;
  summary.Str("scenario", s.name).Str("description", s.description)
      .Num("seed", s.seed).Str("duration", core::ToString(s.duration))
      .Bool("passed", r.passed()).Raw("expectations", expectations)
      .Raw("counters", counters.Close());
  if (r.streams_watched) summary.Raw("streams", StreamsJson(r.streams));
  return summary.Close() + "\n";
}

std::string StatsJson(const RunResult& r) {
  const double wall = r.stats.wall_seconds > 0 ? r.stats.wall_seconds : 1e-9;
  return JsonObject().Real("wall_seconds", r.stats.wall_seconds)
             .Real("events_per_second", static_cast<double>(r.counters.events) / wall)
             .Real("receptions_per_second", static_cast<double>(r.counters.receptions) / wall)
             .Real("simulated_seconds_per_wall_second", r.stats.simulated_seconds / wall)
             .Num("peak_rss_bytes", r.stats.peak_rss_bytes).Close() + "\n";
}

}  // namespace sim::run
