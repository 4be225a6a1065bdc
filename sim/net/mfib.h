// The multicast forwarding table of a router: per (S,G) and (*,G), an incoming interface and
// a set of outgoing interfaces. Static entries come from the scenario; PIM programs the rest.
#ifndef MCASTLAB_SIM_NET_MFIB_H_
#define MCASTLAB_SIM_NET_MFIB_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.h"
#include "sim/net/interface_set.h"
#include "sim/wire/ipv4_address.h"

namespace sim::net {

struct MfibKey {
  wire::Ipv4Address source;  // 0.0.0.0 for (*,G)
  wire::Ipv4Address group;
  auto operator<=>(const MfibKey&) const = default;
};

// Who made an entry. Static entries come from the scenario and no protocol changes them.
enum class MfibOwner { kStatic, kPim };

struct MfibEntry {
  std::uint32_t iif = 0;
  InterfaceSet oifs;  // interface indices, never the iif
  std::uint64_t packets = 0;
  std::uint64_t rpf_failures = 0;
  std::uint64_t ttl_expired = 0;  // arrived on the iif with a TTL of 1 or less: not forwarded
  MfibOwner owner = MfibOwner::kStatic;
  // The owner's flags as routers print them ("SC", "SPT"...), for `show ip mroute`.
  std::string flags;
  // Data forwarded on this entry is reported to the router's multicast observers (PIM sets it
  // while it waits for data: keepalive, SPT bit, register-stop); off, the fast path stays quiet.
  bool notify_data = false;
  // For `show ip mroute`: when the owner created the entry (unknown when empty). Timers that
  // run out are the owner's to show (`show ip pim join`): a copy here would go stale.
  std::optional<core::Time> since;
};

class Mfib {
 public:
  // Creates or updates the entry (counters kept); returns it for the owner's flags.
  MfibEntry& Set(const MfibKey& key, std::uint32_t iif, InterfaceSet oifs,
                 MfibOwner owner = MfibOwner::kStatic);
  void Erase(const MfibKey& key) { entries_.erase(key); }
  using Item = std::pair<const MfibKey, MfibEntry>;
  // The (S,G) entry, else the (*,G) entry, else null; with the key it was found under.
  Item* Lookup(wire::Ipv4Address source, wire::Ipv4Address group);
  const MfibEntry* Find(const MfibKey& key) const;
  MfibEntry* Find(const MfibKey& key);
  const std::map<MfibKey, MfibEntry>& entries() const { return entries_; }
  void Clear() { entries_.clear(); }

 private:
  std::map<MfibKey, MfibEntry> entries_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_MFIB_H_
