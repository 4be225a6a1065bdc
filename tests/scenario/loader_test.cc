// The loader: the valid fixtures typed field by field, and configuration merging with its
// derived timers. Error reporting and robustness are in loader_errors_test.cc.
#include "sim/scenario/loader.h"

#include <gtest/gtest.h>

#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

using core::Duration;
using core::Microseconds;
using core::Milliseconds;
using core::Seconds;
using testing_util::Doc;
using wire::Ipv4Address;
using wire::Ipv4Prefix;

// Every error of a failed load, one per line, for assertion messages.
std::string AllErrors(const LoadResult& r) {
  std::string out;
  if (!r.ok()) {
    for (const LoadError& e : r.errors()) out += ToString(e) + "\n";
  }
  return out;
}

template <typename T>
const T& As(const Event& e) {
  EXPECT_TRUE(std::holds_alternative<T>(e.action)) << e.json_path << " is " << ActionName(e.action);
  return std::get<T>(e.action);
}

template <typename T>
const T& As(const Expectation& e) {
  EXPECT_TRUE(std::holds_alternative<T>(e.check)) << e.json_path << " is " << KindName(e.check);
  return std::get<T>(e.check);
}

class FullFixture : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(result_.ok()) << AllErrors(result_); }
  const Scenario& s() const { return result_.scenario(); }
  const Router& router(std::size_t i) const { return *s().nodes[i].router(); }

  LoadResult result_ = LoadScenarioFile(testing_util::FixturePath("valid/full.json"));
};

TEST_F(FullFixture, TopLevel) {
  EXPECT_EQ(s().format, 1);
  EXPECT_EQ(s().name, "full-tour_1.0");
  EXPECT_EQ(s().description,
            "Every node type, a shared segment, static mroutes, each action and each check once.");
  EXPECT_EQ(s().seed, 42u);
  EXPECT_EQ(s().duration, Seconds(60));
  EXPECT_EQ(s().default_igmp.version.value, 2);
  EXPECT_EQ(s().default_igmp.version.path, "/defaults/igmp/version");
  EXPECT_EQ(s().default_pim.join_prune_period.value, Seconds(30));
  EXPECT_FALSE(s().capture.all_links);
  EXPECT_EQ(s().capture.links, (std::vector<std::string>{"lan1", "core"}));
  ASSERT_EQ(s().rps.size(), 2u);
  EXPECT_EQ(s().rps[0].address, Ipv4Address(10, 0, 12, 1));
  EXPECT_EQ(s().rps[0].groups, Ipv4Prefix(Ipv4Address(224, 0, 0, 0), 4));
  EXPECT_EQ(s().rps[1].groups, Ipv4Prefix(Ipv4Address(239, 0, 0, 0), 8));
}

TEST_F(FullFixture, Hosts) {
  ASSERT_EQ(s().nodes.size(), 7u);
  const Node& h1 = s().nodes[0];
  EXPECT_EQ(h1.name, "H1");
  ASSERT_EQ(h1.type(), NodeType::kHost);
  ASSERT_EQ(h1.host()->interfaces.size(), 1u);
  EXPECT_EQ(h1.host()->interfaces[0].name, "eth0");
  EXPECT_EQ(h1.host()->interfaces[0].address, Ipv4Prefix(Ipv4Address(10, 0, 1, 10), 24));
  EXPECT_EQ(h1.host()->interfaces[0].gateway, Ipv4Address(10, 0, 1, 1));
  EXPECT_EQ(h1.host()->igmp.version, 2);
  EXPECT_EQ(h1.host()->igmp.unsolicited_report_interval, Seconds(10));  // RFC 2236 §8.10
  EXPECT_EQ(h1.host()->igmp.robustness, 2u);

  const Host& h2 = *s().nodes[4].host();
  EXPECT_EQ(h2.igmp.version, 1);
  EXPECT_EQ(h2.igmp.unsolicited_report_interval, Seconds(10));
  const Host& h3 = *s().nodes[5].host();
  EXPECT_EQ(h3.igmp.version, 2);
  EXPECT_EQ(h3.igmp.unsolicited_report_interval, Milliseconds(2500));
  EXPECT_EQ(h3.igmp.robustness, 4u);
  EXPECT_FALSE(h3.interfaces[0].gateway.has_value());
}

