// Host stack: ARP, UDP delivery rules, ICMP port unreachable and ECONNREFUSED, at exact times.
#include "sim/net/host.h"

#include "sim/wire/frame_builder.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

class HostTest : public NetTest {
 protected:
  HostTest() {
    Connect("lan", {a_.interfaces()[0].get(), b_.interfaces()[0].get()});
  }
  Host& a_ = AddHost("A", "192.0.2.1/24");
  Host& b_ = AddHost("B", "192.0.2.2/24");
};

TEST_F(HostTest, FirstUnicastWaitsForArpThenFlows) {
  UdpSocket& server = b_.Listen("srv", wire::Ipv4Address(), 5000);
  SendSpec s;
  s.to = Ip("192.0.2.2");
  s.port = 5000;
  s.size = 100;
  ASSERT_TRUE(a_.SendDatagram(s));
  RunFor(core::Milliseconds(1));
  // 60-byte ARP frames take (60+24)*8 ns = 672 ns at 1 Gbps, plus 1 us of propagation.
  ASSERT_EQ(sink_.frames.size(), 3u);
  EXPECT_EQ(sink_.frames[0], "0.000000000 lan arp who-has 192.0.2.2 tell 192.0.2.1");
  EXPECT_EQ(sink_.frames[1], "0.000001672 lan arp 192.0.2.2 is-at " + wire::ToString(b_.interfaces()[0]->mac()));
  EXPECT_EQ(sink_.frames[2].substr(0, 16), "0.000003344 lan ");
  EXPECT_EQ(server.datagrams_received, 1u);
  EXPECT_EQ(server.bytes_received, 100u);
}

TEST_F(HostTest, ClosedPortAnswersIcmpAndConnectedSocketGetsEconnrefused) {
  UdpSocket& client = a_.Listen("c", wire::Ipv4Address(), 40000);
  a_.Connect(client, Ip("192.0.2.2"), 9);
  SendSpec s;
  s.socket = "c";
  ASSERT_TRUE(a_.SendDatagram(s));
  RunFor(core::Milliseconds(1));
  ASSERT_TRUE(client.pending_error.has_value());
  EXPECT_TRUE(client.errors.empty());
  EXPECT_FALSE(a_.SendDatagram(s));  // the next send reports the error and sends nothing
  ASSERT_EQ(client.errors.size(), 1u);
  EXPECT_EQ(client.errors[0].during, "send");
  EXPECT_EQ(ToString(client.errors[0].error), "ECONNREFUSED");
  EXPECT_TRUE(a_.SendDatagram(s));  // reported once
}

TEST_F(HostTest, UnconnectedSocketNeverSeesThePortUnreachable) {
  UdpSocket& client = a_.Listen("c", wire::Ipv4Address(), 40000);
  SendSpec s;
  s.socket = "c";
  s.to = Ip("192.0.2.2");
  s.port = 9;
  ASSERT_TRUE(a_.SendDatagram(s));
  RunFor(core::Milliseconds(1));
  EXPECT_FALSE(client.pending_error.has_value());
  EXPECT_EQ(a_.ip_counters().icmp_sent + b_.ip_counters().icmp_sent, 1u);
}

TEST_F(HostTest, GroupBoundSocketGetsOnlyItsGroupAnyBoundGetsAllJoined) {
  UdpSocket& g1 = b_.Listen("g1", Ip("239.1.1.1"), 5000);
  UdpSocket& any = b_.Listen("any", wire::Ipv4Address(), 5000);
  b_.Join(Ip("239.1.1.1"), &g1, nullptr);
  b_.Join(Ip("239.2.2.2"), nullptr, nullptr);
  for (const char* g : {"239.1.1.1", "239.2.2.2", "239.3.3.3"}) {
    SendSpec s;
    s.to = Ip(g);
    s.port = 5000;
    a_.SendDatagram(s);
  }
  SendSpec uni;
  uni.to = Ip("192.0.2.2");
  uni.port = 5000;
  a_.SendDatagram(uni);
  RunFor(core::Milliseconds(1));
  EXPECT_EQ(g1.datagrams_received, 1u);   // 239.1.1.1 only
  EXPECT_EQ(any.datagrams_received, 3u);  // both joined groups and the unicast; not 239.3.3.3
}

