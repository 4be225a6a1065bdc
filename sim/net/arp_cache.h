// The ARP cache of one IP node (RFC 826): resolved neighbours per interface, and packets that
// wait for a resolution in progress. Requests are retried every second, three times, as Linux
// does by default (mcast_solicit 3, retrans_time 1 s); then the waiting packets are dropped.
#ifndef MCASTLAB_SIM_NET_ARP_CACHE_H_
#define MCASTLAB_SIM_NET_ARP_CACHE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/time.h"
#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/mac_address.h"

namespace sim::net {

class ArpCache {
 public:
  static constexpr core::Duration kEntryLifetime = core::Seconds(60);
  static constexpr core::Duration kRetryInterval = core::Seconds(1);
  static constexpr int kMaxRequests = 3;
  static constexpr std::size_t kMaxWaitingPackets = 100;  // per neighbour

  using Key = std::pair<std::uint32_t, wire::Ipv4Address>;  // interface index, neighbour

  std::optional<wire::MacAddress> Lookup(const Key& key, core::Time now) const;
  // Learns or refreshes a neighbour; returns the packets that were waiting for it.
  std::vector<wire::Bytes> Learn(const Key& key, const wire::MacAddress& mac, core::Time now);

  enum class Queued { kSendRequest, kAlreadyResolving, kDropped };
  // Parks an IP packet until `key` resolves. kSendRequest: the caller starts a resolution.
  Queued Park(const Key& key, wire::Bytes ip_packet);
  // One more request went out for `key`; returns how many have.
  int CountRequest(const Key& key);
  int RequestsSent(const Key& key) const {
    auto it = pending_.find(key);
    return it == pending_.end() ? 0 : it->second.requests_sent;
  }
  bool Resolving(const Key& key) const { return pending_.count(key) != 0; }
  std::size_t DropPending(const Key& key);
  void Clear();

  // "show arp": `interface_names[i]` names interface index i.
  std::string Dump(core::Time now, const std::vector<std::string>& interface_names) const;

 private:
  struct Entry {
    wire::MacAddress mac;
    core::Time learned;
  };
  struct Pending {
    std::vector<wire::Bytes> packets;
    int requests_sent = 0;
  };
  std::map<Key, Entry> entries_;
  std::map<Key, Pending> pending_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_ARP_CACHE_H_
