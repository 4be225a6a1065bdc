// The loader: the valid fixtures typed field by field, configuration merging and derived timers,
// the error format, and robustness against any input.
#include "sim/scenario/loader.h"

#include <gtest/gtest.h>

#include <random>

#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

using core::Duration;
using core::Microseconds;
using core::Milliseconds;
using core::Seconds;
using testing_util::Doc;
using testing_util::Errors;
using testing_util::FirstError;
using testing_util::Lan;
using testing_util::ReadFixture;
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
  EXPECT_EQ(h2.igmp.version, 3);
  EXPECT_EQ(h2.igmp.unsolicited_report_interval, Seconds(1));  // RFC 3376 §8.11
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
  EXPECT_EQ(join.sources, (std::vector<Ipv4Address>{Ipv4Address(10, 0, 1, 10)}));
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
  EXPECT_EQ(packets.type, PacketType::kIgmpReportV3);
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

TEST(Merging, HostVersionThreeShortensTheReportInterval) {
  const std::string doc = Doc(
      R"({"name": "a", "type": "host", "interfaces": []},
         {"name": "b", "type": "host", "igmp": {"unsolicited_report_interval": "3s"}, "interfaces": []})",
      "", R"("defaults": {"igmp": {"version": 3, "query_interval": "90s"}})");
  const LoadResult r = LoadScenario(doc);
  ASSERT_TRUE(r.ok()) << AllErrors(r);
  const Scenario& s = r.scenario();
  EXPECT_EQ(s.nodes[0].host()->igmp.version, 3);
  EXPECT_EQ(s.nodes[0].host()->igmp.unsolicited_report_interval, Seconds(1));
  EXPECT_EQ(s.nodes[1].host()->igmp.unsolicited_report_interval, Seconds(3));
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

TEST(ErrorFormat, TheContractExamples) {
  const std::string four_nodes = Doc(
      R"({"name": "a", "type": "switch", "ports": 1}, {"name": "b", "type": "switch", "ports": 1},
         {"name": "c", "type": "switch", "ports": 1},
         {"name": "d", "type": "router", "interfaces": [{"name": "e", "address": "192.0.2.300/24"}]})",
      "");
  EXPECT_EQ(FirstError(four_nodes),
            "/nodes/3/interfaces/0/address: \"192.0.2.300/24\" is not an IPv4 prefix");
  EXPECT_EQ(FirstError(Doc(R"({"name": "a", "type": "switch", "ports": 1}, {"name": "b"})", "")),
            "/nodes/1: missing required key \"type\"");
  EXPECT_EQ(FirstError(Lan().replace(Lan().find("\"endpoints\""), 0, "\"delai\": \"1ms\", ")),
            "/links/0/delai: unknown key (did you mean \"delay\"?)");
}

TEST(ErrorFormat, ADocumentLevelErrorIsItsMessage) {
  EXPECT_EQ(ToString(LoadError{"", "missing required key \"duration\""}),
            "missing required key \"duration\"");
  EXPECT_EQ(ToString(LoadError{"/a~1b", "x"}), "/a~1b: x");
  EXPECT_EQ(FirstError(Lan(R"("a/b~c": 1)")),
            "/a~1b~0c: unknown key (expected one of: format, "
            "name, description, seed, duration, defaults, nodes, "
            "links, rp, events, expect, capture)");
}

TEST(ErrorFormat, NodesMayOmitInterfacesAndPorts) {
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host"}, {"name": "r", "type": "router"},
                              {"name": "s", "type": "switch"})",
                           "")),
            "ok");
  EXPECT_EQ(FirstError(Lan(R"("expect": [{"received": {"nod": "H1"}}])")),
            "/expect/0/received: missing required key \"node\"");
  EXPECT_EQ(Errors(Lan(R"("expect": [{"received": {"nod": "H1"}}])")).back(),
            "/expect/0/received/nod: unknown key (did you mean \"node\"?)");
}

