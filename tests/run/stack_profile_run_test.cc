// Stack profiles through whole runs of the shipped lessons: FRR's RP forwards no Register-
// encapsulated datagram, so in pim-shared-tree.json the receiver misses the source's first
// datagram (40 s) and gets the rest natively from 41 s; and the loader resolves "profile" from
// the scenario to the node to the interface, and refuses an unknown one with its JSON path.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

std::string ShippedText(const std::string& name) {
  std::ifstream in(std::string(MCASTLAB_SOURCE_DIR) + "/topologies/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// pim-shared-tree.json with `profile` on the RP (R2).
RunResult RunSharedTree(const std::string& profile) {
  std::string text = ShippedText("pim-shared-tree.json");
  const std::string r2 = R"({"name": "R2", "type": "router")";
  const auto at = text.find(r2);
  EXPECT_NE(at, std::string::npos);
  text.insert(at + r2.size(), R"(, "profile": ")" + profile + "\"");
  auto loaded = scenario::LoadScenario(text);
  EXPECT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / ("profile-shared-tree-" + profile);
  fs::remove_all(out);
  return RunScenario(loaded.scenario(), out);
}

TEST(StackProfileRun, FrrRpLosesTheFirstDatagramOfANewSource) {
  // /expect/1: one datagram in [40 s, 40.01 s]; /expect/2: 111 in all (40 s to 150 s).
  const RunResult rfc = RunSharedTree("rfc");
  ASSERT_EQ(rfc.outcomes.size(), 10u);
  EXPECT_TRUE(rfc.passed());
  const RunResult frr = RunSharedTree("frr");
  ASSERT_EQ(frr.outcomes.size(), 10u);
  EXPECT_FALSE(frr.outcomes[1].passed);
  EXPECT_EQ(frr.outcomes[1].found, "0 datagrams");
  EXPECT_FALSE(frr.outcomes[2].passed);
  EXPECT_EQ(frr.outcomes[2].found, "110 datagrams");
  // Everything else, Registers and Register-Stops at their instants included, is unchanged.
  for (std::size_t k : {0u, 3u, 4u, 5u, 6u, 7u, 8u, 9u}) {
    EXPECT_TRUE(frr.outcomes[k].passed) << frr.outcomes[k].path << ": " << frr.outcomes[k].found;
  }
  std::ifstream events(fs::path(testing::TempDir()) / "profile-shared-tree-frr" / "events.jsonl");
  std::string line, dropped;
  while (std::getline(events, line)) {
    if (line.find("pim.register_data_dropped") != std::string::npos && dropped.empty()) dropped = line;
  }
  const std::string expected = R"x({"t": "40.003004648", "node": "R2", "kind": "pim.register_data_dropped", )x"
                               R"x("entry": "(10.1.0.10,239.1.1.1)", "profile": "frr"})x";
  EXPECT_EQ(dropped, expected);
}

std::vector<std::string> EventLines(const fs::path& out, std::string_view word) {
  std::ifstream events(out / "events.jsonl");
  std::vector<std::string> found;
  for (std::string line; std::getline(events, line);) {
    if (line.find(word) != std::string::npos) found.push_back(line);
  }
  return found;
}

TEST(StackProfileRun, ALinuxSwitchFromTheScenarioAsksOnlyTheLeavingPort) {
  // igmp-snooping-querier-leave.json with "profile": "linux" at the top: SW1 is a Linux bridge.
  std::string text = ShippedText("igmp-snooping-querier-leave.json");
  text.insert(text.find('{') + 1, R"("profile": "linux", )");
  auto loaded = scenario::LoadScenario(text);
  ASSERT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / "profile-bridge-leave";
  fs::remove_all(out);
  RunScenario(loaded.scenario(), out);
  const auto lines = EventLines(out, "igmp.snooping_querier");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], R"x({"t": "10.000001672", "node": "SW1", "kind": "igmp.snooping_querier", "group": "239.1.1.1", )x"
                      R"x("port": "p2", "event": "leave", "action": "send gsq to 224.0.0.1 on the port"})x");
}

