// A host: one or more interfaces, a default gateway, and UDP sockets that behave like Linux's.
//
// - A socket bound to group:port receives only that group; one bound to 0.0.0.0:port receives
//   unicast to the host and, as with IP_MULTICAST_ALL, every group the host has joined.
//   Every matching socket gets its own copy of a multicast datagram; unicast goes to one.
//   A connected socket takes only its peer's datagrams, multicast ones too (as Linux does).
// - Memberships are counted per interface and group: the host stays a member while any socket
//   (or a socket-less join) holds the group. The NIC drops multicast for groups not joined.
// - Unicast to a port nobody listens on is answered with ICMP port unreachable (never for
//   multicast or broadcast). A connected socket then fails its next send or receive with
//   ECONNREFUSED; an unconnected socket never hears of it.
#ifndef MCASTLAB_SIM_NET_HOST_H_
#define MCASTLAB_SIM_NET_HOST_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "sim/net/ip_node.h"
#include "sim/net/ip_reassembly.h"
#include "sim/net/udp_socket.h"
#include "sim/wire/udp.h"

namespace sim::net {

// The first port of the dynamic range (RFC 6335 §6): the first a host gives to an unbound socket.
inline constexpr std::uint16_t kFirstEphemeralPort = 49152;

struct Reception {
  core::Time at;
  const UdpSocket& socket;
  wire::Ipv4Address source;
  wire::Ipv4Address destination;  // the group, for multicast
  std::size_t size;
};

struct SendSpec {
  std::optional<std::string> socket;
  std::optional<wire::Ipv4Address> to;  // unset: the connected peer
  std::optional<std::uint16_t> port;
  std::size_t size = 64;
  std::optional<std::uint8_t> ttl;  // default: 1 for multicast, 64 for unicast (Linux)
  std::optional<std::uint16_t> source_port;
  Interface* multicast_interface = nullptr;  // IP_MULTICAST_IF; default: the gateway's interface
  bool multicast_loop = true;                // IP_MULTICAST_LOOP
};

// The datagrams a host sent to one destination, port and TTL (a stream of a `send` event).
struct SendStream {
  wire::Ipv4Address to;
  std::uint16_t port = 0;
  std::uint8_t ttl = 0;
  std::uint64_t datagrams = 0;
  core::Time first;
  core::Time last;
};

class Host : public IpNode {
 public:
  using ReceptionObserver = std::function<void(const Reception&)>;
  // (interface, group, member): the host's membership of a group changed.
  using MembershipObserver = std::function<void(Interface&, wire::Ipv4Address, bool)>;

  Host(NetContext& ctx, core::NodeId id, std::string name);
  std::string_view type() const override { return "host"; }

  void set_gateway(wire::Ipv4Address g) { gateway_ = g; }
  std::optional<wire::Ipv4Address> gateway() const { return gateway_; }

  UdpSocket& Listen(const std::string& socket, wire::Ipv4Address bind, std::uint16_t port);
  UdpSocket* FindSocket(const std::string& name);
  // IP_ADD_MEMBERSHIP; `socket` null: a membership of the host itself.
  void Join(wire::Ipv4Address group, UdpSocket* socket, Interface* interface);
  void Leave(wire::Ipv4Address group, UdpSocket* socket);
  void Connect(UdpSocket& socket, wire::Ipv4Address to, std::uint16_t port);
  void Close(const std::string& socket);
  // recv or getsockopt(SO_ERROR): reports the socket's pending error, once. False when none.
  bool Recv(const std::string& socket);
  // Returns false when the datagram was not sent (a pending error, no route, no interface).
  // Without a socket or a source port, the datagram goes from a new implicit socket: a port of
  // its own (AllocateEphemeralPort).
  bool SendDatagram(const SendSpec& spec);
  // The local port of a socket that sends before it is bound: Linux chooses it once (autobind at
  // the first send) and the socket keeps it. Taken in order from the dynamic range 49152-65535
  // (RFC 6335 §6), wrapping, so the run stays deterministic.
  std::uint16_t AllocateEphemeralPort();