TEST_F(HostTest, MembershipIsReferenceCountedAcrossSockets) {
  UdpSocket& s1 = b_.Listen("s1", wire::Ipv4Address(), 5000);
  UdpSocket& s2 = b_.Listen("s2", wire::Ipv4Address(), 5001);
  Interface& eth0 = *b_.interfaces()[0];
  b_.Join(Ip("239.1.1.1"), &s1, nullptr);
  b_.Join(Ip("239.1.1.1"), &s2, nullptr);
  b_.Leave(Ip("239.1.1.1"), &s1);
  EXPECT_TRUE(b_.IsMember(eth0, Ip("239.1.1.1")));
  b_.Close("s2");  // closing drops the socket's memberships
  EXPECT_FALSE(b_.IsMember(eth0, Ip("239.1.1.1")));
}

// A stream's later frames go straight to the sockets the first one reached (the host's demux
// memo). Every change of sockets, memberships or power must send the next frame through the
// full path again, so each step below checks what the full path alone would have done.
class MulticastStreamTest : public HostTest {
 protected:
  void Send(const char* group, std::uint16_t port) {
    SendSpec s;
    s.to = Ip(group);
    s.port = port;
    a_.SendDatagram(s);
    RunFor(core::Milliseconds(1));
  }
};

TEST_F(MulticastStreamTest, RepeatedFramesReachEverySocketOnceEach) {
  UdpSocket& g = b_.Listen("g", Ip("239.1.1.1"), 5000);
  UdpSocket& any = b_.Listen("any", wire::Ipv4Address(), 5000);
  b_.Join(Ip("239.1.1.1"), &g, nullptr);
  for (int k = 0; k < 3; ++k) Send("239.1.1.1", 5000);
  EXPECT_EQ(g.datagrams_received, 3u);
  EXPECT_EQ(any.datagrams_received, 3u);
  EXPECT_EQ(b_.datagrams_received(), 6u);
}

TEST_F(MulticastStreamTest, OtherPortOrGroupIsNotTakenForTheRememberedStream) {
  UdpSocket& g = b_.Listen("g", Ip("239.1.1.1"), 5000);
  b_.Join(Ip("239.1.1.1"), &g, nullptr);
  b_.Join(Ip("239.2.2.2"), nullptr, nullptr);
  Send("239.1.1.1", 5000);
  Send("239.1.1.1", 5001);  // no socket on that port
  Send("239.2.2.2", 5000);  // joined, but g is bound to 239.1.1.1
  EXPECT_EQ(g.datagrams_received, 1u);
}

TEST_F(MulticastStreamTest, LeaveCloseAndNewSocketsTakeEffectOnTheNextFrame) {
  UdpSocket& g = b_.Listen("g", wire::Ipv4Address(), 5000);
  b_.Join(Ip("239.1.1.1"), &g, nullptr);
  Send("239.1.1.1", 5000);
  UdpSocket& late = b_.Listen("late", wire::Ipv4Address(), 5000);
  Send("239.1.1.1", 5000);  // a new socket on the port gets its copy at once
  EXPECT_EQ(late.datagrams_received, 1u);
  b_.Close("late");
  Send("239.1.1.1", 5000);
  EXPECT_EQ(g.datagrams_received, 3u);
  b_.Leave(Ip("239.1.1.1"), &g);
  Send("239.1.1.1", 5000);  // no longer a member: the NIC filter drops it
  EXPECT_EQ(g.datagrams_received, 3u);
  EXPECT_EQ(b_.ip_counters().not_for_us, 1u);
}

