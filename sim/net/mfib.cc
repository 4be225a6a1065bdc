#include "sim/net/mfib.h"

namespace sim::net {

MfibEntry& Mfib::Set(const MfibKey& key, std::uint32_t iif, InterfaceSet oifs, MfibOwner owner) {
  oifs.erase(iif);
  MfibEntry& e = entries_[key];
  e.iif = iif;
  e.oifs = std::move(oifs);
  e.owner = owner;
  return e;
}

Mfib::Item* Mfib::Lookup(wire::Ipv4Address source, wire::Ipv4Address group) {
  auto it = entries_.find({source, group});
  if (it == entries_.end()) it = entries_.find({wire::Ipv4Address(), group});
  return it == entries_.end() ? nullptr : &*it;
}

MfibEntry* Mfib::Find(const MfibKey& key) {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

const MfibEntry* Mfib::Find(const MfibKey& key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace sim::net
