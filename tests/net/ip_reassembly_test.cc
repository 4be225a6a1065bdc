// IPv4 fragmentation and reassembly: the fragments' fields, then the receiver's rules (any order,
// exact duplicates ignored, overlaps and late queues dropped) at exact instants.
#include "sim/net/ip_reassembly.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/wire/ipv4_fragment.h"

namespace sim::net {
namespace {

// A 3000-byte payload (bytes 0, 1, 2, ... mod 251) from 192.0.2.1 to 192.0.2.2, ID 7.
struct Packet {
  wire::Ipv4Header header;
  wire::Bytes payload;
  wire::Bytes whole;
};

Packet MakePacket() {
  Packet p;
  p.header.protocol = wire::kIpProtoUdp;
  p.header.identification = 7;
  p.header.dont_fragment = false;
  p.header.source = wire::Ipv4Address(192, 0, 2, 1);
  p.header.destination = wire::Ipv4Address(192, 0, 2, 2);
  p.payload.resize(3000);
  for (std::size_t i = 0; i < p.payload.size(); ++i) p.payload[i] = static_cast<std::uint8_t>(i % 251);
  p.whole.resize(20 + p.payload.size());
  wire::EmitIpv4(p.header, p.payload, p.whole);
  return p;
}

std::optional<wire::Bytes> Add(Ipv4Reassembly& r, const wire::Bytes& fragment, core::Time at) {
  const auto ip = wire::ParseIpv4(fragment);
  EXPECT_TRUE(ip);
  return r.Add(*ip, fragment, at);
}

const core::Time kT0 = core::Time::Start() + core::Seconds(5);

TEST(FragmentIpv4, CutsAtMultiplesOfEightWithOneIdentification) {
  const Packet p = MakePacket();
  const auto fragments = wire::FragmentIpv4(p.header, p.payload, 1500);
  ASSERT_EQ(fragments.size(), 3u);
  const std::size_t lengths[] = {1500, 1500, 60};  // 1480 + 1480 + 40 payload bytes
  for (std::size_t k = 0; k < 3; ++k) {
    const auto ip = wire::ParseIpv4(fragments[k]);
    ASSERT_TRUE(ip);
    EXPECT_EQ(fragments[k].size(), lengths[k]);
    EXPECT_EQ(ip->header.identification, 7);
    EXPECT_EQ(ip->header.fragment_offset, 185 * k);
    EXPECT_EQ(ip->header.more_fragments, k < 2);
    EXPECT_FALSE(ip->header.dont_fragment);
  }
  EXPECT_EQ(wire::FragmentIpv4(p.header, p.payload, 3020).size(), 1u);  // fits: one packet
}

TEST(Ipv4Reassembly, AnyOrderGivesBackTheWholePacket) {
  const Packet p = MakePacket();
  auto fragments = wire::FragmentIpv4(p.header, p.payload, 1500);
  std::reverse(fragments.begin(), fragments.end());
  Ipv4Reassembly r;
  EXPECT_FALSE(Add(r, fragments[0], kT0));
  EXPECT_FALSE(Add(r, fragments[1], kT0));
  EXPECT_FALSE(Add(r, fragments[1], kT0));  // an exact duplicate changes nothing
  const auto whole = Add(r, fragments[2], kT0);
  ASSERT_TRUE(whole);
  EXPECT_EQ(*whole, p.whole);
  EXPECT_EQ(r.queues(), 0u);
}

TEST(Ipv4Reassembly, AnOverlapDropsTheDatagram) {
  const Packet p = MakePacket();
  const auto fragments = wire::FragmentIpv4(p.header, p.payload, 1500);
  const auto smaller = wire::FragmentIpv4(p.header, p.payload, 1020);  // 1000 bytes each
  Ipv4Reassembly r;
  EXPECT_FALSE(Add(r, fragments[0], kT0));
  EXPECT_FALSE(Add(r, smaller[1], kT0));  // 1000..2000 overlaps 0..1480: all given up
  EXPECT_EQ(r.queues(), 0u);
  EXPECT_FALSE(Add(r, fragments[1], kT0));
  EXPECT_FALSE(Add(r, fragments[2], kT0));  // the first fragment is gone with the queue
}

TEST(Ipv4Reassembly, AQueueLives30Seconds) {
  const Packet p = MakePacket();
  const auto fragments = wire::FragmentIpv4(p.header, p.payload, 1500);
  Ipv4Reassembly r;
  EXPECT_FALSE(Add(r, fragments[0], kT0));
  EXPECT_FALSE(Add(r, fragments[1], kT0 + core::Seconds(29)));
  EXPECT_TRUE(Add(r, fragments[2], kT0 + core::Seconds(30) - core::Nanoseconds(1)));
  EXPECT_FALSE(Add(r, fragments[0], kT0 + core::Seconds(40)));
  EXPECT_FALSE(Add(r, fragments[1], kT0 + core::Seconds(40)));
  EXPECT_FALSE(Add(r, fragments[2], kT0 + core::Seconds(70)));  // 30 s after the first: dropped
  EXPECT_EQ(r.queues(), 1u);                                    // a new queue, waiting for the rest
}

}  // namespace
}  // namespace sim::net
