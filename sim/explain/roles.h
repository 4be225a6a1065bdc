// Who holds which role at a given instant of a run, replayed from events.jsonl: the IGMP
// querier of each router interface (and each switch's snooping querier), the PIM DR of each
// interface, the RPs, the snooping switches' router ports, the members of each group, and what
// is powered off or cut. What `mcastlab graph` writes beside each node.
#ifndef MCASTLAB_SIM_EXPLAIN_ROLES_H_
#define MCASTLAB_SIM_EXPLAIN_ROLES_H_

#include <cstdint>
#include <set>
#include <string>

#include "sim/explain/run_record.h"

namespace sim::explain {

struct Roles {
  std::set<std::string> querier;       // "R1:eth0" in state Querier; "SW1" for a snooping querier
  std::set<std::string> dr;            // "R1:eth0" where this router is the DR
  std::set<std::string> rp;            // nodes that own an RP address of topology.json
  std::set<std::string> router_ports;  // "SW1:p1"
  std::set<std::string> members;       // "H1:eth0 239.1.1.1": a host's membership
  std::set<std::string> joins;         // "R2:eth1 (*,239.1.1.1)": downstream Join or PrunePending
  std::set<std::string> rpt_prunes;    // "R2:eth1 (S,G,rpt)": S pruned off G's shared tree there
  std::set<std::string> down_nodes;
  std::set<std::string> down_links;
};

// The roles after every event at or before `at` (nanoseconds).
Roles RolesAt(const RunRecord& r, std::int64_t at);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_ROLES_H_
