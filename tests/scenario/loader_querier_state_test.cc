// The loader on two extensions: a snooping querier's timers (the router's IGMP keys, resolved
// with the same RFC derivations and checks, located under /nodes/N/querier) and a node's
// starting power ("state").
#include <gtest/gtest.h>

#include "sim/scenario/loader.h"
#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

using core::Milliseconds;
using core::Seconds;
using testing_util::Doc;
using testing_util::Errors;
using testing_util::FirstError;

std::string SwitchWithQuerier(const std::string& querier_keys) {
  return Doc(R"({"name": "SW1", "type": "switch", "ports": 2, "igmp_snooping": true,
                 "querier": {"address": "192.0.2.254")" +
                 querier_keys + "}}",
             "");
}

const RouterIgmpConfig& QuerierConfig(const LoadResult& r) {
  return r.scenario().nodes[0].l2_switch()->querier->igmp;
}

TEST(SnoopingQuerierSettings, AbsentKeysGiveTheRfcDefaults) {
  const LoadResult r = LoadScenario(SwitchWithQuerier(""));
  ASSERT_TRUE(r.ok()) << ToString(r.errors().front());
  const RouterIgmpConfig& c = QuerierConfig(r);
  EXPECT_EQ(c.query_interval, Seconds(125));
  EXPECT_EQ(c.query_response_interval, Seconds(10));
  EXPECT_EQ(c.group_membership_interval, Seconds(260));
  EXPECT_EQ(c.other_querier_present_interval, Seconds(255));
  EXPECT_EQ(c.startup_query_interval, Milliseconds(31'250));
  EXPECT_EQ(c.startup_query_count, 2u);
  EXPECT_EQ(c.last_member_query_interval, Seconds(1));
  EXPECT_EQ(c.last_member_query_count, 2u);
}

TEST(SnoopingQuerierSettings, DerivedValuesFollowTheGivenOnes) {
  // RV 3, QI 60 s, QRI 5 s: GMI 3 x 60 + 5, OQPI 3 x 60 + 2.5, SQI 15 s, SQC = LMQC = 3.
  const LoadResult r = LoadScenario(SwitchWithQuerier(
      R"(, "robustness": 3, "query_interval": "60s", "query_response_interval": "5s",
         "last_member_query_interval": "500ms")"));
  ASSERT_TRUE(r.ok()) << ToString(r.errors().front());
  const RouterIgmpConfig& c = QuerierConfig(r);
  EXPECT_EQ(c.group_membership_interval, Seconds(185));
  EXPECT_EQ(c.other_querier_present_interval, Milliseconds(182'500));
  EXPECT_EQ(c.startup_query_interval, Seconds(15));
  EXPECT_EQ(c.startup_query_count, 3u);
  EXPECT_EQ(c.last_member_query_count, 3u);
  EXPECT_EQ(c.last_member_query_interval, Milliseconds(500));
}

TEST(SnoopingQuerierSettings, ScenarioDefaultsDoNotReachTheSwitch) {
  const LoadResult r = LoadScenario(Doc(
      R"({"name": "SW1", "type": "switch", "ports": 2, "igmp_snooping": true,
          "querier": {"address": "192.0.2.254"}})",
      "", R"("defaults": {"igmp": {"query_interval": "30s"}})"));
  ASSERT_TRUE(r.ok()) << ToString(r.errors().front());
  EXPECT_EQ(QuerierConfig(r).query_interval, Seconds(125));
}

TEST(SnoopingQuerierSettings, RfcChecksNameTheQuerierKey) {
  EXPECT_EQ(FirstError(SwitchWithQuerier(R"(, "query_response_interval": "130s")")),
            "/nodes/0/querier/query_response_interval: query_response_interval 130s must be less "
            "than query_interval 125s (RFC 2236 §8.3)");
  EXPECT_EQ(FirstError(SwitchWithQuerier(R"(, "robustness": 0)")),
            "/nodes/0/querier/robustness: 0 is not an integer from 1 to 255");
  EXPECT_EQ(FirstError(SwitchWithQuerier(R"(, "unsolicited_report_interval": "1s")")),
            "/nodes/0/querier/unsolicited_report_interval: a host IGMP setting, not allowed on a "
            "querier");
}

TEST(NodeState, DefaultsToUpAndReadsDown) {
  const LoadResult r = LoadScenario(Doc(
      R"({"name": "A", "type": "switch", "ports": 1},
         {"name": "B", "type": "switch", "ports": 1, "state": "down"},
         {"name": "C", "type": "host", "state": "up"})",
      ""));
  ASSERT_TRUE(r.ok()) << ToString(r.errors().front());
  EXPECT_EQ(r.scenario().nodes[0].initial_state, UpDown::kUp);
  EXPECT_EQ(r.scenario().nodes[1].initial_state, UpDown::kDown);
  EXPECT_EQ(r.scenario().nodes[2].initial_state, UpDown::kUp);
}

TEST(NodeState, AnythingElseIsAnError) {
  EXPECT_EQ(FirstError(Doc(R"({"name": "A", "type": "router", "state": "off"})", "")),
            "/nodes/0/state: \"off\" is not a node state (expected one of: down, up)");
  EXPECT_EQ(Errors(Doc(R"({"name": "A", "type": "router", "state": false})", "")).size(), 1u);
}

}  // namespace
}  // namespace sim::scenario
