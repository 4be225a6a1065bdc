// A PIM neighbor change on the shared tree's side of a last-hop router that is on the SPT: the
// lesson pim-spt-switchover.json, with R2 (the RP) turning PIM off and on again on its link to
// R3. R3's (S,G) looks toward the source (eth2), its (*,G) toward the RP (eth0). The (S,G,rpt)
// machine follows RPF'(*,G) (RFC 7761 §4.5.7), so a neighbor change on eth0 must recompute the
// (S,G) entry as well as the (*,G) one, although RPF'(S,G) does not change.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/run/pim_run_support.h"
#include "tests/support/child_process.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

// The lesson without its expectations, with R2's PIM off on eth1 at 70 s and on again at 75 s,
// and a snapshot after each.
std::string Scenario() {
  std::string text = testing_support::ReadWholeFile(fs::path(MCASTLAB_SOURCE_DIR) / "topologies" /
                                                    "pim-spt-switchover.json");
  const std::string last = R"({"at": "90s", "action": "snapshot", "label": "on-spt"})";
  const auto at = text.find(last);
  if (at == std::string::npos) {
    ADD_FAILURE() << "the lesson has no snapshot at 90 s any more";
    return text;
  }
  text.insert(at, R"({"at": "70s", "action": "set", "node": "R2", "interface": "eth1", "pim": false},
    {"at": "70.5s", "action": "snapshot", "label": "r2-gone"},
    {"at": "75s", "action": "set", "node": "R2", "interface": "eth1", "pim": true},
    {"at": "85s", "action": "snapshot", "label": "r2-back"},
    )");
  return pim_run::WithoutExpectations(text);
}

class PimNeighborChange : public testing::Test {
 protected:
  static void SetUpTestSuite() { out_ = new fs::path(pim_run::RunJson(Scenario(), "neighbor-change")); }
  static void TearDownTestSuite() {
    delete out_;
    out_ = nullptr;
  }
  static fs::path* out_;
};

fs::path* PimNeighborChange::out_ = nullptr;

TEST_F(PimNeighborChange, R3LosesAndRegainsR2AsItsNeighborOnTheSharedTreeSide) {
  // R2's goodbye (holdtime 0) arrives 1 ms after 70 s; its first Hello after PIM is back on
  // comes rand(0, 5 s) after 75 s.
  std::vector<std::string> eth0;
  for (const std::string& e : pim_run::NodeEvents(*out_, "R3", "pim.neighbor")) {
    if (e.find("\"eth0\"") != std::string::npos) eth0.push_back(e);
  }
  EXPECT_EQ(eth0, (std::vector<std::string>{
                "3.577657824 \"interface\": \"eth0\", \"neighbor\": \"10.0.23.1\", \"change\": \"up\", \"holdtime\": 105, "
                "\"dr_priority\": 1, \"generation_id\": \"0x6d422ac7\"}",
                "70.001000736 \"interface\": \"eth0\", \"neighbor\": \"10.0.23.1\", \"change\": \"down\", \"reason\": "
                "\"goodbye\"}",
                "78.763169432 \"interface\": \"eth0\", \"neighbor\": \"10.0.23.1\", \"change\": \"up\", \"holdtime\": 105, "
                "\"dr_priority\": 1, \"generation_id\": \"0x735dc6b1\"}"}));
}

TEST_F(PimNeighborChange, TheRptPruneFollowsRpfStarGWhileTheSptStays) {
  // RPF'(*,G) is unknown between the goodbye and the next Hello (NBR() is NULL, §4.1.6), and the
  // (S,G,rpt) row says so too; the (S,G) keeps R1 over eth2 and its SPT bit throughout.
  const std::string gone = pim_run::NodeTables(*out_, "state-070.500000000-r2-gone.txt", "R3");
  EXPECT_NE(gone.find("(*,239.1.1.1)              Joined    0.0.0.0 "), std::string::npos) << gone;
  EXPECT_NE(gone.find("(10.1.0.10,239.1.1.1)      Joined    10.0.13.1 "), std::string::npos) << gone;
  EXPECT_NE(gone.find("(10.1.0.10,239.1.1.1,rpt)  Pruned    0.0.0.0 "), std::string::npos) << gone;
  const std::string back = pim_run::NodeTables(*out_, "state-085.000000000-r2-back.txt", "R3");
  EXPECT_NE(back.find("(*,239.1.1.1)              Joined    10.0.23.1 "), std::string::npos) << back;
  EXPECT_NE(back.find("(10.1.0.10,239.1.1.1)      Joined    10.0.13.1 "), std::string::npos) << back;
  EXPECT_NE(back.find("(10.1.0.10,239.1.1.1,rpt)  Pruned    10.0.23.1 "), std::string::npos) << back;
}

TEST_F(PimNeighborChange, TheJoinStarGToTheReturningRpCarriesThePruneOfTheSource) {
  // At the goodbye, the Prune(*,G) to the old RPF' alone; at the Hello, the triggered Join(*,G)
  // with the Prune(S,G,rpt) in the same message (§4.5.6), so the RP does not send the source
  // down the shared tree again.
  EXPECT_EQ(pim_run::JoinPruneFrames(*out_, "r2-r3"), "3.577658560\t10.0.23.2\t10.0.23.1\t1\t0\n"
                                             "40.101003080\t10.0.23.2\t10.0.23.1\t0\t1\n"
                                             "63.577657824\t10.0.23.2\t10.0.23.1\t1\t1\n"
                                             "70.001000736\t10.0.23.2\t10.0.23.1\t0\t1\n"
                                             "78.763170168\t10.0.23.2\t10.0.23.1\t1\t1\n");
}

}  // namespace
}  // namespace sim::run
