// (S,G,rpt) state at a shared-tree router that holds no (S,G) of its own (RFC 7761 §4.1.3,
// §4.5.6): the last hop R3 prunes the source off the shared tree toward M, which is between it and
// the RP. M stops sending the source down to R3 at once, and passes the prune on to the RP in its
// next periodic Join(*,G) (from RPTNotJoined(G) the upstream machine sends nothing of its own);
// the RP then prunes (S,G) toward the source. No datagram is lost or duplicated.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/tshark.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

constexpr char kScenario[] = R"JSON({
 "format": 1,
 "name": "pim-spt-prune-at-middle",
 "description": "SPT switchover where the last hop's shared-tree neighbor is not the RP: src - R1, R1 - R2 (the RP) - M - R3, and a direct link R1 - R3. R3 switches to the SPT over the direct link and sends Prune(S,G,rpt) to M, which has (*,G) but no (S,G) of its own; M must stop sending the source down m-r3 and pass the prune on to the RP.",
 "duration": "100s",
 "nodes": [
  {
   "name": "src",
   "type": "host",
   "interfaces": [
    {
     "name": "eth0",
     "address": "10.1.0.10/24",
     "gateway": "10.1.0.1"
    }
   ]
  },
  {
   "name": "R1",
   "type": "router",
   "interfaces": [
    {
     "name": "eth0",
     "address": "10.1.0.1/24"
    },
    {
     "name": "eth1",
     "address": "10.0.12.1/30"
    },
    {
     "name": "eth2",
     "address": "10.0.13.1/30"
    }
   ]
  },
  {
   "name": "R2",
   "type": "router",
   "interfaces": [
    {
     "name": "eth0",
     "address": "10.0.12.2/30"
    },
    {
     "name": "eth1",
     "address": "10.0.24.1/30"
    }
   ]
  },
  {
   "name": "M",
   "type": "router",
   "interfaces": [
    {
     "name": "eth0",
     "address": "10.0.24.2/30"
    },
    {
     "name": "eth1",
     "address": "10.0.43.1/30"
    }
   ]
  },
  {
   "name": "R3",
   "type": "router",
   "interfaces": [
    {
     "name": "eth0",
     "address": "10.0.43.2/30"
    },
    {
     "name": "eth1",
     "address": "10.3.0.1/24"
    },
    {
     "name": "eth2",
     "address": "10.0.13.2/30"
    }
   ]
  },
  {
   "name": "rx",
   "type": "host",
   "interfaces": [
    {
     "name": "eth0",
     "address": "10.3.0.10/24",
     "gateway": "10.3.0.1"
    }
   ]
  }
 ],
 "links": [
  {
   "name": "src-lan",
   "endpoints": [
    "src:eth0",
    "R1:eth0"
   ]
  },
  {
   "name": "r1-r2",
   "endpoints": [
    "R1:eth1",
    "R2:eth0"
   ],
   "delay": "1ms"
  },
  {
   "name": "r2-m",
   "endpoints": [
    "R2:eth1",
    "M:eth0"
   ],
   "delay": "1ms"
  },
  {
   "name": "m-r3",
   "endpoints": [
    "M:eth1",
    "R3:eth0"
   ],
   "delay": "1ms"
  },
  {
   "name": "r1-r3",
   "endpoints": [
    "R1:eth2",
    "R3:eth2"
   ],
   "delay": "1ms"
  },
  {
   "name": "rx-lan",
   "endpoints": [
    "R3:eth1",
    "rx:eth0"
   ]
  }
 ],
 "rp": [
  {
   "address": "10.0.24.1",
   "groups": "239.0.0.0/8"
  }
 ],
 "events": [
  {
   "at": "0s",
   "action": "listen",
   "node": "rx",
   "port": 5001,
   "bind": "239.1.1.1",
   "socket": "s"
  },
  {
   "at": "0s",
   "action": "join",
   "node": "rx",
   "group": "239.1.1.1",
   "socket": "s"
  },
  {
   "at": "40s",
   "action": "send",
   "node": "src",
   "to": "239.1.1.1:5001",
   "ttl": 16,
   "rate": "10pps",
   "until": "80s"
  },
  {
   "at": "90s",
   "action": "snapshot",
   "label": "on-spt"
  }
 ],
 "expect": [
  {
   "received": {
    "node": "rx",
    "socket": "s",
    "min": 401,
    "max": 401
   }
  },
  {
   "from": "40.2s",
   "until": "100s",
   "packets": {
    "link": "m-r3",
    "type": "udp",
    "min": 0,
    "max": 0
   }
  },
  {
   "from": "63.6s",
   "until": "100s",
   "packets": {
    "link": "r2-m",
    "type": "udp",
    "min": 0,
    "max": 0
   }
  },
  {
   "from": "63.7s",
   "until": "100s",
   "packets": {
    "link": "r1-r2",
    "type": "udp",
    "min": 0,
    "max": 0
   }
  },
  {
   "from": "40s",
   "until": "100s",
   "packets": {
    "link": "r1-r3",
    "type": "udp",
    "min": 400,
    "max": 400
   }
  }
 ]
})JSON";

