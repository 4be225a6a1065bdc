#include "sim/net/arp_cache.h"

#include "sim/core/text_table.h"

namespace sim::net {

std::optional<wire::MacAddress> ArpCache::Lookup(const Key& key, core::Time now) const {
  auto it = entries_.find(key);
  if (it == entries_.end() || now - it->second.learned >= kEntryLifetime) return std::nullopt;
  return it->second.mac;
}

std::vector<wire::Bytes> ArpCache::Learn(const Key& key, const wire::MacAddress& mac, core::Time now) {
  entries_[key] = Entry{mac, now};
  auto it = pending_.find(key);
  if (it == pending_.end()) return {};
  std::vector<wire::Bytes> waiting = std::move(it->second.packets);
  pending_.erase(it);
  return waiting;
}

ArpCache::Queued ArpCache::Park(const Key& key, wire::Bytes ip_packet) {
  auto [it, fresh] = pending_.try_emplace(key);
  if (it->second.packets.size() >= kMaxWaitingPackets) return Queued::kDropped;
  it->second.packets.push_back(std::move(ip_packet));
  return fresh ? Queued::kSendRequest : Queued::kAlreadyResolving;
}

int ArpCache::CountRequest(const Key& key) {
  auto it = pending_.find(key);
  return it == pending_.end() ? 0 : ++it->second.requests_sent;
}

std::size_t ArpCache::DropPending(const Key& key) {
  auto it = pending_.find(key);
  if (it == pending_.end()) return 0;
  const std::size_t n = it->second.packets.size();
  pending_.erase(it);
  return n;
}

void ArpCache::Clear() {
  entries_.clear();
  pending_.clear();
}

std::string ArpCache::Dump(core::Time now, const std::vector<std::string>& interface_names) const {
  core::TextTable t({"Address", "HW address", "Interface", "Age"});
  for (const auto& [key, e] : entries_) {
    if (now - e.learned >= kEntryLifetime) continue;
    const std::string iface = key.first < interface_names.size() ? interface_names[key.first] : std::to_string(key.first);
    t.Row({wire::ToString(key.second), wire::ToString(e.mac), iface, core::ToTableString(now - e.learned)});
  }
  return t.Render();
}

}  // namespace sim::net
