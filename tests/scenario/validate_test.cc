// Cross-reference checks: one test per rule, each with the exact message.
#include "sim/scenario/validate.h"

#include <gtest/gtest.h>

#include "sim/scenario/loader.h"
#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

using testing_util::Doc;
using testing_util::Errors;
using testing_util::FirstError;
using testing_util::Lan;

using Strings = std::vector<std::string>;

std::string Host(const std::string& name, const std::string& address,
                 const std::string& more = "") {
  return R"({"name": ")" + name +
         R"(", "type": "host", "interfaces": [{"name": "eth0", "address": ")" + address + "\"" +
         more + "}]}";
}
std::string Switch(const std::string& name, int ports) {
  return R"({"name": ")" + name + R"(", "type": "switch", "ports": )" + std::to_string(ports) + "}";
}
std::string Link(const std::string& name, const std::string& endpoints) {
  return R"({"name": ")" + name + R"(", "endpoints": [)" + endpoints + "]}";
}
std::string Events(const std::string& items) { return R"("events": [)" + items + "]"; }
std::string Expect(const std::string& items) { return R"("expect": [)" + items + "]"; }

TEST(Validate, WorksOnTypedStructsToo) {
  const LoadResult r = LoadScenarioFile(testing_util::FixturePath("valid/full.json"));
  ASSERT_TRUE(r.ok());
  Scenario s = r.scenario();
  EXPECT_TRUE(Validate(s).empty());
  s.nodes.push_back(s.nodes[0]);
  s.links[0].endpoints.push_back({"H9", "eth0"});
  EXPECT_EQ(Validate(s),
            (std::vector<LoadError>{
                {"/nodes/7/name", "duplicate node name \"H1\" (first at /nodes/0)"},
                {"/links/0/endpoints/2", "unknown node \"H9\" (did you mean \"H1\"?)"}}));
}

TEST(Names, DuplicatesOfEveryKind) {
  EXPECT_EQ(FirstError(Doc(Switch("S", 1) + "," + Switch("S", 1), "")),
            "/nodes/1/name: duplicate node name \"S\" (first at /nodes/0)");
  EXPECT_EQ(FirstError(Doc(Switch("S", 2),
                           Link("l", R"("S:p1", "S:p1")") + "," + Link("l", R"("S:p2", "S:p2")"))),
            "/links/0/endpoints/1: S:p1 is already wired at /links/0/endpoints/0 (an endpoint is "
            "used once)");
  EXPECT_EQ(FirstError(
                Doc(Host("a", "10.0.0.1/24") + "," + Host("b", "10.0.0.2/24") + "," +
                        Host("c", "10.0.0.3/24") + "," + Host("d", "10.0.0.4/24"),
                    Link("l", R"("a:eth0", "b:eth0")") + "," + Link("l", R"("c:eth0", "d:eth0")"))),
            "/links/1/name: duplicate link name \"l\" (first at /links/0)");
  EXPECT_EQ(FirstError(Doc(R"({"name": "r", "type": "router", "interfaces": [
                               {"name": "e", "address": "10.0.0.1/24"},
                               {"name": "e", "address": "10.0.1.1/24"}]})",
                           "")),
            "/nodes/0/interfaces/1/name: duplicate interface name \"e\" on r");
  EXPECT_EQ(FirstError(Doc(R"({"name": "s", "type": "switch", "ports": ["a", "b", "a"]})", "")),
            "/nodes/0/ports/2: duplicate port name \"a\" on s");
}

TEST(Endpoints, NameExistingNodesAndInterfaces) {
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24"), Link("l", R"("H1:eth0", "H2:eth0")"))),
            "/links/0/endpoints/1: unknown node \"H2\" (did you mean \"H1\"?)");
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24"), Link("l", R"("H1:eth0", "Router:eth0")"))),
            "/links/0/endpoints/1: unknown node \"Router\"");
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24") + "," + Switch("S", 4),
                           Link("l", R"("H1:eth0", "S:p5")"))),
            "/links/0/endpoints/1: S has no port \"p5\" (did you mean \"p1\"?)");
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24") + "," + Switch("S", 4),
                           Link("l", R"("H1:eht0", "S:p1")"))),
            "/links/0/endpoints/0: H1 has no interface \"eht0\" (did you mean \"eth0\"?)");
}

TEST(Endpoints, EachIsUsedOnceAndTheSecondUseIsTheError) {
  const auto errors =
      Errors(Doc(Host("H1", "10.0.0.1/24") + "," + Switch("S", 3),
                 Link("a", R"("H1:eth0", "S:p1")") + "," + Link("b", R"("S:p2", "H1:eth0")")));
  EXPECT_EQ(errors, (Strings{"/links/1/endpoints/1: H1:eth0 is already wired at "
                             "/links/0/endpoints/0 (an endpoint is used once)"}));
}

