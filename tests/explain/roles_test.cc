// Roles replayed from event lines: a querier that loses the election, a DR, router ports added
// and aged, memberships, and everything a node holds lost when it powers off.
#include "sim/explain/roles.h"

#include <gtest/gtest.h>

namespace sim::explain {
namespace {

using Set = std::set<std::string>;

RecordedEvent Event(std::int64_t t, std::string node, std::string kind, std::map<std::string, std::string> fields) {
  RecordedEvent e;
  e.t = t;
  e.node = std::move(node);
  e.kind = std::move(kind);
  e.fields = std::move(fields);
  return e;
}

RunRecord Record() {
  RunRecord r;
  r.nodes = {{"R1", "router", {{"eth0", "02:00:00:00:01:00", "10.0.0.1/24", "lan"}}},
             {"R2", "router", {{"eth0", "02:00:00:00:02:00", "10.0.0.2/24", "lan"}}},
             {"SW", "switch", {{"p1", "02:00:00:00:03:00", "", "lan"}}}};
  r.rps = {{"239.0.0.0/8", "10.0.0.2"}};
  r.events = {
      Event(0, "R1", "igmp.querier", {{"interface", "eth0"}, {"from", "Initial"}, {"to", "Querier"}}),
      Event(0, "R2", "igmp.querier", {{"interface", "eth0"}, {"from", "Initial"}, {"to", "Querier"}}),
      Event(1, "R2", "igmp.querier", {{"interface", "eth0"}, {"from", "Querier"}, {"to", "NonQuerier"}}),
      Event(1, "R2", "pim.dr", {{"interface", "eth0"}, {"i_am_dr", "true"}}),
      Event(2, "SW", "igmp.snooping", {{"port", "p1"}, {"change", "router port added"}}),
      Event(3, "H1", "membership.join", {{"interface", "eth0"}, {"group", "239.1.1.1"}}),
      Event(4, "R2", "pim.downstream", {{"interface", "eth0"}, {"entry", "(*,239.1.1.1)"}, {"to", "Join"}}),
      Event(5, "SW", "igmp.snooping", {{"port", "p1"}, {"change", "router port aged"}}),
      Event(6, "R2", "node.down", {}),
      Event(7, "", "link.down", {{"link", "lan"}}),
  };
  return r;
}

TEST(Roles, TheLowerAddressKeepsTheQuerierRoleAndTheRpIsItsAddressOwner) {
  const Roles r = RolesAt(Record(), 1);
  EXPECT_EQ(r.querier, Set{"R1:eth0"});
  EXPECT_EQ(r.dr, Set{"R2:eth0"});
  EXPECT_EQ(r.rp, Set{"R2"});
}

TEST(Roles, RouterPortsAndMembersComeAndGo) {
  EXPECT_EQ(RolesAt(Record(), 4).router_ports, Set{"SW:p1"});
  EXPECT_EQ(RolesAt(Record(), 4).members, Set{"H1:eth0 239.1.1.1"});
  EXPECT_EQ(RolesAt(Record(), 5).router_ports, Set{});
  EXPECT_EQ(RolesAt(Record(), 5).joins, Set{"R2:eth0 (*,239.1.1.1)"});
}

TEST(Roles, PowerOffLosesTheRolesAndLinkDownIsRecorded) {
  const Roles r = RolesAt(Record(), 7);
  EXPECT_EQ(r.dr, Set{});
  EXPECT_EQ(r.joins, Set{});
  EXPECT_EQ(r.down_nodes, Set{"R2"});
  EXPECT_EQ(r.down_links, Set{"lan"});
  EXPECT_EQ(r.querier, Set{"R1:eth0"});
}

}  // namespace
}  // namespace sim::explain
