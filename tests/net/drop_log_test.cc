// Drop accounting: the reason each undelivered datagram is counted under, on hosts (through the
// multicast demux memo too), routers and interfaces, with the first drop of a key traced once.
#include "sim/net/drop_log.h"

#include <algorithm>
#include <vector>

#include "sim/core/rng.h"
#include "sim/net/router.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

std::uint64_t Count(const Node& n, DropReason r) { return n.drop_log() ? n.drop_log()->count(r) : 0; }

int Lines(const RecordingSink& sink, std::string_view word) {
  int n = 0;
  for (const std::string& e : sink.events) n += e.find(word) != std::string::npos;
  return n;
}

TEST(DropLog, CountsPerReasonAndPerKeyAndTracesEachKeyOnce) {
  DropLog log;
  const DropKey a{DropReason::kTtlExpired, wire::Ipv4Address(1), wire::Ipv4Address(2), 0, 0};
  const DropKey b{DropReason::kNoMroute, wire::Ipv4Address(1), wire::Ipv4Address(3), 0, 0};
  const core::Time t0 = core::Time::Start();
  EXPECT_TRUE(log.Count(a, t0));
  EXPECT_FALSE(log.Count(a, t0 + core::Seconds(1)));
  EXPECT_TRUE(log.Count(b, t0 + core::Seconds(2)));
  EXPECT_FALSE(log.Count(a, t0 + core::Seconds(3)));
  EXPECT_EQ(log.count(DropReason::kTtlExpired), 3u);
  EXPECT_EQ(log.count(DropReason::kNoMroute), 1u);
  EXPECT_EQ(log.Record(a)->count, 3u);
  EXPECT_EQ(log.Record(a)->first, t0);
  EXPECT_EQ(log.Record(a)->last, t0 + core::Seconds(3));
  log.Rearm();
  EXPECT_TRUE(log.Count(a, t0 + core::Seconds(4)));  // traced again after a power cycle
  EXPECT_EQ(log.losses(), 5u);
}

TEST(DropLog, SortedKeysComeInKeyOrderWhateverTheOrderOfTheDrops) {
  // The drop.total lines follow this order; the table itself keeps none.
  DropLog log;
  const core::Time t0 = core::Time::Start();
  std::vector<DropKey> keys;
  for (std::uint32_t i = 0; i < 50; ++i) {
    const DropKey k{DropReason::kNotJoined, wire::Ipv4Address(10 + (i * 37) % 50), wire::Ipv4Address(7), i % 3,
                    static_cast<std::uint16_t>(5000 + i % 2)};
    keys.push_back(k);
    log.Count(k, t0 + core::Seconds(i));
  }
  std::sort(keys.begin(), keys.end());
  const auto sorted = log.SortedKeys();
  ASSERT_EQ(sorted.size(), keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(sorted[i].first, keys[i]);
    EXPECT_EQ(sorted[i].second, log.Record(keys[i]));
  }
}

TEST(DropLog, FloodedUnregisteredIsCountedButIsNoLoss) {
  DropLog log;
  log.Count({DropReason::kFloodedUnregistered, {}, wire::Ipv4Address(7), kNoInterface, 0}, core::Time::Start());
  log.CountOnly(DropReason::kArpFailed, 2);
  EXPECT_EQ(log.count(DropReason::kFloodedUnregistered), 1u);
  EXPECT_EQ(log.losses(), 2u);
}

