// The decoding a shared frame remembers: every layer decoded as the codecs would, invalid
// layers refused, and the answer the same object for every receiver that asks.
#include "sim/net/frame.h"

#include <gtest/gtest.h>

#include <random>

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

// The memo must say exactly what the codecs say, whatever the bytes: random buffers and
// single-byte mutations of a valid frame, each layer compared with a fresh parse.
TEST(Frame, AgreesWithTheCodecsOnArbitraryBytes) {
  std::mt19937_64 random(11);
  const wire::Bytes valid = UdpFrame();
  for (int k = 0; k < 4000; ++k) {
    wire::Bytes bytes;
    if (k % 2 == 0) {
      bytes.resize(random() % 120);
      for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
      if (bytes.size() >= 14 && k % 4 == 0) {  // make the IPv4 branch likely
        bytes[12] = 0x08;
        bytes[13] = 0x00;
      }
    } else {
      bytes = valid;
      bytes[random() % bytes.size()] ^= static_cast<std::uint8_t>(1u << (random() % 8));
      if (k % 5 == 0) bytes.resize(random() % bytes.size());
    }
    const FramePtr f = MakeFrame(bytes);
    auto eth = wire::ParseEthernet(bytes);
    ASSERT_EQ(f->ethernet() != nullptr, eth.ok()) << k;
    const bool is_ipv4 = eth && eth->header.ethertype == wire::kEtherTypeIpv4;
    auto ip = is_ipv4 ? wire::ParseIpv4(eth->payload) : wire::Expected<wire::Ipv4Packet>(wire::ParseError{});
    ASSERT_EQ(f->ipv4() != nullptr, ip.ok()) << k;
    const bool is_udp = ip && ip->header.protocol == wire::kIpProtoUdp;
    auto udp = is_udp ? wire::ParseUdp(ip->payload, ip->header.source, ip->header.destination)
                      : wire::Expected<wire::UdpDatagram>(wire::ParseError{});
    ASSERT_EQ(f->udp() != nullptr, udp.ok()) << k;
    if (udp) {
      EXPECT_EQ(f->udp()->header, udp->header) << k;
    }
  }
}

}  // namespace
}  // namespace sim::net
