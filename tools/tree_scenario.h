// The tree workload of the performance issue, as scenario text: a core router with R edge routers
// (1 Gbps, 1 ms cables), each edge with one shared segment (100 Mbps, 10 us) of H hosts. Host 0
// of LAN 0 sends P x T datagrams to 239.1.1.1 from 1 s on, P a second, with TTL 8; every other
// host listens and joins, so each of the R x H - 1 receivers expects every datagram. The output
// is an ordinary scenario file: open it, change it, run it.
//
// With --groups G and --sources S (PIM only) the workload is a control-plane one: G groups from
// 239.1.1.1 on, group g sent by source g mod S (host s / R of LAN s mod R, so sources spread over
// the LANs), each source sending P datagrams a second in all, to its groups in turn; every other
// host joins a random set of `joins` groups drawn with the seed. G = S = 1 is the single-stream
// tree above, byte for byte.
//
// Routing is static (MFIB entries written into the file, PIM off) or PIM-SM with the core router
// as the RP: the edges join (*,G) toward it once their Hellos are exchanged (the first Hello goes
// within 5 s), so the sender starts at 10 s instead of 1 s, and its first datagram reaches the
// receivers through a Register.
#ifndef MCASTLAB_TOOLS_TREE_SCENARIO_H_
#define MCASTLAB_TOOLS_TREE_SCENARIO_H_

#include <cstdint>
#include <optional>
#include <string>

namespace tools {

enum class TreeRouting { kStatic, kPim };

struct TreeSpec {
  std::uint64_t routers = 4;
  std::uint64_t hosts = 10;  // per edge LAN
  std::uint64_t rate = 1000;  // datagrams a second
  std::uint64_t seconds = 10;
  std::uint64_t payload = 1000;  // UDP payload bytes
  bool capture = false;
  TreeRouting routing = TreeRouting::kStatic;
  std::uint64_t groups = 1;
  std::uint64_t sources = 1;
  std::uint64_t joins = 0;  // groups each receiver joins; 0: min(groups, 5)
  std::uint64_t seed = 1;
};

// The groups each receiver joins when not all do.
inline constexpr std::uint64_t kDefaultTreeJoins = 5;

// When the datagrams go. The runner sends one at `at` and then one every interval while the next
// is not after `until`; the interval is 1/rate rounded to the nanosecond, so the datagrams are
// counted (rate x seconds of them) rather than timed: until falls half an interval after the
// last one, and the run lasts at least one second beyond it.
struct TreeSchedule {
  std::uint64_t datagrams = 0;
  std::int64_t send_at_ns = 0;
  std::int64_t interval_ns = 0;
  std::int64_t until_ns = 0;
  std::uint64_t duration_s = 0;
};

// nullopt when the run would end after the longest duration a scenario can hold.
std::optional<TreeSchedule> ScheduleTree(const TreeSpec& t);

// The scenario file, ready to print. The spec must be within the limits gen_command.cc checks.
std::string TreeScenarioText(const TreeSpec& t, const TreeSchedule& when);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_TREE_SCENARIO_H_
