// A router: IPv4 unicast forwarding from its FIB, multicast forwarding from its MFIB with the
// RPF check and TTL rules, and local delivery to the protocols that run on it (IGMP, PIM).
//
// Multicast to 224.0.0.0/24 is never forwarded (RFC 5771). A packet is forwarded only when it
// came in on the entry's incoming interface (RPF) and its TTL is above 1; the TTL then drops
// by one. Each drop reason is counted, and its first occurrence per (S,G) is traced, so a
// student can read in events.jsonl why a stream stopped at this router.
#ifndef MCASTLAB_SIM_NET_ROUTER_H_
#define MCASTLAB_SIM_NET_ROUTER_H_

#include <functional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "sim/net/fib.h"
#include "sim/net/ip_node.h"
#include "sim/net/mfib.h"

namespace sim::net {

struct RouterCounters {
  std::uint64_t unicast_forwarded = 0;
  std::uint64_t multicast_forwarded = 0;  // packets, counted once however many oifs
  std::uint64_t ttl_expired = 0;
  std::uint64_t rpf_failures = 0;
  std::uint64_t no_mroute = 0;
};

struct StaticMroute {
  MfibKey key;
  std::uint32_t iif;
  std::set<std::uint32_t> oifs;
};

class Router : public IpNode {
 public:
  // Called for multicast data that found no MFIB entry or failed RPF, before it is dropped;
  // PIM registers here (first-hop registers, asserts).
  using MulticastMissHook = std::function<void(Interface& in, const wire::Ipv4Packet&, wire::ByteSpan raw)>;

  Router(NetContext& ctx, core::NodeId id, std::string name);
  std::string_view type() const override { return "router"; }

  Fib& fib() { return fib_; }
  const Fib& fib() const { return fib_; }
  Mfib& mfib() { return mfib_; }
  const Mfib& mfib() const { return mfib_; }
  void AddStaticMroute(StaticMroute m);
  void set_multicast_miss_hook(MulticastMissHook h) { miss_hook_ = std::move(h); }
  const RouterCounters& counters() const { return counters_; }
  std::optional<NextHop> RouteTo(wire::Ipv4Address destination) const override;

  // "show ip mroute" and "show ip route" style tables.
  std::string DumpMroutes() const;
  std::string DumpRoutes() const;

 protected:
  bool AcceptsMulticastMac(const Interface&, const wire::MacAddress&) const override { return true; }
  void ReceiveIp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) override;
  void OnPowerOff() override;
  void OnPowerOn() override;

 private:
  void ForwardMulticast(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  void ForwardUnicast(const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  void DeliverLocally(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  void TraceDropOnce(std::string_view reason, const wire::Ipv4Packet& packet);

  Fib fib_;
  Mfib mfib_;
  std::vector<StaticMroute> static_mroutes_;
  MulticastMissHook miss_hook_;
  RouterCounters counters_;
  std::set<std::tuple<std::string_view, wire::Ipv4Address, wire::Ipv4Address>> drops_traced_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_ROUTER_H_
