// The SPT switchover lesson (topologies/pim-spt-switchover.json) at exact instants: the last
// hop's (S,G) Join on the first datagram down the shared tree, its SPT bit on the first datagram
// over the direct link, the Prune(S,G,rpt) toward the RP, the RP's (S,G) prune toward the source,
// and the last datagram on the old path; then no datagram lost and none duplicated.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/child_process.h"
#include "tests/support/events_log.h"
#include "tests/support/tshark.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

// events.jsonl lines of the kinds asked for (all with an "entry"), as `{"t": ..., "node": ...
// kind, "entry": ...}`.
std::vector<std::string> EventsOf(const fs::path& out, const std::vector<std::string>& kinds) {
  std::vector<std::string> found;
  for (const std::string& line : testing_support::EventLines(out)) {
    for (const std::string& kind : kinds) {
      if (line.find("\"kind\": \"" + kind + "\"") == std::string::npos) continue;
      found.push_back(line.substr(0, line.find(", \"kind\"")) + " " + kind + line.substr(line.find(", \"entry\"")));
    }
  }
  return found;
}

class PimSptSwitchover : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto loaded =
        scenario::LoadScenarioFile(std::string(MCASTLAB_SOURCE_DIR) + "/topologies/pim-spt-switchover.json");
    ASSERT_TRUE(loaded.ok());
    // ctest runs each test in a process of its own, two at a time: one folder per process.
    out_ = new fs::path(fs::path(testing::TempDir()) / ("pim-spt-switchover-" + std::to_string(getpid())));
    fs::remove_all(*out_);
    passed_ = RunScenario(loaded.scenario(), *out_).passed();
  }
  static void TearDownTestSuite() { delete out_; }
  static std::string Tshark(const std::string& pcap, const std::vector<std::string>& args) {
    return testing_support::RunTshark((*out_ / pcap).string(), args);
  }

  static inline fs::path* out_ = nullptr;
  static inline bool passed_ = false;
};

TEST_F(PimSptSwitchover, TheLessonsExpectationsHold) { EXPECT_TRUE(passed_); }

TEST_F(PimSptSwitchover, JoinSptBitAndRptPruneAtExactInstants) {
  // 40.004005688: the first datagram (Register to the RP, decapsulated, down the shared tree)
  // reaches R3, which starts (S,G) and joins toward the source over eth2 at once.
  // 40.100002040: the second datagram; R1 sets its SPT bit as it leaves the source's LAN.
  // 40.101003080: it arrives at R3 over the direct link (1 ms) and at R2 over r1-r2: both set
  // the SPT bit. R3's RPF'(S,G) (R1) differs from RPF'(*,G) (R2): Prune(S,G,rpt) to R2. The RP
  // has no RPF' for (*,G), so its own (S,G,rpt) prune goes nowhere.
  // 40.102003816: R2 takes the prune (one neighbor on the link: no override window), its
  // (S,G) olist empties and it prunes (S,G) toward R1.
  EXPECT_EQ(EventsOf(*out_, {"pim.spt", "pim.upstream_rpt"}),
            (std::vector<std::string>{
                R"j({"t": "40.003004648", "node": "R2" pim.upstream_rpt, "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "RPTNotJoined", "event": "inherited_olist non-empty", "to": "NotPruned"})j",
                R"j({"t": "40.004005688", "node": "R3" pim.spt, "entry": "(10.1.0.10,239.1.1.1)", "interface": "eth0", "switch": "join SPT"})j",
                R"j({"t": "40.004005688", "node": "R3" pim.upstream_rpt, "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "RPTNotJoined", "event": "inherited_olist non-empty", "to": "NotPruned"})j",
                R"j({"t": "40.100002040", "node": "R1" pim.spt, "entry": "(10.1.0.10,239.1.1.1)", "interface": "eth0", "spt_bit": "set"})j",
                R"j({"t": "40.101003080", "node": "R2" pim.spt, "entry": "(10.1.0.10,239.1.1.1)", "interface": "eth0", "spt_bit": "set"})j",
                R"j({"t": "40.101003080", "node": "R2" pim.upstream_rpt, "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "PruneDesired true", "to": "Pruned"})j",
                R"j({"t": "40.101003080", "node": "R3" pim.spt, "entry": "(10.1.0.10,239.1.1.1)", "interface": "eth2", "spt_bit": "set"})j",
                R"j({"t": "40.101003080", "node": "R3" pim.upstream_rpt, "entry": "(10.1.0.10,239.1.1.1,rpt)", "from": "NotPruned", "event": "PruneDesired true", "to": "Pruned", "send": "prune 10.0.23.1"})j"}));
  const std::vector<std::string> upstream = EventsOf(*out_, {"pim.upstream"});
  EXPECT_NE(std::find(upstream.begin(), upstream.end(),
                      R"j({"t": "40.004005688", "node": "R3" pim.upstream, "entry": "(10.1.0.10,239.1.1.1)", "from": "NotJoined", "event": "JoinDesired true", "to": "Joined", "send": "join 10.0.13.1", "why": "joined", "jt": "1min"})j"),
            upstream.end());
  EXPECT_NE(std::find(upstream.begin(), upstream.end(),
                      R"j({"t": "40.102003816", "node": "R2" pim.upstream, "entry": "(10.1.0.10,239.1.1.1)", "from": "Joined", "event": "JoinDesired false", "to": "NotJoined", "send": "prune 10.0.12.1", "why": "pruned"})j"),
            upstream.end());
}