TEST(ErrorFormat, UnknownKeysEverywhereWithOrWithoutSuggestion) {
  EXPECT_EQ(FirstError(Lan(R"("sede": 3)")), "/sede: unknown key (did you mean \"seed\"?)");
  EXPECT_EQ(FirstError(Lan(R"("colour": 3)")),
            "/colour: unknown key (expected one of: format, name, description, seed, duration, "
            "defaults, nodes, links, rp, events, expect, capture)");
  EXPECT_EQ(FirstError(Lan(R"("defaults": {"igmp": {"robustnes": 2}})")),
            "/defaults/igmp/robustnes: unknown key (did you mean \"robustness\"?)");
  EXPECT_EQ(FirstError(Lan(R"("defaults": {"pim": {"helo_period": "5s"}})")),
            "/defaults/pim/helo_period: unknown key (did you mean \"hello_period\"?)");
  EXPECT_EQ(FirstError(Lan(R"("capture": {"link": []})")),
            "/capture: missing required key \"links\"");
  EXPECT_EQ(FirstError(Lan(R"("events": [{"at": 1, "action": "snapshot", "lable": "x"}])")),
            "/events/0/lable: unknown key (did you mean \"label\"?)");
  EXPECT_EQ(
      FirstError(Lan(
          R"("expect": [{"at": 1, "querier": {"node": "R1", "interface": "eth0", "si": true}}])")),
      "/expect/0/querier: missing required key \"is\"");
  EXPECT_EQ(FirstError(Lan(R"("rp": [{"address": "192.0.2.1", "group": "239.0.0.0/8"}])")),
            "/rp/0/group: unknown key (did you mean \"groups\"?)");
}

TEST(ErrorFormat, KeysOfOtherNodeTypesSayWhere) {
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host", "interfaces": [], "ports": 2})", "")),
            "/nodes/0/ports: a switch key, not allowed on a host");
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host", "interfaces": [], "pim": {}})", "")),
            "/nodes/0/pim: a router key, not allowed on a host");
  EXPECT_EQ(FirstError(Doc(R"({"name": "s", "type": "switch", "ports": 2, "interfaces": []})", "")),
            "/nodes/0/interfaces: a switch has ports, not interfaces");
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host",
                           "interfaces": [{"name": "e", "address": "10.0.0.1/8", "dr_priority": 3}]})",
                           "")),
            "/nodes/0/interfaces/0/dr_priority: a router interface key, not allowed on a host");
  EXPECT_EQ(
      FirstError(Doc(R"({"name": "r", "type": "router", "interfaces": [],
                           "igmp": {"unsolicited_report_interval": "1s"}})",
                     "")),
      "/nodes/0/igmp/unsolicited_report_interval: a host IGMP setting, not allowed on a router");
}

TEST(ErrorFormat, WrongJsonTypesAreErrorsNotExceptions) {
  EXPECT_EQ(
      FirstError(R"({"format": 1, "name": "t", "duration": true, "nodes": [], "links": []})"),
      "/duration: true is not a time (expected a string such as \"1.5s\" or a number of seconds)");
  EXPECT_EQ(FirstError(R"({"format": "1", "name": "t", "duration": 1, "nodes": [], "links": []})"),
            "/format: \"1\" is not a supported format (this mcastlab reads format 1)");
  EXPECT_EQ(FirstError(R"({"format": 1, "name": 7, "duration": 1, "nodes": [], "links": []})"),
            "/name: 7 is not a name (expected a string)");
  EXPECT_EQ(FirstError(R"({"format": 1, "name": "t", "duration": 1, "nodes": {}, "links": []})"),
            "/nodes: {} is not an array");
  EXPECT_EQ(
      FirstError(R"({"format": 1, "name": "t", "duration": 1, "nodes": ["R1"], "links": []})"),
      "/nodes/0: \"R1\" is not a node (expected a JSON object)");
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "duration": 1, "nodes": [], "links": [], "seed": -1})"),
      "/seed: -1 is not an integer of at least 0");
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "duration": 1, "nodes": [], "links": [], "seed": 1.5})"),
      "/seed: 1.5 is not an integer of at least 0");
  EXPECT_EQ(FirstError(R"({"format": 1, "name": "t", "duration": "0s", "nodes": [], "links": []})"),
            "/duration: \"0s\" is not an interval (must be more than 0)");
  EXPECT_EQ(FirstError("[]"), "[] is not a scenario (expected a JSON object)");
  EXPECT_EQ(FirstError("null"), "null is not a scenario (expected a JSON object)");
}

