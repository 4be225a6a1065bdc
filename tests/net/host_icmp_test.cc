// A host's ICMP errors as Linux sends them: the 576-byte quote and the rate limit (a burst of 6
// per destination, then one a second), and how a connected socket learns of them (next send,
// recv or received datagram, once), at exact instants.
#include <cmath>

#include "sim/net/host.h"
#include "sim/net/icmp_rate_limit.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

class HostIcmpTest : public NetTest {
 protected:
  HostIcmpTest() { Connect("lan", {a_.interfaces()[0].get(), b_.interfaces()[0].get()}); }
  // A datagram from A to B's closed port 9, from socket "c" when it is open.
  SendSpec ToClosedPort(std::size_t size = 64) {
    SendSpec s;
    if (a_.FindSocket("c") != nullptr) s.socket = "c";
    s.to = Ip("192.0.2.2");
    s.port = 9;
    s.size = size;
    return s;
  }
  // The instants of the ICMP errors on the LAN.
  std::vector<std::string> IcmpTimes() const {
    std::vector<std::string> out;
    for (const std::string& f : sink_.FramesOn("lan", "icmp unreachable")) out.push_back(RecordingSink::TimeOf(f));
    return out;
  }
  // Sends one datagram at each of `instants` (seconds from now).
  void SendAt(const std::vector<double>& instants) {
    for (double t : instants) {
      scheduler_.ScheduleAt(core::Time::Start() + core::Nanoseconds(std::llround(t * 1e9)), a_.id(),
                            [this] { a_.SendDatagram(ToClosedPort()); });
    }
  }
  Host& a_ = AddHost("A", "192.0.2.1/24");
  Host& b_ = AddHost("B", "192.0.2.2/24");
};

TEST_F(HostIcmpTest, ErrorQuotesTheWholeDatagramUpTo576Bytes) {
  ASSERT_TRUE(a_.SendDatagram(ToClosedPort(2)));     // 30 bytes of IP: all quoted, IP total 58
  ASSERT_TRUE(a_.SendDatagram(ToClosedPort(1000)));  // 1028 bytes: 576 - 20 - 8 = 548 quoted
  RunFor(core::Milliseconds(1));
  const auto errors = sink_.FramesOn("lan", "icmp unreachable");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("quoted 30 |"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("quoted 548 |"), std::string::npos) << errors[1];
  for (const auto& f : sink_.raw) {
    if (f.bytes.size() < 14 + 20 || f.bytes[14 + wire::ipv4_field::kProtocol] != wire::kIpProtoIcmp) continue;
    const std::size_t ip_len = wire::LoadU16(f.bytes, 14 + wire::ipv4_field::kTotalLength);
    EXPECT_TRUE(ip_len == 58 || ip_len == 576) << ip_len;
  }
}

// 20 datagrams back to back: B answers the first 6 and no more (tokens: 6 s of credit, 1 s
// each). Arrivals at B are 1040 ns apart (106-byte frames at 1 Gbps) from 5.384 us (after ARP);
// each 134-byte error takes 1264 ns, so the six queue behind each other on B's transmitter.
TEST_F(HostIcmpTest, BurstOfTwentyDrawsSixErrors) {
  for (int k = 0; k < 20; ++k) ASSERT_TRUE(a_.SendDatagram(ToClosedPort()));
  RunFor(core::Seconds(1));
  EXPECT_EQ(IcmpTimes(), (std::vector<std::string>{"0.000005384", "0.000006648", "0.000007912",
                                                   "0.000009176", "0.000010440", "0.000011704"}));
  EXPECT_EQ(b_.ip_counters().icmp_sent, 6u);
  EXPECT_EQ(b_.icmp_rate_limited(), 14u);
}

