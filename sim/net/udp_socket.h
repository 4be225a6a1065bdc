// A UDP socket of a simulated host, with the Linux behaviours scenarios rely on.
#ifndef MCASTLAB_SIM_NET_UDP_SOCKET_H_
#define MCASTLAB_SIM_NET_UDP_SOCKET_H_

#include <cstdint>
#include <optional>
#include <map>
#include <string>
#include <vector>

#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace sim::net {

enum class SocketError { kConnectionRefused };
std::string_view ToString(SocketError e);  // "ECONNREFUSED"

struct SocketErrorRecord {
  core::Time at;
  SocketError error;
  std::string_view during;  // "send" or "recv": the call that reported it
};

// The datagrams a socket got for one destination (a group, or the host's own address).
struct UdpFlow {
  wire::Ipv4Address destination;
  std::uint64_t datagrams = 0;
  core::Time first;
  core::Time last;
};

struct UdpSocket {
  // What every received datagram reads or bumps comes first, in one cache line.
  wire::Ipv4Address bind;  // 0.0.0.0 or a group
  std::uint16_t port = 0;
  std::optional<SocketError> pending_error;  // reported once, by the next send or recv
  std::uint64_t datagrams_received = 0;
  std::uint64_t bytes_received = 0;
  struct Peer {
    wire::Ipv4Address address;
    std::uint16_t port;
  };
  std::optional<Peer> peer;  // set by connect
  std::string name;
  std::map<wire::Ipv4Address, std::uint32_t> groups;  // IP_ADD_MEMBERSHIP: group -> interface index
  std::vector<SocketErrorRecord> errors;
  // Per destination, in order of their first datagram. Deliveries through the host's demux memo
  // are added when the memo changes (Host::FlowsOf reads them complete).
  std::vector<UdpFlow> flows;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_UDP_SOCKET_H_