TEST(Endpoints, ALinkNeedsTwo) {
  EXPECT_EQ(FirstError(Doc(Switch("S", 1), Link("l", ""))),
            "/links/0/endpoints: a link needs at least 2 endpoints; this one has 0");
  EXPECT_EQ(FirstError(Doc(Switch("S", 1), Link("l", R"("S:p1")"))),
            "/links/0/endpoints: a link needs at least 2 endpoints; this one has 1");
}

TEST(Subnets, OneSubnetPerLayer2Segment) {
  // Through a switch, H2 is on the same segment as H1.
  const std::string nodes =
      Host("H1", "10.0.0.1/24") + "," + Host("H2", "10.0.1.2/24") + "," + Switch("S", 2);
  EXPECT_EQ(FirstError(Doc(nodes, Link("a", R"("H1:eth0", "S:p1")") + "," +
                                      Link("b", R"("S:p2", "H2:eth0")"))),
            "/links/1/endpoints/1: H2:eth0 (10.0.1.2/24) is not in the subnet of H1:eth0 "
            "(10.0.0.1/24) on the same layer-2 segment");
  // The same network with another length is another subnet.
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24") + "," + Host("H2", "10.0.0.2/25"),
                           Link("a", R"("H1:eth0", "H2:eth0")"))),
            "/links/0/endpoints/1: H2:eth0 (10.0.0.2/25) is not in the subnet of H1:eth0 "
            "(10.0.0.1/24) on the same layer-2 segment");
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24") + "," + Host("H2", "10.0.0.1/24"),
                           Link("a", R"("H1:eth0", "H2:eth0")"))),
            "/links/0/endpoints/1: H2:eth0 (10.0.0.1/24) has the same address as H1:eth0 "
            "(10.0.0.1/24) on the same layer-2 segment");
  // Two segments joined by a router may use two subnets.
  EXPECT_EQ(
      FirstError(Doc(Host("H1", "10.0.0.1/24") + "," + Host("H2", "10.0.1.2/24") + "," +
                         R"({"name": "R", "type": "router", "interfaces": [
                                   {"name": "a", "address": "10.0.0.254/24"},
                                   {"name": "b", "address": "10.0.1.254/24"}]})",
                     Link("x", R"("H1:eth0", "R:a")") + "," + Link("y", R"("R:b", "H2:eth0")"))),
      "ok");
}

TEST(Gateways, InsideTheInterfaceSubnet) {
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24", R"(, "gateway": "10.0.1.1")"), "")),
            "/nodes/0/interfaces/0/gateway: 10.0.1.1 is outside the subnet 10.0.0.0/24 of eth0");
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24", R"(, "gateway": "10.0.0.1")"), "")),
            "/nodes/0/interfaces/0/gateway: 10.0.0.1 is the interface's own address");
  EXPECT_EQ(FirstError(Doc(Host("H1", "10.0.0.1/24", R"(, "gateway": "10.0.0.254")"), "")), "ok");
}

TEST(Layer2Loops, TwoSwitchesWithTwoCables) {
  EXPECT_EQ(Errors(Doc(Switch("SW1", 2) + "," + Switch("SW2", 2),
                       Link("lan2", R"("SW1:p1", "SW2:p1")") + "," +
                           Link("lan5", R"("SW2:p2", "SW1:p2")"))),
            (Strings{"/links/1: layer-2 loop: SW1 -> lan2 -> SW2 -> lan5 -> SW1 (mcastlab has no "
                     "spanning tree)"}));
}

TEST(Layer2Loops, TwoPortsOfOneSwitchOnOneLink) {
  EXPECT_EQ(FirstError(Doc(Switch("SW1", 3), Link("hub", R"("SW1:p1", "SW1:p2", "SW1:p3")"))),
            "/links/0: layer-2 loop: SW1 -> hub -> SW1 (mcastlab has no spanning tree)");
  // One error per link, even with two extra ports.
  EXPECT_EQ(Errors(Doc(Switch("SW1", 3), Link("hub", R"("SW1:p1", "SW1:p2", "SW1:p3")"))).size(),
            1u);
}

TEST(Layer2Loops, ThreeSwitchesOnOneSharedSegmentAreATree) {
  EXPECT_EQ(FirstError(Doc(
                Switch("A", 2) + "," + Switch("B", 2) + "," + Switch("C", 2),
                Link("hub", R"("A:p1", "B:p1", "C:p1")") + "," + Link("x", R"("A:p2", "C:p2")"))),
            "/links/1: layer-2 loop: C -> hub -> A -> x -> C (mcastlab has no spanning tree)");
  EXPECT_EQ(FirstError(Doc(Switch("A", 2) + "," + Switch("B", 2) + "," + Switch("C", 2),
                           Link("hub", R"("A:p1", "B:p1", "C:p1")"))),
            "ok");
}

