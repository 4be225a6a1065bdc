// The `recv` event end to end: loaded from a file, run on the timeline, and written to
// events.jsonl as the call that reported the pending ECONNREFUSED, once, at its instant.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/child_process.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScenario = R"({
  "format": 1, "name": "recv-action", "duration": "5s",
  "nodes": [
    {"name": "client", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"}]},
    {"name": "server", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.20/24"}]}
  ],
  "links": [{"name": "lan", "endpoints": ["client:eth0", "server:eth0"]}],
  "events": [
    {"at": "0s", "action": "listen", "node": "client", "port": 40000, "socket": "c"},
    {"at": "0s", "action": "connect", "node": "client", "socket": "c", "to": "192.0.2.20:7000"},
    {"at": "1s", "action": "send", "node": "client", "socket": "c", "to": "192.0.2.20:7000"},
    {"at": "2s", "action": "recv", "node": "client", "socket": "c"},
    {"at": "2.5s", "action": "recv", "node": "client", "socket": "c"},
    {"at": "3s", "action": "send", "node": "client", "socket": "c", "to": "192.0.2.20:7000"}
  ],
  "expect": [
    {"socket_error": {"node": "client", "socket": "c", "error": "ECONNREFUSED"}},
    {"packets": {"link": "lan", "type": "udp", "min": 2, "max": 2}},
    {"packets": {"link": "lan", "type": "icmp-port-unreachable", "min": 2, "max": 2}}
  ]
})";

TEST(RecvAction, ReportsThePendingErrorOnceAndTheNextSendGoesOut) {
  const auto loaded = scenario::LoadScenario(kScenario);
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "recv-action";
  fs::remove_all(out);
  const RunResult r = RunScenario(loaded.scenario(), out);
  EXPECT_TRUE(r.passed());
  std::vector<std::string> errors;
  std::istringstream events(testing_support::ReadWholeFile(out / "events.jsonl"));
  for (std::string line; std::getline(events, line);) {
    if (line.find("\"kind\": \"socket.error\"") != std::string::npos) errors.push_back(line);
  }
  // The error of the 1 s datagram goes to the recv at 2 s; the one at 2.5 s finds none, so the
  // 3 s datagram leaves (and draws a second error, which nothing reads before the end).
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("\"t\": \"2.000000000\""), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("recv"), std::string::npos) << errors[0];
}

TEST(RecvAction, NeedsAnOpenSocketOnAHost) {
  std::string text = kScenario;
  text.replace(text.find(R"("action": "recv", "node": "client", "socket": "c"})"),
               std::string(R"("action": "recv", "node": "client", "socket": "c"})").size(),
               R"("action": "recv", "node": "client", "socket": "x"})");
  const auto loaded = scenario::LoadScenario(text);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.errors().front().path, "/events/3/socket");
}

}  // namespace
}  // namespace sim::run
