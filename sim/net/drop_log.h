// Why a packet went nowhere: every drop a node makes is counted under a reason with a stable
// name, and each (reason, source, destination, interface, port) key keeps its own count with
// the times of its first and last drop.
//
// The node writes one `*.drop` event for the first drop of a key (again after a power cycle),
// and the run writes one `drop.total` line per key at its end (docs/outputs.md). Counting costs
// an array increment and, for a key other than the last one, one hash lookup: no strings are
// built per packet. The totals come out in key order (SortedKeys).
#ifndef MCASTLAB_SIM_NET_DROP_LOG_H_
#define MCASTLAB_SIM_NET_DROP_LOG_H_

#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>
#include <string_view>

#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace sim::net {

// Stable names (ToString) are what events.jsonl, summary.json and the snapshots print.
enum class DropReason : std::uint8_t {
  // A host's (or a router's own) UDP receive path: "udp.drop".
  kNotJoined,      // "not-joined": multicast for a group the interface has not joined (NIC filter)
  kNoSocket,       // "no-socket": no socket on the destination port
  kOtherGroup,     // "other-group": sockets on the port, each bound to another group or address
  kOtherPeer,      // "other-peer": the only sockets on the port are connected to another peer
  kBadChecksum,    // "bad-checksum": the UDP datagram failed to parse (checksum or length)
  // A snooping switch: "snooping.drop".
  kSnoopingFiltered,     // "snooping-filtered": not sent to a port with no member and no router
  kFloodedUnregistered,  // "flooded-unregistered": sent to every port (not a drop, counted apart)
  // A router's forwarding: "forward.drop".
  kNoRoute,     // "no-route"
  kNoMroute,    // "no-mroute"
  kRpfFailure,  // "rpf-failure"
  kTtlExpired,  // "ttl-expired"
  kScope,       // "scope": 224.0.0.0/24 that no protocol of the router took; never forwarded
  // Any node's transmitter: "tx.drop".
  kQueueFull,  // "queue-full": the egress queue was full
  kLinkDown,   // "link-down": the interface or its link was down (or went down in flight)
  kArpFailed,  // "arp-failed": ARP never resolved the next hop (event: arp.failed)
  kCount,
};
inline constexpr std::size_t kDropReasonCount = static_cast<std::size_t>(DropReason::kCount);

std::string_view ToString(DropReason r);
// The event kind of a reason's first drop: "udp.drop", "snooping.drop", "forward.drop", "tx.drop".
std::string_view DropEventKind(DropReason r);
// True for every reason but flooded-unregistered, which delivers the frame everywhere.
constexpr bool IsLoss(DropReason r) { return r != DropReason::kFloodedUnregistered; }

inline constexpr std::uint32_t kNoInterface = UINT32_MAX;

struct DropKey {
  DropReason reason = DropReason::kCount;
  wire::Ipv4Address source;
  wire::Ipv4Address destination;
  std::uint32_t interface = kNoInterface;  // receiving interface, or the port or oif not used
  std::uint16_t port = 0;                  // the UDP destination port (udp.drop), else 0
  auto operator<=>(const DropKey&) const = default;
};

struct DropKeyHash {
  std::size_t operator()(const DropKey& k) const {
    const std::uint64_t a = (std::uint64_t{k.source.value()} << 32) | k.destination.value();
    const std::uint64_t b = (std::uint64_t{k.interface} << 24) | (std::uint64_t{k.port} << 8) | static_cast<std::uint8_t>(k.reason);
    // Two rounds of a 64-bit multiplicative mix: addresses of one subnet differ in few bits.
    std::uint64_t h = (a ^ (b * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

struct DropRecord {
  std::uint64_t count = 0;
  core::Time first;
  core::Time last;
  bool traced = false;  // its *.drop line was written since the last power on
};

class DropLog {
 public:
  // Counts one drop at `now`; true when the caller must write its *.drop line.
  bool Count(const DropKey& key, core::Time now) {
    ++by_reason_[static_cast<std::size_t>(key.reason)];
    if (last_ == nullptr || !(key == last_key_)) Find(key, now);
    last_->count++;
    last_->last = now;
    if (last_->traced) return false;
    last_->traced = true;
    return true;
  }
  // Counts drops whose own event is written elsewhere (arp.failed, udp.no_route): no key.
  void CountOnly(DropReason r, std::uint64_t n = 1) { by_reason_[static_cast<std::size_t>(r)] += n; }
  // After a power cycle the next drop of every key is written again.
  void Rearm();

  std::uint64_t count(DropReason r) const { return by_reason_[static_cast<std::size_t>(r)]; }
  // Every loss (IsLoss) together.
  std::uint64_t losses() const;
  // Every key with its record, in key order (the order of the drop.total lines).
  std::vector<std::pair<DropKey, const DropRecord*>> SortedKeys() const;
  const DropRecord* Record(const DropKey& key) const;

 private:
  void Find(const DropKey& key, core::Time now);

  std::array<std::uint64_t, kDropReasonCount> by_reason_{};
  std::unordered_map<DropKey, DropRecord, DropKeyHash> keys_;
  DropRecord* last_ = nullptr;  // elements never move, even when the table grows
  DropKey last_key_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_DROP_LOG_H_
