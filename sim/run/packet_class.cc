#include "sim/run/packet_class.h"

#include "sim/wire/frame_decoder.h"

namespace sim::run {
namespace {

using scenario::PacketType;

std::optional<PacketClass> ClassifyIgmp(const wire::IgmpMessage& m) {
  if (const auto* q = std::get_if<wire::IgmpQuery>(&m)) {
    if (q->group.is_unspecified()) return PacketClass{PacketType::kIgmpQueryGeneral, {}};
    return PacketClass{PacketType::kIgmpQueryGroup, {q->group}};
  }
  if (const auto* q3 = std::get_if<wire::IgmpV3Query>(&m)) {
    if (q3->group.is_unspecified()) return PacketClass{PacketType::kIgmpQueryGeneral, {}};
    return PacketClass{PacketType::kIgmpQueryGroup, {q3->group}};
  }
  if (const auto* r1 = std::get_if<wire::IgmpV1Report>(&m)) return PacketClass{PacketType::kIgmpReportV1, {r1->group}};
  if (const auto* r2 = std::get_if<wire::IgmpV2Report>(&m)) return PacketClass{PacketType::kIgmpReportV2, {r2->group}};
  if (const auto* l = std::get_if<wire::IgmpLeave>(&m)) return PacketClass{PacketType::kIgmpLeave, {l->group}};
  const auto& r3 = std::get<wire::IgmpV3Report>(m);
  PacketClass c{PacketType::kIgmpReportV3, {}};
  for (const auto& rec : r3.records) c.groups.push_back(rec.group);
  return c;
}

std::optional<PacketClass> ClassifyPim(const wire::PimMessage& m) {
  if (std::holds_alternative<wire::PimHello>(m)) return PacketClass{PacketType::kPimHello, {}};
  if (const auto* jp = std::get_if<wire::PimJoinPrune>(&m)) {
    PacketClass c{PacketType::kPimJoinPrune, {}};
    for (const auto& g : jp->groups) c.groups.push_back(g.group.group);
    return c;
  }
  if (const auto* reg = std::get_if<wire::PimRegister>(&m)) {
    PacketClass c{PacketType::kPimRegister, {}};
    if (reg->inner_packet.size() >= 20) c.groups.push_back(wire::Ipv4Address(wire::LoadU32(reg->inner_packet, 16)));
    return c;
  }
  if (const auto* rs = std::get_if<wire::PimRegisterStop>(&m)) return PacketClass{PacketType::kPimRegisterStop, {rs->group.group}};
  return PacketClass{PacketType::kPimAssert, {std::get<wire::PimAssert>(m).group.group}};
}

}  // namespace

std::optional<PacketClass> ClassifyFrame(wire::ByteSpan frame) {
  auto d = wire::DecodeFrame(frame);
  if (!d) return std::nullopt;
  if (std::holds_alternative<wire::ArpPacket>(d->l3)) return PacketClass{PacketType::kArp, {}};
  const auto* ip = std::get_if<wire::DecodedIpv4>(&d->l3);
  if (ip == nullptr) return std::nullopt;
  if (const auto* igmp = std::get_if<wire::IgmpMessage>(&ip->l4)) return ClassifyIgmp(*igmp);
  if (const auto* pim = std::get_if<wire::PimMessage>(&ip->l4)) return ClassifyPim(*pim);
  // A fragmented datagram counts once, by its first fragment (the one with the UDP header).
  const bool first_udp_fragment = ip->header.protocol == wire::kIpProtoUdp &&
                                  ip->header.more_fragments && ip->header.fragment_offset == 0;
  if (std::holds_alternative<wire::DecodedUdp>(ip->l4) || first_udp_fragment) {
    PacketClass c{PacketType::kUdp, {}};
    if (ip->header.destination.is_multicast()) c.groups.push_back(ip->header.destination);
    return c;
  }
  if (const auto* icmp = std::get_if<wire::IcmpMessage>(&ip->l4)) {
    const auto* u = std::get_if<wire::IcmpDestUnreachable>(icmp);
    if (u != nullptr && u->code == wire::kIcmpCodePortUnreachable) {
      return PacketClass{PacketType::kIcmpPortUnreachable, {}};
    }
  }
  return std::nullopt;
}

}  // namespace sim::run
