// Host stack corners, as Linux handles them: DF on every datagram that fits, TTL 0, datagrams
// to the host itself, joins that are not groups, and IP fragmentation with reassembly.
#include "sim/net/host.h"
#include "sim/wire/ipv4_fragment.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

class HostCornerTest : public NetTest {
 protected:
  HostCornerTest() { Connect("lan", {a_.interfaces()[0].get(), b_.interfaces()[0].get()}); }
  static SendSpec To(const char* to, std::uint16_t port, std::size_t size = 64) {
    SendSpec s;
    s.to = Ip(to);
    s.port = port;
    s.size = size;
    return s;
  }
  // The IPv4 headers of the UDP frames on the LAN, in order.
  std::vector<wire::Ipv4Packet> UdpPackets() const {
    std::vector<wire::Ipv4Packet> out;
    for (const auto& f : sink_.raw) {
      auto ip = wire::ParseIpv4(wire::ByteSpan(f.bytes).subspan(wire::kEthernetHeaderLen));
      if (ip && ip->header.protocol == wire::kIpProtoUdp) out.push_back(*ip);
    }
    return out;
  }
  Host& a_ = AddHost("A", "192.0.2.1/24");
  Host& b_ = AddHost("B", "192.0.2.2/24");
};

TEST_F(HostCornerTest, DontFragmentIsSetOnUnicastAndMulticastThatFit) {
  b_.Listen("s", wire::Ipv4Address(), 5000);
  a_.SendDatagram(To("192.0.2.2", 5000));
  a_.SendDatagram(To("239.1.1.1", 5000));
  a_.SendDatagram(To("239.1.1.1", 5000, 1472));  // 1500 bytes of IP: fits
  RunFor(core::Milliseconds(1));
  const auto packets = UdpPackets();
  ASSERT_EQ(packets.size(), 3u);
  for (const auto& p : packets) {
    EXPECT_TRUE(p.header.dont_fragment) << wire::ToString(p.header);
    EXPECT_FALSE(wire::IsFragment(p.header));
  }
}

TEST_F(HostCornerTest, MulticastTtlZeroStaysOnTheHostUnicastTtlZeroIsRefused) {
  UdpSocket& own = a_.Listen("own", wire::Ipv4Address(), 5000);
  a_.Join(Ip("239.1.1.1"), &own, nullptr);
  SendSpec m = To("239.1.1.1", 5000);
  m.ttl = 0;
  EXPECT_TRUE(a_.SendDatagram(m));   // looped back to the host's own member socket
  m.multicast_loop = false;
  EXPECT_TRUE(a_.SendDatagram(m));   // sent, and seen by nobody
  SendSpec u = To("192.0.2.2", 5000);
  u.ttl = 0;
  EXPECT_FALSE(a_.SendDatagram(u));  // setsockopt(IP_TTL, 0): EINVAL
  RunFor(core::Milliseconds(1));
  EXPECT_EQ(own.datagrams_received, 1u);
  EXPECT_TRUE(UdpPackets().empty());
  // The IGMP report of the join is the only frame.
  for (const std::string& f : sink_.frames) EXPECT_NE(f.find("igmp"), std::string::npos) << f;
}

TEST_F(HostCornerTest, DatagramsToTheHostItselfNeverTouchTheWire) {
  UdpSocket& s = a_.Listen("s", wire::Ipv4Address(), 5000);
  std::vector<std::string> sources;
  a_.AddReceptionObserver([&](const Reception& r) {
    sources.push_back(core::ToString(r.at) + " " + wire::ToString(r.source) + ">" + wire::ToString(r.destination));
  });
  for (const char* to : {"127.0.0.1", "0.0.0.0", "192.0.2.1", "127.1.2.3"}) {
    EXPECT_TRUE(a_.SendDatagram(To(to, 5000))) << to;
  }
  RunFor(core::Milliseconds(1));
  EXPECT_EQ(s.datagrams_received, 4u);
  EXPECT_TRUE(sink_.frames.empty());  // no ARP, no datagram
  EXPECT_EQ(sources, (std::vector<std::string>{"0.000000000 127.0.0.1>127.0.0.1", "0.000000000 127.0.0.1>127.0.0.1",
                                                "0.000000000 192.0.2.1>192.0.2.1", "0.000000000 127.0.0.1>127.1.2.3"}));
}

