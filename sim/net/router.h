// A router: IPv4 unicast forwarding from its FIB, multicast forwarding from its MFIB with the
// RPF check and TTL rules, and local delivery to the protocols that run on it (IGMP, PIM).
//
// Multicast to 224.0.0.0/24 is never forwarded (RFC 5771). A packet is forwarded only when it
// came in on the entry's incoming interface (RPF) and its TTL is above 1; the TTL then drops
// by one. Each drop is counted under its reason (drop_log.h), and its first occurrence per
// (reason, S, G, incoming interface) is traced, so a student can read in events.jsonl why a
// stream stopped at this router.
#ifndef MCASTLAB_SIM_NET_ROUTER_H_
#define MCASTLAB_SIM_NET_ROUTER_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "sim/net/fib.h"
#include "sim/net/interface_set.h"
#include "sim/net/ip_node.h"
#include "sim/net/mfib.h"

namespace sim::net {

struct RouterCounters {
  std::uint64_t unicast_forwarded = 0;
  std::uint64_t multicast_forwarded = 0;  // packets, counted once however many oifs
  // Drops are counted once, by reason, in the node's DropLog (drop_log()).
};

struct StaticMroute {
  MfibKey key;
  std::uint32_t iif;
  std::set<std::uint32_t> oifs;
};

// What a multicast routing protocol hears from the router's forwarding plane. Each call comes
// after the router has decided, before the next packet; `raw` is the whole IPv4 packet. The
// first two return true when the protocol took the packet the router could not forward (a
// first-hop DR registers it): the router then does not count it as a drop.
class MulticastObserver {
 public:
  virtual ~MulticastObserver() = default;
  // Data found no MFIB entry (a first-hop DR registers it).
  virtual bool OnNoEntry(Interface& /*in*/, const wire::Ipv4Packet& /*packet*/, wire::ByteSpan /*raw*/) {
    return false;
  }
  // Data arrived on an interface other than the entry's iif: when `in` is one of the entry's
  // oifs, this is RFC 7761 §4.6's trigger for an Assert.
  virtual bool OnWrongInterface(Interface& /*in*/, const MfibKey& /*key*/, const wire::Ipv4Packet& /*packet*/,
                                wire::ByteSpan /*raw*/) {
    return false;
  }
  // Data arrived on the iif of an entry with notify_data set and was forwarded (keepalive, SPT
  // bit, the RP's native data). Called once the copies are sent.
  virtual void OnData(Interface& /*in*/, const MfibKey& /*key*/, const wire::Ipv4Packet& /*packet*/,
                      wire::ByteSpan /*raw*/) {}
};

class Router : public IpNode {
 public:
  Router(NetContext& ctx, core::NodeId id, std::string name);
  std::string_view type() const override { return "router"; }

  Fib& fib() { return fib_; }
  const Fib& fib() const { return fib_; }
  Mfib& mfib() { return mfib_; }
  const Mfib& mfib() const { return mfib_; }
  void AddStaticMroute(StaticMroute m);
  // `o` must outlive the router or be removed first.
  void AddMulticastObserver(MulticastObserver* o) { observers_.push_back(o); }
  const RouterCounters& counters() const { return counters_; }
  std::optional<NextHop> RouteTo(wire::Ipv4Address destination) const override;

  // "show ip mroute" and "show ip route" style tables.
  std::string DumpMroutes() const;
  std::string DumpRoutes() const;

 protected:
  bool AcceptsMulticastMac(const Interface&, const wire::MacAddress&) const override { return true; }
  void ReceiveIp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) override;
  void OnPowerOff() override;
  IcmpRateLimit& icmp_rate_limit() override { return icmp_limit_; }
  void OnPowerOn() override;

 private:
  void ForwardMulticast(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  void ForwardUnicast(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  void DeliverLocally(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  // Counts the drop; its first occurrence writes a forward.drop line with the TTL (udp.drop for
  // a datagram to the router itself).
  void Drop(DropReason reason, const Interface& in, const wire::Ipv4Packet& packet, std::uint16_t port = 0);

  Fib fib_;
  Mfib mfib_;
  std::vector<StaticMroute> static_mroutes_;
  std::vector<MulticastObserver*> observers_;
  RouterCounters counters_;
  IcmpRateLimit icmp_limit_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_ROUTER_H_
