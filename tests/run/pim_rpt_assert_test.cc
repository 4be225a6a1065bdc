// RPF'(S,G,rpt) after an (S,G) Assert on the RP-facing LAN (RFC 7761 §4.1.6, §4.5.6, §4.5.7), at
// exact instants from lan.pcap and events.jsonl.
//
// The RP hangs off N; the source's DR R0 reaches N and W by their own links; N, W, D and E share
// the LAN (1 ms). D (spt_switchover "never") and E reach the RP through N (RPF'(*,G)) and the
// source through W. X, behind D, reaches the RP through D and the source over its own link to W.
// At 20 s the source starts: E and X join (S,G) toward W; X's SPT bit makes it prune S off D
// (Prune(S,G,rpt)), so D holds (S,G,rpt) state with its own receiver still on it. N (for the RP's
// SPT) and W (for E) then both forward S onto the LAN: an (S,G) Assert, which W wins (metric 2
// against 3). D and E lose it on RPF_interface(RP(G)), so RPF'(S,G,rpt) = W for both.
// At 80 s PIM goes off on W's LAN interface: its goodbye Hello ends the Assert.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/run/pim_run_support.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;
using pim_run::JoinPruneFrames;
using pim_run::NodeEvents;

constexpr char kRptAssert[] = R"j({
  "format": 1, "name": "rpt-assert", "duration": "100s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.1.0.10/24", "gateway": "10.1.0.1"}]},
    {"name": "R0", "type": "router", "interfaces": [{"name": "eth0", "address": "10.1.0.1/24"}, {"name": "eth1", "address": "10.0.2.1/24"}, {"name": "eth2", "address": "10.0.3.1/24"}]},
    {"name": "RP", "type": "router", "interfaces": [{"name": "eth0", "address": "10.9.0.1/24"}]},
    {"name": "N", "type": "router", "interfaces": [{"name": "eth0", "address": "10.9.0.2/24"}, {"name": "eth1", "address": "10.0.0.1/24", "cost": 5}, {"name": "eth2", "address": "10.0.3.2/24", "cost": 2}]},
    {"name": "W", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.2.2/24"}, {"name": "eth1", "address": "10.0.0.2/24", "cost": 10}, {"name": "eth2", "address": "10.0.5.2/24"}]},
    {"name": "D", "type": "router", "pim": {"spt_switchover": "never"}, "interfaces": [{"name": "eth0", "address": "10.0.0.3/24"}, {"name": "eth1", "address": "10.0.4.1/24"}, {"name": "eth2", "address": "10.3.0.1/24"}]},
    {"name": "E", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.4/24"}, {"name": "eth1", "address": "10.4.0.1/24"}]},
    {"name": "X", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.4.2/24"}, {"name": "eth1", "address": "10.0.5.1/24"}, {"name": "eth2", "address": "10.5.0.1/24"}]},
    {"name": "rxd", "type": "host", "interfaces": [{"name": "eth0", "address": "10.3.0.10/24", "gateway": "10.3.0.1"}]},
    {"name": "rxe", "type": "host", "interfaces": [{"name": "eth0", "address": "10.4.0.10/24", "gateway": "10.4.0.1"}]},
    {"name": "rxx", "type": "host", "interfaces": [{"name": "eth0", "address": "10.5.0.10/24", "gateway": "10.5.0.1"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "R0:eth0"]},
    {"name": "r0-w", "endpoints": ["R0:eth1", "W:eth0"]},
    {"name": "r0-n", "endpoints": ["R0:eth2", "N:eth2"]},
    {"name": "rp-n", "endpoints": ["RP:eth0", "N:eth0"]},
    {"name": "lan", "endpoints": ["N:eth1", "W:eth1", "D:eth0", "E:eth0"], "delay": "1ms"},
    {"name": "d-x", "endpoints": ["D:eth1", "X:eth0"]},
    {"name": "w-x", "endpoints": ["W:eth2", "X:eth1"]},
    {"name": "lan-d", "endpoints": ["D:eth2", "rxd:eth0"]},
    {"name": "lan-e", "endpoints": ["E:eth1", "rxe:eth0"]},
    {"name": "lan-x", "endpoints": ["X:eth2", "rxx:eth0"]}
  ],
  "rp": [{"address": "10.9.0.1"}],
  "events": [
    {"at": "0s", "action": "listen", "node": "rxd", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxd", "group": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "listen", "node": "rxe", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxe", "group": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "listen", "node": "rxx", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxx", "group": "239.1.1.1", "socket": "s"},
    {"at": "20s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "rate": "10pps", "until": "30s"},
    {"at": "80s", "action": "set", "node": "W", "interface": "eth1", "pim": false}
  ],
  "expect": [
    {"received": {"node": "rxd", "socket": "s", "min": 101}},
    {"received": {"node": "rxe", "socket": "s", "min": 101}},
    {"received": {"node": "rxx", "socket": "s", "min": 101}}
  ]
})j";

class PimRptAssert : public testing::Test {
 protected:
  static void SetUpTestSuite() { out_ = new fs::path(pim_run::RunJson(kRptAssert, "rpt-assert")); }
  static void TearDownTestSuite() { delete out_; }
  static inline fs::path* out_ = nullptr;
};

TEST_F(PimRptAssert, DLosesTheSourcesAssertOnItsRpSideAndKeepsItsSharedTreeState) {
  // D holds (S,G,rpt) state from X's Prune (20.100007856) before the Asserts cross the LAN, and
  // follows them (AssertTrackingDesired: RPF_interface(RP(G)), JoinDesired(*,G), no SPT bit).
  const std::vector<std::string> asserts = NodeEvents(*out_, "D", "pim.assert");
  ASSERT_EQ(asserts.size(), 4u);
  EXPECT_EQ(asserts[1],
            R"j(20.102005792 "interface": "eth0", "entry": "(10.1.0.10,239.1.1.1)", "from": "I am Assert Loser", )j"
            R"j("event": "receive preferred assert", "to": "I am Assert Loser", "winner": "10.0.0.2", )j"
            R"j("metric": "rpt 0 pref 1 metric 2 10.0.0.2", "at": "3min"})j");
  EXPECT_EQ(asserts[3],
            R"j(80.001000736 "interface": "eth0", "entry": "(10.1.0.10,239.1.1.1)", "from": "I am Assert Loser", )j"
            R"j("event": "winner GenID changes or NLT expires", "to": "NoInfo"})j");
}

TEST_F(PimRptAssert, NLeavesTheAssertWhenDPrunesTheSourceOffItsSharedTree) {
  // N lost the (S,G) Assert on the LAN, where it forwards for joins(*,G) only. When D's periodic
  // Prune(S,G,rpt) takes effect (75.518 s), the LAN leaves ( joins(*,G) (-) prunes(S,G,rpt) ):
  // AssertTrackingDesired(S,G,I) is false (§4.6.1), and N forgets the Assert (A5) instead of
  // following W until its goodbye at 80 s.
  EXPECT_EQ(NodeEvents(*out_, "N", "pim.assert"),
            (std::vector<std::string>{
                R"j(20.101005120 "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1)", "from": "NoInfo", "event": "data arrives on I", "to": "I am Assert Winner", "send": "assert", "winner": "10.0.0.1", "metric": "rpt 0 pref 1 metric 3 10.0.0.1", "at": "177s"})j",
                R"j(20.102005792 "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1)", "from": "I am Assert Winner", "event": "receive preferred assert", "to": "I am Assert Loser", "winner": "10.0.0.2", "metric": "rpt 0 pref 1 metric 2 10.0.0.2", "at": "3min"})j",
                R"j(20.103006464 "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1)", "from": "I am Assert Loser", "event": "receive acceptable assert from winner", "to": "I am Assert Loser", "winner": "10.0.0.2", "metric": "rpt 0 pref 1 metric 2 10.0.0.2", "at": "3min"})j",
                R"j(75.518116131 "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1)", "from": "I am Assert Loser", "event": "AssertTrackingDesired false", "to": "NoInfo"})j"}));
}

