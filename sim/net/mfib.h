// The multicast forwarding table of a router: per (S,G) and (*,G), an incoming interface and
// a set of outgoing interfaces. Static entries come from the scenario; PIM programs the rest.
#ifndef MCASTLAB_SIM_NET_MFIB_H_
#define MCASTLAB_SIM_NET_MFIB_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim/wire/ipv4_address.h"

namespace sim::net {

struct MfibKey {
  wire::Ipv4Address source;  // 0.0.0.0 for (*,G)
  wire::Ipv4Address group;
  auto operator<=>(const MfibKey&) const = default;
};

struct MfibEntry {
  std::uint32_t iif = 0;
  std::set<std::uint32_t> oifs;  // interface indices, never the iif
  std::uint64_t packets = 0;
  std::uint64_t rpf_failures = 0;
};

class Mfib {
 public:
  void Set(const MfibKey& key, std::uint32_t iif, std::set<std::uint32_t> oifs);
  void Erase(const MfibKey& key) { entries_.erase(key); }
  // The (S,G) entry, else the (*,G) entry, else null.
  MfibEntry* Lookup(wire::Ipv4Address source, wire::Ipv4Address group);
  const MfibEntry* Find(const MfibKey& key) const;
  const std::map<MfibKey, MfibEntry>& entries() const { return entries_; }
  void Clear() { entries_.clear(); }

 private:
  std::map<MfibKey, MfibEntry> entries_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_MFIB_H_
