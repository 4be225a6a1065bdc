// A DR change re-derives only the entries it can change (PimRouter::DrChanged): the groups with
// members on that interface, and the sources directly connected to it. These tests pin the
// second case at an exact instant: the router that stops being the source's DR stops
// registering when it hears the new DR's Hello, not at the next datagram.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/run/pim_run_support.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;
using pim_run::NodeEvents;
using pim_run::RunJson;

// A and B both sit on the source's LAN; B wins the DR election on its address. The RP reaches
// the LAN through either. At 25.5 s A is given DR priority 10 and says so in a Hello at once.
constexpr char kSourceDrChange[] = R"j({
  "format": 1, "name": "source-dr-change", "duration": "30s",
  "nodes": [
    {"name": "src", "type": "host", "interfaces": [{"name": "eth0", "address": "10.1.0.10/24", "gateway": "10.1.0.2"}]},
    {"name": "A", "type": "router", "interfaces": [{"name": "eth0", "address": "10.1.0.1/24"}, {"name": "eth1", "address": "10.0.1.1/24"}]},
    {"name": "B", "type": "router", "interfaces": [{"name": "eth0", "address": "10.1.0.2/24"}, {"name": "eth1", "address": "10.0.2.2/24"}]},
    {"name": "RP", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.1.100/24"}, {"name": "eth1", "address": "10.0.2.100/24"}, {"name": "eth2", "address": "10.2.0.1/24"}]},
    {"name": "rx", "type": "host", "interfaces": [{"name": "eth0", "address": "10.2.0.10/24", "gateway": "10.2.0.1"}]}
  ],
  "links": [
    {"name": "src-lan", "endpoints": ["src:eth0", "A:eth0", "B:eth0"]},
    {"name": "a-rp", "endpoints": ["A:eth1", "RP:eth0"]},
    {"name": "b-rp", "endpoints": ["B:eth1", "RP:eth1"]},
    {"name": "rx-lan", "endpoints": ["RP:eth2", "rx:eth0"]}
  ],
  "rp": [{"address": "10.2.0.1"}],
  "events": [
    {"at": "0s", "action": "listen", "node": "rx", "port": 5001, "bind": "239.1.1.1", "socket": "s"},
    {"at": "0s", "action": "join", "node": "rx", "group": "239.1.1.1", "socket": "s"},
    {"at": "20s", "action": "send", "node": "src", "to": "239.1.1.1:5001", "ttl": 16, "rate": "1pps", "until": "30s"},
    {"at": "25.5s", "action": "set", "node": "A", "interface": "eth0", "dr_priority": 10}
  ]
})j";

TEST(PimDrChange, TheSourcesRegisteringMovesToTheNewDrAtTheHello) {
  const fs::path out = RunJson(kSourceDrChange);
  // B, the DR, registers from the first datagram until the RP's Register-Stop.
  const std::vector<std::string> b = NodeEvents(out, "B", "pim.register");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].substr(0, b[0].find(", \"rp\"")),
            R"j(20.000002040 "group": "239.1.1.1", "source": "10.1.0.10", "from": "NoInfo", "event": "CouldRegister->True", "to": "Join")j");
  EXPECT_EQ(b[1].substr(0, 12), "21.000005976");
  // A's Hello with priority 10 reaches B 1.736 us after 25.5 s: B is no longer DR and leaves its
  // Register state in that instant (the source's next datagram is at 26 s).
  EXPECT_EQ(b[2],
            R"j(25.500001736 "group": "239.1.1.1", "source": "10.1.0.10", "from": "Prune", "event": "CouldRegister->False", "to": "NoInfo", "action": "cancel RST", "why": "no longer DR, or no data for Keepalive_Period"})j");
  // A becomes DR when its priority changes, and its Register state starts then too: its (S,G)
  // keepalive runs from the datagrams it heard on the LAN.
  const std::vector<std::string> a = NodeEvents(out, "A", "pim.register");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a[0].substr(0, a[0].find(", \"rp\"")),
            R"j(25.500000000 "group": "239.1.1.1", "source": "10.1.0.10", "from": "NoInfo", "event": "CouldRegister->True", "to": "Join")j");
}

}  // namespace
}  // namespace sim::run