TEST_F(PimRptAssert, TriggeredMessagesGoToTheWinnerAndThePeriodicJoinCarriesThePrune) {
  // 20.102005792: E loses the Assert, which sets its SPT bit (A6); PruneDesired(S,G,rpt) sends
  // Prune(S,G,rpt) to RPF'(S,G,rpt), now W (10.0.0.2), not N. D sees a Prune to its own
  // RPF'(S,G,rpt) and overrides it there after t_override (21.797064642).
  // 72.517115331: D's periodic Join(*,G) to N (RPF'(*,G)) carries Prune(S,G,rpt): no SPT bit,
  // inherited_olist(S,G,rpt) = {rxd's LAN}, RPF'(*,G) != RPF'(S,G,rpt) (§4.5.6, third case).
  // 81.139871523: the Assert ended at 80.001000736, "RPF'(S,G,rpt) -> RPF'(*,G)" started the OT,
  // and its Join(S,G,rpt) to N undoes the periodic prune.
  EXPECT_EQ(JoinPruneFrames(*out_, "lan"),
            "1.607774236\t10.0.0.4\t10.0.0.1\t1\t0\n"
            "1.607774972\t10.0.0.3\t10.0.0.1\t1\t0\n"
            "20.001016336\t10.0.0.4\t10.0.0.2\t1\t0\n"
            "20.102005792\t10.0.0.4\t10.0.0.2\t0\t1\n"
            "20.993367667\t10.0.0.4\t10.0.0.2\t1\t0\n"
            "21.797064642\t10.0.0.3\t10.0.0.2\t1\t0\n"
            "72.517115331\t10.0.0.3\t10.0.0.1\t1\t1\n"
            "80.001000736\t10.0.0.4\t10.0.0.2\t0\t1\n"
            "81.139871523\t10.0.0.3\t10.0.0.1\t1\t0\n");
  // The 72.5 s message: Join(*,G) (WC and RPT bits) and Prune(S,G,rpt) (RPT bit only) for S.
  EXPECT_EQ(testing_support::RunTshark((*out_ / "lan.pcap").string(),
                                       {"-Y", "pim.type == 3 && frame.time_relative > 72 && frame.time_relative < 73", "-T", "fields", "-E",
                                        "occurrence=a", "-e", "pim.source", "-e", "pim.source_addr.flags.w", "-e",
                                        "pim.source_addr.flags.r"}),
            "10.9.0.1,10.1.0.10\t1,0\t1,1\n");
}

