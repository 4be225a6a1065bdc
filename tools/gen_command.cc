// `mcastlab gen tree`: checks the options together (each one's range is checked while parsing),
// builds the text (tree_scenario.h), loads it as `mcastlab run` would and prints it only if it
// loads. A refusal prints nothing on stdout, so `gen ... > tree.json` never leaves a broken file
// behind that looks like a scenario.
#include "tools/gen_command.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "sim/run/work_estimate.h"
#include "sim/scenario/loader.h"
#include "tools/exit_codes.h"
#include "tools/tree_scenario.h"

namespace tools {
namespace {

// Past a million hosts the text alone is hundreds of megabytes and the loader needs gigabytes.
constexpr std::uint64_t kMaxTotalHosts = 1'000'000;

// Limits that involve more than one option.
std::optional<std::string> CheckCombination(const TreeSpec& t) {
  const std::string shape = "--routers " + std::to_string(t.routers) + " --hosts " + std::to_string(t.hosts);
  if (t.routers * t.hosts < 2) {
    return shape + " makes one host, the sender, and no receiver; give at least 2 hosts in all";
  }
  if (t.routers * t.hosts > kMaxTotalHosts) {
    return shape + " makes " + std::to_string(t.routers * t.hosts) + " hosts; at most " +
           std::to_string(kMaxTotalHosts);
  }
  if ((t.groups > 1 || t.sources > 1) && t.routing != TreeRouting::kPim) {
    return "--groups and --sources need --routing pim: static routes are written for one stream only";
  }
  if (t.sources >= t.routers * t.hosts) {
    return "--sources " + std::to_string(t.sources) + " leaves no receiver among the " +
           std::to_string(t.routers * t.hosts) + " hosts of " + shape + "; give fewer sources or more hosts";
  }
  const std::uint64_t per_source = (t.groups + t.sources - 1) / t.sources;
  if (t.groups > 1 && per_source > t.rate * t.seconds) {
    return "--groups " + std::to_string(t.groups) + " over --sources " + std::to_string(t.sources) + " gives a source " +
           std::to_string(per_source) + " groups, more than the " + std::to_string(t.rate * t.seconds) +
           " datagrams it sends (--rate x --seconds); send longer or faster, or add sources";
  }
  if (t.joins > t.groups) {
    return "--joins " + std::to_string(t.joins) + " is more than the " + std::to_string(t.groups) +
           " groups of --groups; give at most that many";
  }
  return std::nullopt;
}

int Refuse(const std::string& message) {
  std::fprintf(stderr, "mcastlab gen: %s\nTry 'mcastlab gen tree --help'.\n", message.c_str());
  return kExitBadInput;
}

// Loads the text as `mcastlab run` will. Invalid text is a bug here; say which options led to it.
int CheckAndPrint(const std::string& text) {
  const auto loaded = sim::scenario::LoadScenario(text);
  if (!loaded.ok()) {
    std::fputs("mcastlab gen: the generated scenario does not load:\n", stderr);
    for (std::size_t i = 0; i < loaded.errors().size() && i < 3; ++i) {
      std::fprintf(stderr, "  %s\n", ToString(loaded.errors()[i]).c_str());
    }
    std::fputs("This is a bug in mcastlab gen; meanwhile change --routers, --hosts, --rate, --seconds or "
               "--payload towards the defaults.\n", stderr);
    return kExitBadInput;
  }
  const sim::run::WorkEstimate work = sim::run::EstimateWork(loaded.scenario());
  if (auto large = sim::run::RefuseLargeWork(work, sim::run::kDefaultMaxDeliveries)) {
    std::fprintf(stderr, "mcastlab gen: warning: mcastlab run will refuse this scenario without --allow-large: %s\n",
                 large->c_str());
  }
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "mcastlab gen: cannot write the scenario: %s\n", std::strerror(errno));
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace

int GenTreeCommand(const GenArgs& args) {
  TreeSpec t = args.tree;
  t.capture = args.capture == "all";
  t.routing = args.routing == "pim" ? TreeRouting::kPim : TreeRouting::kStatic;
  if (auto bad = CheckCombination(t)) return Refuse(*bad);
  const auto when = ScheduleTree(t);
  if (!when) {
    return Refuse("--rate " + std::to_string(t.rate) + " --seconds " + std::to_string(t.seconds) +
                  ": the datagrams would go on past 4294967293 s, the longest run a scenario can hold; "
                  "lower --seconds");
  }
  return CheckAndPrint(TreeScenarioText(t, *when));
}

}  // namespace tools