TEST(Layer2Loops, ATriangleIsReportedAtTheLinkThatClosesIt) {
  const std::string nodes = Switch("A", 2) + "," + Switch("B", 2) + "," + Switch("C", 2);
  EXPECT_EQ(
      Errors(Doc(nodes, Link("ab", R"("A:p1", "B:p1")") + "," + Link("bc", R"("B:p2", "C:p1")") +
                            "," + Link("ca", R"("C:p2", "A:p2")"))),
      (Strings{"/links/2: layer-2 loop: A -> ab -> B -> bc -> C -> ca -> A (mcastlab has no "
               "spanning tree)"}));
}

TEST(Layer2Loops, IndependentLoopsAreAllReported) {
  const std::string nodes =
      Switch("A", 2) + "," + Switch("B", 2) + "," + Switch("C", 2) + "," + Switch("D", 2);
  EXPECT_EQ(
      Errors(Doc(nodes, Link("l1", R"("A:p1", "B:p1")") + "," + Link("l2", R"("A:p2", "B:p2")") +
                            "," + Link("l3", R"("C:p1", "D:p1")") + "," +
                            Link("l4", R"("C:p2", "D:p2")"))),
      (Strings{"/links/1: layer-2 loop: B -> l1 -> A -> l2 -> B (mcastlab has no spanning tree)",
               "/links/3: layer-2 loop: D -> l3 -> C -> l4 -> D (mcastlab has no spanning tree)"}));
}

TEST(Layer2Loops, RoutersAndHostsEndASegment) {
  // A router between two switches does not close a loop: it routes, it does not bridge.
  EXPECT_EQ(FirstError(Doc(Switch("A", 2) + "," + Switch("B", 2) + "," +
                               R"({"name": "R", "type": "router", "interfaces": [
                                   {"name": "x", "address": "10.0.0.1/24"},
                                   {"name": "y", "address": "10.0.1.1/24"}]})",
                           Link("l1", R"("A:p1", "B:p1")") + "," + Link("l2", R"("A:p2", "R:x")") +
                               "," + Link("l3", R"("R:y", "B:p2")"))),
            "/links/2/endpoints/0: R:y (10.0.1.1/24) is not in the subnet of R:x (10.0.0.1/24) on "
            "the same layer-2 segment");
}

TEST(StaticMroutes, NameTheRoutersInterfaces) {
  auto route = [](const std::string& routes) {
    return FirstError(Doc(R"({"name": "R", "type": "router", "interfaces": [
        {"name": "a", "address": "10.0.0.1/24"}, {"name": "b", "address": "10.0.1.1/24"}],
        "static_mroutes": [)" +
                              routes + "]}",
                          ""));
  };
  EXPECT_EQ(route(R"({"group": "239.1.1.1", "iif": "a", "oifs": ["b"]})"), "ok");
  EXPECT_EQ(route(R"({"group": "239.1.1.1", "iif": "c", "oifs": ["b"]})"),
            "/nodes/0/static_mroutes/0/iif: R has no interface \"c\"");
  EXPECT_EQ(route(R"({"group": "239.1.1.1", "iif": "a", "oifs": ["b", "x"]})"),
            "/nodes/0/static_mroutes/0/oifs/1: R has no interface \"x\"");
  EXPECT_EQ(route(R"({"group": "239.1.1.1", "iif": "a", "oifs": ["a"]})"),
            "/nodes/0/static_mroutes/0/oifs/0: \"a\" is the iif; a router never forwards out the "
            "interface a packet came in on");
  EXPECT_EQ(route(R"({"group": "239.1.1.1", "iif": "a", "oifs": ["b", "b"]})"),
            "/nodes/0/static_mroutes/0/oifs/1: \"b\" is listed twice");
  EXPECT_EQ(route(R"({"source": "*", "group": "239.1.1.1", "iif": "a"},
                     {"group": "239.1.1.1", "iif": "b"})"),
            "/nodes/0/static_mroutes/1: a second route for the same source and group (first at "
            "/nodes/0/static_mroutes/0)");
  EXPECT_EQ(route(R"({"source": "10.0.0.9", "group": "239.1.1.1", "iif": "a"},
                     {"group": "239.1.1.1", "iif": "a"})"),
            "ok");
  EXPECT_EQ(route(R"({"group": "224.0.0.5", "iif": "a"})"),
            "/nodes/0/static_mroutes/0/group: 224.0.0.5 is in 224.0.0.0/24, which routers never "
            "forward");
  EXPECT_EQ(route(R"({"group": "10.1.1.1", "iif": "a"})"),
            "/nodes/0/static_mroutes/0/group: \"10.1.1.1\" is not a multicast group (outside "
            "224.0.0.0/4)");
  EXPECT_EQ(route(R"({"source": "any", "group": "239.1.1.1", "iif": "a"})"),
            "/nodes/0/static_mroutes/0/source: \"any\" is not a source (expected \"*\" or an IPv4 "
            "address)");
}

