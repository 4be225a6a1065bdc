// PimRouter glued into routers of a whole run, at exact instants read from events.jsonl: the
// keepalive timer tearing (S,G) down at the source's DR, a restarted upstream neighbor (new
// Generation ID) pulling the Join forward to within t_override, and the goodbye Hello of an
// interface where PIM is switched off.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/events_log.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;
using testing_support::EventField;

// Runs a scenario and returns its events of `node` whose kind starts with `kind_prefix`, each as
// "t kind field=value ..." with the fields asked for.
class GlueRun {
 public:
  explicit GlueRun(const std::string& json) {
    const auto loaded = scenario::LoadScenario(json);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.errors().front().message);
    // One folder per test: ctest runs the tests of this file at the same time.
    const fs::path out = fs::path(testing::TempDir()) /
                         ("pim-glue-" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(out);
    passed_ = RunScenario(loaded.scenario(), out).passed();
    lines_ = testing_support::EventLines(out);
  }
  bool passed() const { return passed_; }
  std::vector<std::string> Events(const std::string& node, const std::string& kind,
                                  const std::vector<std::string>& fields) const {
    std::vector<std::string> out;
    for (const std::string& l : lines_) {
      if (EventField(l, "node") != node || EventField(l, "kind") != kind) continue;
      std::string e = EventField(l, "t");
      for (const std::string& f : fields) e += " " + f + "=" + EventField(l, f);
      out.push_back(e);
    }
    return out;
  }

 private:
  bool passed_ = false;
  std::vector<std::string> lines_;
};

// The events of `events` in [from, until) seconds.
std::vector<std::string> Between(const std::vector<std::string>& events, double from, double until) {
  std::vector<std::string> out;
  for (const std::string& e : events) {
    const double t = std::stod(e.substr(0, e.find(' ')));
    if (t >= from && t < until) out.push_back(e);
  }
  return out;
}

constexpr char kSourceDr[] = R"({
  "format": 1, "name": "kat", "duration": "60s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.1.0.10/24", "gateway": "10.1.0.1"}]},
    {"name": "R1", "type": "router", "pim": {"keepalive_period": "20s"},
     "interfaces": [{"name": "eth0", "address": "10.1.0.1/24"}, {"name": "eth1", "address": "10.0.12.1/30"}]},
    {"name": "R2", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.12.2/30"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "R1:eth0"]},
    {"name": "r1-r2", "endpoints": ["R1:eth1", "R2:eth0"], "delay": "1ms"}
  ],
  "rp": [{"address": "10.0.12.2", "groups": "239.0.0.0/8"}],
  "events": [{"at": "10s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "count": 1}],
  "expect": [
    {"at": "29.9s", "mroute": {"node": "R1", "source": "10.1.0.10", "group": "239.1.1.1", "iif": "eth0"}},
    {"at": "30.1s", "mroute": {"node": "R1", "source": "10.1.0.10", "group": "239.1.1.1", "absent": true}}
  ]
})";

// RFC 7761 §4.4.1: KAT(S,G) starts on the first datagram at the source's DR and, with no more
// data, expires Keepalive_Period later (20 s here, shortened); CouldRegister(S,G) turns false
// and the Register machine and the (S,G) entry go at that instant. The RP, with no receivers,
// answered the Register with a Register-Stop at once (§4.4.2).
TEST(PimRouterGlue, KeepaliveExpiryAtTheSourcesDrEndsRegisteringAndTheEntry) {
  const GlueRun run(kSourceDr);
  EXPECT_TRUE(run.passed());
  EXPECT_EQ(run.Events("R1", "pim.keepalive", {"action"}),
            (std::vector<std::string>{"10.000002040 action=start 20s (data from a directly connected source)",
                                      "30.000002040 action=expired"}));
  EXPECT_EQ(run.Events("R1", "pim.register", {"from", "event", "to"}),
            (std::vector<std::string>{"10.000002040 from=NoInfo event=CouldRegister->True to=Join",
                                      "10.004005320 from=Join event=Register-Stop received to=Prune",
                                      "30.000002040 from=Prune event=CouldRegister->False to=NoInfo"}));
}

