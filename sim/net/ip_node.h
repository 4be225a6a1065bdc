// What hosts and routers share: ARP, sending and receiving IPv4 over Ethernet, ICMP errors,
// and a table of handlers for protocols that run on top (IGMP, PIM).
#ifndef MCASTLAB_SIM_NET_IP_NODE_H_
#define MCASTLAB_SIM_NET_IP_NODE_H_

#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/net/arp_cache.h"
#include "sim/net/icmp_rate_limit.h"
#include "sim/net/node.h"
#include "sim/wire/ipv4.h"

namespace sim::net {

struct IpCounters {
  std::uint64_t bad_frames = 0;       // failed to parse (counted, never acted on)
  std::uint64_t not_for_us = 0;       // filtered by MAC or IP destination
  std::uint64_t icmp_sent = 0;
};

class IpNode : public Node {
 public:
  using ProtocolHandler = std::function<void(Interface& in, const wire::Ipv4Packet& packet)>;

  using Node::Node;

  // Sends an encoded IPv4 packet out `out`, to `next_hop` (the destination itself when on
  // link). Multicast and broadcast destinations map to their MAC; unicast goes through ARP.
  void SendIpPacket(Interface& out, wire::Ipv4Address next_hop, wire::Bytes packet);
  struct NextHop {
    Interface* out;
    wire::Ipv4Address next_hop;  // the destination itself when it is on link
  };
  // Where a unicast packet to `destination` goes: on link, via the gateway, or via the FIB.
  virtual std::optional<NextHop> RouteTo(wire::Ipv4Address destination) const = 0;
  // Routes and sends; returns false (and counts a no-route drop) when there is no route.
  bool SendRouted(const wire::Ipv4Header& header, wire::ByteSpan payload);
  // Forwards a received packet: a copy with its TTL one lower (checksum patched in place) goes
  // out `out`, built straight into the outgoing frame.
  void ForwardIpPacket(Interface& out, wire::Ipv4Address next_hop, wire::ByteSpan packet);
  // Encodes header + payload, then SendIpPacket.
  void SendIp(Interface& out, wire::Ipv4Address next_hop, const wire::Ipv4Header& header,
              wire::ByteSpan payload);
  // The IP identification for the next packet sent without DF.
  std::uint16_t NextIpId() { return ++ip_id_; }

  // The interface whose subnet holds `a`, or nullptr.
  Interface* InterfaceOnLink(wire::Ipv4Address a) const;
  bool IsOwnAddress(wire::Ipv4Address a) const;
  void SetProtocolHandler(std::uint8_t protocol, ProtocolHandler handler);
  bool HasProtocolHandler(std::uint8_t protocol) const { return handled_protocols_.test(protocol); }

  const IpCounters& ip_counters() const { return ip_counters_; }
  std::string DumpArpCache() const;
  void InterfacesChanged() override;

 protected:
  void Receive(Interface& in, const FramePtr& frame) override;
  void OnPowerOff() override;

  // Whether the NIC passes frames for this multicast MAC.
  virtual bool AcceptsMulticastMac(const Interface& in, const wire::MacAddress& mac) const = 0;
  // A multicast frame the MAC filter did not pass (hosts count the UDP ones as not-joined).
  virtual void OnMulticastFiltered(Interface& /*in*/, const Frame& /*frame*/) {}
  // An IPv4 packet passed the MAC filter. `raw` is the packet's bytes (no Ethernet padding).
  virtual void ReceiveIp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) = 0;
  // Hands the packet to a registered protocol handler. Returns false when there is none.
  bool DispatchProtocol(Interface& in, const wire::Ipv4Packet& packet) {
    return handled_protocols_.test(packet.header.protocol) && CallHandler(in, packet);
  }
  // ICMP destination unreachable, port unreachable (RFC 1122 §3.2.2.1), for a unicast
  // datagram that no socket wanted, quoting as much of it as fits in 576 bytes and rate
  // limited as Linux does.
  void SendPortUnreachable(Interface& in, const wire::Ipv4Packet& offending, wire::ByteSpan raw);
  // Answers an ICMP echo request addressed to this node.
  void HandleIcmpEcho(Interface& in, const wire::Ipv4Packet& packet);
  IpCounters& mutable_ip_counters() { return ip_counters_; }
  // The node's ICMP error limits; subclasses keep them where they cost a host object nothing.
  virtual IcmpRateLimit& icmp_rate_limit() = 0;
  // The frame being received, while Receive runs (null for packets looped back locally).
  const Frame* rx_frame() const { return rx_frame_; }

 private:
  void ReceiveArp(Interface& in, wire::ByteSpan payload);
  void SendArpRequest(Interface& out, wire::Ipv4Address target);
  void ScheduleArpRetry(Interface& out, wire::Ipv4Address target);
  // Frames `packet` for `dst` and sends it; `decrement_ttl` lowers the TTL inside the frame.
  void SendOnLink(Interface& out, const wire::MacAddress& dst, wire::ByteSpan packet, bool decrement_ttl = false);

  // The interfaces' addresses and subnets in order, rebuilt when they change, for nodes with
  // many interfaces: a core router has hundreds, and PIM asks InterfaceOnLink and IsOwnAddress
  // for every entry it re-derives. Null for a few interfaces (a host), which a walk serves as
  // well. Only changed at build time, so the end of a run may read it from two threads.
  struct AddressIndex {
    struct SubnetRun {
      std::uint32_t mask = 0;
      std::size_t begin = 0;  // into subnets, sorted by (network, interface index)
      std::size_t end = 0;
    };
    std::vector<std::uint32_t> own_addresses;                       // sorted
    std::vector<std::pair<std::uint32_t, std::uint32_t>> subnets;  // (network, interface index)
    std::vector<SubnetRun> runs;                                    // one per mask
  };
  std::unique_ptr<const AddressIndex> address_index_;

  // Read by every received frame, so kept together (two cache lines).
  const Frame* rx_frame_ = nullptr;
  // Which protocols have a handler, kept in the node itself: a UDP datagram then passes without
  // touching the handler vector's memory, a cache miss per receiver on large segments.
  std::bitset<256> handled_protocols_;
  IpCounters ip_counters_;
  std::vector<std::pair<std::uint8_t, ProtocolHandler>> handlers_;  // a few: a vector beats a map
  std::uint16_t ip_id_ = 0;
  bool CallHandler(Interface& in, const wire::Ipv4Packet& packet);

  ArpCache arp_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_IP_NODE_H_