TEST_F(HostCornerTest, JoiningWhatIsNotAGroupIsRefused) {
  Interface& eth0 = *a_.interfaces()[0];
  a_.Join(Ip("224.0.0.0"), nullptr, nullptr);
  a_.Join(Ip("192.0.2.9"), nullptr, nullptr);
  RunFor(core::Seconds(1));
  EXPECT_FALSE(a_.IsMember(eth0, Ip("224.0.0.0")));
  EXPECT_FALSE(a_.IsMember(eth0, Ip("192.0.2.9")));
  EXPECT_TRUE(sink_.frames.empty());  // nothing reported
}

// 3000 bytes of payload: 3008 of UDP cut into 1480 + 1480 + 48 bytes (offsets 0, 1480, 2960),
// one identification, MF on all but the last, DF clear. Each 1514-byte frame takes
// (1514 + 24) * 8 = 12304 ns at 1 Gbps; the last (82 bytes) 848 ns.
TEST_F(HostCornerTest, LargeDatagramLeavesAsFragmentsAndIsReassembled) {
  UdpSocket& s = b_.Listen("s", wire::Ipv4Address(), 5000);
  std::vector<std::string> got;
  b_.AddReceptionObserver([&](const Reception& r) { got.push_back(core::ToString(r.at) + " " + std::to_string(r.size)); });
  ASSERT_TRUE(a_.SendDatagram(To("192.0.2.2", 5000, 3000)));
  RunFor(core::Milliseconds(1));
  const auto packets = UdpPackets();
  ASSERT_EQ(packets.size(), 3u);
  const std::size_t sizes[] = {1480, 1480, 48};
  for (std::size_t k = 0; k < 3; ++k) {
    const wire::Ipv4Header& h = packets[k].header;
    EXPECT_EQ(packets[k].payload.size(), sizes[k]);
    EXPECT_EQ(h.fragment_offset * 8u, 1480u * k);
    EXPECT_EQ(h.more_fragments, k < 2);
    EXPECT_FALSE(h.dont_fragment);
    EXPECT_EQ(h.identification, packets[0].header.identification);
  }
  // After ARP (request at 0, reply from 1.672 us), the fragments leave back to back from
  // 3.344 us; the last one is in at 3.344 + 12.304 * 2 + 0.848 + 1 us = 29.800 us.
  EXPECT_EQ(got, (std::vector<std::string>{"0.000029800 3000"}));
  EXPECT_EQ(s.bytes_received, 3000u);
}

TEST_F(HostCornerTest, MulticastFragmentsReachEveryMemberWhole) {
  UdpSocket& s = b_.Listen("s", Ip("239.1.1.1"), 5000);
  b_.Join(Ip("239.1.1.1"), &s, nullptr);
  UdpSocket& own = a_.Listen("own", Ip("239.1.1.1"), 5000);
  a_.Join(Ip("239.1.1.1"), &own, nullptr);
  for (int k = 0; k < 3; ++k) ASSERT_TRUE(a_.SendDatagram(To("239.1.1.1", 5000, 65507)));
  RunFor(core::Milliseconds(10));
  EXPECT_EQ(UdpPackets().size(), 3u * 45u);  // 65515 bytes of UDP: 44 fragments of 1480 and one of 395
  EXPECT_EQ(s.datagrams_received, 3u);
  EXPECT_EQ(s.bytes_received, 3u * 65507u);
  EXPECT_EQ(own.datagrams_received, 3u);  // the loop copy is the whole datagram
}

}  // namespace
}  // namespace sim::net
