// The source port of sent datagrams, read back from the pcap at exact instants: one implicit
// socket per send event (its ephemeral port chosen at the first datagram and kept, as Linux
// autobinds a socket once), a listening socket's own port, and an explicit source_port.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/tshark.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

constexpr char kScenario[] = R"({
  "format": 1, "name": "send-ports", "duration": "5s",
  "nodes": [
    {"name": "a", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"}]},
    {"name": "b", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.20/24"}]}
  ],
  "links": [{"name": "lan", "endpoints": ["a:eth0", "b:eth0"]}],
  "events": [
    {"at": "0.5s", "action": "listen", "node": "a", "port": 6000, "socket": "tx"},
    {"at": "1s", "action": "send", "node": "a", "to": "239.1.1.1:5001", "rate": "10pps", "until": "1.2s"},
    {"at": "1s", "action": "send", "node": "a", "to": "239.1.1.1:5002", "count": 2},
    {"at": "2s", "action": "send", "node": "a", "to": "239.1.1.1:5001", "rate": "10pps", "until": "2.1s"},
    {"at": "3s", "action": "send", "node": "a", "to": "239.1.1.1:5001", "source_port": 7000},
    {"at": "3.5s", "action": "send", "node": "a", "to": "239.1.1.1:5001", "socket": "tx", "count": 2}
  ]
})";

TEST(SendPorts, OneSourcePortPerSendEventAsOneSocketEach) {
  const auto loaded = scenario::LoadScenario(kScenario);
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "send-ports";
  fs::remove_all(out);
  RunScenario(loaded.scenario(), out);
  const std::string udp = testing_support::RunTshark(
      (out / "lan.pcap").string(),
      {"-Y", "udp", "-T", "fields", "-e", "frame.time_epoch", "-e", "udp.srcport", "-e", "udp.dstport"});
  // The first send event's three datagrams all come from 49152; the count send at the same
  // instant is a second program, 49153, its datagrams queued behind the one before (106 bytes
  // and 24 of preamble, FCS and gap at 1 Gbps: 1.04 us each); the rate send at 2 s a third,
  // 49154.
  // A source_port, or a named socket, gives its own port and takes none from the range.
  EXPECT_EQ(udp,
            "1.000000000\t49152\t5001\n"
            "1.000001040\t49153\t5002\n"
            "1.000002080\t49153\t5002\n"
            "1.100000000\t49152\t5001\n"
            "1.200000000\t49152\t5001\n"
            "2.000000000\t49154\t5001\n"
            "2.100000000\t49154\t5001\n"
            "3.000000000\t7000\t5001\n"
            "3.500000000\t6000\t5001\n"
            "3.500001040\t6000\t5001\n");
}

}  // namespace
}  // namespace sim::run