constexpr char kRestartAndGoodbye[] = R"({
  "format": 1, "name": "genid", "duration": "160s",
  "nodes": [
    {"name": "R2", "type": "router", "interfaces": [{"name": "eth1", "address": "10.0.23.1/30"}]},
    {"name": "R3", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.23.2/30"}, {"name": "eth1", "address": "10.3.0.1/24"}]},
    {"name": "rx", "type": "host", "interfaces": [{"name": "eth0", "address": "10.3.0.10/24", "gateway": "10.3.0.1"}]}
  ],
  "links": [
    {"name": "r2-r3", "endpoints": ["R2:eth1", "R3:eth0"], "delay": "1ms"},
    {"name": "rx-lan", "endpoints": ["R3:eth1", "rx:eth0"]}
  ],
  "rp": [{"address": "10.0.23.1", "groups": "239.0.0.0/8"}],
  "events": [
    {"at": "0s", "action": "join", "node": "rx", "group": "239.1.1.1"},
    {"at": "100s", "action": "node", "node": "R2", "state": "down"},
    {"at": "101s", "action": "node", "node": "R2", "state": "up"},
    {"at": "150s", "action": "set", "node": "R3", "interface": "eth0", "pim": false}
  ],
  "expect": [
    {"at": "149s", "pim_neighbor": {"node": "R2", "interface": "eth1", "neighbor": "10.0.23.2"}},
    {"at": "150.002s", "pim_neighbor": {"node": "R2", "interface": "eth1", "neighbor": "10.0.23.2", "present": false}}
  ]
})";

// RFC 7761 §4.5.7 (upstream (*,G) machine, Joined): "GenID of RPF'(*,G) changes" sets the Join
// Timer to t_override (rand(0, 2.5 s)) when it is longer, so the RP, restarted with no state,
// hears the Join within 2.5 s of its first Hello instead of at the next periodic Join (60 s).
TEST(PimRouterGlue, RestartedUpstreamNeighborGetsTheJoinWithinTOverride) {
  const GlueRun run(kRestartAndGoodbye);
  EXPECT_TRUE(run.passed());
  // R2 powers on at 101 s; its first Hello leaves after rand(0, Triggered_Hello_Delay = 5 s).
  EXPECT_EQ(Between(run.Events("R2", "pim.hello", {"reason"}), 100, 105),
            (std::vector<std::string>{"102.754463578 reason=start"}));
  // The Hello is on R3 1 ms (and 736 ns of a 92-byte frame) later: the Join Timer drops from
  // about 60 s to 1.778443347 s, and the Join goes when it fires.
  EXPECT_EQ(Between(run.Events("R3", "pim.upstream", {"event", "send", "jt"}), 100, 120), (std::vector<std::string>{
                       "102.755464314 event=RPF' GenID changes send= jt=1.778443347s",
                       "104.533907661 event=JT expires send=join 10.0.23.1 jt=1min"}));
}

// RFC 7761 §4.3.1: PIM switched off on a live interface sends a Hello with Holdtime 0 at that
// instant, and the neighbor drops the router as soon as it arrives, not 105 s later.
TEST(PimRouterGlue, PimOffOnAnInterfaceSendsAGoodbyeHelloThatRemovesTheNeighborAtOnce) {
  const GlueRun run(kRestartAndGoodbye);
  EXPECT_EQ(Between(run.Events("R3", "pim.hello", {"interface", "reason", "holdtime"}), 150, 151),
            (std::vector<std::string>{"150.000000000 interface=eth0 reason=goodbye holdtime=0"}));
  EXPECT_EQ(Between(run.Events("R2", "pim.neighbor", {"neighbor", "change", "reason"}), 150, 160),
            (std::vector<std::string>{"150.001000736 neighbor=10.0.23.2 change=down reason=goodbye"}));
}

}  // namespace
}  // namespace sim::run
