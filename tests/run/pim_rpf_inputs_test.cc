// Which RPF' and which olist the (S,G,rpt) rules, Update_SPTbit and the RP's Register handling
// read (RFC 7761 §4.1.6, §4.4.2), each where only one reading gives the right message, flag or
// copy, at exact instants:
// - the periodic Prune(S,G,rpt) in a Join(*,G) triggered by a route change reads RPF'(S,G) from
//   the new route, not from the (S,G) upstream machine (PimRouter::AddPeriodicRptPrunes);
// - the SPT bit compares RPF'(S,G) with RPF'(*,G) as the (*,G) Assert winner makes it
//   (PimRouter::SptBitDue);
// - the datagram in a Register goes down inherited_olist(S,G,rpt), the shared tree without the
//   branches that pruned S off it, not down the whole (*,G) olist (PimRouter::OnRegister), and
//   the SPT bit's "inherited_olist(S,G,rpt) == NULL" reads the same per-source set
//   (PimRouter::SptBitDue).
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
using pim_run::RunJson;

// R1 is the RP and the source's DR. R4, the last hop, reaches it through R2 (preferred) or R3
// (R4's eth1 costs 10). R4 switches to the SPT at once; both trees go through R2.
constexpr char kRouteChange[] = R"j({
  "format": 1, "name": "route-change", "duration": "25s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.1.0.10/24", "gateway": "10.1.0.1"}]},
    {"name": "R1", "type": "router", "interfaces": [{"name": "eth0", "address": "10.1.0.1/24"}, {"name": "eth1", "address": "10.0.12.1/24"}, {"name": "eth2", "address": "10.0.13.1/24"}]},
    {"name": "R2", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.12.2/24"}, {"name": "eth1", "address": "10.0.24.2/24"}]},
    {"name": "R3", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.13.3/24"}, {"name": "eth1", "address": "10.0.34.3/24"}]},
    {"name": "R4", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.24.4/24"}, {"name": "eth1", "address": "10.0.34.4/24", "cost": 10}, {"name": "eth2", "address": "10.4.0.1/24"}]},
    {"name": "rx4", "type": "host", "interfaces": [{"name": "eth0", "address": "10.4.0.10/24", "gateway": "10.4.0.1"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "R1:eth0"]},
    {"name": "a12", "endpoints": ["R1:eth1", "R2:eth0"]},
    {"name": "a13", "endpoints": ["R1:eth2", "R3:eth0"]},
    {"name": "b24", "endpoints": ["R2:eth1", "R4:eth0"]},
    {"name": "b34", "endpoints": ["R3:eth1", "R4:eth1"]},
    {"name": "lan4", "endpoints": ["R4:eth2", "rx4:eth0"]}
  ],
  "rp": [{"address": "10.1.0.1"}],
  "events": [
    {"at": "0s", "action": "listen", "node": "rx4", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rx4", "group": "239.1.1.1", "socket": "s"},
    {"at": "20s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "rate": "10pps", "until": "23s"},
    {"at": "21.05s", "action": "link", "link": "b24", "state": "down"}
  ]
})j";

// The cut at 21.05 s moves RPF'(*,G) and RPF'(S,G) from R2 to R3 in one instant. The (*,G)
// entry is recomputed first, and its triggered Join(*,G) asks which Prune(S,G,rpt) ride along
// (§4.5.6: SPT bit set, so "RPF'(*,G) != RPF'(S,G)"). At that moment the (S,G) machine still
// holds R2; read from it, the message to R3 would carry Join(S,G) and Prune(S,G,rpt) for the same
// source, and R3 would keep S off the shared tree toward R4. Read from the route (RpfOf with the
// Assert winner, as AddPeriodicRptPrunes does), both are R3 and no prune goes.
TEST(PimRpfInputs, TriggeredJoinAfterARouteChangeCarriesNoStaleRptPrune) {
  const fs::path out = RunJson(kRouteChange);
  // The precondition: R4's SPT bit is set (second datagram, over R2) before the cut.
  EXPECT_EQ(NodeEvents(out, "R4", "pim.spt"),
            (std::vector<std::string>{
                R"j(20.000006120 "entry": "(10.1.0.10,239.1.1.1)", "interface": "eth0", "switch": "join SPT"})j",
                R"j(20.100006120 "entry": "(10.1.0.10,239.1.1.1)", "interface": "eth0", "spt_bit": "set"})j"}));
  // One message to R3 at the cut: Join(*,G) and Join(S,G), no prune.
  EXPECT_EQ(JoinPruneFrames(out, "b34"), "21.050000000\t10.0.34.4\t10.0.34.3\t2\t0\n");
}

// R5 is the source's DR behind R2; the RP hangs off R0, which R1 and R2 reach over their own
// links at the same metric. On the transit LAN, R2 is DR with a local receiver (rxl); R3, the last
// hop of rx3, reaches the RP through R1 (the lower address of a tie) and the source through R2.
constexpr char kStarGAssert[] = R"j({
  "format": 1, "name": "star-g-assert-spt-bit", "duration": "25s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.5.0.10/24", "gateway": "10.5.0.1"}]},
    {"name": "R5", "type": "router", "interfaces": [{"name": "eth0", "address": "10.5.0.1/24"}, {"name": "eth1", "address": "10.0.25.5/24"}]},
    {"name": "RP", "type": "router", "interfaces": [{"name": "eth0", "address": "10.9.0.1/24"}]},
    {"name": "R0", "type": "router", "interfaces": [{"name": "eth0", "address": "10.9.0.2/24"}, {"name": "eth1", "address": "10.0.1.1/24"}, {"name": "eth2", "address": "10.0.2.1/24"}]},
    {"name": "R1", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.1.2/24"}, {"name": "eth1", "address": "10.0.0.1/24"}]},
    {"name": "R2", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.2.2/24"}, {"name": "eth1", "address": "10.0.0.2/24", "dr_priority": 10}, {"name": "eth2", "address": "10.0.25.2/24"}]},
    {"name": "R3", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.3/24"}, {"name": "eth1", "address": "10.3.0.1/24"}]},
    {"name": "rxl", "type": "host", "interfaces": [{"name": "eth0", "address": "10.0.0.10/24", "gateway": "10.0.0.3"}]},
    {"name": "rx3", "type": "host", "interfaces": [{"name": "eth0", "address": "10.3.0.10/24", "gateway": "10.3.0.1"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "R5:eth0"]},
    {"name": "r2-r5", "endpoints": ["R2:eth2", "R5:eth1"]},
    {"name": "rp-r0", "endpoints": ["RP:eth0", "R0:eth0"]},
    {"name": "up1", "endpoints": ["R0:eth1", "R1:eth0"]},
    {"name": "up2", "endpoints": ["R0:eth2", "R2:eth0"]},
    {"name": "transit", "endpoints": ["R1:eth1", "R2:eth1", "R3:eth0", "rxl:eth0"], "delay": "100us"},
    {"name": "lan3", "endpoints": ["R3:eth1", "rx3:eth0"]}
  ],
  "rp": [{"address": "10.9.0.1"}],
  "events": [
    {"at": "0s", "action": "listen", "node": "rxl", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxl", "group": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "listen", "node": "rx3", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rx3", "group": "239.1.1.1", "socket": "s"},
    {"at": "20s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "rate": "10pps", "until": "21s"}
  ]
})j";

// The first datagram comes down the shared tree through R1 and R2 at once: a (*,G) Assert that R2
// wins on its address (equal metrics), so RPF'(*,G) at R3 becomes R2 (20.000224656), the same
// neighbor as RPF'(S,G) by route. The second datagram arrives from R2 alone on the SPT; both
// trees share RPF_interface, so Update_SPTbit (§4.2.2) sets the bit only through "RPF'(S,G) ==
// RPF'(*,G)", and it does at 20.100105120. With the route's RPF'(*,G) (R1) the bit would never
// be set: no (S,G) Assert follows (R1 lost and stays quiet), so nothing else sets it.
TEST(PimRpfInputs, StarGAssertWinnerAsRpfStarGSetsTheSptBit) {
  const fs::path out = RunJson(kStarGAssert);
  EXPECT_EQ(NodeEvents(out, "R3", "pim.rpf"),
            (std::vector<std::string>{
                R"j(3.115660341 "entry": "(*,239.1.1.1)", "old_interface": "eth0", "interface": "eth0", "old_rpf": "0.0.0.0", "rpf": "10.0.0.1"})j",
                R"j(20.000224656 "entry": "(*,239.1.1.1)", "old_interface": "eth0", "interface": "eth0", "old_rpf": "10.0.0.1", "rpf": "10.0.0.2"})j"}));
  EXPECT_EQ(NodeEvents(out, "R3", "pim.spt"),
            (std::vector<std::string>{
                R"j(20.000123984 "entry": "(10.5.0.10,239.1.1.1)", "interface": "eth0", "switch": "join SPT"})j",
                R"j(20.100105120 "entry": "(10.5.0.10,239.1.1.1)", "interface": "eth0", "spt_bit": "set"})j"}));
  // R3's Join(S,G) went to R2 on the first datagram; no Prune(S,G,rpt) ever, the trees agreeing.
  EXPECT_EQ(JoinPruneFrames(out, "transit"),
            "3.115661077\t10.0.0.3\t10.0.0.1\t1\t0\n"
            "20.000123984\t10.0.0.3\t10.0.0.2\t1\t0\n"
            "21.770843409\t10.0.0.3\t10.0.0.2\t1\t0\n");
}

// A router's (S,G,rpt) state on eth1 when the Prune(S,G,rpt) of its one neighbor there arrives
// at `at`: no Prune-Pending wait with a single neighbor.
std::vector<std::string> SourcePrunedOnEth1At(const std::string& at) {
  const std::string head = at + R"j( "interface": "eth1", "entry": "(10.1.0.10,239.1.1.1,rpt)", )j";
  return {head + R"j("from": "NoInfo", "event": "receive Prune(S,G,rpt)", "to": "PrunePending", "et": "210s", "ppt": "0s"})j",
          head + R"j("from": "PrunePending", "event": "PPT expires", "to": "Pruned", "et": "210s"})j"};
}

// R1 is the source's DR; the RP's one branch of the shared tree is R3, the last hop. R3 reaches
// the source over its own link to R1; R1 reaches the RP over a slow link (20 ms), so a
// Register is still on its way when R3's SPT bit takes S off the shared tree.
constexpr char kRegisterAfterRptPrune[] = R"j({
  "format": 1, "name": "register-after-rpt-prune", "duration": "25s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.1.0.10/24", "gateway": "10.1.0.1"}]},
    {"name": "R1", "type": "router", "interfaces": [{"name": "eth0", "address": "10.1.0.1/24"}, {"name": "eth1", "address": "10.0.12.1/24"}, {"name": "eth2", "address": "10.0.13.1/24", "cost": 3}]},
    {"name": "RP", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.12.2/24"}, {"name": "eth1", "address": "10.0.23.2/24"}]},
    {"name": "R3", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.23.3/24"}, {"name": "eth1", "address": "10.0.13.3/24"}, {"name": "eth2", "address": "10.3.0.1/24"}]},
    {"name": "rx", "type": "host", "interfaces": [{"name": "eth0", "address": "10.3.0.10/24", "gateway": "10.3.0.1"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "R1:eth0"]},
    {"name": "r1-rp", "endpoints": ["R1:eth1", "RP:eth0"], "delay": "20ms"},
    {"name": "r1-r3", "endpoints": ["R1:eth2", "R3:eth1"]},
    {"name": "rp-r3", "endpoints": ["RP:eth1", "R3:eth0"]},
    {"name": "lan3", "endpoints": ["R3:eth2", "rx:eth0"]}
  ],
  "rp": [{"address": "10.0.23.2"}],
  "events": [
    {"at": "0s", "action": "listen", "node": "rx", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rx", "group": "239.1.1.1", "socket": "s"},
    {"at": "20s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "rate": "10pps", "until": "21s"}
  ],
  "expect": [
    {"received": {"node": "rx", "socket": "s", "min": 11, "max": 11}}
  ]
})j";

// The first datagram's Register (20.060 s) goes down the shared tree to R3, which joins (S,G)
// toward R1. The second datagram reaches R3 natively at 20.100 s: its SPT bit sends
// Prune(S,G,rpt) to the RP, which prunes S off its only branch at once (one neighbor, no
// Prune-Pending wait). That datagram's Register arrives at 20.120 s: inherited_olist(S,G) is
// empty, so the RP answers with a Register-Stop (§4.4.2: SwitchToSptDesired and an empty
// olist), and inherited_olist(S,G,rpt) is empty too, so the datagram goes nowhere. Read from the
// (*,G) olist, which still holds R3's Join(*,G), it would go down to R3 a second time at 20.120 s,
// a copy R3 drops as arriving off RPF_interface(S).
TEST(PimRpfInputs, RegisterAfterAPruneOfTheSourceIsNotForwardedDownThatBranch) {
  const fs::path out = RunJson(kRegisterAfterRptPrune);
  EXPECT_EQ(NodeEvents(out, "RP", "pim.downstream_rpt"),
            SourcePrunedOnEth1At("20.100005816"));
  EXPECT_EQ(NodeEvents(out, "RP", "pim.register_rx"),
            (std::vector<std::string>{
                R"j(20.060004648 "entry": "(10.1.0.10,239.1.1.1)", "from": "10.0.12.1", "null": false, "decision": "accepted kat=210s forward join"})j",
                R"j(20.120004344 "entry": "(10.1.0.10,239.1.1.1)", "from": "10.0.12.1", "null": false, "decision": "accepted register-stop=10.0.12.1 kat=210s forward"})j"}));
  // On the RP's branch: R3's Prune(S,G,rpt), and the source's data once only, from the first
  // Register.
  EXPECT_EQ(JoinPruneFrames(out, "rp-r3"),
            "3.575660560\t10.0.23.3\t10.0.23.2\t1\t0\n"
            "20.100004080\t10.0.23.3\t10.0.23.2\t0\t1\n");
  EXPECT_EQ(testing_support::RunTshark((out / "rp-r3.pcap").string(),
                                       {"-Y", "udp", "-T", "fields", "-e", "frame.time_relative", "-e", "ip.src"}),
            "20.060004648\t10.1.0.10\n");
  // The Register-Stop to R1 leaves with the second Register's arrival.
  EXPECT_EQ(testing_support::RunTshark((out / "r1-rp.pcap").string(),
                                       {"-Y", "pim.type == 2", "-T", "fields", "-e", "frame.time_relative", "-e", "ip.src"}),
            "20.120004344\t10.0.23.2\n");
}

// M reaches the RP through U1 and the source through U2, both on M's upstream LAN (Assert off
// there, so that no lost Assert sets M's SPT bit through A6). X, a last hop, joined (*,G) through
// M but reaches the source over its own link to R0; Y, a last hop that reaches the RP directly,
// joins (S,G) through M. So M holds (S,G) (Y's Join), and S's data comes in on the LAN both from
// U2 (the SPT) and from U1 (the shared tree, RPF_interface(S) = RPF_interface(RP(G))), with
// RPF'(S,G) = U2 != RPF'(*,G) = U1.
constexpr char kSptBitAfterRptPrune[] = R"j({
  "format": 1, "name": "spt-bit-after-rpt-prune", "duration": "25s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.1.0.10/24", "gateway": "10.1.0.1"}]},
    {"name": "R0", "type": "router", "interfaces": [{"name": "eth0", "address": "10.1.0.1/24"}, {"name": "eth1", "address": "10.0.2.1/24"}, {"name": "eth2", "address": "10.0.5.1/24"}]},
    {"name": "RP", "type": "router", "interfaces": [{"name": "eth0", "address": "10.9.0.1/24"}, {"name": "eth1", "address": "10.0.7.1/24"}]},
    {"name": "U1", "type": "router", "pim": {"assert": false}, "interfaces": [{"name": "eth0", "address": "10.9.0.2/24"}, {"name": "eth1", "address": "10.0.0.1/24"}]},
    {"name": "U2", "type": "router", "pim": {"assert": false}, "interfaces": [{"name": "eth0", "address": "10.0.2.2/24"}, {"name": "eth1", "address": "10.0.0.2/24"}]},
    {"name": "M", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.3/24"}, {"name": "eth1", "address": "10.0.4.1/24"}, {"name": "eth2", "address": "10.0.6.1/24"}]},
    {"name": "X", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.4.2/24"}, {"name": "eth1", "address": "10.0.5.2/24", "cost": 2}, {"name": "eth2", "address": "10.5.0.1/24"}]},
    {"name": "Y", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.6.2/24"}, {"name": "eth1", "address": "10.0.7.2/24"}, {"name": "eth2", "address": "10.6.0.1/24"}]},
    {"name": "rxx", "type": "host", "interfaces": [{"name": "eth0", "address": "10.5.0.10/24", "gateway": "10.5.0.1"}]},
    {"name": "rxy", "type": "host", "interfaces": [{"name": "eth0", "address": "10.6.0.10/24", "gateway": "10.6.0.1"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "R0:eth0"]},
    {"name": "r0-u2", "endpoints": ["R0:eth1", "U2:eth0"]},
    {"name": "r0-x", "endpoints": ["R0:eth2", "X:eth1"]},
    {"name": "rp-u1", "endpoints": ["RP:eth0", "U1:eth0"]},
    {"name": "rp-y", "endpoints": ["RP:eth1", "Y:eth1"]},
    {"name": "lan", "endpoints": ["U1:eth1", "U2:eth1", "M:eth0"]},
    {"name": "m-x", "endpoints": ["M:eth1", "X:eth0"]},
    {"name": "m-y", "endpoints": ["M:eth2", "Y:eth0"]},
    {"name": "lan-x", "endpoints": ["X:eth2", "rxx:eth0"]},
    {"name": "lan-y", "endpoints": ["Y:eth2", "rxy:eth0"]}
  ],
  "rp": [{"address": "10.9.0.1"}],
  "events": [
    {"at": "0s", "action": "listen", "node": "rxx", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxx", "group": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "listen", "node": "rxy", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rxy", "group": "239.1.1.1", "socket": "s"},
    {"at": "20s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "rate": "10pps", "until": "21s"}
  ],
  "expect": [
    {"received": {"node": "rxx", "socket": "s", "min": 11, "max": 11}},
    {"received": {"node": "rxy", "socket": "s", "min": 11}}
  ]
})j";

// X's SPT bit (20.100004080) sends Prune(S,G,rpt) to M, which prunes S off X's branch at once:
// inherited_olist(S,G,rpt) is empty at M, and the next datagram on the LAN sets M's SPT bit
// (§4.2.2, "inherited_olist(S,G,rpt) == NULL"). Read from the (*,G) olist, which still holds
// X's Join(*,G), the set is not empty, the two RPF' differ, and the bit would never be set.
TEST(PimRpfInputs, SptBitIsSetOnceTheSourceIsPrunedOffTheLastSharedTreeBranch) {
  const fs::path out = RunJson(kSptBitAfterRptPrune);
  EXPECT_EQ(NodeEvents(out, "M", "pim.downstream_rpt"),
            SourcePrunedOnEth1At("20.100005816"));
  EXPECT_EQ(NodeEvents(out, "M", "pim.spt"),
            std::vector<std::string>{
                R"j(20.100006120 "entry": "(10.1.0.10,239.1.1.1)", "interface": "eth0", "spt_bit": "set"})j"});
}

}  // namespace
}  // namespace sim::run
