// The load-time work estimate: exact figures on small scenarios, every shipped scenario within the
// default limit, and the typos it exists for refused with a message that says what to change.
#include "sim/run/work_estimate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/support/json_files.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

// Two hosts on one cable: S sends, H listens on port 5000.
constexpr const char* kCableNodes = R"(
  {"name": "S", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"}]},
  {"name": "H", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.20/24"}]})";
constexpr const char* kCableLinks = R"({"name": "lan", "endpoints": ["S:eth0", "H:eth0"]})";

// A router with one cabled interface (eth1 is cabled to nothing) and a host; PIM is off, so
// that only IGMP counts.
constexpr const char* kQuerierNodes = R"(
  {"name": "R", "type": "router", "pim": {"enabled": false}, "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"},
                                                 {"name": "eth1", "address": "198.51.100.1/24"}]},
  {"name": "H", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.20/24"}]})";
constexpr const char* kQuerierLinks = R"({"name": "lan", "endpoints": ["R:eth0", "H:eth0"]})";

std::string Doc(const std::string& duration, const std::string& nodes, const std::string& links,
                const std::string& events) {
  return R"({"format": 1, "name": "t", "duration": )" + duration + R"(, "nodes": [)" + nodes +
         R"(], "links": [)" + links + R"(], "events": [)" + events + "]}";
}

scenario::Scenario Load(const std::string& text) {
  auto r = scenario::LoadScenario(text);
  if (!r.ok()) {
    ADD_FAILURE() << ToString(r.errors().front());
    return {};
  }
  return std::move(r.scenario());
}

WorkEstimate Estimate(const std::string& text) { return EstimateWork(Load(text)); }

// A send on the cable, with H listening from the start.
std::string CableSend(const std::string& duration, const std::string& send) {
  return Doc(duration, kCableNodes, kCableLinks,
             R"({"at": "0s", "action": "listen", "node": "H", "port": 5000},
                {"action": "send", "node": "S", "to": "192.0.2.20:5000", )" + send + "}");
}

// A datagram over the MTU makes a frame per fragment: 1472 bytes fit in one 1500-byte packet,
// 1473 need two, 65507 (65515 bytes of UDP) need 45 of 1480.
TEST(WorkEstimate, FragmentedDatagramsCountEveryFrame) {
  EXPECT_EQ(Estimate(CableSend(R"("10s")", R"("at": "1s", "count": 5, "size": 1472)")).datagram_deliveries, 10u);
  EXPECT_EQ(Estimate(CableSend(R"("10s")", R"("at": "1s", "count": 5, "size": 1473)")).datagram_deliveries, 20u);
  const WorkEstimate w = Estimate(CableSend(R"("10s")", R"("at": "1s", "count": 5, "size": 65507)"));
  EXPECT_EQ(w.datagrams, 5u);
  EXPECT_EQ(w.datagram_deliveries, 5u * 45u * 2u);
}

TEST(WorkEstimate, CountSendIsItsCountAndReachesEveryEndpoint) {
  const WorkEstimate w = Estimate(CableSend(R"("10s")", R"("at": "1s", "count": 5)"));
  EXPECT_EQ(w.datagrams, 5u);
  EXPECT_EQ(w.link_endpoints, 2u);
  EXPECT_EQ(w.datagram_deliveries, 10u);
  EXPECT_EQ(w.control_messages, 0u);  // no router, no join
  EXPECT_EQ(w.deliveries, 10u);
  EXPECT_EQ(w.weighted_deliveries, 10u);
  EXPECT_EQ(w.busiest_send, "/events/1");
  EXPECT_EQ(w.busiest_send_datagrams, 5u);
}

TEST(WorkEstimate, RateSendCountsTheOneAtAtAndTheLastAtUntil) {
  // 100 ms apart from 1 s: 1.0, 1.1, ..., 4.9 s is 40; until 5 s adds the one at 5 s.
  EXPECT_EQ(Estimate(CableSend(R"("10s")", R"("at": "1s", "rate": "10pps", "until": "4.9s")")).datagrams, 40u);
  EXPECT_EQ(Estimate(CableSend(R"("10s")", R"("at": "1s", "rate": "10pps", "until": "5s")")).datagrams, 41u);
  // 3pps is an interval of 333333333 ns: 0, 1/3, 2/3 and 999999999 ns all come before 1 s.
  EXPECT_EQ(Estimate(CableSend(R"("10s")", R"("at": "0s", "rate": "3pps", "until": "1s")")).datagrams, 4u);
}

TEST(WorkEstimate, RateSendStopsAtTheEndOfTheRun) {
  EXPECT_EQ(Estimate(CableSend(R"("10s")", R"("at": "1s", "rate": "10pps", "until": "100s")")).datagrams, 91u);
}

// The timeline is the authority: what the estimate counts is what a run delivers to H's socket.
TEST(WorkEstimate, DatagramsAreWhatARunSends) {
  const scenario::Scenario s = Load(CableSend(R"("10s")", R"("at": "1s", "rate": "3pps", "until": "9s")"));
  const fs::path out = fs::path(testing::TempDir()) / "work-estimate-rate";
  fs::remove_all(out);  // a run refuses a folder some other program wrote
  const RunResult r = RunScenario(s, out);
  EXPECT_EQ(EstimateWork(s).datagrams, 25u);
  EXPECT_EQ(r.counters.receptions, 25u);
}

TEST(WorkEstimate, QuerierQueriesReportsAndUnsolicitedReports) {
  const WorkEstimate w = Estimate(Doc(R"("300s")", kQuerierNodes, kQuerierLinks,
                                      R"({"at": "1s", "action": "join", "node": "H", "group": "239.1.1.1"})"));
  // Queries: startup count 2 + floor(300 s / 125 s) = 4 (eth1 is on no link: none there).
  // One report per query for the one group, and the join's 2 unsolicited reports.
  EXPECT_EQ(w.control_messages, 4u + 4u + 2u);
  EXPECT_EQ(w.control_deliveries, 10u * 2u);
  EXPECT_EQ(w.deliveries, 20u);
  EXPECT_EQ(w.weighted_deliveries, 20u * kControlCost);
  EXPECT_EQ(w.busiest_send, "");
}

// PIM on: Hellos every 30 s from 0 s (11 in 300 s) on the cabled interface, and with a join in
// the timeline one periodic Join/Prune per 60 s (6); a power-on adds one of each.
TEST(WorkEstimate, PimInterfacesAddHellosAndPeriodicJoinPrunes) {
  std::string nodes = kQuerierNodes;
  nodes.replace(nodes.find(R"("pim": {"enabled": false}, )"), std::string(R"("pim": {"enabled": false}, )").size(), "");
  const std::string join = R"({"at": "1s", "action": "join", "node": "H", "group": "239.1.1.1"})";
  EXPECT_EQ(Estimate(Doc(R"("300s")", nodes, kQuerierLinks, join)).control_messages, 10u + 11u + 6u);
  EXPECT_EQ(Estimate(Doc(R"("300s")", nodes, kQuerierLinks, "")).control_messages, 4u + 11u);
  EXPECT_EQ(Estimate(Doc(R"("300s")", nodes, kQuerierLinks,
                         join + R"(, {"at": "100s", "action": "node", "node": "R", "state": "down"},
                                    {"at": "101s", "action": "node", "node": "R", "state": "up"})"))
                .control_messages,
            10u + 11u + 6u + 3u + 3u + 2u);  // startup queries 2 + 1, and their reports; a Hello, a J/P
}

TEST(WorkEstimate, LeaveAddsItsReportsAndTheGroupSpecificQueries) {
  const WorkEstimate w = Estimate(Doc(R"("300s")", kQuerierNodes, kQuerierLinks,
                                      R"({"at": "1s", "action": "join", "node": "H", "group": "239.1.1.1"},
                                         {"at": "9s", "action": "leave", "node": "H", "group": "239.1.1.1"})"));
  // As above, plus robustness 2 + last member query count 2.
  EXPECT_EQ(w.control_messages, 10u + 4u);
}

TEST(WorkEstimate, SwitchJoinsItsLinksIntoOneSegmentWithASnoopingQuerier) {
  const std::string nodes = R"(
    {"name": "SW", "type": "switch", "ports": 3, "igmp_snooping": true, "querier": {"address": "192.0.2.254"}},
    {"name": "A", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"}]},
    {"name": "B", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.11/24"}]})";
  const std::string links = R"(
    {"name": "a", "endpoints": ["A:eth0", "SW:p1"]}, {"name": "b", "endpoints": ["B:eth0", "SW:p2"]})";
  const WorkEstimate w = Estimate(Doc(R"("300s")", nodes, links,
                                      R"({"at": "1s", "action": "join", "node": "B", "group": "239.1.1.1"})"));
  // The querier's 4 queries and 4 reports, 2 unsolicited reports, on 4 endpoints (p3 is unused).
  EXPECT_EQ(w.link_endpoints, 4u);
  EXPECT_EQ(w.control_messages, 10u);
  EXPECT_EQ(w.control_deliveries, 40u);
}

TEST(WorkEstimate, PowerOnAndLinkUpRestartTheStartupQueries) {
  const WorkEstimate w = Estimate(Doc(R"("300s")", kQuerierNodes, kQuerierLinks, R"(
    {"at": "10s", "action": "node", "node": "R", "state": "down"},
    {"at": "20s", "action": "node", "node": "R", "state": "up"},
    {"at": "30s", "action": "link", "link": "lan", "state": "down"},
    {"at": "40s", "action": "link", "link": "lan", "state": "up"})"));
  // 4 queries, then startup count 2 + 1 for each restart; no group, so no report.
  EXPECT_EQ(w.control_messages, 4u + 3u + 3u);
}

// The querier LAN with a sender S: the three typos of the issue are tried on it.
std::string QuerierLanWith(const std::string& duration, const std::string& send) {
  const std::string nodes = std::string(kQuerierNodes) + R"(,
    {"name": "S", "type": "host", "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"}]})";
  return Doc(duration, nodes, R"({"name": "lan", "endpoints": ["R:eth0", "H:eth0", "S:eth0"]})",
             R"({"at": "1s", "action": "join", "node": "H", "group": "239.1.1.1"})" + send);
}

TEST(WorkEstimate, SaturatesInsteadOfOverflowing) {
  // The longest duration a scenario may have, at the highest rate.
  const std::string send = R"(, {"at": "0s", "action": "send", "node": "S", "to": "239.1.1.1:5000",
                                 "rate": "1000000000pps", "until": "4294967295s"})";
  const WorkEstimate one = Estimate(QuerierLanWith("4294967295", send));
  EXPECT_EQ(one.datagrams, 4'294'967'295'000'000'001u);
  EXPECT_EQ(one.datagram_deliveries, 3u * 4'294'967'295'000'000'001u);  // x 3 endpoints, still in range
  const std::string five = send + send + send + send + send;
  const WorkEstimate many = Estimate(QuerierLanWith("4294967295", five));
  EXPECT_EQ(many.datagrams, UINT64_MAX);
  EXPECT_EQ(many.datagram_deliveries, UINT64_MAX);
  EXPECT_EQ(many.deliveries, UINT64_MAX);
  EXPECT_EQ(many.weighted_deliveries, UINT64_MAX);
  EXPECT_EQ(many.busiest_send, "/events/1");  // the first of equals
  EXPECT_TRUE(RefuseLargeWork(many, UINT64_MAX - 1).has_value());
  EXPECT_FALSE(RefuseLargeWork(many, UINT64_MAX).has_value());
}

