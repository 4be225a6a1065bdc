// Settings and expectation kinds the build does not run are load errors, never silently ignored:
// each names its path and what is missing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

using testing_util::Errors;
using testing_util::FirstError;
using testing_util::Lan;

using Strings = std::vector<std::string>;

constexpr char kIgmpV3[] = "version 3 needs IGMPv3 (RFC 3376), not built yet; versions 1 and 2 run";

std::string WithDefaults(const std::string& defaults) { return Lan(R"("defaults": )" + defaults); }
std::string WithEvent(const std::string& event) { return Lan(R"("events": [)" + event + "]"); }
std::string WithCheck(const std::string& check) { return Lan(R"("expect": [)" + check + "]"); }

TEST(NotBuilt, IgmpVersionThreeWhereverItIsGiven) {
  EXPECT_EQ(Errors(WithDefaults(R"({"igmp": {"version": 3}})")),
            Strings{std::string("/defaults/igmp/version: ") + kIgmpV3});
  EXPECT_EQ(FirstError(testing_util::Doc(
                R"({"name": "H", "type": "host", "igmp": {"version": 3}, "interfaces": []})", "")),
            std::string("/nodes/0/igmp/version: ") + kIgmpV3);
  EXPECT_EQ(FirstError(testing_util::Doc(R"({"name": "R", "type": "router", "interfaces": [
                           {"name": "e", "address": "10.0.0.1/24", "igmp": {"version": 3}}]})",
                                         "")),
            std::string("/nodes/0/interfaces/0/igmp/version: ") + kIgmpV3);
  EXPECT_EQ(FirstError(WithEvent(
                R"({"at": 1, "action": "set", "node": "R1", "igmp": {"version": 3}})")),
            std::string("/events/0/igmp/version: ") + kIgmpV3);
}

TEST(NotBuilt, IgmpVersionsOneAndTwoRun) {
  EXPECT_EQ(FirstError(WithDefaults(R"({"igmp": {"version": 1}})")), "ok");
  EXPECT_EQ(FirstError(WithDefaults(R"({"igmp": {"version": 2}})")), "ok");
}

TEST(NotBuilt, SourceListsOnAJoin) {
  EXPECT_EQ(Errors(WithEvent(
                R"({"at": 1, "action": "join", "node": "H1", "group": "239.1.1.1", "sources": ["192.0.2.1"]})")),
            Strings{"/events/0/sources: a source list needs IGMPv3 (RFC 3376), not built yet"});
  // Even an empty list: it would still ask for an IGMPv3 INCLUDE/EXCLUDE record.
  EXPECT_EQ(FirstError(WithEvent(
                R"({"at": 1, "action": "join", "node": "H1", "group": "239.1.1.1", "sources": []})")),
            "/events/0/sources: a source list needs IGMPv3 (RFC 3376), not built yet");
}

TEST(NotBuilt, SetOfIgmpOnAHost) {
  EXPECT_EQ(Errors(WithEvent(
                R"({"at": 1, "action": "set", "node": "H1", "igmp": {"robustness": 3}})")),
            Strings{"/events/0/igmp: a set of igmp on a host needs host IGMP reconfiguration, not "
                    "built yet"});
  EXPECT_EQ(FirstError(WithEvent(
                R"({"at": 1, "action": "set", "node": "R1", "igmp": {"robustness": 3}})")),
            "ok");
}

TEST(NotBuilt, SptSwitchoverIsBuilt) {
  EXPECT_EQ(FirstError(WithDefaults(R"({"pim": {"spt_switchover": "immediate"}})")), "ok");
  EXPECT_EQ(FirstError(WithEvent(
                R"({"at": 1, "action": "set", "node": "R1", "pim": {"spt_switchover": "immediate"}})")),
            "ok");
  EXPECT_EQ(FirstError(WithDefaults(R"({"pim": {"spt_switchover": "never"}})")), "ok");
}

TEST(NotBuilt, AssertIsBuilt) {
  EXPECT_EQ(FirstError(WithDefaults(R"({"pim": {"assert": true}})")), "ok");
  EXPECT_EQ(FirstError(WithEvent(R"({"at": 1, "action": "set", "node": "R1", "pim": {"assert": true}})")), "ok");
  EXPECT_EQ(FirstError(WithDefaults(R"({"pim": {"assert": false}})")), "ok");
}

TEST(NotBuilt, StartingOrStoppingPimOnARunningRouter) {
  EXPECT_EQ(Errors(WithEvent(
                R"({"at": 1, "action": "set", "node": "R1", "pim": {"enabled": false}})")),
            Strings{"/events/0/pim/enabled: enabled in a set needs PIM started or stopped on a "
                    "running router, not built yet; \"pim\": true or false switches interfaces"});
  const std::string no_pim = Lan(R"("defaults": {"pim": {"enabled": false}}, "events": [)"
                                 R"({"at": 1, "action": "set", "node": "R1", "pim": true},)"
                                 R"({"at": 2, "action": "set", "node": "R1", "dr_priority": 3},)"
                                 R"({"at": 3, "action": "set", "node": "R1", "pim": {"hello_period": "5s"}}])");
  const std::string needs = " needs PIM started at run time (R1 has \"enabled\": false), not built yet";
  EXPECT_EQ(Errors(no_pim), (Strings{"/events/0/pim: a set of pim on R1" + needs,
                                     "/events/1/dr_priority: a set of dr_priority on R1" + needs,
                                     "/events/2/pim: a set of pim on R1" + needs}));
  EXPECT_EQ(FirstError(WithEvent(R"({"at": 1, "action": "set", "node": "R1", "pim": false})")), "ok");
}

TEST(NotBuilt, PacketTypesNoNodeSends) {
  EXPECT_EQ(Errors(WithCheck(R"({"packets": {"link": "lan1", "type": "igmp-report-v3", "max": 0}})")),
            Strings{"/expect/0/packets/type: \"igmp-report-v3\" needs IGMPv3 (RFC 3376), not built "
                    "yet: no node sends it"});
  for (const char* type : {"pim-assert", "igmp-query-general", "igmp-query-group", "igmp-report-v1",
                           "igmp-report-v2", "igmp-leave", "pim-hello", "pim-join-prune",
                           "pim-register", "pim-register-stop", "udp", "icmp-port-unreachable",
                           "arp"}) {
    EXPECT_EQ(FirstError(WithCheck(std::string(R"({"packets": {"link": "lan1", "type": ")") + type +
                                   R"(", "max": 0}})")),
              "ok")
        << type;
  }
}

}  // namespace
}  // namespace sim::scenario