  bool IsMember(const Interface& in, wire::Ipv4Address group) const {
    if (group == wire::kAllSystems) return true;  // RFC 1112 §4: permanently joined
    for (const Membership& m : memberships_) {
      if (m.group == group && m.interface == in.index()) return true;
    }
    return false;
  }
  // The interface used when nothing else says: the gateway's, else the first with an address.
  Interface* DefaultInterface() const;
  void AddReceptionObserver(ReceptionObserver o) { reception_observers_.push_back(std::move(o)); }
  void AddMembershipObserver(MembershipObserver o) { membership_observers_.push_back(std::move(o)); }
  std::optional<NextHop> RouteTo(wire::Ipv4Address destination) const override;

  std::uint64_t datagrams_received() const { return datagrams_received_; }
  // Every stream this host sent, in order of their first datagram.
  std::vector<SendStream> send_streams() const { return rare_ ? rare_->streams : std::vector<SendStream>{}; }
  // The socket's datagrams per destination, complete (memo deliveries included).
  const std::vector<UdpFlow>& FlowsOf(UdpSocket& s) {
    BankMemo();
    return s.flows;
  }
  // send.total per stream and receive.total per socket flow, then the drop totals.
  void TraceTotals() override;
  void SettleCounts() override { BankMemo(); }
  // Every error any socket reported, closed sockets included: (socket name, record).
  const std::vector<std::pair<std::string, SocketErrorRecord>>& socket_errors() const { return socket_errors_; }
  const auto& sockets() const { return sockets_; }
  // Off: every frame takes the full receive path (tests compare the two paths).
  void set_demux_memo_enabled(bool on) {
    StateChanged();
    rare().demux_memo_enabled = on;
  }
  std::uint64_t icmp_rate_limited() const { return rare_ ? rare_->icmp_limit.refused() : 0; }
  std::string DumpSockets() const;

 protected:
  void Receive(Interface& in, const FramePtr& frame) override;
  void PrefetchReceiveState() const override;
  bool AcceptsMulticastMac(const Interface& in, const wire::MacAddress& mac) const override;
  void ReceiveIp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw) override;
  void OnMulticastFiltered(Interface& in, const Frame& frame) override;
  void OnPowerOff() override;
  IcmpRateLimit& icmp_rate_limit() override { return rare().icmp_limit; }