TEST(ErrorFormat, LargeSeedsAndNumbersAreTyped) {
  const LoadResult r = LoadScenario(
      R"({"format": 1, "name": "t", "duration": 1.5e1, "nodes": [], "links": [], "seed": 18446744073709551615})");
  ASSERT_TRUE(r.ok()) << ToString(r.errors().front());
  EXPECT_EQ(r.scenario().seed, UINT64_MAX);
  EXPECT_EQ(r.scenario().duration, Seconds(15));
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "duration": 1, "nodes": [], "links": [], "seed": 18446744073709551616})"),
      "/seed: 18446744073709551616 is not an integer of at least 0");
}

TEST(ErrorFormat, LongValuesAreCut) {
  const std::string long_name(500, 'x');
  const std::string e = FirstError(Lan(R"("description": [")" + long_name + R"("])"));
  EXPECT_EQ(e.substr(0, 20), "/description: [\"xxxx");
  EXPECT_NE(e.find("... is not a string"), std::string::npos) << e;
  EXPECT_LT(e.size(), 120u);
}

TEST(InvalidJson, ReportsLineAndColumn) {
  const auto errors = Errors("{\n  \"format\": 1,\n}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("invalid JSON at line 3, column 1: ", 0), 0u) << errors[0];
  EXPECT_EQ(Errors("")[0].rfind("invalid JSON at line 1, column 1: ", 0), 0u) << Errors("")[0];
  EXPECT_EQ(Errors("{\"a\": tru}")[0].rfind("invalid JSON at line 1, column ", 0), 0u);
  EXPECT_EQ(Errors("{} {}")[0].rfind("invalid JSON at line 1, column 4: ", 0), 0u)
      << Errors("{} {}")[0];
  const auto bad_utf8 = Errors("{\"name\": \"\xff\"}");
  ASSERT_EQ(bad_utf8.size(), 1u);
  EXPECT_NE(bad_utf8[0].find("invalid JSON at line 1"), std::string::npos);
}

TEST(InvalidJson, DeepNestingIsRefusedWithoutRecursion) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(FirstError(deep), "invalid scenario: JSON nested deeper than 64 levels");
}

TEST(InvalidJson, DuplicateKeysAreErrors) {
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "name": "u", "duration": 1, "nodes": [], "links": []})"),
      "/name: duplicate key (an object may give each key once)");
}

TEST(LoadFile, UnreadableFilesNameTheFile) {
  const auto missing = LoadScenarioFile("/nonexistent/dir/x.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(ToString(missing.errors()[0]),
            "cannot read scenario file \"/nonexistent/dir/x.json\": No such file or directory");
  const auto directory = LoadScenarioFile(testing_util::FixturePath("valid"));
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(ToString(directory.errors()[0]).find("cannot read scenario file"), std::string::npos);
}

TEST(AllErrors, AreCollectedInDocumentOrder) {
  // Links come before nodes in the text; the errors follow the text, not the reading order.
  const std::string doc = R"({
    "format": 1, "name": "t",
    "links": [{"name": "l", "endpoints": ["a:b", "c:d"], "delay": "1 parsec"}],
    "duration": "-1s",
    "nodes": [{"name": "bad name", "type": "switch", "ports": 0}],
    "events": [{"at": "1s", "action": "snapshot", "label": 3}]
  })";
  EXPECT_EQ(Errors(doc), (std::vector<std::string>{
                             "/links/0/delay: \"1 parsec\" is not a time (unknown unit \"parsec\"; "
                             "use ns, us, ms, s or min)",
                             "/duration: \"-1s\" is not a time (negative)",
                             "/nodes/0/name: \"bad name\" is not a name (use only letters, digits, "
                             "\"_\", \".\" and \"-\")",
                             "/nodes/0/ports: 0 is not an integer from 1 to 4096",
                             "/events/0/label: 3 is not a string",
                         }));
}

