// The decoding a shared frame remembers: every layer decoded as the codecs would, invalid
// layers refused, and the answer the same object for every receiver that asks.
#include "sim/net/frame.h"

#include <gtest/gtest.h>

#include "sim/wire/arp.h"
#include "sim/wire/frame_builder.h"

namespace sim::net {
namespace {

const wire::MacAddress kSource = wire::LocalMac(1);
const wire::Ipv4Address kFrom = *wire::Ipv4Address::Parse("192.0.2.1");
const wire::Ipv4Address kGroup = *wire::Ipv4Address::Parse("239.1.1.1");

wire::Bytes UdpFrame() {
  wire::Ipv4Header ip;
  ip.protocol = wire::kIpProtoUdp;
  ip.source = kFrom;
  ip.destination = kGroup;
  ip.ttl = 1;
  const wire::Bytes payload = {1, 2, 3, 4};
  wire::Bytes udp(wire::UdpLen(payload.size()));
  wire::EmitUdp({40000, 5000}, payload, kFrom, kGroup, udp);
  return wire::BuildIpv4Frame(kSource, wire::MulticastMac(kGroup), ip, udp);
}

TEST(Frame, DecodesEveryLayerOnceAndHandsOutTheSameViews) {
  const FramePtr f = MakeFrame(UdpFrame());
  const wire::EthernetFrame* eth = f->ethernet();
  ASSERT_NE(eth, nullptr);
  EXPECT_EQ(eth->header.destination, wire::MulticastMac(kGroup));
  const wire::Ipv4Packet* ip = f->ipv4();
  ASSERT_NE(ip, nullptr);
  EXPECT_EQ(ip->header.destination, kGroup);
  const wire::UdpDatagram* udp = f->udp();
  ASSERT_NE(udp, nullptr);
  EXPECT_EQ(udp->header.destination_port, 5000);
  EXPECT_EQ(udp->payload.size(), 4u);
  // The views point into the frame's own bytes, and asking again gives the same objects.
  EXPECT_EQ(udp->payload.data(), f->bytes().data() + wire::kEthernetHeaderLen + 20 + 8);
  EXPECT_EQ(f->ethernet(), eth);
  EXPECT_EQ(f->ipv4(), ip);
  EXPECT_EQ(f->udp(), udp);
}

TEST(Frame, BadIpv4ChecksumRefusesIpAndUdpButKeepsEthernet) {
  wire::Bytes bytes = UdpFrame();
  bytes[wire::kEthernetHeaderLen + 10] ^= 0x01;  // IPv4 header checksum
  const FramePtr f = MakeFrame(std::move(bytes));
  EXPECT_NE(f->ethernet(), nullptr);
  EXPECT_EQ(f->ipv4(), nullptr);
  EXPECT_EQ(f->udp(), nullptr);
  EXPECT_EQ(f->ipv4(), nullptr);  // the verdict is remembered, not recomputed differently
}

TEST(Frame, BadUdpChecksumRefusesOnlyUdp) {
  wire::Bytes bytes = UdpFrame();
  bytes[wire::kEthernetHeaderLen + 20 + 6] ^= 0x01;  // UDP checksum
  const FramePtr f = MakeFrame(std::move(bytes));
  EXPECT_NE(f->ipv4(), nullptr);
  EXPECT_EQ(f->udp(), nullptr);
}

TEST(Frame, ArpIsNeitherIpv4NorUdp) {
  const wire::ArpPacket arp{wire::ArpOperation::kRequest, kSource, kFrom, wire::MacAddress(), kGroup};
  const FramePtr f = MakeFrame(wire::BuildArpFrame(kSource, wire::kBroadcastMac, arp));
  ASSERT_NE(f->ethernet(), nullptr);
  EXPECT_EQ(f->ethernet()->header.ethertype, wire::kEtherTypeArp);
  EXPECT_EQ(f->ipv4(), nullptr);
  EXPECT_EQ(f->udp(), nullptr);
}

TEST(Frame, TruncatedBytesAreNotEthernet) {
  const FramePtr f = MakeFrame(wire::Bytes(13, 0));
  EXPECT_EQ(f->ethernet(), nullptr);
  EXPECT_EQ(f->ipv4(), nullptr);
  EXPECT_EQ(f->udp(), nullptr);
}

}  // namespace
}  // namespace sim::net