TEST(Switches, SnoopingOptionsNeedSnooping) {
  EXPECT_EQ(FirstError(Doc(R"({"name": "S", "type": "switch", "ports": 1,
                               "querier": {"address": "10.0.0.9"}})",
                           "")),
            "/nodes/0/querier: a snooping querier needs \"igmp_snooping\": true");
  EXPECT_EQ(
      FirstError(Doc(R"({"name": "S", "type": "switch", "ports": 1, "fast_leave": true})", "")),
      "/nodes/0/fast_leave: fast_leave needs \"igmp_snooping\": true");
}

TEST(Rps, AddressesAndGroups) {
  EXPECT_EQ(
      FirstError(Lan(
          R"("rp": [{"address": "192.0.2.1"}, {"address": "198.51.100.1", "groups": "239.0.0.0/8"}])")),
      "ok");
  EXPECT_EQ(FirstError(Lan(R"("rp": [{"address": "192.0.2.10"}])")),
            "/rp/0/address: 192.0.2.10 is not the address of any router interface");
  EXPECT_EQ(FirstError(Lan(R"("rp": [{"address": "192.0.2.1", "groups": "10.0.0.0/8"}])")),
            "/rp/0/groups: 10.0.0.0/8 is not a range of multicast groups (inside 224.0.0.0/4)");
  EXPECT_EQ(FirstError(Lan(R"("rp": [{"address": "192.0.2.1", "groups": "0.0.0.0/0"}])")),
            "/rp/0/groups: 0.0.0.0/0 is not a range of multicast groups (inside 224.0.0.0/4)");
  EXPECT_EQ(FirstError(Lan(R"("rp": [{"address": "192.0.2.1"}, {"address": "198.51.100.1"}])")),
            "/rp/1/groups: 224.0.0.0/4 already has an RP (/rp/0)");
}

TEST(Capture, LinksMustExist) {
  EXPECT_EQ(FirstError(Lan(R"("capture": {"links": []})")), "ok");
  EXPECT_EQ(FirstError(Lan(R"("capture": {"links": ["*"]})")), "ok");
  EXPECT_EQ(FirstError(Lan(R"("capture": {"links": ["lan2"]})")),
            "/capture/links/0: unknown link \"lan2\" (did you mean \"lan1\"?)");
  EXPECT_EQ(FirstError(Lan(R"("capture": {"links": ["lan1", "*"]})")),
            "/capture/links/1: \"*\" (every link) must be the only item");
  EXPECT_EQ(FirstError(Lan(R"("capture": {"links": ["lan1", "lan1"]})")),
            "/capture/links/1: link \"lan1\" is listed twice");
}

TEST(Events, TimesWithinTheRun) {
  EXPECT_EQ(FirstError(Lan(Events(R"({"at": "60s", "action": "snapshot"})"))), "ok");
  EXPECT_EQ(FirstError(Lan(Events(R"({"at": "60.000000001s", "action": "snapshot"})"))),
            "/events/0/at: 60.000000001s is after the end of the run (duration 1min)");
  EXPECT_EQ(FirstError(Lan(Events(R"({"at": -1, "action": "snapshot"})"))),
            "/events/0/at: -1 is not a time (negative)");
}

TEST(Events, NameExistingThingsOfTheRightType) {
  EXPECT_EQ(FirstError(Lan(Events(R"({"at": 1, "action": "listen", "node": "R1", "port": 5})"))),
            "/events/0/node: R1 is a router; listen needs a host");
  EXPECT_EQ(FirstError(Lan(
                Events(R"({"at": 1, "action": "leave", "node": "SW1", "group": "239.1.1.1"})"))),
            "/events/0/node: SW1 is a switch; leave needs a host");
  EXPECT_EQ(FirstError(Lan(Events(R"({"at": 1, "action": "link", "link": "lan", "state": "up"})"))),
            "/events/0/link: unknown link \"lan\" (did you mean \"lan1\"?)");
  EXPECT_EQ(
      FirstError(Lan(Events(R"({"at": 1, "action": "node", "node": "R2", "state": "down"})"))),
      "/events/0/node: unknown node \"R2\" (did you mean \"R1\"?)");
  EXPECT_EQ(
      FirstError(Lan(Events(R"({"at": 1, "action": "node", "node": "SW1", "state": "dwon"})"))),
      "/events/0/state: \"dwon\" is not a state (did you mean \"down\"?)");
  EXPECT_EQ(
      FirstError(Lan(Events(R"({"at": 1, "action": "node", "node": "SW1", "state": "off"})"))),
      "/events/0/state: \"off\" is not a state (expected one of: down, up)");
  EXPECT_EQ(
      FirstError(Lan(Events(
          R"({"at": 1, "action": "join", "node": "H1", "group": "239.1.1.1", "interface": "eth1"})"))),
      "/events/0/interface: H1 has no interface \"eth1\" (did you mean \"eth0\"?)");
  EXPECT_EQ(
      FirstError(Lan(Events(
          R"({"at": 1, "action": "listen", "node": "H1", "port": 5, "bind": "192.0.2.10"})"))),
      "/events/0/bind: \"192.0.2.10\" is not a bind address (use \"0.0.0.0\" or a multicast "
      "group)");
}

