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

// The datagrams a socket got from one source to one destination (a group, or the host).
struct UdpFlow {
  wire::Ipv4Address source;
  wire::Ipv4Address destination;
  std::uint64_t datagrams = 0;
  core::Time first;
};

struct UdpSocket {
  // What every received datagram reads or bumps comes first, in one cache line.
  wire::Ipv4Address bind;  // 0.0.0.0 or a group
  std::uint16_t port = 0;
  std::optional<SocketError> pending_error;  // reported once, by the next send or recv
  std::uint64_t datagrams_received = 0;
  std::uint64_t bytes_received = 0;
  std::uint32_t last_flow = 0;  // the index in `flows` of the last datagram's flow
  std::vector<UdpFlow> flows;   // in order of their first datagram
  struct Peer {
    wire::Ipv4Address address;
    std::uint16_t port;
  };
  std::optional<Peer> peer;  // set by connect
  std::string name;
  std::map<wire::Ipv4Address, std::uint32_t> groups;  // IP_ADD_MEMBERSHIP: group -> interface index
  std::vector<SocketErrorRecord> errors;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_UDP_SOCKET_H_