 private:
  // A fragment for this host: queued until its datagram is whole, then delivered.
  [[gnu::noinline]] void ReceiveFragment(Interface& in, const wire::Ipv4Packet& fragment, wire::ByteSpan raw);
  // A packet for this host, whole: to a protocol handler, UDP or ICMP.
  void DeliverLocally(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  // Hands `packet` back to this host in the current instant, as if it had arrived on `in`
  // (IP_MULTICAST_LOOP, and datagrams to the host itself).
  void LoopBack(Interface& in, wire::Bytes packet);
  void ReceiveUdp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  void ReceiveIcmp(const wire::Ipv4Packet& packet);
  // A port unreachable answered a datagram this host sent from orig_sport to orig_dst:orig_dport:
  // the connected socket it came from gets ECONNREFUSED.
  void NoteRefused(wire::Ipv4Address orig_dst, std::uint16_t orig_sport, std::uint16_t orig_dport);
  void DeliverTo(UdpSocket& s, const wire::Ipv4Packet& packet, std::size_t size);
  // Counts a datagram sent; the first of its stream writes a udp.send line.
  void CountSend(const wire::Ipv4Header& h, std::uint16_t port);
  void TraceReceiveTotals(const UdpSocket& s);
  // A UDP datagram reached this host and no socket took it: counts it under the reason the
  // sockets give (no-socket, other-group, other-peer). Out of the delivery path.
  [[gnu::noinline]] void DropUndelivered(Interface& in, const wire::Ipv4Packet& packet, const wire::UdpHeader& udp);
  void DropUdp(DropReason reason, const Interface& in, const wire::Ipv4Packet& packet, std::uint16_t port);
  // Out of the per-datagram path: once per socket, and only for runs with expectations.
  [[gnu::noinline]] void TraceFirstDatagram(const UdpSocket& s, const wire::Ipv4Packet& packet);
  [[gnu::noinline]] void NotifyReception(const UdpSocket& s, const wire::Ipv4Packet& packet, std::size_t size);
  void ChangeMembership(Interface& in, wire::Ipv4Address group, int delta);
  // The last multicast datagram this host accepted, and the sockets the full receive path gave
  // it to. A frame with the same interface, destination MAC, group, port and sender (address
  // and port: a connected socket takes only its peer's), while no membership, socket, connect
  // or power change has happened since (state_epoch_), has the same outcome: the frame goes
  // straight to those sockets, in the same order, skipping the filter chain that every host of
  // a large segment would otherwise rerun for every frame. Only deliveries are remembered;
  // anything else takes the full path every time.
  struct MulticastDemuxMemo {
    std::uint64_t epoch = 0;  // 0: empty (state_epoch_ starts at 1)
    std::uint32_t interface = 0;
    wire::Ipv4Address group;
    wire::Ipv4Address source;  // and source_port: connected sockets take only their peer's
    std::uint16_t port = 0;
    std::uint16_t source_port = 0;
    std::uint64_t mac_key = 0;
    boost::container::small_vector<UdpSocket*, 2> sockets;
    // Frames delivered through the memo since it was made: added to each socket's flow for
    // `group` by BankMemo, so that a memo hit costs one increment, not one per socket.
    std::uint64_t hits = 0;
    core::Time last_hit;  // the last of them, for the flows' last time
  };
  bool DeliverFromMemo(const Interface& in, const Frame& frame);
  void StateChanged() {
    BankMemo();
    ++state_epoch_;
  }
  // Adds the memo's hits to its sockets' flows; call while those sockets exist.
  void BankMemo();
  // Counts `n` datagrams for `destination` in the socket's flows, the last of them at `last`.
  void CountFlow(UdpSocket& s, wire::Ipv4Address destination, std::uint64_t n, core::Time last);

  // Reports a socket's pending error (ECONNREFUSED) to the call `during`; false when none.
  bool TakePendingError(UdpSocket& s, std::string_view during) {
    return s.pending_error && ReportPendingError(s, during);
  }
  bool ReportPendingError(UdpSocket& s, std::string_view during);
  // ReceiveUdp for a packet that is not its frame's (looped back, or reassembled). Kept out of line:
  // inlined, its parse made every reception save and restore six registers.
  [[gnu::noinline]] void ReceiveLoopedUdp(Interface& in, const wire::Ipv4Packet& packet, wire::ByteSpan raw);
  static bool FromPeer(const UdpSocket::Peer& peer, const wire::Ipv4Packet& packet, const wire::UdpHeader& udp) {
    return peer.address == packet.header.source && peer.port == udp.source_port;
  }
  void DemuxUdp(Interface& in, const wire::Ipv4Packet& packet, const wire::UdpDatagram& udp, wire::ByteSpan raw);

  struct Membership {
    std::uint32_t interface;
    wire::Ipv4Address group;
    int holders;           // sockets and socket-less joins holding it
    std::uint64_t mac_key;  // MulticastMac(group).key(), for the NIC filter
  };
  // Every multicast frame is checked against the memberships by every host of the segment, and
  // every datagram scans the sockets. A host has a few of each, so the first ones live inside
  // the host object (Boost's small_vector): no tree nodes to walk, no separate allocation to
  // miss in cache, which is what large segments spent their time on.
  boost::container::small_vector<Membership, 2> memberships_;
  boost::container::small_vector<std::unique_ptr<UdpSocket>, 2> sockets_;  // creation order: unicast picks the first
  std::vector<ReceptionObserver> reception_observers_;
  std::uint64_t datagrams_received_ = 0;
  std::uint64_t state_epoch_ = 1;
  MulticastDemuxMemo demux_memo_;
  std::optional<wire::Ipv4Address> gateway_;
  std::map<std::pair<wire::Ipv4Address, std::uint32_t>, int> host_joins_;   // socket-less joins
  std::vector<MembershipObserver> membership_observers_;
  std::uint16_t next_ephemeral_port_ = kFirstEphemeralPort;
  std::vector<std::pair<std::string, SocketErrorRecord>> socket_errors_;
  // What most hosts of a large run never use, made at the first need: links prefetch the whole
  // host object (Node::kPrefetchBytes), which has no room to spare.
  struct Rare {
    std::vector<SendStream> streams;  // in order of their first datagram
    std::size_t last = 0;             // the stream of the last send
    IcmpRateLimit icmp_limit;
    Ipv4Reassembly reassembly;
    bool demux_memo_enabled = true;
  };
  Rare& rare() {
    if (!rare_) rare_ = std::make_unique<Rare>();
    return *rare_;
  }
  std::unique_ptr<Rare> rare_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_HOST_H_
