// When a router prunes source S off G's shared tree: RFC 7761's PruneDesired(S,G,rpt) macro
// (§4.5.7), which drives SgRptUpstream, and the rule that puts a Prune(S,G,rpt) in each periodic
// Join(*,G) (§4.5.6 "(S,G,rpt) Periodic Messages"). Pure functions of the router's state, so the
// glue evaluates them whenever an input changes and the tests need no router.
#ifndef MCASTLAB_PIM_SG_RPT_RULES_H_
#define MCASTLAB_PIM_SG_RPT_RULES_H_

#include <optional>
#include <string_view>

#include "sim/wire/ipv4_address.h"

namespace pim {

// What the rules read for one (S,G); the names are the RFC's.
struct SgRptInputs {
  // RPTJoinDesired(G): JoinDesired(*,G) (this project has no (*,*,RP) state).
  bool rpt_join_desired = false;
  // inherited_olist(S,G,rpt) == NULL: every shared-tree interface pruned S, or there is none.
  bool inherited_olist_empty = true;
  // SPTbit(S,G): S's data arrives on the shortest-path tree.
  bool spt_bit = false;
  sim::wire::Ipv4Address rpf_star_g;  // RPF'(*,G)
  sim::wire::Ipv4Address rpf_sg;      // RPF'(S,G)
  sim::wire::Ipv4Address rpf_sg_rpt;  // RPF'(S,G,rpt): RPF'(*,G) unless an (S,G) assert moved it
};

// RFC 7761 §4.5.7 PruneDesired(S,G,rpt): on the shared tree, and either nothing downstream wants
// S from it, or S comes over the SPT from another neighbor than the shared tree's.
bool PruneDesiredSgRpt(const SgRptInputs& in);

// RFC 7761 §4.5.6: whether the periodic Join(*,G) carries Prune(S,G,rpt), and why: "spt" (S
// comes over the SPT from another neighbor), "olist empty" (every shared-tree interface pruned
// S) or "assert" (an (S,G) assert moved RPF'(S,G,rpt)). Empty when the Join goes without it.
std::optional<std::string_view> PeriodicPruneSgRpt(const SgRptInputs& in);

}  // namespace pim

#endif  // MCASTLAB_PIM_SG_RPT_RULES_H_