// D's RPF'(S,G,rpt) moves to W when D loses the (S,G) Assert (20.102005792), and back to N,
// RPF'(*,G), when it ends (80.001000736): each move is a pim.upstream_rpt line.
TEST_F(PimRptAssert, TheAssertsEndGivesTheRpfStarGEventAndNTakesSBack) {
  EXPECT_EQ(NodeEvents(*out_, "D", "pim.upstream_rpt"),
            (std::vector<std::string>{
                R"j(20.100007856 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "RPTNotJoined", "event": "inherited_olist non-empty", "to": "NotPruned"})j",
                R"j(20.102005792 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "RPF'(S,G,rpt) -> AssertWinner(S,G)", "to": "NotPruned", "old_rpf": "10.0.0.1", "rpf": "10.0.0.2"})j",
                R"j(20.103006528 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "see Prune(S,G,rpt)", "to": "NotPruned", "ot": "1.694058114s"})j",
                R"j(21.797064642 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "OT expires", "to": "NotPruned", "send": "join 10.0.0.2"})j",
                R"j(80.001000736 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "RPF'(S,G,rpt) -> RPF'(*,G)", "to": "NotPruned", "old_rpf": "10.0.0.2", "rpf": "10.0.0.1", "ot": "1.138870787s"})j",
                R"j(81.139871523 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "OT expires", "to": "NotPruned", "send": "join 10.0.0.1"})j"}));
  // N takes the periodic prune (3 s Prune-Pending on a LAN of four), then the Join(S,G,rpt).
  EXPECT_EQ(NodeEvents(*out_, "N", "pim.downstream_rpt"),
            (std::vector<std::string>{
                R"j(72.518116131 "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NoInfo", "event": "receive Prune(S,G,rpt)", "to": "PrunePending", "et": "210s", "ppt": "3s"})j",
                R"j(75.518116131 "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "PrunePending", "event": "PPT expires", "to": "Pruned", "et": "207s"})j",
                R"j(81.140872259 "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "Pruned", "event": "receive Join(S,G,rpt)", "to": "NoInfo"})j"}));
}