TEST_F(PimSptSwitchover, RptPruneOnTheWireAloneThenInEveryJoinStarG) {
  // Join/Prunes from R3 to the RP: the (*,G) Join at 3.58 s, the triggered Prune(S,G,rpt) alone
  // at 40.101003080, and the periodic Join(*,G) that carries it again 60 s after the first.
  EXPECT_EQ(Tshark("r2-r3.pcap", {"-Y", "pim.type == 3", "-T", "fields", "-e", "frame.time_relative", "-e",
                                  "ip.src", "-e", "pim.join_ip", "-e", "pim.prune_ip"}),
            "3.577658560\t10.0.23.2\t10.0.23.1\t\n"
            "40.101003080\t10.0.23.2\t\t10.1.0.10\n"
            "63.577657824\t10.0.23.2\t10.0.23.1\t10.1.0.10\n");
  // The pruned source has the RPT bit and no WC: Prune(S,G,rpt), not Prune(S,G).
  const std::string prune = Tshark("r2-r3.pcap", {"-Y", "frame.number == 13", "-V"});
  EXPECT_NE(prune.find("Flags: 0x05, Sparse, Rendezvous Point Tree"), std::string::npos) << prune;
}

TEST_F(PimSptSwitchover, NoLossNoDuplicateAndTheLastDatagramOnTheOldPath) {
  // The shared tree carries datagrams 1 and 2 (IP ids 1 and 2) to R3; the second copy comes
  // after the SPT bit and is dropped at R3 (wrong interface), 1 µs after it started on the wire.
  EXPECT_EQ(Tshark("r2-r3.pcap", {"-Y", "udp && !pim", "-T", "fields", "-e", "frame.time_relative", "-e", "ip.id"}),
            "40.003004648\t0x0001\n40.101003080\t0x0002\n");
  const std::string events = testing_support::ReadWholeFile(*out_ / "events.jsonl");
  EXPECT_NE(events.find(R"j({"t": "40.102004120", "node": "R3", "kind": "forward.drop", "reason": "rpf-failure")j"),
            std::string::npos);
  // 201 datagrams sent (40 s to 60 s at 10 a second), 201 on the receiver's LAN, each IP id once:
  // none lost, none duplicated. Datagram 1 came over the shared tree, 2 to 201 over R1-R3.
  const std::string ids = Tshark("rx-lan.pcap", {"-Y", "udp", "-T", "fields", "-e", "ip.id"});
  std::istringstream in(ids);
  std::vector<std::string> all;
  for (std::string id; std::getline(in, id);) all.push_back(id);
  EXPECT_EQ(all.size(), 201u);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 201u);
  EXPECT_NE(events.find(R"j("kind": "send.total", "to": "239.1.1.1", "port": 5001, "ttl": 16, "count": 201)j"),
            std::string::npos);
  EXPECT_NE(events.find(R"j("kind": "receive.total", "socket": "s", "destination": "239.1.1.1", "count": 201)j"),
            std::string::npos);
}

}  // namespace
}  // namespace sim::run
