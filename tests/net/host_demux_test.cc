// Which sockets a datagram reaches: a connected socket takes only its peer's datagrams,
// multicast included, and the host's demux memo (the shortcut for repeated frames of a stream)
// must give the same answer as the full receive path, whatever the sockets, peers and senders.
#include <algorithm>
#include <functional>
#include <random>

#include "sim/net/host.h"
#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

SendSpec ToGroup(const char* group, std::uint16_t port, std::uint16_t source_port) {
  SendSpec s;
  s.to = *wire::Ipv4Address::Parse(group);
  s.port = port;
  s.source_port = source_port;
  return s;
}

TEST_F(NetTest, ConnectedSocketTakesOnlyItsPeersMulticast) {
  Host& a = AddHost("A", "192.0.2.1/24");
  Host& c = AddHost("C", "192.0.2.3/24");
  Host& b = AddHost("B", "192.0.2.2/24");
  Connect("hub", {a.interfaces()[0].get(), b.interfaces()[0].get(), c.interfaces()[0].get()});
  UdpSocket& peer_only = b.Listen("p", wire::Ipv4Address(), 5000);
  UdpSocket& any = b.Listen("any", wire::Ipv4Address(), 5000);
  b.Join(Ip("239.1.1.1"), &peer_only, nullptr);
  b.Connect(peer_only, Ip("192.0.2.1"), 4000);
  for (int k = 0; k < 3; ++k) {  // repeated frames: the memo must keep the rule
    a.SendDatagram(ToGroup("239.1.1.1", 5000, 4000));
    a.SendDatagram(ToGroup("239.1.1.1", 5000, 4001));  // the peer's address, another port
    c.SendDatagram(ToGroup("239.1.1.1", 5000, 4000));  // another address
    RunFor(core::Milliseconds(1));
  }
  EXPECT_EQ(peer_only.datagrams_received, 3u);
  EXPECT_EQ(any.datagrams_received, 9u);
  // Connecting changes what the next frame of a remembered stream gets.
  b.Connect(any, Ip("192.0.2.3"), 4000);
  c.SendDatagram(ToGroup("239.1.1.1", 5000, 4000));
  a.SendDatagram(ToGroup("239.1.1.1", 5000, 4001));  // no socket takes it: other-peer
  RunFor(core::Milliseconds(1));
  EXPECT_EQ(peer_only.datagrams_received, 3u);
  EXPECT_EQ(any.datagrams_received, 10u);
  const auto drops = sink_.events;
  EXPECT_NE(std::find_if(drops.begin(), drops.end(),
                         [](const std::string& e) { return e.find("udp.drop") != std::string::npos &&
                                                           e.find("reason=other-peer") != std::string::npos; }),
            drops.end());
}

// Two receivers with the same sockets and memberships on one hub, one with the memo, one
// without, and random changes between random frames: every socket counts the same datagrams.
TEST_F(NetTest, DemuxMemoAgreesWithTheFullPathUnderRandomChanges) {
  Host& s1 = AddHost("S1", "192.0.2.1/24");
  Host& s2 = AddHost("S2", "192.0.2.2/24");
  Host& fast = AddHost("F", "192.0.2.10/24");
  Host& full = AddHost("P", "192.0.2.11/24");
  full.set_demux_memo_enabled(false);
  Connect("hub", {s1.interfaces()[0].get(), s2.interfaces()[0].get(), fast.interfaces()[0].get(),
                  full.interfaces()[0].get()});
  const char* groups[] = {"239.1.1.1", "239.1.1.2"};
  const std::uint16_t ports[] = {5000, 5001};
  Host* senders[] = {&s1, &s2};
  std::mt19937 rng(13);  // a fixed seed: the same sequence on every run
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::vector<std::string> open;
  int next_socket = 0;
  for (int step = 0; step < 2000; ++step) {
    const int op = pick(10);
    std::vector<std::function<void(Host&)>> change;
    if (op == 0 && open.size() < 6) {
      const std::string name = "s" + std::to_string(next_socket++);
      const bool any = pick(2) == 0;
      const char* g = groups[pick(2)];
      const std::uint16_t port = ports[pick(2)];
      open.push_back(name);
      change.push_back([=](Host& h) { h.Listen(name, any ? wire::Ipv4Address() : Ip(g), port); });
    } else if (op == 1 && !open.empty()) {
      const std::string name = open[pick(static_cast<int>(open.size()))];
      const char* g = groups[pick(2)];
      const bool join = pick(2) == 0;
      change.push_back([=](Host& h) {
        if (join) h.Join(Ip(g), h.FindSocket(name), nullptr);
        else h.Leave(Ip(g), h.FindSocket(name));
      });
    } else if (op == 2 && !open.empty()) {
      const std::string name = open[pick(static_cast<int>(open.size()))];
      const char* peer = pick(2) == 0 ? "192.0.2.1" : "192.0.2.2";
      const std::uint16_t port = static_cast<std::uint16_t>(4000 + pick(2));
      change.push_back([=](Host& h) { h.Connect(*h.FindSocket(name), Ip(peer), port); });
    } else if (op == 3 && !open.empty()) {
      const std::size_t k = static_cast<std::size_t>(pick(static_cast<int>(open.size())));
      const std::string name = open[k];
      open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
      change.push_back([=](Host& h) { h.Close(name); });
    } else {
      // A burst of frames of one stream, so the memo gets hits.
      Host* from = senders[pick(2)];
      const SendSpec spec = ToGroup(groups[pick(2)], ports[pick(2)], static_cast<std::uint16_t>(4000 + pick(2)));
      const int n = 1 + pick(3);
      for (int k = 0; k < n; ++k) from->SendDatagram(spec);
      RunFor(core::Microseconds(100));
    }
    for (auto& f : change) {
      f(fast);
      f(full);
    }
    ASSERT_EQ(fast.datagrams_received(), full.datagrams_received()) << "step " << step;
  }
  ASSERT_EQ(fast.sockets().size(), full.sockets().size());
  for (std::size_t k = 0; k < fast.sockets().size(); ++k) {
    UdpSocket& a = *fast.sockets()[k];
    UdpSocket& b = *full.sockets()[k];
    EXPECT_EQ(a.datagrams_received, b.datagrams_received) << a.name;
    const auto& fa = fast.FlowsOf(a);
    const auto& fb = full.FlowsOf(b);
    ASSERT_EQ(fa.size(), fb.size()) << a.name;
    for (std::size_t i = 0; i < fa.size(); ++i) {
      EXPECT_EQ(fa[i].destination, fb[i].destination);
      EXPECT_EQ(fa[i].datagrams, fb[i].datagrams);
      EXPECT_EQ(fa[i].first, fb[i].first);
    }
  }
  EXPECT_GT(fast.datagrams_received(), 500u);  // the streams did reach sockets
}

}  // namespace
}  // namespace sim::net