// The same LAN with 2 ms on R0-N: W's datagrams reach the LAN first, and N's data-triggered
// Assert(*,G) (its SPT bit is not set yet) names the source (§4.9.6). W holds (S,G) with the SPT
// bit and CouldAssert(S,G,LAN), so it answers that Assert with its (S,G) Assert at once (§4.6.1,
// NoInfo, "Receive Assert with RPTbit set and CouldAssert(S,G,I)"), a millisecond before its own
// data would have triggered one; N loses and stays quiet on the (S,G) one. So E gets a single
// (S,G) Assert: A6 sets its SPT bit after the winner change has already recomputed the entry,
// and PruneDesired(S,G,rpt) must be read again at that instant. The Prune(S,G,rpt) goes to W,
// RPF'(S,G,rpt), in the same instant as the Assert arrives, right after the line that moves
// RPF'(S,G,rpt) to W.
TEST(PimRptAssertOneAssert, ASingleLostAssertSetsTheSptBitAndPrunesAtOnce) {
  std::string json = kRptAssert;
  const std::string r0_n = R"j("endpoints": ["R0:eth2", "N:eth2"])j";
  json.insert(json.find(r0_n) + r0_n.size(), R"j(, "delay": "2ms")j");
  const fs::path out = pim_run::RunJson(json);
  const std::vector<std::string> e = NodeEvents(out, "E", "pim.upstream_rpt");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[1], R"j(20.103006464 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "RPF'(S,G,rpt) -> AssertWinner(S,G)", "to": "NotPruned", "old_rpf": "10.0.0.1", "rpf": "10.0.0.2"})j");
  EXPECT_EQ(e[2], R"j(20.103006464 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "PruneDesired true", "to": "Pruned", "send": "prune 10.0.0.2"})j");
  EXPECT_EQ(testing_support::RunTshark((out / "lan.pcap").string(),
                                       {"-Y", "pim.type == 5 || (pim.type == 3 && frame.time_relative > 20 && frame.time_relative < 21)", "-T",
                                        "fields", "-e", "frame.time_relative", "-e", "ip.src", "-e", "pim.type", "-e",
                                        "pim.upstream_neighbor", "-e", "pim.numprunes"}),
            "20.007013336\t10.0.0.4\t3\t10.0.0.2\t0\n"
            "20.101005120\t10.0.0.1\t5\t\t\n"
            "20.102005792\t10.0.0.2\t5\t\t\n"
            "20.103006464\t10.0.0.4\t3\t10.0.0.2\t1\n");
  // N's Assert(*,G) (RPT bit set) names S, as W's Assert(S,G) does.
  EXPECT_EQ(testing_support::RunTshark((out / "lan.pcap").string(), {"-Y", "pim.type == 5", "-T", "fields", "-e",
                                                                     "ip.src", "-e", "pim.source", "-e", "pim.rpt"}),
            "10.0.0.1\t10.1.0.10\t1\n"
            "10.0.0.2\t10.1.0.10\t0\n");
}

}  // namespace
}  // namespace sim::run