// One datagram every 100 ms: the burst of 6 (0 to 0.5 s) leaves 0.5 s of credit. The first
// datagram waited 3.344 us for ARP, so its error took its credit that much later than the
// others: at 1.0 s the bucket is 3.344 us short of a whole second, and the seventh error goes at
// 1.1 s; the next would be due at 2.1 s, after the last datagram (1.9 s).
TEST_F(HostIcmpTest, SteadyStreamGetsOneErrorASecondAfterTheBurst) {
  std::vector<double> at;
  for (int k = 0; k < 20; ++k) at.push_back(0.1 * k);
  SendAt(at);
  RunFor(core::Seconds(3));
  // The first datagram waits for ARP (3.344 us); the others leave at once. Each error goes out
  // as the datagram arrives: 1040 ns of transmission and 1 us of propagation later.
  EXPECT_EQ(IcmpTimes(), (std::vector<std::string>{"0.000005384", "0.100002040", "0.200002040", "0.300002040",
                                                   "0.400002040", "0.500002040", "1.100002040"}));
}

TEST_F(HostIcmpTest, CreditComesBackAtOneErrorPerSecondUpToSix) {
  IcmpRateLimit limit;
  const wire::Ipv4Address d = Ip("192.0.2.9");
  const core::Time t0 = core::Time::Start() + core::Seconds(100);
  for (int k = 0; k < 6; ++k) EXPECT_TRUE(limit.Allow(d, t0)) << k;
  EXPECT_FALSE(limit.Allow(d, t0));
  EXPECT_FALSE(limit.Allow(d, t0 + core::Nanoseconds(999'999'999)));
  EXPECT_TRUE(limit.Allow(d, t0 + core::Seconds(1)));
  EXPECT_TRUE(limit.Allow(Ip("192.0.2.8"), t0));  // another destination has its own bucket
  // Ten idle seconds refill at most 6.
  int allowed = 0;
  while (limit.Allow(d, t0 + core::Seconds(11))) ++allowed;
  EXPECT_EQ(allowed, 6);
}

TEST_F(HostIcmpTest, GlobalLimitStopsTheFiftyFirstErrorOfAnInstant) {
  IcmpRateLimit limit;
  const core::Time t0 = core::Time::Start() + core::Seconds(100);
  int allowed = 0;
  for (std::uint32_t k = 0; k < 60; ++k) allowed += limit.Allow(wire::Ipv4Address(0x0a000000 + k), t0) ? 1 : 0;
  EXPECT_EQ(allowed, 50);  // icmp_msgs_burst
  // 20 ms later, 1000/s has brought 20 credits back.
  allowed = 0;
  for (std::uint32_t k = 100; k < 160; ++k) {
    allowed += limit.Allow(wire::Ipv4Address(0x0a000000 + k), t0 + core::Milliseconds(20)) ? 1 : 0;
  }
  EXPECT_EQ(allowed, 20);
}

TEST_F(HostIcmpTest, RecvReportsThePendingErrorOnce) {
  UdpSocket& client = a_.Listen("c", wire::Ipv4Address(), 40000);
  a_.Connect(client, Ip("192.0.2.2"), 9);
  ASSERT_TRUE(a_.SendDatagram(ToClosedPort()));
  RunFor(core::Milliseconds(1));
  ASSERT_TRUE(client.pending_error.has_value());
  EXPECT_TRUE(a_.Recv("c"));
  EXPECT_FALSE(a_.Recv("c"));  // reported once
  ASSERT_EQ(client.errors.size(), 1u);
  EXPECT_EQ(client.errors[0].during, "recv");
  EXPECT_EQ(core::ToString(client.errors[0].at), "0.001000000");
  EXPECT_TRUE(a_.SendDatagram(ToClosedPort()));  // the error is gone: this one is sent
  EXPECT_FALSE(a_.Recv("nope"));
}

// To itself, a host answers over loopback: no frame, no rate limit, and ECONNREFUSED at once.
TEST_F(HostIcmpTest, ClosedPortOnTheHostItselfRefusesWithoutAFrame) {
  UdpSocket& self = a_.Listen("c", wire::Ipv4Address(), 40000);
  a_.Connect(self, Ip("192.0.2.1"), 9);
  for (int k = 0; k < 10; ++k) {
    SendSpec s;
    s.socket = "c";
    ASSERT_TRUE(a_.SendDatagram(s));
    RunFor(core::Microseconds(1));
    ASSERT_TRUE(self.pending_error.has_value()) << k;
    EXPECT_TRUE(a_.Recv("c"));
  }
  EXPECT_TRUE(sink_.frames.empty());
  EXPECT_EQ(self.errors.size(), 10u);
}

}  // namespace
}  // namespace sim::net