constexpr std::string_view kProfiles = R"({
  "format": 1, "name": "profiles", "duration": "1s", "profile": "linux",
  "nodes": [
    {"name": "H1", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"},
                                                  {"name": "eth1", "address": "198.51.100.10/24", "profile": "rfc"}]},
    {"name": "R1", "type": "router", "profile": "frr", "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"},
                                                                     {"name": "eth1", "address": "198.51.100.1/24", "profile": "rfc"}]},
    {"name": "SW", "type": "switch", "ports": 2, "igmp_snooping": true},
    {"name": "R2", "type": "router", "interfaces": [{"name": "eth0", "address": "203.0.113.1/24"}]}
  ],
  "links": [{"name": "a", "endpoints": ["H1:eth0", "SW:p1"]}, {"name": "b", "endpoints": ["R1:eth0", "SW:p2"]},
            {"name": "c", "endpoints": ["H1:eth1", "R1:eth1"]}]
})";

TEST(StackProfileLoad, TheMostSpecificProfileWins) {
  auto loaded = scenario::LoadScenario(kProfiles);
  ASSERT_TRUE(loaded.ok()) << ToString(loaded.errors().front());
  const scenario::Scenario& s = loaded.scenario();
  using core::StackProfile;
  EXPECT_EQ(s.profile, StackProfile::kLinux);
  const auto* h1 = scenario::FindNode(s, "H1");
  EXPECT_EQ(h1->profile, StackProfile::kLinux);
  EXPECT_EQ(h1->host()->igmp.profile, StackProfile::kLinux);
  EXPECT_EQ(h1->host()->interfaces[0].profile, StackProfile::kLinux);
  EXPECT_EQ(h1->host()->interfaces[1].profile, StackProfile::kRfc);
  const auto* r1 = scenario::FindNode(s, "R1");
  EXPECT_EQ(r1->profile, StackProfile::kFrr);
  EXPECT_EQ(r1->router()->pim.profile, StackProfile::kFrr);
  EXPECT_EQ(r1->router()->interfaces[0].igmp.profile, StackProfile::kFrr);
  EXPECT_EQ(r1->router()->interfaces[1].igmp.profile, StackProfile::kRfc);
  EXPECT_EQ(scenario::FindNode(s, "SW")->profile, StackProfile::kLinux);
  // Linux has no IGMP router of its own: a router inheriting linux keeps the RFC querier.
  const auto* r2 = scenario::FindNode(s, "R2");
  EXPECT_EQ(r2->profile, StackProfile::kLinux);
  EXPECT_EQ(r2->router()->interfaces[0].igmp.profile, StackProfile::kRfc);
}

TEST(StackProfileRun, AHostInterfaceProfileWinsOverItsNodes) {
  // H1 is linux, its eth1 rfc: a join on each at 0.5 s reports 8 ms later on eth0, at once on eth1.
  std::string text(kProfiles);
  text.insert(text.rfind('}'), R"(, "events": [{"at": "0.5s", "action": "join", "node": "H1", "group": "239.1.1.1"},
      {"at": "0.5s", "action": "join", "node": "H1", "group": "239.2.2.2", "interface": "eth1"}])");
  auto loaded = scenario::LoadScenario(text);
  ASSERT_TRUE(loaded.ok()) << ToString(loaded.errors().front());
  const fs::path out = fs::path(testing::TempDir()) / "profile-interfaces";
  fs::remove_all(out);
  RunScenario(loaded.scenario(), out);
  const auto joins = EventLines(out, R"("event": "join group")");
  ASSERT_EQ(joins.size(), 2u);
  EXPECT_NE(joins[0].find(R"("interface": "eth0")"), std::string::npos);
  EXPECT_NE(joins[0].find(R"("action": "start timer")"), std::string::npos);
  EXPECT_NE(joins[1].find(R"("interface": "eth1")"), std::string::npos);
  EXPECT_NE(joins[1].find(R"("action": "send v2 report")"), std::string::npos);
  const auto expired = EventLines(out, R"("event": "timer expired")");
  ASSERT_FALSE(expired.empty());
  EXPECT_TRUE(expired[0].starts_with(R"({"t": "0.508000000", "node": "H1")")) << expired[0];
}

TEST(StackProfileLoad, AnUnknownProfileIsRefusedWithItsPath) {
  std::string text(kProfiles);
  text.replace(text.find(R"("profile": "frr")"), 16, R"("profile": "cisco")");
  auto loaded = scenario::LoadScenario(text);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.errors().front().path, "/nodes/1/profile");
  EXPECT_NE(loaded.errors().front().message.find("is not a stack profile"), std::string::npos);
}

}  // namespace
}  // namespace sim::run
