// `mcastlab explain` on the shipped scenarios: the exact sentences for a receiver before and
// after a TTL change, a snooping switch's non-member port, a NIC filter, a closed port, a stream
// interrupted by a link failure; and the exit codes of the command.
#include "sim/explain/explain.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "sim/explain/run_record.h"
#include "sim/run/runner.h"
#include "sim/scenario/loader.h"

namespace sim::explain {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

// Each shipped scenario runs once per test process, into a folder of its own: ctest runs the
// tests of this file in parallel processes, so the folder carries the test's name.
const fs::path& RunOnce(const std::string& name) {
  static std::map<std::string, fs::path> done;
  auto it = done.find(name);
  if (it != done.end()) return it->second;
  const std::string test = testing::UnitTest::GetInstance()->current_test_info()->name();
  const fs::path out = fs::path(testing::TempDir()) / ("explain-" + name + "-" + test);
  fs::remove_all(out);
  auto loaded = scenario::LoadScenarioFile((fs::path(MCASTLAB_SOURCE_DIR) / "topologies" / (name + ".json")).string());
  EXPECT_TRUE(loaded.ok());
  run::RunScenario(loaded.scenario(), out);
  return done.emplace(name, out).first->second;
}

Lines Why(const std::string& scenario, const std::string& host, const std::string& group,
          std::optional<std::int64_t> at = std::nullopt) {
  auto record = ReadRunRecord(RunOnce(scenario));
  if (const auto* error = std::get_if<std::string>(&record)) return {"error: " + *error};
  auto answer = Explain(std::get<RunRecord>(record), {host, group, at});
  if (const auto* error = std::get_if<std::string>(&answer)) return {"error: " + *error};
  return std::get<Lines>(answer);
}

constexpr std::int64_t kSecond = 1'000'000'000;

TEST(Explain, TtlOneBeforeTheChangeStopsAtTheFirstRouter) {
  EXPECT_EQ(Why("ttl-one", "rx2", "239.1.1.1", 4'990'000'000),
            (Lines{"rx2 received 0 datagrams of 239.1.1.1 by 4.99 s.",
                   "The path from src to rx2: src, R1, R2, SW, rx2 (2 routers).",
                   "The source src (10.1.0.10) sent 40 datagrams to 239.1.1.1:5001 with TTL 1, from 1 s to 4.9 s.",
                   "The first router on the path, R1, drops every datagram: ttl-expired (40 datagrams).",
                   "They arrive with TTL 1, and a router forwards only a TTL above 1.",
                   "A TTL of at least 3 reaches rx2 (it is 2 routers away)."}));
}

TEST(Explain, TtlOneAfterTheChangeReceivesTheTtl16Stream) {
  EXPECT_EQ(Why("ttl-one", "rx1", "239.1.1.1"),
            (Lines{"rx1 received 50 datagrams of 239.1.1.1 on socket s, the first at 5.00100716 s.",
                   "The path from src to rx1: src, R1, R2, SW, rx1 (2 routers).",
                   "The source src (10.1.0.10) sent 40 datagrams to 239.1.1.1:5001 with TTL 1, from 1 s to 4.9 s.",
                   "The first router on the path, R1, drops every datagram: ttl-expired (40 datagrams).",
                   "They arrive with TTL 1, and a router forwards only a TTL above 1.",
                   "A TTL of at least 3 reaches rx1 (it is 2 routers away).",
                   "The source src (10.1.0.10) sent 50 datagrams to 239.1.1.1:5001 with TTL 16, from 5 s to 9.9 s.",
                   "No drop of these datagrams is recorded on the path to rx1."}));
}

TEST(Explain, TtlOneMidStreamSaysSinceWhen) {
  EXPECT_EQ(Why("ttl-one", "rx1", "239.1.1.1", 6 * kSecond)[0],
            "rx1 has received 239.1.1.1 since 5.00100716 s (50 datagrams on socket s by the end of the run).");
}

TEST(Explain, SnoopingKeepsTheStreamOffTheNonMemberPort) {
  EXPECT_EQ(Why("igmp-snooping", "H-A2", "239.1.1.1"),
            (Lines{"H-A2 received 0 datagrams of 239.1.1.1.",
                   "The path from SRC to H-A2: SRC, R, SW-A, H-A2 (1 router).",
                   "The source SRC (10.9.0.10) sent 100 datagrams to 239.1.1.1:5001 with TTL 8, from 5 s to 14.9 s.",
                   "The switch SW-A does not forward them to p3, its port toward H-A2: snooping-filtered (100 datagrams).",
                   "SW-A learned no member of 239.1.1.1 and no router on p3.",
                   "H-A2 never joined 239.1.1.1, so it sent no membership report."}));
}

TEST(Explain, WithoutSnoopingTheNicFilterDropsIt) {
  EXPECT_EQ(Why("igmp-snooping", "H-B2", "239.1.1.1")[3], "H-B2 drops every datagram: not-joined (100 datagrams).");
}

TEST(Explain, BindGroupVsAnyNeverJoinedGroup) {
  EXPECT_EQ(Why("bind-group-vs-any", "receiver", "239.3.3.3"),
            (Lines{"receiver received 0 datagrams of 239.3.3.3.",
                   "The path from sender to receiver: sender, receiver (no router).",
                   "The source sender (192.0.2.10) sent 2 datagrams to 239.3.3.3:5000 with TTL 1 at 3 s.",
                   "receiver drops every datagram: not-joined (2 datagrams).",
                   "receiver is not a member of 239.3.3.3 on eth0: no socket and no join asked for it, so its NIC "
                   "filter passes none of it."}));
}

TEST(Explain, BindGroupVsAnyTwoSocketsGetTheJoinedGroup) {
  EXPECT_EQ(Why("bind-group-vs-any", "receiver", "239.1.1.1")[0],
            "receiver received 239.1.1.1 on 2 sockets: 2 datagrams on socket grp and 2 datagrams on socket any, the "
            "first at 1.00000204 s.");
}

TEST(Explain, UdpClosedPortBeforeAndAfterTheServerListens) {
  EXPECT_EQ(Why("udp-closed-port", "server", "192.0.2.20"),
            (Lines{"server received 3 datagrams sent to 192.0.2.20 on socket srv, the first at 6.00002328 s.",
                   "The path from client to server: client, server (no router).",
                   "The source client (192.0.2.10) sent 4 datagrams to 192.0.2.20:7000 with TTL 64, from 1 s to 6 s.",
                   "client's socket c reported ECONNREFUSED at 2 s (during send): that datagram was not sent.",
                   "server drops some of them: no-socket (1 datagram).",
                   "No socket of server listened on port 7000 then.",
                   "Socket srv opened port 7000 at 5 s; later datagrams reach it."}));
  EXPECT_EQ(Why("udp-closed-port", "server", "192.0.2.20", 4 * kSecond)[0],
            "server received 0 datagrams sent to 192.0.2.20 by 4 s.");
}

TEST(Explain, LinkFailureNamesTheLongestInterruption) {
  // summary.json's streams give the gap; the receive.resumed line says it was an interruption.
  EXPECT_EQ(Why("pim-rpf-link-failure", "rx4", "239.1.1.1"),
            (Lines{"rx4 received 200 datagrams of 239.1.1.1 on socket s, the first at 20.00500716 s.",
                   "Its stream from 10.1.0.10 on socket s was interrupted; the longest gap: 0.195001 s, from "
                   "29.90500716 s to 30.10000816 s.",
                   "The path from src to rx4: src, R1, R2, R4, rx4 (3 routers).",
                   "The source src (10.1.0.10) sent 201 datagrams to 239.1.1.1:5001 with TTL 16, from 20 s to 40 s.",
                   "The second router on the path, R2, drops some of them: link-down (1 datagram).",
                   "The interface eth1 of R2, or its link, was down."}));
  // Before the gap ended there is nothing to say about it yet (no drop either: the datagram of 30 s
  // is still on the cable); rx3 was never interrupted.
  EXPECT_EQ(Why("pim-rpf-link-failure", "rx4", "239.1.1.1", 30 * kSecond).back(),
            "No drop of these datagrams is recorded on the path to rx4 by 30 s.");
  EXPECT_EQ(Why("pim-rpf-link-failure", "rx3", "239.1.1.1")[1], "The path from src to rx3: src, R1, R3, rx3 (2 routers).");
}

TEST(Explain, NobodySent) {
  EXPECT_EQ(Why("ttl-one", "rx1", "239.9.9.9"),
            (Lines{"rx1 received 0 datagrams of 239.9.9.9.", "Nobody sent to 239.9.9.9."}));
}

TEST(Explain, UnknownHostOrRouterIsAnError) {
  EXPECT_EQ(Why("ttl-one", "nobody", "239.1.1.1"), Lines{"error: no node named nobody in this run"});
  EXPECT_EQ(Why("ttl-one", "RX1", "239.1.1.1"), Lines{"error: no node named RX1 in this run (did you mean \"rx1\"?)"});
  EXPECT_EQ(Why("ttl-one", "R1", "239.1.1.1"), Lines{"error: R1 is a router, not a host"});
}

// The three lessons written from the docs alone (issue 12's acceptance): a host that gets nothing.
TEST(ExplainLessons, SnoopingNonReceiverListensButNeverJoined) {
  const Lines why = Why("lesson-snooping-nonreceiver", "nr", "239.1.1.1");
  ASSERT_EQ(why.size(), 6u);
  EXPECT_EQ(why[0], "nr received 0 datagrams of 239.1.1.1.");
  EXPECT_EQ(why[3], "The switch SW does not forward them to p4, its port toward nr: snooping-filtered (30 datagrams).");
  EXPECT_EQ(why[5], "nr never joined 239.1.1.1, so it sent no membership report.");
}

TEST(ExplainLessons, TtlOnePhaseStopsAtR1ForTheHostBoundToAny) {
  const Lines why = Why("lesson-ttl-1-vs-5", "rx-any", "239.1.1.1", 3'500'000'000);
  ASSERT_EQ(why.size(), 6u);
  EXPECT_EQ(why[0], "rx-any received 0 datagrams of 239.1.1.1 by 3.5 s.");
  EXPECT_EQ(why[3], "The first router on the path, R1, drops every datagram: ttl-expired (20 datagrams).");
  EXPECT_EQ(why[5], "A TTL of at least 3 reaches rx-any (it is 2 routers away).");
}

// H2 dropped the stream before its join at 95 s and after its leave at 100 s, under one key.
TEST(ExplainLessons, NotJoinedNamesTheMemberSpanNotJustTheLeave) {
  const Lines why = Why("lesson-querier-crash-leave", "H2", "239.1.1.1");
  ASSERT_EQ(why.size(), 5u);
  EXPECT_EQ(why[3], "H2 drops some of them: not-joined (134 datagrams).");
  EXPECT_EQ(why[4], "H2 was a member of 239.1.1.1 on eth0 only from 95 s to 100 s; before and after, its NIC filter "
                    "passes none of it.");
}

// H1 left at 125 s: asked at 130 s, it received the group until its last datagram at 124 s and
// nothing after, rather than "has received since".
TEST(ExplainLessons, AfterTheLastDeliveryItSaysNothingCameAfter) {
  const Lines why = Why("lesson-querier-crash-leave", "H1", "239.1.1.1", 130'000'000'000);
  ASSERT_FALSE(why.empty());
  EXPECT_EQ(why[0], "H1 received 239.1.1.1 from 1.00000204 s to 124.00000204 s and nothing after (124 datagrams on "
                    "socket s in all).");
}

TEST(ExplainSummary, DropsAreTheTrueTotalPerNode) {
  std::ifstream in(RunOnce("ttl-one") / "summary.json");
  const std::string summary((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(summary.find("\"drops\": 40,"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\"drops_by_node\": {\"R1\": {\"ttl-expired\": 40}}"), std::string::npos) << summary;
}

int Cli(const std::string& args) {
  const int status = std::system((std::string(MCASTLAB_CLI) + " " + args + " > /dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ExplainCommand, ExitCodes) {
  const std::string out = RunOnce("ttl-one").string();
  EXPECT_EQ(Cli("explain " + out + " --node rx1 --group 239.1.1.1 --at 4.99s"), 0);
  EXPECT_EQ(Cli("explain " + out + " --node rx1 --group 239.1.1.300"), 2);
  EXPECT_EQ(Cli("explain " + out + " --node rx1 --group 239.1.1.1 --at soon"), 2);
  EXPECT_EQ(Cli("explain " + out + " --node R1 --group 239.1.1.1"), 2);
  EXPECT_EQ(Cli("explain " + out + " --node rx1"), 2);
  EXPECT_EQ(Cli("explain " + testing::TempDir() + " --node rx1 --group 239.1.1.1"), 2);
}

}  // namespace
}  // namespace sim::explain
