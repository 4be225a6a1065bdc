#include "sim/wire/message_catalog.h"

#include "sim/wire/encode.h"
#include "sim/wire/frame_builder.h"
#include "sim/wire/icmp.h"
#include "sim/wire/igmp.h"
#include "sim/wire/pim.h"
#include "sim/wire/udp.h"

namespace sim::wire {
namespace {

using core::Deciseconds;
using core::Seconds;

// A LAN 192.0.2.0/24 with a host and its router; a core link 10.0.0.0/24 toward the RP.
constexpr Ipv4Address kHost{192, 0, 2, 10};
constexpr Ipv4Address kRouter{192, 0, 2, 1};
constexpr Ipv4Address kNeighbor{10, 0, 0, 2};
constexpr Ipv4Address kRouterCore{10, 0, 0, 1};
constexpr Ipv4Address kRp{10, 0, 0, 9};
constexpr Ipv4Address kSource{198, 51, 100, 10};
constexpr Ipv4Address kGroup{239, 1, 1, 1};
const MacAddress kHostMac = LocalMac(1);
const MacAddress kRouterMac = LocalMac(2);
const MacAddress kNeighborMac = LocalMac(3);

Bytes IgmpFrame(const MacAddress& from, Ipv4Address src, Ipv4Address dst, const IgmpMessage& m) {
  return BuildIpv4Frame(from, MulticastMac(dst), ControlHeader(kIpProtoIgmp, src, dst), Encode(m));
}

Bytes PimFrame(const PimMessage& m) {
  return BuildIpv4Frame(kRouterMac, MulticastMac(kAllPimRouters),
                        ControlHeader(kIpProtoPim, kRouterCore, kAllPimRouters), Encode(m));
}

Bytes PimUnicastFrame(Ipv4Address src, Ipv4Address dst, const PimMessage& m) {
  Ipv4Header ip;
  ip.protocol = kIpProtoPim;
  ip.source = src;
  ip.destination = dst;
  return BuildIpv4Frame(kRouterMac, kNeighborMac, ip, Encode(m));
}

struct UdpPacket {
  Ipv4Header ip;
  Bytes udp;  // UDP header and payload
  Bytes Flatten() const {
    Bytes packet(Ipv4HeaderLen(ip) + udp.size());
    EmitIpv4(ip, udp, packet);
    return packet;
  }
};

UdpPacket MakeUdp(Ipv4Address src, Ipv4Address dst, std::uint8_t ttl, UdpHeader ports,
                  std::size_t payload_len) {
  const Bytes payload(payload_len, 0x5a);
  UdpPacket p;
  p.ip.ttl = ttl;
  p.ip.protocol = kIpProtoUdp;
  p.ip.source = src;
  p.ip.destination = dst;
  p.udp.resize(UdpLen(payload.size()));
  EmitUdp(ports, payload, src, dst, p.udp);
  return p;
}

Bytes IcmpFrame(Ipv4Address src, Ipv4Address dst, const IcmpMessage& m) {
  Ipv4Header ip;
  ip.tos = std::holds_alternative<IcmpDestUnreachable>(m) ? kTosInternetControl : 0;
  ip.protocol = kIpProtoIcmp;
  ip.source = src;
  ip.destination = dst;
  return BuildIpv4Frame(kRouterMac, kHostMac, ip, Encode(m));
}

void AddIgmp(std::vector<CatalogEntry>& out) {
  out.push_back({"igmp-v1-query", IgmpFrame(kRouterMac, kRouter, kAllSystems, IgmpQuery{})});
  out.push_back({"igmp-v2-query-general",
                 IgmpFrame(kRouterMac, kRouter, kAllSystems, IgmpQuery{Seconds(10), Ipv4Address()})});
  out.push_back({"igmp-v2-query-group",
                 IgmpFrame(kRouterMac, kRouter, kGroup, IgmpQuery{Seconds(1), kGroup})});
  out.push_back({"igmp-v1-report", IgmpFrame(kHostMac, kHost, kGroup, IgmpV1Report{kGroup})});
  out.push_back({"igmp-v2-report", IgmpFrame(kHostMac, kHost, kGroup, IgmpV2Report{kGroup})});
  out.push_back({"igmp-v2-leave", IgmpFrame(kHostMac, kHost, kAllRouters, IgmpLeave{kGroup})});
  IgmpV3Query v3q{Seconds(10), Ipv4Address(), false, 2, Seconds(125), {}};
  out.push_back({"igmp-v3-query-general", IgmpFrame(kRouterMac, kRouter, kAllSystems, v3q)});
  IgmpV3Query v3gs{Deciseconds(10), kGroup, true, 2, Seconds(125), {kSource, Ipv4Address(198, 51, 100, 11)}};
  out.push_back({"igmp-v3-query-group-source", IgmpFrame(kRouterMac, kRouter, kGroup, v3gs)});
  IgmpV3Report v3r;
  v3r.records.push_back({IgmpRecordType::kChangeToExclude, kGroup, {}, {}});
  v3r.records.push_back({IgmpRecordType::kAllowNewSources, Ipv4Address(232, 1, 1, 1), {kSource}, {}});
  out.push_back({"igmp-v3-report", IgmpFrame(kHostMac, kHost, kIgmpv3Routers, v3r)});
}

void AddPim(std::vector<CatalogEntry>& out) {
  PimHello hello;
  hello.holdtime_s = 105;
  hello.lan_prune_delay = PimLanPruneDelay{false, 500, 2500};
  hello.dr_priority = 1;
  hello.generation_id = 0x12345678;
  out.push_back({"pim-hello", PimFrame(hello)});

  PimJoinPrune jp;
  jp.upstream_neighbor = kNeighbor;
  jp.holdtime_s = 210;
  PimJoinPruneGroup g;
  g.group = EncodedGroup{kGroup};
  g.joins.push_back(EncodedSource{kRp, 32, true, true, true});
  g.prunes.push_back(EncodedSource{kSource, 32, true, false, true});
  jp.groups.push_back(g);
  out.push_back({"pim-join-prune", PimFrame(jp)});

  out.push_back({"pim-register",
                 PimUnicastFrame(kRouterCore, kRp, PimRegister{false, false, MakeUdp(kSource, kGroup, 63, {40000, 5001}, 64).Flatten()})});
  // RFC 7761 §4.4.1: a Null-Register carries only the data packet's IP header.
  Ipv4Header dummy;
  dummy.protocol = kIpProtoUdp;
  dummy.source = kSource;
  dummy.destination = kGroup;
  Bytes dummy_header(Ipv4HeaderLen(dummy));
  EmitIpv4Header(dummy, 0, dummy_header);
  out.push_back({"pim-null-register",
                 PimUnicastFrame(kRouterCore, kRp, PimRegister{false, true, dummy_header})});
  out.push_back({"pim-register-stop",
                 PimUnicastFrame(kRp, kRouterCore, PimRegisterStop{EncodedGroup{kGroup}, kSource})});
  out.push_back({"pim-assert", PimFrame(PimAssert{EncodedGroup{kGroup}, kSource, false, 110, 2})});
  out.push_back({"pim-assert-rpt", PimFrame(PimAssert{EncodedGroup{kGroup}, Ipv4Address(), true, 110, 3})});
}

}  // namespace

std::vector<CatalogEntry> MessageCatalog() {
  std::vector<CatalogEntry> out;
  out.push_back({"arp-request", BuildArpFrame(kHostMac, kBroadcastMac,
                                              {ArpOperation::kRequest, kHostMac, kHost, MacAddress(), kRouter})});
  out.push_back({"arp-reply", BuildArpFrame(kRouterMac, kHostMac,
                                            {ArpOperation::kReply, kRouterMac, kRouter, kHostMac, kHost})});
  AddIgmp(out);
  AddPim(out);
  const UdpPacket data = MakeUdp(kSource, kGroup, 16, {40000, 5001}, 64);
  out.push_back({"udp-multicast", BuildIpv4Frame(kHostMac, MulticastMac(kGroup), data.ip, data.udp)});
  out.push_back({"icmp-echo-request", IcmpFrame(kHost, kRouter, IcmpEcho{false, 0x1234, 1, Bytes(32, 0x61)})});
  out.push_back({"icmp-echo-reply", IcmpFrame(kRouter, kHost, IcmpEcho{true, 0x1234, 1, Bytes(32, 0x61)})});
  const Bytes probe = MakeUdp(kHost, kRouter, 64, {40001, 9}, 20).Flatten();
  out.push_back({"icmp-port-unreachable", IcmpFrame(kRouter, kHost, MakePortUnreachableUpTo576(probe))});
  return out;
}

}  // namespace sim::wire
