// Who takes part in an (S,G) Assert on a LAN where the (*,G) Assert was settled first (RFC 7761
// §4.6.1 CouldAssert(S,G,I) and AssertTrackingDesired(S,G,I); lost_assert(S,G,rpt), §4.6.5), at
// exact instants from lan.pcap, events.jsonl and the 50 s snapshot.
//
// N and M both hang off the RP's LAN (connected routes to the RP: the (*,G) metrics tie); M is
// the DR of the LAN below, with a receiver rxl on it, and stays on the shared tree ("never"). D
// ("never") and E join (*,G) through N; E reaches the source through W. N also sits on the
// source's LAN (cost 20, so nobody routes through it there, but its (S,G) metric is a connected
// one, better than W's). At 20 s the first datagram crosses the LAN from N and M: the (*,G)
// Assert, which M wins on its higher address; D and E move their Join(*,G) to M. N's SPT bit
// comes from the RP's Join(S,G); E joins (S,G) through W, and W and M then both forward S onto
// the LAN: W's (S,G) Assert at 20.101 s.
// - N lost the (*,G) Assert there and has no Join(S,G) on the LAN: not in CouldAssert(S,G,I)
//   nor AssertTrackingDesired(S,G,I) (lost_assert(*,G)), so it keeps out of the (S,G) Assert
//   although its metric is the best.
// - M and D hold no (S,G) entry. M, with the LAN in its shared-tree olist, and D, whose
//   RPF_interface(RP(G)) is the LAN, both track W's Assert: each makes the entry. M's lost
//   Assert takes the LAN out of inherited_olist(S,G,rpt) (lost_assert(S,G,rpt)), so only W
//   forwards S there; D takes W as RPF'(S,G,rpt).
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
using pim_run::NodeTables;