TEST(Events, SocketsAreOpenedBeforeUseInTimeOrder) {
  const std::string listen = R"({"at": "2s", "action": "listen", "node": "H1", "port": 5000})";
  const std::string send =
      R"({"at": "3s", "action": "send", "node": "H1", "to": "239.1.1.1:5000", "socket": "s5000"})";
  EXPECT_EQ(FirstError(Lan(Events(listen + "," + send))), "ok");
  // File order does not matter, time order does.
  EXPECT_EQ(FirstError(Lan(Events(send + "," + listen))), "ok");
  EXPECT_EQ(
      FirstError(Lan(Events(
          R"({"at": "1s", "action": "send", "node": "H1", "to": "239.1.1.1:5000", "socket": "s5000"},)" +
          listen))),
      "/events/0/socket: socket \"s5000\" is not open on H1 at this time (open it with an "
      "earlier listen)");
  // At the same time, file order decides.
  EXPECT_EQ(FirstError(Lan(Events(
                R"({"at": "2s", "action": "close", "node": "H1", "socket": "s5000"},)" + listen))),
            "/events/0/socket: socket \"s5000\" is not open on H1 at this time (open it with an "
            "earlier listen)");
  const std::string close = R"({"at": "4s", "action": "close", "node": "H1", "socket": "s5000"})";
  EXPECT_EQ(FirstError(Lan(Events(listen + "," + close + "," + close))),
            "/events/2/socket: socket \"s5000\" is not open on H1 at this time (open it with an "
            "earlier listen)");
  EXPECT_EQ(FirstError(Lan(Events(listen + "," + listen))),
            "/events/1/socket: socket \"s5000\" is already open on H1");
  EXPECT_EQ(
      FirstError(Lan(Events(listen + "," + close + "," +
                            R"({"at": "5s", "action": "listen", "node": "H1", "port": 5000})"))),
      "ok");
  EXPECT_EQ(
      FirstError(Lan(Events(
          R"({"at": 1, "action": "connect", "node": "H1", "socket": "x", "to": "192.0.2.1:9"})"))),
      "/events/0/socket: socket \"x\" is not open on H1 at this time (open it with an "
      "earlier listen)");
  EXPECT_EQ(
      FirstError(Lan(Events(
          R"({"at": 1, "action": "join", "node": "H1", "group": "239.1.1.1", "socket": "x"})"))),
      "/events/0/socket: socket \"x\" is not open on H1 at this time (open it with an "
      "earlier listen)");
}

TEST(Events, SendKeysThatGoTogether) {
  auto send = [](const std::string& keys) {
    return FirstError(Lan(Events(
        R"({"at": "2s", "action": "send", "node": "H1", "to": "192.0.2.1:9")" + keys + "}")));
  };
  EXPECT_EQ(send(""), "ok");
  EXPECT_EQ(send(R"(, "count": 3, "rate": "1pps", "until": "5s")"),
            "/events/0/rate: give either count or rate, not both");
  EXPECT_EQ(send(R"(, "rate": "1pps")"),
            "/events/0: missing required key \"until\" (a send with a rate needs an end)");
  EXPECT_EQ(send(R"(, "until": "5s")"), "/events/0/until: until needs a rate");
  EXPECT_EQ(send(R"(, "rate": "1pps", "until": "2s")"),
            "/events/0/until: until 2s is not after at 2s");
  EXPECT_EQ(send(R"(, "size": 65508)"), "/events/0/size: 65508 is not an integer from 0 to 65507");
  EXPECT_EQ(send(R"(, "ttl": 256)"), "/events/0/ttl: 256 is not an integer from 0 to 255");
  EXPECT_EQ(send(R"(, "to": "192.0.2.1")"),
            "/events/0/to: duplicate key (an object may give each key once)");
}