TEST_F(FullFixture, RouterWithNodeLevelQueryInterval) {
  const Router& r1 = router(1);
  EXPECT_EQ(s().nodes[1].name, "R1");
  ASSERT_EQ(r1.interfaces.size(), 2u);
  const RouterInterface& eth0 = r1.interfaces[0];
  EXPECT_EQ(eth0.name, "eth0");
  EXPECT_EQ(eth0.address, Ipv4Prefix(Ipv4Address(10, 0, 1, 1), 24));
  EXPECT_EQ(eth0.cost, 1u);
  EXPECT_TRUE(eth0.pim);
  EXPECT_EQ(eth0.dr_priority, 1u);
  // query_interval 60s at the node: every derived timer follows it.
  EXPECT_EQ(eth0.igmp.version, 2);
  EXPECT_EQ(eth0.igmp.robustness, 2u);
  EXPECT_EQ(eth0.igmp.query_interval, Seconds(60));
  EXPECT_EQ(eth0.igmp.query_response_interval, Seconds(10));
  EXPECT_EQ(eth0.igmp.group_membership_interval, Seconds(130));       // 2 x 60 + 10
  EXPECT_EQ(eth0.igmp.other_querier_present_interval, Seconds(125));  // 2 x 60 + 10 / 2
  EXPECT_EQ(eth0.igmp.startup_query_interval, Seconds(15));           // 60 / 4
  EXPECT_EQ(eth0.igmp.startup_query_count, 2u);
  EXPECT_EQ(eth0.igmp.last_member_query_interval, Seconds(1));
  EXPECT_EQ(eth0.igmp.last_member_query_count, 2u);
  EXPECT_EQ(eth0.igmp_settings.query_interval.path, "/nodes/1/igmp/query_interval");
  EXPECT_EQ(eth0.igmp_settings.version.path, "/defaults/igmp/version");
  const RouterInterface& eth1 = r1.interfaces[1];
  EXPECT_EQ(eth1.cost, 10u);
  EXPECT_EQ(eth1.igmp.other_querier_present_interval, Seconds(125));
  // PIM: join_prune_period from the defaults, its holdtime derived (3.5 x 30s).
  EXPECT_TRUE(r1.pim.enabled);
  EXPECT_EQ(r1.pim.hello_period, Seconds(30));
  EXPECT_EQ(r1.pim.hello_holdtime, Seconds(105));
  EXPECT_EQ(r1.pim.join_prune_period, Seconds(30));
  EXPECT_EQ(r1.pim.join_prune_holdtime, Seconds(105));
  EXPECT_EQ(r1.pim.keepalive_period, Seconds(210));
  EXPECT_EQ(r1.pim.register_suppression, Seconds(60));
  EXPECT_EQ(r1.pim.register_probe, Seconds(5));
  EXPECT_EQ(r1.pim.spt_switchover, SptSwitchover::kImmediate);
  EXPECT_TRUE(r1.pim.assert_enabled);
  ASSERT_EQ(r1.static_mroutes.size(), 1u);
  EXPECT_EQ(r1.static_mroutes[0].source, Ipv4Address(10, 0, 1, 10));
  EXPECT_EQ(r1.static_mroutes[0].group, Ipv4Address(239, 1, 1, 1));
  EXPECT_EQ(r1.static_mroutes[0].iif, "eth0");
  EXPECT_EQ(r1.static_mroutes[0].oifs, (std::vector<std::string>{"eth1"}));
}