std::string Fields(const fs::path& pcap, const std::string& filter, const std::vector<std::string>& fields) {
  std::vector<std::string> args{"-Y", filter, "-T", "fields"};
  for (const auto& f : fields) {
    args.push_back("-e");
    args.push_back(f);
  }
  return testing_support::RunTshark(pcap.string(), args);
}

TEST(PimSptPruneAtMiddle, SharedTreeRouterWithoutSgStopsThePrunedBranch) {
  if (testing_support::TsharkPath().empty()) GTEST_SKIP() << "tshark not found";
  const auto loaded = scenario::LoadScenario(kScenario);
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "pim-spt-prune-at-middle";
  fs::remove_all(out);
  const RunResult r = RunScenario(loaded.scenario(), out);
  EXPECT_TRUE(r.passed());
  // Only the first datagram came down the shared tree to R3; then R3's Prune(S,G,rpt) at the SPT bit.
  EXPECT_EQ(Fields(out / "m-r3.pcap", "udp", {"frame.time_epoch"}), "40.004005688\n");
  EXPECT_EQ(Fields(out / "m-r3.pcap", "pim.type == 3 && frame.time_epoch > 40 && frame.time_epoch < 70",
                   {"frame.time_epoch", "ip.src", "pim.numjoins", "pim.numprunes"}),
            "40.101003080\t10.0.43.2\t0\t1\n62.424593754\t10.0.43.2\t1\t1\n");
  // M's periodic Join(*,G) carries the prune to the RP; the RP's last copy down r2-m is before it.
  EXPECT_EQ(Fields(out / "r2-m.pcap", "pim.type == 3 && frame.time_epoch > 40 && frame.time_epoch < 70",
                   {"frame.time_epoch", "ip.src", "pim.numjoins", "pim.numprunes"}),
            "63.577657824\t10.0.24.2\t1\t1\n");
  EXPECT_EQ(Fields(out / "r1-r2.pcap", "pim.type == 3 && frame.time_epoch > 60 && frame.time_epoch < 70",
                   {"frame.time_epoch", "ip.src", "pim.numjoins", "pim.numprunes"}),
            "63.578658624\t10.0.12.2\t0\t1\n");
  const std::string r2m = Fields(out / "r2-m.pcap", "udp", {"frame.time_epoch"});
  EXPECT_EQ(r2m.substr(r2m.rfind('\n', r2m.size() - 2) + 1), "63.501003080\n");
  // Every datagram once at rx: 401 frames, 401 different IP ids.
  std::set<std::string> ids;
  std::size_t frames = 0;
  std::istringstream lines(Fields(out / "rx-lan.pcap", "udp", {"ip.id"}));
  for (std::string id; std::getline(lines, id); ++frames) ids.insert(id);
  EXPECT_EQ(frames, 401u);
  EXPECT_EQ(ids.size(), 401u);
}

}  // namespace
}  // namespace sim::run
