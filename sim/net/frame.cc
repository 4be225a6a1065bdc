#include "sim/net/frame.h"

#include "sim/wire/ipv4_fragment.h"

namespace sim::net {

void Frame::DecodeEthernet() const {
  auto eth = wire::ParseEthernet(bytes_);
  ethernet_state_ = eth ? Decoded::kValid : Decoded::kInvalid;
  if (eth) ethernet_ = *eth;
}

void Frame::DecodeIpv4() const {
  const wire::EthernetFrame* eth = ethernet();
  auto ip = eth != nullptr && eth->header.ethertype == wire::kEtherTypeIpv4
                ? wire::ParseIpv4(eth->payload)
                : wire::Expected<wire::Ipv4Packet>(wire::ParseError{});
  ipv4_state_ = ip ? Decoded::kValid : Decoded::kInvalid;
  if (ip) ipv4_ = *ip;
}

void Frame::DecodeUdp() const {
  const wire::Ipv4Packet* ip = ipv4();
  // A fragment carries part of a datagram: hosts reassemble it first (net/host_io.cc).
  auto udp = ip != nullptr && ip->header.protocol == wire::kIpProtoUdp && !wire::IsFragment(ip->header)
                 ? wire::ParseUdp(ip->payload, ip->header.source, ip->header.destination)
                 : wire::Expected<wire::UdpDatagram>(wire::ParseError{});
  udp_state_ = udp ? Decoded::kValid : Decoded::kInvalid;
  if (udp) udp_ = *udp;
}

}  // namespace sim::net