TEST(WorkEstimate, LimitIsInclusive) {
  const WorkEstimate w = Estimate(CableSend(R"("10s")", R"("at": "1s", "count": 5)"));
  EXPECT_EQ(RefuseLargeWork(w, 10), std::nullopt);
  EXPECT_NE(RefuseLargeWork(w, 9), std::nullopt);
}

TEST(WorkEstimate, RefusesAGigaPacketRate) {
  const WorkEstimate w = Estimate(QuerierLanWith(
      R"("10s")", R"(, {"at": "1s", "action": "send", "node": "S", "to": "239.1.1.1:5000", "rate": "1000000000pps", "until": "10s"})"));
  EXPECT_EQ(w.datagrams, 9'000'000'001u);
  EXPECT_EQ(w.deliveries, 27'000'000'003u + 3u * (2u + 2u + 2u));
  EXPECT_EQ(RefuseLargeWork(w, kDefaultMaxDeliveries),
            "too much work: about 27000000021 frame receptions (9000000001 datagrams to 3 link endpoints, "
            "6 IGMP and PIM messages), 27000000579 when a control message reception counts 32, over the limit of 1000000000; "
            "most of it comes from /events/1 (9000000001 datagrams): lower its count or rate, or bring its "
            "until closer; or pass --allow-large to run it anyway");
}

TEST(WorkEstimate, RefusesTheLargestCount) {
  const WorkEstimate w = Estimate(QuerierLanWith(
      R"("10s")", R"(, {"at": "1s", "action": "send", "node": "S", "to": "239.1.1.1:5000", "count": 4294967295})"));
  EXPECT_EQ(w.datagrams, 4'294'967'295u);
  EXPECT_EQ(w.datagram_deliveries, 12'884'901'885u);
  ASSERT_TRUE(RefuseLargeWork(w, kDefaultMaxDeliveries).has_value());
  EXPECT_NE(RefuseLargeWork(w, kDefaultMaxDeliveries)->find("most of it comes from /events/1 (4294967295 datagrams)"),
            std::string::npos);
}

TEST(WorkEstimate, RefusesTheLongestDuration) {
  const WorkEstimate w = Estimate(QuerierLanWith("4294967295", ""));
  // 2 + floor(4294967295 / 125) = 34359740 queries, as many reports, 2 unsolicited.
  EXPECT_EQ(w.control_messages, 2u * 34'359'740u + 2u);
  EXPECT_EQ(w.deliveries, 3u * (2u * 34'359'740u + 2u));
  EXPECT_EQ(RefuseLargeWork(w, kDefaultMaxDeliveries),
            "too much work: about 206158446 frame receptions (0 datagrams to 3 link endpoints, "
            "68719482 IGMP and PIM messages), 6597070272 when a control message reception counts 32, over the limit of "
            "1000000000; most of it is periodic IGMP and PIM traffic over the duration of 4294967295s: shorten "
            "/duration; or pass --allow-large to run it anyway");
}

TEST(WorkEstimate, EveryShippedScenarioIsWithinTheDefaultLimit) {
  const auto files = testing_support::JsonFilesIn(std::string(MCASTLAB_SOURCE_DIR) + "/topologies");
  ASSERT_GE(files.size(), 10u);
  for (const std::string& f : files) {
    auto r = scenario::LoadScenarioFile(f);
    ASSERT_TRUE(r.ok()) << f;
    const WorkEstimate w = EstimateWork(r.scenario());
    EXPECT_EQ(RefuseLargeWork(w, kDefaultMaxDeliveries), std::nullopt) << f;
    EXPECT_LT(w.weighted_deliveries, 50'000u) << f;
  }
}

// Counted by hand in the file: 40 + 50 datagrams; queries 2 per router interface in 10 s; on the
// switched segment (6 endpoints) 2 queries, 2 reports, 4 unsolicited reports.
TEST(WorkEstimate, TtlOneScenarioExactly) {
  auto r = scenario::LoadScenarioFile(std::string(MCASTLAB_SOURCE_DIR) + "/topologies/ttl-one.json");
  ASSERT_TRUE(r.ok());
  const WorkEstimate w = EstimateWork(r.scenario());
  EXPECT_EQ(w.datagrams, 90u);
  EXPECT_EQ(w.link_endpoints, 10u);
  // IGMP 14 as before PIM, and per PIM interface one Hello and one Join/Prune in 10 s: 2 on
  // src-lan, 4 on r1-r2 and 2 on rx-lan.
  EXPECT_EQ(w.control_messages, 14u + 8u);
  EXPECT_EQ(w.control_deliveries, (2u + 2u) * 2u + (4u + 4u) * 2u + (8u + 2u) * 6u);
  EXPECT_EQ(w.deliveries, 900u + 84u);
  EXPECT_EQ(w.busiest_send, "/events/5");
}

}  // namespace
}  // namespace sim::run