TEST_F(FullFixture, RouterWithInterfaceLevelIgmpAndNodePim) {
  const Router& r2 = router(2);
  const RouterInterface& eth0 = r2.interfaces[0];
  EXPECT_EQ(eth0.igmp.query_interval, Seconds(125));
  EXPECT_EQ(eth0.igmp.other_querier_present_interval, Seconds(255));
  EXPECT_EQ(eth0.igmp.startup_query_interval, Milliseconds(31'250));
  const RouterInterface& eth1 = r2.interfaces[1];
  EXPECT_EQ(eth1.dr_priority, 10u);
  EXPECT_FALSE(eth1.pim);
  // robustness 3 and QRI 5s on the interface, QI 125s by default.
  EXPECT_EQ(eth1.igmp.robustness, 3u);
  EXPECT_EQ(eth1.igmp.query_response_interval, Seconds(5));
  EXPECT_EQ(eth1.igmp.group_membership_interval, Seconds(380));                // 3 x 125 + 5
  EXPECT_EQ(eth1.igmp.other_querier_present_interval, Milliseconds(377'500));  // 3 x 125 + 2.5
  EXPECT_EQ(eth1.igmp.startup_query_count, 3u);
  EXPECT_EQ(eth1.igmp.last_member_query_count, 3u);
  EXPECT_EQ(r2.pim.hello_period, Seconds(10));
  EXPECT_EQ(r2.pim.hello_holdtime, Seconds(35));
  EXPECT_EQ(r2.pim.spt_switchover, SptSwitchover::kNever);
  EXPECT_FALSE(r2.pim.assert_enabled);
  ASSERT_EQ(r2.static_mroutes.size(), 1u);
  EXPECT_FALSE(r2.static_mroutes[0].source.has_value());
}

TEST_F(FullFixture, SwitchAndLinks) {
  const Switch& sw = *s().nodes[3].l2_switch();
  EXPECT_EQ(sw.ports, (std::vector<std::string>{"p1", "p2", "p3"}));
  EXPECT_TRUE(sw.igmp_snooping);
  ASSERT_TRUE(sw.querier.has_value());
  EXPECT_EQ(sw.querier->address, Ipv4Address(10, 0, 2, 254));
  EXPECT_TRUE(sw.fast_leave);

  ASSERT_EQ(s().links.size(), 5u);
  const Link& lan1 = s().links[0];
  EXPECT_EQ(lan1.name, "lan1");
  EXPECT_EQ(lan1.endpoints, (std::vector<Endpoint>{{"H1", "eth0"}, {"R1", "eth0"}}));
  EXPECT_EQ(lan1.delay, Microseconds(2));
  EXPECT_EQ(lan1.bandwidth_bps, 100'000'000u);
  EXPECT_FALSE(lan1.cost.has_value());
  const Link& core = s().links[1];
  EXPECT_EQ(core.delay, Milliseconds(5));  // the JSON number 0.005
  EXPECT_EQ(core.bandwidth_bps, 1'000'000'000u);
  EXPECT_EQ(core.cost, 10u);
  const Link& hub = s().links[4];
  EXPECT_EQ(hub.endpoints.size(), 3u);
  EXPECT_EQ(hub.delay, Microseconds(1));
  EXPECT_EQ(hub.bandwidth_bps, 1'500'000u);
}

TEST_F(FullFixture, EventsAreSortedStablyAndTyped) {
  const auto& ev = s().events;
  ASSERT_EQ(ev.size(), 11u);
  const std::vector<std::size_t> file_order = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0};
  for (std::size_t i = 0; i < ev.size(); ++i) {
    EXPECT_EQ(ev[i].index, file_order[i]);
    EXPECT_EQ(ev[i].json_path, "/events/" + std::to_string(file_order[i]));
  }
  const auto& listen = As<ListenAction>(ev[0]);
  EXPECT_EQ(ev[0].at, Seconds(1));
  EXPECT_EQ(listen.node, "H2");
  EXPECT_EQ(listen.port, 5000);
  EXPECT_EQ(listen.bind, Ipv4Address(239, 1, 1, 1));
  EXPECT_EQ(listen.socket, "s5000");
  const auto& join = As<JoinAction>(ev[1]);
  EXPECT_EQ(join.group, Ipv4Address(239, 1, 1, 1));
  EXPECT_EQ(join.socket, "s5000");
  EXPECT_EQ(join.interface, "eth0");
  const auto& listen_u = As<ListenAction>(ev[2]);
  EXPECT_EQ(listen_u.bind, Ipv4Address());
  EXPECT_EQ(listen_u.socket, "u");
  const auto& connect = As<ConnectAction>(ev[3]);
  EXPECT_EQ(connect.socket, "u");
  EXPECT_EQ(connect.to, (SocketAddress{Ipv4Address(10, 0, 2, 11), 7000}));
  const auto& send = As<SendAction>(ev[4]);
  EXPECT_EQ(send.node, "H1");
  EXPECT_EQ(send.to, (SocketAddress{Ipv4Address(239, 1, 1, 1), 5000}));
  EXPECT_EQ(send.size, 200u);
  ASSERT_TRUE(send.rate.has_value());
  EXPECT_EQ(send.rate->interval, Milliseconds(100));
  EXPECT_EQ(send.until, Seconds(20));
  EXPECT_EQ(send.ttl, 1);  // to a group
  EXPECT_EQ(send.source_port, 4000);
  EXPECT_FALSE(send.socket.has_value());
  EXPECT_EQ(As<CloseAction>(ev[5]).socket, "u");
  EXPECT_EQ(As<LeaveAction>(ev[6]).group, Ipv4Address(239, 1, 1, 1));
  EXPECT_EQ(As<LinkAction>(ev[7]).link, "lan1");
  EXPECT_EQ(As<LinkAction>(ev[7]).state, UpDown::kDown);
  EXPECT_EQ(As<NodeAction>(ev[8]).node, "R2");
  const auto& set = As<SetAction>(ev[9]);
  EXPECT_EQ(set.node, "R1");
  EXPECT_EQ(set.interface, "eth0");
  ASSERT_TRUE(set.igmp.has_value());
  EXPECT_EQ(set.igmp->query_interval.value, Seconds(30));
  EXPECT_EQ(set.igmp->query_interval.path, "/events/10/igmp/query_interval");
  EXPECT_FALSE(set.igmp->robustness.given());
  EXPECT_EQ(set.dr_priority, 5u);
  EXPECT_FALSE(set.pim.has_value());
  EXPECT_EQ(As<SnapshotAction>(ev[10]).label, "end");
  EXPECT_EQ(ev[10].at, Seconds(60));  // at == duration is allowed
}

TEST_F(FullFixture, ExpectationsInBothForms) {
  const auto& ex = s().expectations;
  ASSERT_EQ(ex.size(), 8u);
  for (std::size_t i = 0; i < ex.size(); ++i) {
    EXPECT_EQ(ex[i].index, i);
    EXPECT_EQ(ex[i].json_path, "/expect/" + std::to_string(i));
  }
  const auto& received = As<ReceivedCheck>(ex[0]);
  EXPECT_EQ(ex[0].at, Seconds(30));
  EXPECT_EQ(ex[0].from, Seconds(30));
  EXPECT_EQ(ex[0].until, Seconds(30));
  EXPECT_EQ(ex[0].check_path, "/expect/0/received");
  EXPECT_EQ(received.node, "H2");
  EXPECT_EQ(received.socket, "s5000");
  EXPECT_EQ(received.group, Ipv4Address(239, 1, 1, 1));
  EXPECT_FALSE(received.source.has_value());
  EXPECT_EQ(received.min, 100u);
  EXPECT_FALSE(received.max.has_value());

  const auto& mroute = As<MrouteCheck>(ex[1]);  // the flat form
  EXPECT_EQ(ex[1].check_path, "/expect/1");
  EXPECT_EQ(mroute.node, "R1");
  EXPECT_EQ(mroute.source, Ipv4Address(10, 0, 1, 10));
  EXPECT_EQ(mroute.iif, "eth0");
  EXPECT_EQ(mroute.oifs, (std::vector<std::string>{"eth1"}));
  EXPECT_FALSE(mroute.absent);

  const auto& group = As<IgmpGroupCheck>(ex[2]);
  EXPECT_EQ(group.interface, "eth1");
  EXPECT_TRUE(group.present);

  const auto& querier = As<QuerierCheck>(ex[3]);
  EXPECT_FALSE(ex[3].at.has_value());
  EXPECT_EQ(ex[3].from, Seconds(5));
  EXPECT_EQ(ex[3].until, Seconds(30));
  EXPECT_TRUE(querier.is_querier);

  const auto& neighbor = As<PimNeighborCheck>(ex[4]);
  EXPECT_EQ(ex[4].from, Duration::Zero());  // the whole run
  EXPECT_EQ(ex[4].until, Seconds(60));
  EXPECT_EQ(neighbor.neighbor, Ipv4Address(10, 0, 12, 2));
  EXPECT_TRUE(neighbor.present);
  EXPECT_EQ(neighbor.dr, true);

  const auto& packets = As<PacketsCheck>(ex[5]);
  EXPECT_EQ(packets.link, "lan2");
  EXPECT_EQ(packets.type, PacketType::kIgmpReportV2);
  EXPECT_EQ(packets.min, 0u);  // only max given
  EXPECT_EQ(packets.max, 10u);

  const auto& error = As<SocketErrorCheck>(ex[6]);
  EXPECT_EQ(error.socket, "u");
  EXPECT_EQ(error.error, SocketErrorCode::kConnectionRefused);
  EXPECT_EQ(ex[6].until, Seconds(40));

  const auto& snooping = As<SnoopingCheck>(ex[7]);
  EXPECT_EQ(snooping.node, "SW1");
  EXPECT_EQ(snooping.ports, (std::vector<std::string>{"p1", "p2"}));
}

TEST(MinimalFixture, EveryDefault) {
  const LoadResult r = LoadScenarioFile(testing_util::FixturePath("valid/minimal.json"));
  ASSERT_TRUE(r.ok()) << AllErrors(r);
  const Scenario& s = r.scenario();
  EXPECT_EQ(s.duration, Seconds(30));  // a JSON number is seconds
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.description, "");
  EXPECT_TRUE(s.capture.all_links);
  EXPECT_TRUE(s.rps.empty());
  EXPECT_TRUE(s.events.empty());
  EXPECT_TRUE(s.expectations.empty());

  const HostIgmpConfig& host = s.nodes[0].host()->igmp;
  EXPECT_EQ(host.version, 2);
  EXPECT_EQ(host.unsolicited_report_interval, Seconds(10));
  EXPECT_EQ(host.robustness, 2u);

  const RouterInterface& ri = s.nodes[1].router()->interfaces[0];
  EXPECT_EQ(ri.cost, 1u);
  EXPECT_TRUE(ri.pim);
  EXPECT_EQ(ri.dr_priority, 1u);
  EXPECT_EQ(ri.igmp.version, 2);
  EXPECT_EQ(ri.igmp.robustness, 2u);
  EXPECT_EQ(ri.igmp.query_interval, Seconds(125));
  EXPECT_EQ(ri.igmp.query_response_interval, Seconds(10));
  EXPECT_EQ(ri.igmp.group_membership_interval, Seconds(260));
  EXPECT_EQ(ri.igmp.other_querier_present_interval, Seconds(255));
  EXPECT_EQ(ri.igmp.startup_query_interval, Milliseconds(31'250));
  EXPECT_EQ(ri.igmp.startup_query_count, 2u);
  EXPECT_EQ(ri.igmp.last_member_query_interval, Seconds(1));
  EXPECT_EQ(ri.igmp.last_member_query_count, 2u);

  const PimConfig& pim = s.nodes[1].router()->pim;
  EXPECT_TRUE(pim.enabled);
  EXPECT_EQ(pim.hello_period, Seconds(30));
  EXPECT_EQ(pim.hello_holdtime, Seconds(105));
  EXPECT_EQ(pim.join_prune_period, Seconds(60));
  EXPECT_EQ(pim.join_prune_holdtime, Seconds(210));
  EXPECT_EQ(pim.keepalive_period, Seconds(210));
  EXPECT_EQ(pim.register_suppression, Seconds(60));
  EXPECT_EQ(pim.register_probe, Seconds(5));
  EXPECT_EQ(pim.spt_switchover, SptSwitchover::kImmediate);
  EXPECT_TRUE(pim.assert_enabled);

  const Switch& sw = *s.nodes[2].l2_switch();
  EXPECT_EQ(sw.ports, (std::vector<std::string>{"up", "down"}));
  EXPECT_FALSE(sw.igmp_snooping);
  EXPECT_FALSE(sw.querier.has_value());
  EXPECT_FALSE(sw.fast_leave);
  EXPECT_EQ(s.links[0].delay, Microseconds(1));
  EXPECT_EQ(s.links[0].bandwidth_bps, 1'000'000'000u);
}

// One router with IGMP given at three levels.
std::string LayeredIgmp(const std::string& defaults, const std::string& node,
                        const std::string& interface) {
  return R"({"format": 1, "name": "t", "duration": "1s", "defaults": {"igmp": )" + defaults +
         R"(}, "nodes": [{"name": "R", "type": "router", "igmp": )" + node +
         R"(, "interfaces": [{"name": "e", "address": "10.0.0.1/24", "igmp": )" + interface +
         R"(}]}], "links": []})";
}

RouterIgmpConfig LayeredConfig(const std::string& d, const std::string& n, const std::string& i) {
  const LoadResult r = LoadScenario(LayeredIgmp(d, n, i));
  EXPECT_TRUE(r.ok()) << AllErrors(r);
  return r.ok() ? r.scenario().nodes[0].router()->interfaces[0].igmp : RouterIgmpConfig{};
}

TEST(Merging, NearestLevelWinsAndDerivedValuesUseTheMergedInputs) {
  // QI from the defaults, robustness from the node, QRI on the interface.
  const auto c = LayeredConfig(R"({"query_interval": "100s"})", R"({"robustness": 3})",
                               R"({"query_response_interval": "20s"})");
  EXPECT_EQ(c.query_interval, Seconds(100));
  EXPECT_EQ(c.robustness, 3u);
  EXPECT_EQ(c.group_membership_interval, Seconds(320));
  EXPECT_EQ(c.other_querier_present_interval, Seconds(310));
  EXPECT_EQ(c.startup_query_interval, Seconds(25));
  EXPECT_EQ(c.startup_query_count, 3u);
  EXPECT_EQ(c.last_member_query_count, 3u);
  // The interface overrides the node, which overrides the defaults.
  const auto d = LayeredConfig(R"({"query_interval": "100s"})", R"({"query_interval": "80s"})",
                               R"({"query_interval": "40s"})");
  EXPECT_EQ(d.query_interval, Seconds(40));
  EXPECT_EQ(d.startup_query_interval, Seconds(10));
}

TEST(Merging, GivenValuesAreNotDerived) {
  const auto c = LayeredConfig(R"({})", R"({"query_interval": "60s",
      "other_querier_present_interval": "200s", "startup_query_interval": "1s",
      "group_membership_interval": "300s", "startup_query_count": 5,
      "last_member_query_count": 4, "last_member_query_interval": "500ms"})",
                               R"({})");
  EXPECT_EQ(c.other_querier_present_interval, Seconds(200));
  EXPECT_EQ(c.startup_query_interval, Seconds(1));
  EXPECT_EQ(c.group_membership_interval, Seconds(300));
  EXPECT_EQ(c.startup_query_count, 5u);
  EXPECT_EQ(c.last_member_query_count, 4u);
  EXPECT_EQ(c.last_member_query_interval, Milliseconds(500));
}

TEST(Merging, PimHoldtimesFollowTheirPeriods) {
  const std::string doc = Doc(
      R"({"name": "r", "type": "router", "interfaces": [],
          "pim": {"hello_period": "1s", "join_prune_period": "10s", "join_prune_holdtime": "11s"}})",
      "");
  const LoadResult r = LoadScenario(doc);
  ASSERT_TRUE(r.ok()) << AllErrors(r);
  const Scenario& s = r.scenario();
  EXPECT_EQ(s.nodes[0].router()->pim.hello_holdtime, Milliseconds(3500));
  EXPECT_EQ(s.nodes[0].router()->pim.join_prune_holdtime, Seconds(11));
}

}  // namespace
}  // namespace sim::scenario