TEST(DropLog, EveryReasonHasAStableName) {
  EXPECT_EQ(ToString(DropReason::kNotJoined), "not-joined");
  EXPECT_EQ(ToString(DropReason::kNoSocket), "no-socket");
  EXPECT_EQ(ToString(DropReason::kOtherGroup), "other-group");
  EXPECT_EQ(ToString(DropReason::kOtherPeer), "other-peer");
  EXPECT_EQ(ToString(DropReason::kBadChecksum), "bad-checksum");
  EXPECT_EQ(ToString(DropReason::kSnoopingFiltered), "snooping-filtered");
  EXPECT_EQ(ToString(DropReason::kFloodedUnregistered), "flooded-unregistered");
  EXPECT_EQ(ToString(DropReason::kNoRoute), "no-route");
  EXPECT_EQ(ToString(DropReason::kNoMroute), "no-mroute");
  EXPECT_EQ(ToString(DropReason::kRpfFailure), "rpf-failure");
  EXPECT_EQ(ToString(DropReason::kTtlExpired), "ttl-expired");
  EXPECT_EQ(ToString(DropReason::kScope), "scope");
  EXPECT_EQ(ToString(DropReason::kQueueFull), "queue-full");
  EXPECT_EQ(ToString(DropReason::kLinkDown), "link-down");
  EXPECT_EQ(ToString(DropReason::kArpFailed), "arp-failed");
}

class HostDrops : public NetTest {
 protected:
  HostDrops() { Connect("lan", {a_.interfaces()[0].get(), b_.interfaces()[0].get()}); }
  void Send(const char* to, std::uint16_t port, int count = 1) {
    SendSpec s;
    s.to = Ip(to);
    s.port = port;
    for (int k = 0; k < count; ++k) a_.SendDatagram(s);
    RunFor(core::Milliseconds(10));
  }
  Host& a_ = AddHost("A", "192.0.2.1/24");
  Host& b_ = AddHost("B", "192.0.2.2/24");
};

TEST_F(HostDrops, NotJoinedAtTheNicFilter) {
  Send("239.3.3.3", 5000, 3);
  EXPECT_EQ(Count(b_, DropReason::kNotJoined), 3u);
  EXPECT_EQ(Lines(sink_, "B udp.drop reason=not-joined source=192.0.2.1 destination=239.3.3.3 interface=eth0 port=5000"), 1);
}

TEST_F(HostDrops, NoSocketOtherGroupAndOtherPeer) {
  b_.Join(Ip("239.1.1.1"), nullptr, nullptr);
  Send("239.1.1.1", 6000);  // joined, but nobody listens on 6000
  EXPECT_EQ(Count(b_, DropReason::kNoSocket), 1u);
  b_.Listen("g2", Ip("239.2.2.2"), 6000);
  Send("239.1.1.1", 6000);  // a socket on 6000, bound to another group
  EXPECT_EQ(Count(b_, DropReason::kOtherGroup), 1u);
  UdpSocket& c = b_.Listen("c", wire::Ipv4Address(), 7000);
  b_.Connect(c, Ip("192.0.2.99"), 9);
  Send("192.0.2.2", 7000);  // unicast to a socket connected to someone else
  EXPECT_EQ(Count(b_, DropReason::kOtherPeer), 1u);
  EXPECT_EQ(b_.drop_log()->losses(), 3u);
}

// The demux memo delivers repeated frames of a stream without the filter chain; the counts it
// leaves must be those of the full path, whatever the order of joins, sockets and streams.
TEST_F(HostDrops, MemoAndFullPathCountTheSame) {
  core::Rng rng(7, 0);
  UdpSocket& s = b_.Listen("s", Ip("239.1.1.1"), 5000);
  b_.Join(Ip("239.1.1.1"), &s, nullptr);
  const char* groups[] = {"239.1.1.1", "239.2.2.2"};
  std::uint64_t expect_delivered = 0, expect_not_joined = 0, expect_other = 0;
  bool joined2 = false;
  for (int k = 0; k < 200; ++k) {
    const std::uint64_t draw = rng.UniformInt(0, 9);
    if (draw == 0) {
      joined2 ? b_.Leave(Ip("239.2.2.2"), nullptr) : b_.Join(Ip("239.2.2.2"), nullptr, nullptr);
      joined2 = !joined2;
      continue;
    }
    const int g = draw < 6 ? 0 : 1;
    Send(groups[g], 5000);
    if (g == 0) ++expect_delivered;
    else if (joined2) ++expect_other;
    else ++expect_not_joined;
  }
  EXPECT_EQ(s.datagrams_received, expect_delivered);
  EXPECT_EQ(Count(b_, DropReason::kNotJoined), expect_not_joined);
  EXPECT_EQ(Count(b_, DropReason::kOtherGroup), expect_other);
  ASSERT_EQ(b_.FlowsOf(s).size(), 1u);
  EXPECT_EQ(b_.FlowsOf(s)[0].datagrams, expect_delivered);
}

