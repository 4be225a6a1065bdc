// What a multicast routing protocol hears from a router: data with no entry, data on the wrong
// interface, data on entries that ask for it; MFIB owners; route changes.
#include "sim/net/router.h"

#include "tests/net/net_fixture.h"

namespace sim::net {
namespace {

struct Heard {
  std::string what;  // "no-entry", "wrong-iif", "data"
  std::string in;
  MfibKey key;
};

class RecordingObserver : public MulticastObserver {
 public:
  bool OnNoEntry(Interface& in, const wire::Ipv4Packet& p, wire::ByteSpan) override {
    heard.push_back({"no-entry", in.name(), {p.header.source, p.header.destination}});
    return take;
  }
  bool OnWrongInterface(Interface& in, const MfibKey& key, const wire::Ipv4Packet&, wire::ByteSpan) override {
    heard.push_back({"wrong-iif", in.name(), key});
    return take;
  }
  bool take = false;  // answer "taken": the router then counts no drop
  void OnData(Interface& in, const MfibKey& key, const wire::Ipv4Packet&, wire::ByteSpan) override {
    heard.push_back({"data", in.name(), key});
  }
  std::vector<Heard> heard;
};

class RoutesWatcher : public NodeModule {
 public:
  explicit RoutesWatcher(int& count) : count_(count) {}
  void OnRoutesChanged() override { ++count_; }

 private:
  int& count_;
};

// src (10.1.0.10) -- R1 eth0 | R1 eth1 -- other (10.3.0.10)
class RouterObserverTest : public NetTest {
 protected:
  RouterObserverTest() {
    r1_.AddInterface("eth0").set_prefix(*wire::Ipv4Prefix::Parse("10.1.0.1/24"));
    r1_.AddInterface("eth1").set_prefix(*wire::Ipv4Prefix::Parse("10.3.0.1/24"));
    Connect("lan1", {src_.interfaces()[0].get(), r1_.interfaces()[0].get()});
    link2_ = &Connect("lan2", {r1_.interfaces()[1].get(), other_.interfaces()[0].get()});
    r1_.AddModule(std::make_unique<RoutesWatcher>(route_changes_));
    net_.RecomputeRoutes();
    r1_.AddMulticastObserver(&observer_);
  }
  void Send(Host& from) {
    SendSpec s;
    s.to = Ip("239.1.1.1");
    s.port = 5000;
    s.ttl = 8;
    from.SendDatagram(s);
    RunFor(core::Seconds(1));
  }

  Host& src_ = AddHost("src", "10.1.0.10/24", "10.1.0.1");
  Router& r1_ = net_.AddNode<Router>("R1");
  Host& other_ = AddHost("other", "10.3.0.10/24", "10.3.0.1");
  Link* link2_ = nullptr;
  RecordingObserver observer_;
  int route_changes_ = 0;
};

TEST_F(RouterObserverTest, DataWithNoEntryIsReported) {
  Send(src_);
  ASSERT_EQ(observer_.heard.size(), 1u);
  EXPECT_EQ(observer_.heard[0].what, "no-entry");
  EXPECT_EQ(observer_.heard[0].in, "eth0");
  EXPECT_EQ(observer_.heard[0].key, (MfibKey{Ip("10.1.0.10"), Ip("239.1.1.1")}));
}

TEST_F(RouterObserverTest, DataOnTheWrongInterfaceNamesTheEntryItMatched) {
  r1_.mfib().Set({wire::Ipv4Address(), Ip("239.1.1.1")}, 0, {1}, MfibOwner::kPim);
  Send(other_);  // arrives on eth1, an oif of (*,G)
  ASSERT_EQ(observer_.heard.size(), 1u);
  EXPECT_EQ(observer_.heard[0].what, "wrong-iif");
  EXPECT_EQ(observer_.heard[0].in, "eth1");
  EXPECT_EQ(observer_.heard[0].key, (MfibKey{wire::Ipv4Address(), Ip("239.1.1.1")}));
}

// A first-hop DR that registers the packet took it: the router counts no drop for it.
TEST_F(RouterObserverTest, DataAnObserverTakesIsNoDrop) {
  Send(src_);
  ASSERT_NE(r1_.drop_log(), nullptr);
  EXPECT_EQ(r1_.drop_log()->count(DropReason::kNoMroute), 1u);
  observer_.take = true;
  Send(src_);
  EXPECT_EQ(r1_.drop_log()->count(DropReason::kNoMroute), 1u);
  r1_.mfib().Set({wire::Ipv4Address(), Ip("239.1.1.1")}, 1, {}, MfibOwner::kPim);
  Send(src_);  // on eth0, not the iif
  EXPECT_EQ(observer_.heard.back().what, "wrong-iif");
  EXPECT_EQ(r1_.drop_log()->count(DropReason::kRpfFailure), 0u);
  observer_.take = false;
  Send(src_);
  EXPECT_EQ(r1_.drop_log()->count(DropReason::kRpfFailure), 1u);
}

TEST_F(RouterObserverTest, ForwardedDataIsReportedOnlyWhileTheEntryAsks) {
  MfibEntry& e = r1_.mfib().Set({Ip("10.1.0.10"), Ip("239.1.1.1")}, 0, {1}, MfibOwner::kPim);
  Send(src_);
  EXPECT_TRUE(observer_.heard.empty());
  e.notify_data = true;
  Send(src_);
  ASSERT_EQ(observer_.heard.size(), 1u);
  EXPECT_EQ(observer_.heard[0].what, "data");
  EXPECT_EQ(observer_.heard[0].key, (MfibKey{Ip("10.1.0.10"), Ip("239.1.1.1")}));
  EXPECT_EQ(r1_.mfib().Find({Ip("10.1.0.10"), Ip("239.1.1.1")})->packets, 2u);
}

TEST_F(RouterObserverTest, MfibEntriesKeepTheirOwnerAndCountersAcrossUpdates) {
  r1_.AddStaticMroute({{wire::Ipv4Address(), Ip("239.1.1.1")}, 0, {1}});
  EXPECT_EQ(r1_.mfib().Find({wire::Ipv4Address(), Ip("239.1.1.1")})->owner, MfibOwner::kStatic);
  Send(src_);
  MfibEntry& e = r1_.mfib().Set({wire::Ipv4Address(), Ip("239.1.1.1")}, 0, {}, MfibOwner::kPim);
  EXPECT_EQ(e.owner, MfibOwner::kPim);
  EXPECT_EQ(e.packets, 1u);
  EXPECT_TRUE(e.oifs.empty());
}

TEST_F(RouterObserverTest, ModulesHearOfRouteChangesOnlyWhenTheTableChanges) {
  EXPECT_EQ(route_changes_, 1);  // the first computation filled the table
  net_.RecomputeRoutes();
  EXPECT_EQ(route_changes_, 1);
  net_.SetLinkUp(*link2_, false);
  EXPECT_EQ(route_changes_, 2);
  net_.SetLinkUp(*link2_, true);
  EXPECT_EQ(route_changes_, 3);
}

}  // namespace
}  // namespace sim::net