TEST_F(MulticastStreamTest, PowerCycleForgetsTheStream) {
  UdpSocket& g = b_.Listen("g", wire::Ipv4Address(), 5000);
  b_.Join(Ip("239.1.1.1"), &g, nullptr);
  Send("239.1.1.1", 5000);
  EXPECT_EQ(g.datagrams_received, 1u);
  net_.SetNodeUp(b_, false);
  net_.SetNodeUp(b_, true);
  Send("239.1.1.1", 5000);  // the sockets went with the power: nothing to deliver to
  EXPECT_EQ(b_.datagrams_received(), 1u);
  EXPECT_EQ(b_.ip_counters().not_for_us, 1u);
}

TEST_F(HostTest, MulticastLoopDeliversToTheSendersOwnSocket) {
  UdpSocket& own = a_.Listen("own", Ip("239.1.1.1"), 5000);
  a_.Join(Ip("239.1.1.1"), &own, nullptr);
  SendSpec s;
  s.to = Ip("239.1.1.1");
  s.port = 5000;
  a_.SendDatagram(s);
  s.multicast_loop = false;
  a_.SendDatagram(s);
  RunFor(core::Milliseconds(1));
  EXPECT_EQ(own.datagrams_received, 1u);
}

TEST_F(HostTest, MulticastDefaultsToTtlOneAndNeverDrawsIcmp) {
  SendSpec s;
  s.to = Ip("239.1.1.1");
  s.port = 5000;
  b_.Join(Ip("239.1.1.1"), nullptr, nullptr);  // member, but nobody listens on the port
  a_.SendDatagram(s);
  RunFor(core::Milliseconds(1));
  ASSERT_EQ(sink_.frames.size(), 1u);
  EXPECT_NE(sink_.frames[0].find("ttl 1"), std::string::npos) << sink_.frames[0];
}

}  // namespace
}  // namespace sim::net

namespace sim::net {
namespace {

TEST_F(NetTest, EveryReceiverRejectsAFrameWithABadUdpChecksum) {
  // Three hosts on a hub; one crafted frame with a corrupted UDP checksum reaches two members.
  Host& a = AddHost("a", "192.0.2.1/24");
  Host& b = AddHost("b", "192.0.2.2/24");
  Host& c = AddHost("c", "192.0.2.3/24");
  Connect("hub", {a.interfaces()[0].get(), b.interfaces()[0].get(), c.interfaces()[0].get()});
  for (Host* h : {&b, &c}) {
    UdpSocket& s = h->Listen("s", wire::Ipv4Address(), 5000);
    h->Join(Ip("239.1.1.1"), &s, nullptr);
  }
  wire::Ipv4Header ip;
  ip.protocol = wire::kIpProtoUdp;
  ip.ttl = 1;
  ip.source = Ip("192.0.2.1");
  ip.destination = Ip("239.1.1.1");
  wire::Bytes udp(wire::UdpLen(10));
  wire::EmitUdp({4000, 5000}, wire::Bytes(10, 7), ip.source, ip.destination, udp);
  udp[wire::udp_field::kChecksum] ^= 0x01;
  a.interfaces()[0]->Send(MakeFrame(wire::BuildIpv4Frame(a.interfaces()[0]->mac(), wire::MulticastMac(ip.destination), ip, udp)));
  udp[wire::udp_field::kChecksum] ^= 0x01;  // the same datagram, intact, in a second frame
  a.interfaces()[0]->Send(MakeFrame(wire::BuildIpv4Frame(a.interfaces()[0]->mac(), wire::MulticastMac(ip.destination), ip, udp)));
  RunFor(core::Milliseconds(1));
  EXPECT_EQ(b.ip_counters().bad_frames, 1u);
  EXPECT_EQ(c.ip_counters().bad_frames, 1u);
  EXPECT_EQ(b.FindSocket("s")->datagrams_received, 1u);
  EXPECT_EQ(c.FindSocket("s")->datagrams_received, 1u);
}

}  // namespace
}  // namespace sim::net