TEST_F(HostDrops, SendsAreCountedPerStream) {
  Send("239.1.1.1", 5000, 2);
  SendSpec s;
  s.to = Ip("239.1.1.1");
  s.port = 5000;
  s.ttl = 9;
  a_.SendDatagram(s);
  const auto streams = a_.send_streams();
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0].datagrams, 2u);
  EXPECT_EQ(streams[0].ttl, 1);
  EXPECT_EQ(streams[1].datagrams, 1u);
  EXPECT_EQ(Lines(sink_, "A udp.send to=239.1.1.1 port=5000 ttl=1 source=192.0.2.1"), 1);
}

TEST_F(HostDrops, LinkDownAndTotals) {
  net_.SetLinkUp(*net_.FindLink("lan"), false);
  Send("239.1.1.1", 5000, 2);
  EXPECT_EQ(Count(a_, DropReason::kLinkDown), 2u);
  a_.TraceTotals();
  EXPECT_EQ(Lines(sink_, "A drop.total reason=link-down source=192.0.2.1 destination=239.1.1.1 interface=eth0 count=2"), 1);
  EXPECT_EQ(Lines(sink_, "A send.total to=239.1.1.1 port=5000 ttl=1 count=2"), 1);
}

// src -- R1 -- R2 -- rx, static (*, 239.1.1.1) on both routers.
class RouterDrops : public NetTest {
 protected:
  RouterDrops() {
    r1_.AddInterface("eth0").set_prefix(*wire::Ipv4Prefix::Parse("10.1.0.1/24"));
    r1_.AddInterface("eth1").set_prefix(*wire::Ipv4Prefix::Parse("10.0.0.1/30"));
    Connect("lan1", {src_.interfaces()[0].get(), r1_.interfaces()[0].get()});
    Connect("core", {r1_.interfaces()[1].get(), rx_.interfaces()[0].get()});
    net_.RecomputeRoutes();
    r1_.AddStaticMroute({{wire::Ipv4Address(), Ip("239.1.1.1")}, 0, {1}});
  }
  void SendTo(const char* group, std::uint8_t ttl, int count) {
    SendSpec s;
    s.to = Ip(group);
    s.port = 5000;
    s.ttl = ttl;
    for (int k = 0; k < count; ++k) src_.SendDatagram(s);
    RunFor(core::Milliseconds(10));
  }
  Host& src_ = AddHost("src", "10.1.0.10/24", "10.1.0.1");
  Router& r1_ = net_.AddNode<Router>("R1");
  Host& rx_ = AddHost("rx", "10.0.0.2/30");
};

TEST_F(RouterDrops, TtlExpiredCountsEveryPacketAndTracesTheFirst) {
  SendTo("239.1.1.1", 1, 4);
  EXPECT_EQ(Count(r1_, DropReason::kTtlExpired), 4u);
  EXPECT_EQ(r1_.mfib().Find({wire::Ipv4Address(), Ip("239.1.1.1")})->ttl_expired, 4u);
  EXPECT_EQ(Lines(sink_, "R1 forward.drop reason=ttl-expired source=10.1.0.10 destination=239.1.1.1 interface=eth0 ttl=1"), 1);
  EXPECT_NE(r1_.DumpMroutes().find("Packets forwarded: 0, RPF failures: 0, TTL drops: 4"), std::string::npos);
}

TEST_F(RouterDrops, NoMrouteAndScope) {
  SendTo("239.9.9.9", 8, 2);
  SendTo("224.0.0.251", 8, 3);
  EXPECT_EQ(Count(r1_, DropReason::kNoMroute), 2u);
  EXPECT_EQ(Count(r1_, DropReason::kScope), 3u);
  EXPECT_EQ(r1_.drop_log()->losses(), 5u);
}

}  // namespace
}  // namespace sim::net