TEST(Events, SendTtlFollowsLinux) {
  const LoadResult r = LoadScenario(Lan(Events(
      R"({"at": 1, "action": "send", "node": "H1", "to": "192.0.2.1:9"},
         {"at": 1, "action": "send", "node": "H1", "to": "239.1.1.1:9"},
         {"at": 1, "action": "send", "node": "H1", "to": "239.1.1.1:9", "ttl": 8})")));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::get<SendAction>(r.scenario().events[0].action).ttl, 64);
  EXPECT_EQ(std::get<SendAction>(r.scenario().events[1].action).ttl, 1);
  EXPECT_EQ(std::get<SendAction>(r.scenario().events[2].action).ttl, 8);
}

TEST(Events, SetFitsTheNodeType) {
  auto set = [](const std::string& keys) {
    return FirstError(Lan(Events(R"({"at": 1, "action": "set")" + keys + "}")));
  };
  EXPECT_EQ(
      set(R"(, "node": "R1", "interface": "eth0", "igmp": {"query_interval": "30s"}, "dr_priority": 3, "cost": 2, "pim": false)"),
      "ok");
  EXPECT_EQ(set(R"(, "node": "R1", "pim": {"hello_period": "5s"})"), "ok");
  EXPECT_EQ(set(R"(, "node": "SW1", "igmp": {"version": 2})"),
            "/events/0/node: SW1 is a switch; set needs a router or a host");
  EXPECT_EQ(set(R"(, "node": "R1")"),
            "/events/0: a set changes nothing (give igmp, pim, dr_priority or cost)");
  EXPECT_EQ(set(R"(, "node": "R1", "interface": "eth7", "cost": 2)"),
            "/events/0/interface: R1 has no interface \"eth7\" (did you mean \"eth0\"?)");
  EXPECT_EQ(set(R"(, "node": "H1", "dr_priority": 2)"),
            "/events/0/dr_priority: a router setting; H1 is a host");
  EXPECT_EQ(set(R"(, "node": "H1", "pim": true)"), "/events/0/pim: a router setting; H1 is a host");
  // Refused whole, whatever its keys (not_built_test.cc).
  EXPECT_EQ(set(R"(, "node": "H1", "igmp": {"query_interval": "30s"})"),
            "/events/0/igmp: a set of igmp on a host needs host IGMP reconfiguration, not built yet");
  EXPECT_EQ(set(R"(, "node": "R1", "igmp": {"unsolicited_report_interval": "3s"})"),
            "/events/0/igmp/unsolicited_report_interval: not an IGMP setting of a router (R1)");
  // The merged result must still hold: QRI 10s is not below a QI of 8s.
  EXPECT_EQ(set(R"(, "node": "R1", "igmp": {"query_interval": "8s"})"),
            "/events/0/igmp: query_response_interval 10s must be less than query_interval 8s (RFC "
            "2236 §8.3)");
  EXPECT_EQ(set(R"(, "node": "R1", "pim": {"register_suppression": "6s"})"),
            "/events/0/pim: register_probe 5s must be less than half of register_suppression 6s "
            "(RFC 7761 §4.11)");
}

TEST(Expectations, NameExistingThingsOfTheRightType) {
  const std::string listen = Events(R"({"at": 1, "action": "listen", "node": "H1", "port": 5})");
  auto check = [&](const std::string& item) {
    return FirstError(Lan(listen + ", " + Expect(item)));
  };
  EXPECT_EQ(check(R"({"received": {"node": "H1", "socket": "s5"}})"), "ok");
  EXPECT_EQ(check(R"({"received": {"node": "R1"}})"),
            "/expect/0/received/node: R1 is a router; received needs a host");
  EXPECT_EQ(check(R"({"kind": "received", "node": "H1", "socket": "s6"})"),
            "/expect/0/socket: no listen opens a socket \"s6\" on H1 (did you mean \"s5\"?)");
  EXPECT_EQ(check(R"({"socket_error": {"node": "H1", "socket": "s6", "error": "ECONNREFUSED"}})"),
            "/expect/0/socket_error/socket: no listen opens a socket \"s6\" on H1 (did you mean "
            "\"s5\"?)");
  EXPECT_EQ(check(R"({"socket_error": {"node": "H1", "socket": "s5", "error": "EPIPE"}})"),
            "/expect/0/socket_error/error: \"EPIPE\" is not a socket error (expected one of: "
            "ECONNREFUSED)");
  EXPECT_EQ(check(R"({"mroute": {"node": "H1", "source": "*", "group": "239.1.1.1"}})"),
            "/expect/0/mroute/node: H1 is a host; mroute needs a router");
  EXPECT_EQ(
      check(R"({"mroute": {"node": "R1", "source": "*", "group": "239.1.1.1", "iif": "eth2"}})"),
      "/expect/0/mroute/iif: R1 has no interface \"eth2\" (did you mean \"eth0\"?)");
  EXPECT_EQ(
      check(
          R"({"mroute": {"node": "R1", "source": "*", "group": "239.1.1.1", "oifs": ["eth1", "eth1"]}})"),
      "/expect/0/mroute/oifs/1: \"eth1\" is listed twice");
  EXPECT_EQ(
      check(
          R"({"mroute": {"node": "R1", "source": "*", "group": "239.1.1.1", "absent": true, "oifs": []}})"),
      "/expect/0/mroute/absent: an absent route has no iif or oifs to check");
  EXPECT_EQ(
      check(
          R"({"igmp_group": {"node": "R1", "interface": "eth9", "group": "239.1.1.1", "present": false}})"),
      "/expect/0/igmp_group/interface: R1 has no interface \"eth9\" (did you mean \"eth0\"?)");
  EXPECT_EQ(check(R"({"querier": {"node": "SW1", "interface": "p1", "is": true}})"),
            "/expect/0/querier/node: SW1 is a switch; querier needs a router");
  EXPECT_EQ(
      check(R"({"pim_neighbor": {"node": "R1", "interface": "eth0", "neighbor": "192.0.2.300"}})"),
      "/expect/0/pim_neighbor/neighbor: \"192.0.2.300\" is not an IPv4 address");
  EXPECT_EQ(check(R"({"packets": {"link": "lan3", "type": "udp"}})"),
            "/expect/0/packets/link: unknown link \"lan3\" (did you mean \"lan1\"?)");
  EXPECT_EQ(check(R"({"packets": {"link": "lan1", "type": "igmp-reprot-v2"}})"),
            "/expect/0/packets/type: \"igmp-reprot-v2\" is not a packet type (did you mean "
            "\"igmp-report-v2\"?)");
  EXPECT_EQ(check(R"({"packets": {"link": "lan1", "type": "udp", "min": 5, "max": 4}})"),
            "/expect/0/packets/max: max 4 is less than min 5");
  EXPECT_EQ(check(R"({"snooping": {"node": "SW1", "group": "239.1.1.1", "ports": ["p1", "p3"]}})"),
            "/expect/0/snooping/ports/1: SW1 has no port \"p3\" (did you mean \"p1\"?)");
  EXPECT_EQ(check(R"({"snooping": {"node": "R1", "group": "239.1.1.1", "ports": []}})"),
            "/expect/0/snooping/node: R1 is a router; snooping needs a switch");
}

// Every reference to a node, link, interface, port or socket suggests the name meant: the same
// name in other letter case first ("rx" for "RX" is two edits away), then a near spelling.
TEST(DidYouMean, EveryKindOfNameAtItsPath) {
  EXPECT_EQ(FirstError(Doc(Host("RX", "10.0.0.1/24") + "," + Host("tx", "10.0.0.2/24"),
                           Link("l", R"("rx:eth0", "tx:eth0")"))),
            "/links/0/endpoints/0: unknown node \"rx\" (did you mean \"RX\"?)");
  EXPECT_EQ(FirstError(Doc(Host("RX", "10.0.0.1/24") + "," + Host("tx", "10.0.0.2/24"),
                           Link("l", R"("RX:ETH0", "tx:eth0")"))),
            "/links/0/endpoints/0: RX has no interface \"ETH0\" (did you mean \"eth0\"?)");
  const std::string listen = R"({"at": 1, "action": "listen", "node": "H1", "port": 5})";
  auto event = [&](const std::string& e) { return FirstError(Lan(Events(listen + ", " + e))); };
  EXPECT_EQ(event(R"({"at": 2, "action": "leave", "node": "h1", "group": "239.1.1.1"})"),
            "/events/1/node: unknown node \"h1\" (did you mean \"H1\"?)");
  EXPECT_EQ(event(R"({"at": 2, "action": "node", "node": "sw1", "state": "down"})"),
            "/events/1/node: unknown node \"sw1\" (did you mean \"SW1\"?)");
  EXPECT_EQ(event(R"({"at": 2, "action": "link", "link": "LAN1", "state": "down"})"),
            "/events/1/link: unknown link \"LAN1\" (did you mean \"lan1\"?)");
  EXPECT_EQ(event(R"({"at": 2, "action": "join", "node": "H1", "group": "239.1.1.1", "interface": "Eth0"})"),
            "/events/1/interface: H1 has no interface \"Eth0\" (did you mean \"eth0\"?)");
  EXPECT_EQ(event(R"({"at": 2, "action": "set", "node": "R1", "interface": "eht1", "cost": 2})"),
            "/events/1/interface: R1 has no interface \"eht1\" (did you mean \"eth1\"?)");
  EXPECT_EQ(event(R"({"at": 2, "action": "send", "node": "H1", "to": "239.1.1.1:5", "socket": "S5"})"),
            "/events/1/socket: socket \"S5\" is not open on H1 at this time (did you mean \"s5\"?) (open "
            "it with an earlier listen)");
  EXPECT_EQ(event(R"({"at": 2, "action": "close", "node": "H1", "socket": "sock"})"),
            "/events/1/socket: socket \"sock\" is not open on H1 at this time (open it with an earlier "
            "listen)");
  auto expect = [&](const std::string& e) { return FirstError(Lan(Events(listen) + ", " + Expect(e))); };
  EXPECT_EQ(expect(R"({"received": {"node": "H1", "socket": "S5"}})"),
            "/expect/0/received/socket: no listen opens a socket \"S5\" on H1 (did you mean \"s5\"?)");
  EXPECT_EQ(expect(R"({"received": {"node": "h1"}})"),
            "/expect/0/received/node: unknown node \"h1\" (did you mean \"H1\"?)");
  EXPECT_EQ(expect(R"({"mroute": {"node": "r1", "source": "*", "group": "239.1.1.1"}})"),
            "/expect/0/mroute/node: unknown node \"r1\" (did you mean \"R1\"?)");
  EXPECT_EQ(expect(R"({"mroute": {"node": "R1", "source": "*", "group": "239.1.1.1", "iif": "ETH1"}})"),
            "/expect/0/mroute/iif: R1 has no interface \"ETH1\" (did you mean \"eth1\"?)");
  EXPECT_EQ(expect(R"({"querier": {"node": "R1", "interface": "ETH0", "is": true}})"),
            "/expect/0/querier/interface: R1 has no interface \"ETH0\" (did you mean \"eth0\"?)");
  EXPECT_EQ(expect(R"({"packets": {"link": "Lan1", "type": "udp"}})"),
            "/expect/0/packets/link: unknown link \"Lan1\" (did you mean \"lan1\"?)");
  EXPECT_EQ(expect(R"({"snooping": {"node": "SW1", "group": "239.1.1.1", "ports": ["P2"]}})"),
            "/expect/0/snooping/ports/0: SW1 has no port \"P2\" (did you mean \"p2\"?)");
  EXPECT_EQ(FirstError(Lan(R"("capture": {"links": ["LAN1"]})")),
            "/capture/links/0: unknown link \"LAN1\" (did you mean \"lan1\"?)");
  // No name near: no suggestion.
  EXPECT_EQ(expect(R"({"received": {"node": "receiver"}})"), "/expect/0/received/node: unknown node \"receiver\"");
}

TEST(Expectations, SnoopingNeedsASnoopingSwitch) {
  EXPECT_EQ(
      FirstError(Doc(Switch("S", 2), "",
                     Expect(R"({"snooping": {"node": "S", "group": "239.1.1.1", "ports": []}})"))),
      "/expect/0/snooping/node: S does not snoop IGMP (\"igmp_snooping\" is false)");
}

TEST(Expectations, TimesAndForms) {
  auto check = [](const std::string& item) { return FirstError(Lan(Expect(item))); };
  const std::string kind = R"("querier": {"node": "R1", "interface": "eth0", "is": true})";
  EXPECT_EQ(check("{" + kind + "}"), "ok");
  EXPECT_EQ(check(R"({"at": "61s", )" + kind + "}"),
            "/expect/0/at: 61s is after the end of the run (duration 1min)");
  EXPECT_EQ(check(R"({"from": "61s", "until": "70s", )" + kind + "}"),
            "/expect/0/from: 61s is after the end of the run (duration 1min)");
  EXPECT_EQ(check(R"({"until": "70s", )" + kind + "}"),
            "/expect/0/until: 70s is after the end of the run (duration 1min)");
  EXPECT_EQ(check(R"({"at": "1s", "from": "0s", )" + kind + "}"),
            "/expect/0/at: give either at or from/until, not both");
  EXPECT_EQ(check(R"({"kind": "recieved", "node": "H1"})"),
            "/expect/0/kind: \"recieved\" is not an expectation kind (did you mean \"received\"?)");
  EXPECT_EQ(check(R"({"kind": "received", "nodes": "H1"})"),
            "/expect/0: missing required key \"node\"");
  EXPECT_EQ(Errors(Lan(Expect(R"({"kind": "received", "node": "H1", "mni": 1})"))),
            (Strings{"/expect/0/mni: unknown key (did you mean \"min\"?)"}));
  EXPECT_EQ(
      check(R"({"kind": "querier", "querier": {}})"),
      "/expect/0: two kinds (\"querier\" and \"querier\"); an expectation checks exactly one");
  EXPECT_EQ(check(R"({"received": "H1"})"),
            "/expect/0/received: \"H1\" is not a check (expected a JSON object)");
}

TEST(Expectations, BothFormsGiveTheSameCheck) {
  const LoadResult r = LoadScenario(Lan(Expect(
      R"({"at": "5s", "igmp_group": {"node": "R1", "interface": "eth0", "group": "239.1.1.1", "present": false}},
         {"at": "5s", "kind": "igmp_group", "node": "R1", "interface": "eth0", "group": "239.1.1.1", "present": false})")));
  ASSERT_TRUE(r.ok());
  const auto& a = std::get<IgmpGroupCheck>(r.scenario().expectations[0].check);
  const auto& b = std::get<IgmpGroupCheck>(r.scenario().expectations[1].check);
  EXPECT_EQ(a.node, b.node);
  EXPECT_EQ(a.interface, b.interface);
  EXPECT_EQ(a.group, b.group);
  EXPECT_FALSE(a.present);
  EXPECT_FALSE(b.present);
}

}  // namespace
}  // namespace sim::scenario
