// PIM Join/Prune (RFC 7761 §4.9.5): an upstream neighbor, a holdtime, and per group a list of
// joined and a list of pruned sources.
//
// The counts must describe the bytes exactly: a count that cannot fit in what is left of the
// message is a kBadLength at the count, and bytes after the last group are a kBadLength too.
#ifndef MCASTLAB_SIM_WIRE_PIM_JOIN_PRUNE_H_
#define MCASTLAB_SIM_WIRE_PIM_JOIN_PRUNE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/parse_error.h"
#include "sim/wire/pim_common.h"

namespace sim::wire {

namespace pim_join_prune_field {
inline constexpr std::size_t kUpstreamNeighbor = 4;  // Encoded-Unicast
inline constexpr std::size_t kReserved = 10;
inline constexpr std::size_t kNumGroups = 11;
inline constexpr std::size_t kHoldtime = 12;
inline constexpr std::size_t kGroups = 14;
// Inside one group record, from its first octet.
inline constexpr std::size_t kGroupNumJoined = 8;
inline constexpr std::size_t kGroupNumPruned = 10;
inline constexpr std::size_t kGroupSources = 12;
}  // namespace pim_join_prune_field

// RFC 7761 §4.11: J/P_HoldTime default, 3.5 x t_periodic (60 s).
inline constexpr std::uint16_t kPimDefaultJoinPruneHoldtime = 210;

struct PimJoinPruneGroup {
  EncodedGroup group;
  std::vector<EncodedSource> joins;
  std::vector<EncodedSource> prunes;
  friend bool operator==(const PimJoinPruneGroup&, const PimJoinPruneGroup&) = default;
};

struct PimJoinPrune {
  Ipv4Address upstream_neighbor;
  std::uint16_t holdtime_s = kPimDefaultJoinPruneHoldtime;
  std::vector<PimJoinPruneGroup> groups;  // at most 255 (an 8-bit count)
  friend bool operator==(const PimJoinPrune&, const PimJoinPrune&) = default;
};

// `message` is the whole PIM message; ParsePim has checked its common header and checks the
// checksum. Offsets in errors count from the start of `message`.
Expected<PimJoinPrune> ParsePimJoinPrune(ByteSpan message);
std::size_t BufferLen(const PimJoinPrune& jp);
// Throws std::invalid_argument for more than 255 groups, more than 65535 sources in one list,
// or an encoded address the parser would refuse.
void Emit(const PimJoinPrune& jp, MutableByteSpan out);
// "pim join/prune upstream 10.0.0.2 holdtime 210 239.1.1.1/32 join (*,rp 10.0.0.9 WR) prune -"
std::string ToString(const PimJoinPrune& jp);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_PIM_JOIN_PRUNE_H_
