#include "pim/sg_rpt_rules.h"

namespace pim {

bool PruneDesiredSgRpt(const SgRptInputs& in) {
  // "RPTJoinDesired(G) AND (inherited_olist(S,G,rpt) == NULL OR (SPTbit(S,G) == TRUE AND
  // RPF'(*,G) != RPF'(S,G)))".
  if (!in.rpt_join_desired) return false;
  return in.inherited_olist_empty || (in.spt_bit && in.rpf_star_g != in.rpf_sg);
}

std::optional<std::string_view> PeriodicPruneSgRpt(const SgRptInputs& in) {
  // The three cases are tried in the RFC's order. With the SPT bit set the first one decides
  // alone: on the SPT through the shared tree's own neighbor, pruning would cut S off entirely.
  if (in.spt_bit) {
    if (in.rpf_star_g != in.rpf_sg) return "spt";
    return std::nullopt;
  }
  if (in.inherited_olist_empty) return "olist empty";
  if (in.rpf_star_g != in.rpf_sg_rpt) return "assert";
  return std::nullopt;
}

}  // namespace pim
