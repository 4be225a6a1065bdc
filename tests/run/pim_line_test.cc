// The PIM-SM shared-tree lesson at exact instants, read back from the pcap of the link between
// the source's DR (R1) and the RP (R2): the Register carrying the first datagram, the RP's
// (S,G) Join, the Register-Stop, and the Null-Register probe after the Register-Stop timer.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/child_process.h"
#include "tests/support/tshark.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

TEST(PimSharedTree, RegisterJoinRegisterStopAndNullRegisterAtExactInstants) {
  const auto loaded = scenario::LoadScenarioFile(std::string(MCASTLAB_SOURCE_DIR) + "/topologies/pim-shared-tree.json");
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "pim-line-instants";
  fs::remove_all(out);
  const RunResult r = RunScenario(loaded.scenario(), out);
  EXPECT_TRUE(r.passed());
  const std::string pim = testing_support::RunTshark(
      (out / "r1-r2.pcap").string(),
      {"-Y", "pim.type != 0", "-T", "fields", "-E", "occurrence=f", "-e", "frame.time_relative", "-e", "pim.type", "-e",
       "ip.src", "-e", "frame.len"});
  // Register (type 1) at R1 40.000002040 + 1 ms cable + transmission; the RP joins (S,G)
  // (type 3) as it decapsulates; the second datagram arrives natively and the RP answers its
  // Register with a Register-Stop (type 2); 57.123406066 s later (seed 1) R1 probes with a
  // 62-byte Null-Register, answered at once.
  EXPECT_EQ(pim,
            "40.002003384\t1\t10.0.12.1\t134\n"
            "40.003004648\t3\t10.0.12.2\t68\n"
            "41.000003080\t1\t10.0.12.1\t134\n"
            "41.001004344\t2\t10.0.12.2\t60\n"
            "98.125411082\t1\t10.0.12.1\t62\n"
            "98.126411770\t2\t10.0.12.2\t60\n"
            "100.003004648\t3\t10.0.12.2\t68\n"
            "147.434554699\t1\t10.0.12.1\t62\n"
            "147.435555387\t2\t10.0.12.2\t60\n");
  // R3, the last hop, switches to the SPT (spt_switchover "immediate", the default) on the
  // first datagram, which came down the shared tree: on a line the SPT and the shared tree leave
  // R3 through the same neighbor, so nothing is pruned and the wire between R1 and R2 is the same.
  // Update_SPTbit (RFC 7761 §4.2.2) on the second datagram, the first after the RP's (S,G)
  // Join: at R1 (the source is directly connected, JoinDesired(S,G) from that Join) as it comes
  // in, at the RP 1 ms later (its (S,G) entry exists since the first Register), and at R3 1 ms
  // after that.
  std::vector<std::string> spt;
  std::istringstream events(testing_support::ReadWholeFile(out / "events.jsonl"));
  for (std::string line; std::getline(events, line);) {
    if (line.find("\"kind\": \"pim.spt\"") != std::string::npos) spt.push_back(line.substr(0, line.find(", \"kind\"")));
  }
  EXPECT_EQ(spt, (std::vector<std::string>{R"({"t": "40.004005688", "node": "R3")", R"({"t": "41.000002040", "node": "R1")",
                                           R"({"t": "41.001003080", "node": "R2")", R"({"t": "41.002004120", "node": "R3")"}));
  // The first datagram reaches the receiver's LAN through the RP's decapsulation, with TTL 13:
  // 16 at the source, one less at R1 (the Register carries it as forwarded), at R2 and at R3.
  const std::string udp = testing_support::RunTshark(
      (out / "rx-lan.pcap").string(), {"-Y", "udp", "-T", "fields", "-e", "frame.time_relative", "-e", "ip.ttl"});
  EXPECT_EQ(udp.substr(0, udp.find('\n')), "40.004005688\t13");
}

}  // namespace
}  // namespace sim::run
