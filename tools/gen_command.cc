// `mcastlab gen tree`: checks every option against the range that makes a valid scenario, builds
// the text (tree_scenario.h), loads it as `mcastlab run` would and prints it only if it loads. A
// refusal prints nothing on stdout, so `gen ... > tree.json` never leaves a broken file behind
// that looks like a scenario.
#include "tools/gen_command.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "sim/run/work_estimate.h"
#include "sim/scenario/loader.h"
#include "tools/exit_codes.h"
#include "tools/whole_number.h"
#include "tools/tree_scenario.h"

namespace tools {
namespace {

constexpr const char* kUsage =
    "usage: mcastlab gen tree [--routers R] [--hosts H] [--rate P] [--seconds T]\n"
    "                         [--payload BYTES] [--routing static|pim] [--capture all|none]\n"
    "  Prints a scenario on stdout: a core router, R edge routers, H hosts per edge LAN,\n"
    "  one sender at P packets/s for T seconds to 239.1.1.1, every other host receiving.\n"
    "  --routers R      edge routers, 1 to 60000 (default 4)\n"
    "  --hosts H        hosts on each edge LAN, 1 to 240 (default 10); R x H at least 2\n"
    "                   (one sender and a receiver) and at most 1000000\n"
    "  --rate P         datagrams a second, 1 to 1000000000 (default 1000)\n"
    "  --seconds T      how long the sender sends, 1 to 4294967293 (default 10)\n"
    "  --payload BYTES  UDP payload, 0 to 65507, the most one IPv4 datagram carries (default 1000)\n"
    "  --routing static|pim   static multicast routes (default), or PIM-SM with the core as RP\n"
    "  --capture all|none     a pcap per link, or none (default none)\n"
    "  --help           this text\n";

// A numeric option and its range: a value outside makes a scenario the loader rejects.
struct NumberOption {
  std::string_view flag;
  std::uint64_t TreeSpec::*field;
  std::uint64_t min;
  std::uint64_t max;
};

constexpr NumberOption kNumberOptions[] = {
    // LAN k is 10.(1 + k / 256).(k % 256).0/24 and core link k a /30 of 172.16.0.0/12.
    {"--routers", &TreeSpec::routers, 1, 60'000},
    // Hosts are .10 to .249 of their /24.
    {"--hosts", &TreeSpec::hosts, 1, 240},
    // The loader's rate: one datagram a nanosecond at the most.
    {"--rate", &TreeSpec::rate, 1, 1'000'000'000},
    // The run lasts T + 2 s, and a duration is at most 4294967295 s (what a pcap can timestamp).
    {"--seconds", &TreeSpec::seconds, 1, 4'294'967'293},
    // 65535 - 20 (IPv4 header) - 8 (UDP header).
    {"--payload", &TreeSpec::payload, 0, 65'507},
};

// Past a million hosts the text alone is hundreds of megabytes and the loader needs gigabytes.
constexpr std::uint64_t kMaxTotalHosts = 1'000'000;

struct BadUsage {
  std::string message;
};

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string Range(const NumberOption& o) {
  return "from " + std::to_string(o.min) + " to " + std::to_string(o.max);
}

// Sets one option from its value; a message naming the option when the value does not fit.
std::optional<BadUsage> SetOption(TreeSpec& t, std::string_view flag, std::string_view value) {
  for (const NumberOption& o : kNumberOptions) {
    if (flag != o.flag) continue;
    const auto v = ParseWholeNumber(value);
    if (!v) return BadUsage{std::string(flag) + ": " + Quote(value) + " is not a whole number " + Range(o)};
    if (*v < o.min || *v > o.max) return BadUsage{std::string(flag) + ": " + Quote(value) + " is not " + Range(o)};
    t.*o.field = *v;
    return std::nullopt;
  }
  if (flag == "--capture" && (value == "all" || value == "none")) {
    t.capture = value == "all";
    return std::nullopt;
  }
  if (flag == "--routing" && (value == "static" || value == "pim")) {
    t.routing = value == "pim" ? TreeRouting::kPim : TreeRouting::kStatic;
    return std::nullopt;
  }
  return BadUsage{std::string(flag) + ": " + Quote(value) + " is not one of " +
                  (flag == "--capture" ? "all, none" : "static, pim")};
}

bool IsValueFlag(std::string_view flag) {
  for (const NumberOption& o : kNumberOptions) {
    if (flag == o.flag) return true;
  }
  return flag == "--capture" || flag == "--routing";
}

// The options after "tree"; help is handled before.
std::optional<BadUsage> ParseTreeOptions(std::span<const std::string_view> args, TreeSpec& t) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (!flag.starts_with("--")) return BadUsage{"unexpected argument " + Quote(flag)};
    if (!IsValueFlag(flag)) return BadUsage{"unknown option " + Quote(flag)};
    if (!seen.insert(flag).second) return BadUsage{std::string(flag) + " is given twice"};
    if (i + 1 == args.size() || args[i + 1].starts_with("--")) {
      return BadUsage{std::string(flag) + " needs a value"};
    }
    if (auto bad = SetOption(t, flag, args[++i])) return bad;
  }
  return std::nullopt;
}

// Limits that involve more than one option.
std::optional<BadUsage> CheckCombination(const TreeSpec& t) {
  const std::string shape = "--routers " + std::to_string(t.routers) + " --hosts " + std::to_string(t.hosts);
  if (t.routers * t.hosts < 2) {
    return BadUsage{shape + " makes one host, the sender, and no receiver; give at least 2 hosts in all"};
  }
  if (t.routers * t.hosts > kMaxTotalHosts) {
    return BadUsage{shape + " makes " + std::to_string(t.routers * t.hosts) + " hosts; at most " +
                    std::to_string(kMaxTotalHosts)};
  }
  return std::nullopt;
}

bool IsHelp(std::string_view arg) { return arg == "--help" || arg == "-h"; }

int Refuse(const std::string& message) {
  std::fprintf(stderr, "mcastlab gen: %s\n%s", message.c_str(), kUsage);
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

int GenCommand(std::span<const std::string_view> args) {
  // `gen --help` and `gen tree ... --help`: asked for, so on stdout.
  if (!args.empty() && (IsHelp(args[0]) || (args[0] == "tree" && std::ranges::any_of(args, IsHelp)))) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (args.empty()) return Refuse("which scenario? the one generator is tree");
  if (args[0] != "tree") return Refuse("unknown generator " + Quote(args[0]) + "; the one generator is tree");
  TreeSpec t;
  if (auto bad = ParseTreeOptions(args.subspan(1), t)) return Refuse(bad->message);
  if (auto bad = CheckCombination(t)) return Refuse(bad->message);
  const auto when = ScheduleTree(t);
  if (!when) {
    return Refuse("--rate " + std::to_string(t.rate) + " --seconds " + std::to_string(t.seconds) +
                  ": the datagrams would go on past 4294967293 s, the longest run a scenario can hold; "
                  "lower --seconds");
  }
  return CheckAndPrint(TreeScenarioText(t, *when));
}

}  // namespace tools