TEST(AllErrors, ABadDefaultIsReportedOnce) {
  const std::string doc = Doc(
      R"({"name": "r1", "type": "router", "interfaces": [{"name": "e", "address": "10.0.0.1/24"}]},
         {"name": "r2", "type": "router", "interfaces": [{"name": "e", "address": "10.0.1.1/24"}]})",
      "", R"("defaults": {"igmp": {"query_interval": "5s"}})");
  EXPECT_EQ(Errors(doc),
            (std::vector<std::string>{
                "/defaults/igmp/query_interval: query_response_interval 10s must be less than "
                "query_interval 5s (RFC 2236 §8.3)"}));
}

TEST(AllErrors, ValidationWaitsForACleanTyping) {
  // The unknown node in the event would be reported too if typing had succeeded.
  const auto errors = Errors(
      Lan(R"("seed": "x", "events": [{"at": 1, "action": "node", "node": "X", "state": "up"}])"));
  EXPECT_EQ(errors, (std::vector<std::string>{"/seed: \"x\" is not an integer of at least 0"}));
}

TEST(ConfigRules, RfcLimitsAreCheckedWhereTheValueIsGiven) {
  auto router_igmp = [](const std::string& igmp) {
    return FirstError(Doc(R"({"name": "r", "type": "router", "igmp": )" + igmp +
                              R"(, "interfaces": [{"name": "e", "address": "10.0.0.1/24"}]})",
                          ""));
  };
  EXPECT_EQ(router_igmp(R"({"query_response_interval": "26s"})"),
            "/nodes/0/igmp/query_response_interval: query_response_interval 26s exceeds 25.5s, the "
            "largest Max Resp Time of IGMPv2");
  EXPECT_EQ(
      router_igmp(R"({"version": 3, "query_response_interval": "26s", "query_interval": "1h"})"),
      "/nodes/0/igmp/query_interval: \"1h\" is not a time (unknown unit \"h\"; use ns, us, ms, s "
      "or min)");
  EXPECT_EQ(
      router_igmp(R"({"version": 3, "query_response_interval": "26s", "query_interval": "60min"})"),
      "ok");
  EXPECT_EQ(router_igmp(R"({"last_member_query_interval": "30s"})"),
            "/nodes/0/igmp/last_member_query_interval: last_member_query_interval 30s exceeds "
            "25.5s, the largest Max Resp Time of IGMPv2");
  EXPECT_EQ(router_igmp(R"({"robustness": 0})"),
            "/nodes/0/igmp/robustness: 0 is not an integer from 1 to 255");
  EXPECT_EQ(router_igmp(R"({"version": 4})"),
            "/nodes/0/igmp/version: 4 is not an integer from 1 to 3");
  EXPECT_EQ(router_igmp(R"({"query_interval": "0s"})"),
            "/nodes/0/igmp/query_interval: \"0s\" is not an interval (must be more than 0)");
  EXPECT_EQ(router_igmp(R"({"query_interval": "9223372036s", "robustness": 255})"),
            "ok");  // saturates
  EXPECT_EQ(FirstError(Doc(R"({"name": "r", "type": "router", "interfaces": [],
                               "pim": {"register_probe": "30s"}})",
                           "")),
            "/nodes/0/pim/register_probe: register_probe 30s must be less than half of "
            "register_suppression 1min (RFC 7761 §4.11)");
  EXPECT_EQ(FirstError(Doc(R"({"name": "r", "type": "router", "interfaces": [],
                               "pim": {"spt_switchover": "sometimes"}})",
                           "")),
            "/nodes/0/pim/spt_switchover: \"sometimes\" is not an SPT switchover policy (expected "
            "one of: immediate, never)");
}

// Deterministic mutations of a valid scenario: most keep the JSON valid and swap one value for
// another kind of value, so the typing and validation code sees every kind of wrong input.
class Mutator {
 public:
  explicit Mutator(std::uint64_t seed) : rng_(seed) {}

  std::string Mutate(std::string text) {
    const int rounds = 1 + static_cast<int>(Next(3));
    for (int i = 0; i < rounds; ++i) MutateOnce(text);
    return text;
  }

 private:
  std::uint64_t Next(std::uint64_t n) { return rng_() % n; }