constexpr char kLanAssert[] = R"j({
  "format": 1, "name": "lan-assert", "duration": "100s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.1.0.10/24", "gateway": "10.1.0.1"}]},
    {"name": "R0", "type": "router", "interfaces": [{"name": "eth0", "address": "10.1.0.1/24", "dr_priority": 10}, {"name": "eth1", "address": "10.0.2.1/24"}, {"name": "eth2", "address": "10.0.3.1/24"}]},
    {"name": "RP", "type": "router", "interfaces": [{"name": "eth0", "address": "10.9.0.1/24"}]},
    {"name": "N", "type": "router", "interfaces": [{"name": "eth0", "address": "10.9.0.2/24"}, {"name": "eth1", "address": "10.0.0.1/24", "cost": 5}, {"name": "eth2", "address": "10.0.3.2/24", "cost": 2}, {"name": "eth3", "address": "10.1.0.2/24", "cost": 20}]},
    {"name": "W", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.2.2/24"}, {"name": "eth1", "address": "10.0.0.2/24", "cost": 10}]},
    {"name": "D", "type": "router", "pim": {"spt_switchover": "never"}, "interfaces": [{"name": "eth0", "address": "10.0.0.3/24"}, {"name": "eth1", "address": "10.3.0.1/24"}]},
    {"name": "E", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.4/24"}, {"name": "eth1", "address": "10.4.0.1/24"}]},
    {"name": "M", "type": "router", "pim": {"spt_switchover": "never"}, "interfaces": [{"name": "eth0", "address": "10.9.0.3/24"}, {"name": "eth1", "address": "10.0.0.5/24", "dr_priority": 10}]},
    {"name": "rxd", "type": "host", "interfaces": [{"name": "eth0", "address": "10.3.0.10/24", "gateway": "10.3.0.1"}]},
    {"name": "rxe", "type": "host", "interfaces": [{"name": "eth0", "address": "10.4.0.10/24", "gateway": "10.4.0.1"}]},
    {"name": "rxl", "type": "host", "interfaces": [{"name": "eth0", "address": "10.0.0.10/24", "gateway": "10.0.0.5"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "R0:eth0", "N:eth3"]},
    {"name": "r0-w", "endpoints": ["R0:eth1", "W:eth0"]},
    {"name": "r0-n", "endpoints": ["R0:eth2", "N:eth2"]},
    {"name": "rp-lan", "endpoints": ["RP:eth0", "N:eth0", "M:eth0"]},
    {"name": "lan", "endpoints": ["N:eth1", "W:eth1", "D:eth0", "E:eth0", "M:eth1", "rxl:eth0"], "delay": "1ms"},
    {"name": "lan-d", "endpoints": ["D:eth1", "rxd:eth0"]},
    {"name": "lan-e", "endpoints": ["E:eth1", "rxe:eth0"]}
  ],
  "rp": [{"address": "10.9.0.1"}],
  "events": [
    {"at": "0s", "action": "listen", "node": "rxl", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxl", "group": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "listen", "node": "rxd", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxd", "group": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "listen", "node": "rxe", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxe", "group": "239.1.1.1", "socket": "s"},
    {"at": "20s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "rate": "10pps", "until": "30s"},
    {"at": "50s", "action": "snapshot", "label": "asserted"},
    {"at": "80s", "action": "set", "node": "W", "interface": "eth1", "pim": false}
  ],
  "expect": [
    {"received": {"node": "rxl", "socket": "s", "min": 100}},
    {"received": {"node": "rxd", "socket": "s", "min": 100}},
    {"received": {"node": "rxe", "socket": "s", "min": 100}}
  ]
}
)j";

// The (S,G) lines of `node`'s pim.assert events.
std::vector<std::string> SourceAsserts(const fs::path& out, const std::string& node) {
  std::vector<std::string> found;
  for (const std::string& e : NodeEvents(out, node, "pim.assert")) {
    if (e.find("(10.1.0.10,") != std::string::npos) found.push_back(e);
  }
  return found;
}

// W's Assert heard with no (S,G) entry on `interface`, and the end of it at W's goodbye.
std::vector<std::string> LostToWUntilItsGoodbye(const std::string& interface) {
  const std::string head = R"j("interface": ")j" + interface + R"j(", "entry": "(10.1.0.10,239.1.1.1)", )j";
  return {"20.102005792 " + head +
              R"j("from": "NoInfo", "event": "receive acceptable assert", "to": "I am Assert Loser", "winner": "10.0.0.2", "metric": "rpt 0 pref 1 metric 2 10.0.0.2", "at": "3min"})j",
          "80.001000736 " + head +
              R"j("from": "I am Assert Loser", "event": "winner GenID changes or NLT expires", "to": "NoInfo"})j"};
}

class PimCouldAssert : public testing::Test {
 protected:
  static void SetUpTestSuite() { out_ = new fs::path(pim_run::RunJson(kLanAssert, "could-assert")); }
  static void TearDownTestSuite() { delete out_; }
  static inline fs::path* out_ = nullptr;
};

TEST_F(PimCouldAssert, TheStarGLoserKeepsOutOfTheSourcesAssert) {
  // Four Asserts in all: the (*,G) round (M and N at once, M again to the inferior one) and W's
  // (S,G) one. The two data-triggered Assert(*,G) name the datagram's source, M's answer to N's
  // names none (§4.9.6); neither M nor N holds (S,G) state that could take them. Counted with lost_assert(*,G) left out, N would answer W's Assert with its better
  // connected metric at 20.102 s and take the LAN from W, without forwarding S there.
  EXPECT_EQ(testing_support::RunTshark((*out_ / "lan.pcap").string(),
                                       {"-Y", "pim.type == 5", "-T", "fields", "-e", "frame.time_relative", "-e",
                                        "ip.src", "-e", "pim.source", "-e", "pim.rpt"}),
            "20.001016336\t10.0.0.5\t10.1.0.10\t1\n"
            "20.001016336\t10.0.0.1\t10.1.0.10\t1\n"
            "20.002017008\t10.0.0.5\t0.0.0.0\t1\n"
            "20.101005120\t10.0.0.2\t10.1.0.10\t0\n");
  EXPECT_EQ(SourceAsserts(*out_, "N"), std::vector<std::string>{});
  const std::vector<std::string> star = NodeEvents(*out_, "N", "pim.assert");
  ASSERT_EQ(star.size(), 3u);
  EXPECT_EQ(star[1],
            R"j(20.002017008 "interface": "eth1", "entry": "(*,239.1.1.1)", "from": "I am Assert Winner", )j"
            R"j("event": "receive preferred assert", "to": "I am Assert Loser", "winner": "10.0.0.5", )j"
            R"j("metric": "rpt 1 pref 0 metric 0 10.0.0.5", "at": "3min"})j");
}

TEST_F(PimCouldAssert, TheLansDrOnTheSharedTreeLosesTheSourcesAssertAndStopsForwardingIt) {
  EXPECT_EQ(SourceAsserts(*out_, "M"), LostToWUntilItsGoodbye("eth1"));
  // inherited_olist(S,G,rpt) is empty without the LAN: M prunes S off the shared tree (the
  // Prune rides in its periodic Join(*,G), §4.5.7 from RPTNotJoined), and takes it back when
  // the Assert ends.
  EXPECT_EQ(NodeEvents(*out_, "M", "pim.upstream_rpt"),
            (std::vector<std::string>{
                R"j(20.102005792 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "RPTNotJoined", "event": "PruneDesired true", "to": "Pruned"})j",
                R"j(80.001000736 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "Pruned", "event": "PruneDesired false", "to": "NotPruned", "send": "join 10.9.0.1"})j"}));
  // S's datagrams on the LAN by sender (02:00:00:00:<node>:<interface>): N the first, M the
  // first two (the second crossed W's), W all but the first from 20.1 s on.
  EXPECT_EQ(testing_support::RunTshark((*out_ / "lan.pcap").string(),
                                       {"-Y", "udp && ip.src == 10.1.0.10", "-T", "fields", "-e", "eth.src"}),
            "02:00:00:00:04:01\n02:00:00:00:08:01\n" + [] {
              std::string rest = "02:00:00:00:05:01\n02:00:00:00:08:01\n";
              for (int i = 0; i < 99; ++i) rest += "02:00:00:00:05:01\n";
              return rest;
            }());
  // The (S,G,rpt) forwarding entry: S arrives on the shared tree and goes nowhere.
  const std::string m50 = NodeTables(*out_, "state-050.000000000-asserted.txt", "M");
  EXPECT_NE(m50.find("(10.1.0.10, 239.1.1.1), flags: SCP\n  Incoming interface: eth0\n  Outgoing interface list: Null\n"),
            std::string::npos)
      << m50;
  EXPECT_EQ(NodeTables(*out_, "state-end.txt", "M").find("10.1.0.10"), std::string::npos);
}

TEST_F(PimCouldAssert, ASharedTreeRouterOnTheRpSideFollowsTheSourcesAssertWithoutAnEntry) {
  // D has (*,G) state only. AssertTrackingDesired(S,G,eth0) holds (RPF_interface(RP(G)),
  // JoinDesired(*,G), no SPT bit): the Assert makes the (S,G) entry, and W is RPF'(S,G,rpt).
  EXPECT_EQ(SourceAsserts(*out_, "D"), LostToWUntilItsGoodbye("eth0"));
  // So E's Prune(S,G,rpt) to W (its SPT bit comes with the lost Assert, A6) is one D overrides
  // (20.784 s); when the Assert ends, RPF'(S,G,rpt) is M again (RPF'(*,G), the (*,G) winner),
  // and D's Join(S,G,rpt) undoes the Prune(S,G,rpt) in E's periodic Join(*,G) to M (81.695 s).
  // The Assert that made the entry moves RPF'(S,G,rpt) from M (RPF'(*,G)) to W first.
  EXPECT_EQ(NodeEvents(*out_, "D", "pim.upstream_rpt"),
            (std::vector<std::string>{
                R"j(20.102005792 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "RPTNotJoined", "event": "RPF'(S,G,rpt) -> AssertWinner(S,G)", "to": "RPTNotJoined", "old_rpf": "10.0.0.5", "rpf": "10.0.0.2"})j",
                R"j(20.102005792 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "RPTNotJoined", "event": "inherited_olist non-empty", "to": "NotPruned"})j",
                R"j(20.103006528 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "see Prune(S,G,rpt)", "to": "NotPruned", "ot": "681046745ns"})j",
                R"j(20.784053273 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "OT expires", "to": "NotPruned", "send": "join 10.0.0.2"})j",
                R"j(80.001000736 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "RPF'(S,G,rpt) -> RPF'(*,G)", "to": "NotPruned", "old_rpf": "10.0.0.2", "rpf": "10.0.0.5", "ot": "1.694058114s"})j",
                R"j(80.894379683 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "see Prune(S,G,rpt)", "to": "NotPruned", "ot": "800679167ns"})j",
                R"j(81.695058850 "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "OT expires", "to": "NotPruned", "send": "join 10.0.0.5"})j"}));
  EXPECT_EQ(JoinPruneFrames(*out_, "lan"),
            "0.585870722\t10.0.0.3\t10.0.0.1\t1\t0\n"
            "0.585870722\t10.0.0.4\t10.0.0.1\t1\t0\n"
            "20.001016336\t10.0.0.4\t10.0.0.2\t1\t0\n"
            "20.102005792\t10.0.0.4\t10.0.0.2\t0\t1\n"
            "20.784053273\t10.0.0.3\t10.0.0.2\t1\t0\n"
            "20.893378883\t10.0.0.4\t10.0.0.5\t1\t1\n"
            "80.001000736\t10.0.0.4\t10.0.0.2\t0\t1\n"
            "80.893378883\t10.0.0.4\t10.0.0.5\t1\t1\n"
            "81.695058850\t10.0.0.3\t10.0.0.5\t1\t0\n");
  // The entry lives with its Assert state, and goes once the OT's Join is out.
  const std::string d50 = NodeTables(*out_, "state-050.000000000-asserted.txt", "D");
  EXPECT_NE(d50.find("(10.1.0.10,239.1.1.1,rpt)  NotPruned  10.0.0.2"), std::string::npos) << d50;
  EXPECT_NE(d50.find("eth0       (10.1.0.10,239.1.1.1)  I am Assert Loser  10.0.0.2"), std::string::npos) << d50;
  EXPECT_EQ(NodeTables(*out_, "state-end.txt", "D").find("10.1.0.10"), std::string::npos);
}

}  // namespace
}  // namespace sim::run
