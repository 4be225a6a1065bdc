// `mcastlab gen tree ...`: prints a generated scenario (the benchmark topology) on stdout, or
// nothing and exit 2 when the options together make no valid scenario. Each option's own range
// is checked while parsing (main.cc, with the limits below).
#ifndef MCASTLAB_TOOLS_GEN_COMMAND_H_
#define MCASTLAB_TOOLS_GEN_COMMAND_H_

#include <cstdint>
#include <string>

#include "tools/tree_scenario.h"

namespace tools {

// LAN k is 10.(1 + k / 256).(k % 256).0/24 and core link k a /30 of 172.16.0.0/12.
inline constexpr std::uint64_t kMaxTreeRouters = 60'000;
// Hosts are .10 to .249 of their /24.
inline constexpr std::uint64_t kMaxTreeHosts = 240;
// The loader's rate: one datagram a nanosecond at the most.
inline constexpr std::uint64_t kMaxTreeRate = 1'000'000'000;
// The run lasts T + 2 s, and a duration is at most 4294967295 s (what a pcap can timestamp).
inline constexpr std::uint64_t kMaxTreeSeconds = 4'294'967'293;
// Groups are 239.1.1.1 and the next ones, up to 239.2.1.0.
inline constexpr std::uint64_t kMaxTreeGroups = 65'535;
// 65535 - 20 (IPv4 header) - 8 (UDP header).
inline constexpr std::uint64_t kMaxTreePayload = 65'507;

struct GenArgs {
  TreeSpec tree;
  std::string routing = "static";  // or "pim": PIM-SM with the core router as RP
  std::string capture = "none";    // or "all"
};

int GenTreeCommand(const GenArgs& args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_GEN_COMMAND_H_