  // Half-open ranges [begin, end) of the string literals in `text`, quotes included.
  static std::vector<std::pair<std::size_t, std::size_t>> Strings(const std::string& text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '"') continue;
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      if (j >= text.size()) break;
      out.emplace_back(i, j + 1);
      i = j;
    }
    return out;
  }

  void MutateOnce(std::string& text) {
    static const std::vector<std::string> kValues = {"\"*\"",
                                                     "\"\"",
                                                     "\"0s\"",
                                                     "\"1.5s\"",
                                                     "\"-1s\"",
                                                     "\"99999999999min\"",
                                                     "\"10pps\"",
                                                     "\"1Gbps\"",
                                                     "\"224.0.0.1\"",
                                                     "\"239.1.1.1\"",
                                                     "\"10.0.1.1/24\"",
                                                     "\"R1:eth0\"",
                                                     "\"SW1:p1\"",
                                                     "\"H1\"",
                                                     "\"R2\"",
                                                     "\"lan1\"",
                                                     "\"eth1\"",
                                                     "\"s5000\"",
                                                     "\"u\"",
                                                     "\"host\"",
                                                     "\"router\"",
                                                     "\"switch\"",
                                                     "\"join\"",
                                                     "\"received\"",
                                                     "\"ECONNREFUSED\"",
                                                     "0",
                                                     "-1",
                                                     "1",
                                                     "3",
                                                     "65536",
                                                     "1e400",
                                                     "18446744073709551616",
                                                     "0.5",
                                                     "true",
                                                     "false",
                                                     "null",
                                                     "[]",
                                                     "{}",
                                                     "[\"p1\"]",
                                                     "{\"x\": 1}",
                                                     "\"udp\"",
                                                     "\"immediate\""};
    const auto strings = Strings(text);
    switch (Next(10)) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
      case 5: {  // replace a string (a value or a key) by another JSON value
        if (strings.empty()) break;
        const auto [b, e] = strings[Next(strings.size())];
        text.replace(b, e - b, kValues[Next(kValues.size())]);
        break;
      }
      case 6:
      case 7: {  // replace a number or literal that follows a colon
        std::size_t b = text.find(':', Next(text.size()));
        if (b == std::string::npos) break;
        b = text.find_first_not_of(' ', b + 1);
        if (b == std::string::npos ||
            std::string("-0123456789tfn").find(text[b]) == std::string::npos)
          break;
        const std::size_t e = text.find_first_of(",}]\n ", b);
        text.replace(b, (e == std::string::npos ? text.size() : e) - b,
                     kValues[Next(kValues.size())]);
        break;
      }
      case 8:  // delete or insert a byte
        if (Next(2) == 0 && !text.empty()) {
          text.erase(Next(text.size()), 1);
        } else {
          text.insert(Next(text.size() + 1), 1, "{}[],:\"0a\\ \xff"[Next(13)]);
        }
        break;
      case 9: {  // duplicate a span (repeats keys, array items, whole objects)
        const std::size_t b = Next(text.size() + 1);
        const std::size_t n = Next(200);
        if (Next(2) == 0) {
          text.insert(Next(text.size() + 1), text.substr(b, n));
        } else {
          text.erase(b, n);
        }
        break;
      }
    }
  }

  std::mt19937_64 rng_;
};

TEST(Robustness, TwoThousandMutationsNeverThrow) {
  const std::string base = ReadFixture("valid/full.json");
  ASSERT_TRUE(LoadScenario(base).ok());
  Mutator mutator(20240601);
  int loaded = 0, typed_errors = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string text = mutator.Mutate(base);
    try {
      const LoadResult r = LoadScenario(text);
      if (r.ok()) {
        ++loaded;
      } else {
        ASSERT_FALSE(r.errors().empty());
        for (const LoadError& e : r.errors()) ASSERT_FALSE(ToString(e).empty());
        if (r.errors()[0].path != "") ++typed_errors;
      }
    } catch (...) {
      FAIL() << "mutation " << i << " threw; input:\n" << text;
    }
  }
  // Most mutations must get past the JSON parser, or the test would only fuzz nlohmann.
  EXPECT_GT(typed_errors + loaded, 1000)
      << "loaded " << loaded << ", typed errors " << typed_errors;
}

}  // namespace
}  // namespace sim::scenario
