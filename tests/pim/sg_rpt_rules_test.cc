// PruneDesired(S,G,rpt) (RFC 7761 §4.5.7) and the periodic Prune(S,G,rpt) rule (§4.5.6), case by
// case: the last-hop router after its switch to the SPT, the RP path's branch point, and an
// (S,G) assert on the shared tree.
#include "pim/sg_rpt_rules.h"

#include <gtest/gtest.h>

namespace pim {
namespace {

using sim::wire::Ipv4Address;

constexpr Ipv4Address kTowardRp{10, 0, 23, 2};
constexpr Ipv4Address kTowardSource{10, 0, 13, 1};
constexpr Ipv4Address kAssertWinner{10, 0, 23, 3};

// A last-hop router on the shared tree, nothing pruned, no SPT yet: RPF'(*,G) and RPF'(S,G) are
// different neighbors (the RP is off the shortest path).
SgRptInputs OnSharedTree() {
  SgRptInputs in;
  in.rpt_join_desired = true;
  in.inherited_olist_empty = false;
  in.rpf_star_g = kTowardRp;
  in.rpf_sg = kTowardSource;
  in.rpf_sg_rpt = kTowardRp;
  return in;
}

TEST(SgRptRules, NothingToPruneBeforeTheSpt) {
  const SgRptInputs in = OnSharedTree();
  EXPECT_FALSE(PruneDesiredSgRpt(in));
  EXPECT_EQ(PeriodicPruneSgRpt(in), std::nullopt);
}

TEST(SgRptRules, SptBitWithAnotherNeighborPrunesTheSharedTree) {
  SgRptInputs in = OnSharedTree();
  in.spt_bit = true;
  EXPECT_TRUE(PruneDesiredSgRpt(in));
  EXPECT_EQ(PeriodicPruneSgRpt(in), "spt");
}

TEST(SgRptRules, SptBitThroughTheSharedTreeNeighborKeepsIt) {
  // The SPT and the shared tree leave through the same neighbor: pruning S off the shared tree
  // there would prune it off the SPT as well.
  SgRptInputs in = OnSharedTree();
  in.spt_bit = true;
  in.rpf_sg = kTowardRp;
  EXPECT_FALSE(PruneDesiredSgRpt(in));
  EXPECT_EQ(PeriodicPruneSgRpt(in), std::nullopt);
  in.inherited_olist_empty = true;  // the SPT-bit case decides the periodic rule alone
  EXPECT_EQ(PeriodicPruneSgRpt(in), std::nullopt);
  EXPECT_TRUE(PruneDesiredSgRpt(in));
}

TEST(SgRptRules, EmptyInheritedOlistPrunes) {
  // A branch point: every downstream interface sent Prune(S,G,rpt).
  SgRptInputs in = OnSharedTree();
  in.inherited_olist_empty = true;
  EXPECT_TRUE(PruneDesiredSgRpt(in));
  EXPECT_EQ(PeriodicPruneSgRpt(in), "olist empty");
}

TEST(SgRptRules, AssertOnTheSharedTreePrunesPeriodicallyOnly) {
  // An (S,G) assert moved RPF'(S,G,rpt) away from RPF'(*,G): the periodic Join(*,G) prunes S;
  // PruneDesired has no such case.
  SgRptInputs in = OnSharedTree();
  in.rpf_sg_rpt = kAssertWinner;
  EXPECT_FALSE(PruneDesiredSgRpt(in));
  EXPECT_EQ(PeriodicPruneSgRpt(in), "assert");
}

TEST(SgRptRules, TheAssertCaseComesLast) {
  // §4.5.6 tries the SPT bit first: on the SPT through RPF'(*,G), an (S,G) assert winner as
  // RPF'(S,G,rpt) prunes nothing. Without the SPT bit an empty olist names the prune first.
  SgRptInputs in = OnSharedTree();
  in.rpf_sg_rpt = kAssertWinner;
  in.spt_bit = true;
  in.rpf_sg = kTowardRp;
  EXPECT_EQ(PeriodicPruneSgRpt(in), std::nullopt);
  in.spt_bit = false;
  in.inherited_olist_empty = true;
  EXPECT_EQ(PeriodicPruneSgRpt(in), "olist empty");
  // The assert over, RPF'(S,G,rpt) is RPF'(*,G) again: no prune.
  in.inherited_olist_empty = false;
  in.rpf_sg_rpt = kTowardRp;
  EXPECT_EQ(PeriodicPruneSgRpt(in), std::nullopt);
}

TEST(SgRptRules, OffTheSharedTreeNothingIsDesired) {
  SgRptInputs in = OnSharedTree();
  in.rpt_join_desired = false;
  in.spt_bit = true;
  in.inherited_olist_empty = true;
  EXPECT_FALSE(PruneDesiredSgRpt(in));
}

}  // namespace
}  // namespace pim
