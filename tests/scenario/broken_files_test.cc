// Each file in tests/scenario/broken/ holds one mistake; its first error must name the exact path
// and say what is wrong.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "sim/scenario/loader.h"
#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

struct BrokenCase {
  std::string stem;     // tests/scenario/broken/<stem>.json
  std::string path;     // the first error's JSON Pointer
  std::string message;  // a substring of its message
};

const std::vector<BrokenCase>& Cases() {
  static const std::vector<BrokenCase> cases = {
      {"bad_prefix", "/nodes/1/interfaces/0/address", "\"192.0.2.300/24\" is not an IPv4 prefix"},
      {"unknown_link_key", "/links/0/delai", "unknown key (did you mean \"delay\"?)"},
      {"missing_duration", "", "missing required key \"duration\""},
      {"duplicate_node", "/nodes/2/name", "duplicate node name \"R1\" (first at /nodes/1)"},
      {"endpoint_used_twice", "/links/1/endpoints/0",
       "R1:eth0 is already wired at /links/0/endpoints/1"},
      {"unknown_interface", "/links/0/endpoints/1", "R1 has no interface \"eth9\""},
      {"join_non_multicast", "/events/0/group",
       "\"192.0.2.55\" is not a multicast group (outside 224.0.0.0/4)"},
      {"join_base_address", "/events/0/group",
       "\"224.0.0.0\" is not a multicast group (224.0.0.0 is the base address, never a group"},
      {"send_unicast_ttl_zero", "/events/0/ttl", "a unicast TTL must be 1 to 255 (Linux refuses IP_TTL 0)"},
      {"event_past_duration", "/events/0/at", "11s is after the end of the run (duration 10s)"},
      {"send_unknown_node", "/events/0/node", "unknown node \"H9\""},
      {"l2_loop_two_cables", "/links/1",
       "layer-2 loop: SW2 -> cable1 -> SW1 -> cable2 -> SW2 (mcastlab has no spanning tree)"},
      {"l2_loop_one_switch", "/links/0", "layer-2 loop: SW1 -> lan1 -> SW1"},
      {"bad_time_unit", "/duration", "\"5 sec\" is not a time (unknown unit \"sec\""},
      {"bad_bandwidth", "/links/0/bandwidth", "\"100 Mbit\" is not a bandwidth"},
      {"format_2", "/format", "2 is not a supported format"},
      {"bad_name", "/name", "\"my scenario\" is not a name"},
      {"expectation_two_kinds", "/expect/0", "two kinds (\"received\" and \"mroute\")"},
      {"expectation_no_kind", "/expect/0", "missing the kind"},
      {"unknown_action", "/events/0/action", "\"jion\" is not an action (did you mean \"join\"?)"},
      {"join_on_router", "/events/0/node", "R1 is a router; join needs a host"},
      {"not_built_igmp_v3", "/nodes/0/igmp/version",
       "version 3 needs IGMPv3 (RFC 3376), not built yet; versions 1 and 2 run"},
      {"not_built_join_sources", "/events/0/sources",
       "a source list needs IGMPv3 (RFC 3376), not built yet"},
      {"static_mroute_unknown_iif", "/nodes/1/static_mroutes/0/iif",
       "R1 has no interface \"eth7\""},
      {"unknown_top_level_key", "/evnets", "unknown key (did you mean \"events\"?)"},
      {"duration_wrong_type", "/duration", "true is not a time"},
      {"send_count_and_rate", "/events/0/rate", "give either count or rate, not both"},
      {"send_rate_without_until", "/events/0", "missing required key \"until\""},
      {"gateway_outside_subnet", "/nodes/0/interfaces/0/gateway",
       "198.51.100.1 is outside the subnet 192.0.2.0/24 of eth0"},
      {"subnet_mismatch", "/links/0/endpoints/1",
       "R1:eth0 (198.51.100.1/24) is not in the subnet of H1:eth0 (192.0.2.10/24)"},
      {"socket_not_open", "/events/0/socket", "socket \"s1\" is not open on H1"},
      {"expect_from_after_until", "/expect/0/until", "until 2s is before from 8s"},
      {"rp_not_a_router", "/rp/0/address", "10.9.9.9 is not the address of any router interface"},
      {"capture_unknown_link", "/capture/links/0", "unknown link \"lan9\""},
      {"query_response_not_below_query_interval", "/nodes/1/igmp/query_response_interval",
       "query_response_interval 130s must be less than query_interval 125s"},
      {"link_one_endpoint", "/links/0/endpoints",
       "a link needs at least 2 endpoints; this one has 1"},
      {"router_setting_on_host", "/nodes/0/igmp/query_interval",
       "a router IGMP setting, not allowed on a host"},
      {"node_missing_type", "/nodes/0", "missing required key \"type\""},
      {"trailing_comma", "", "invalid JSON at line 7, column 1: syntax error"},
      {"duplicate_key", "/name", "duplicate key"},
      {"name_dot_dot", "/name",
       "\"..\" is not a name (\".\" and \"..\" name folders; this name becomes a file name)"},
      {"name_too_long", "/name",
       "is not a name (101 characters, more than the 100 allowed in a name that becomes a file "
       "name)"},
      {"link_name_dot", "/links/0/name", "\".\" is not a name (\".\" and \"..\" name folders"},
      {"link_name_too_long", "/links/1/name", "is not a name (120 characters, more than the 100"},
      {"snapshot_label_slash", "/events/0/label",
       "\"../../etc/x\" is not a name (use only letters, digits, \"_\", \".\" and \"-\")"},
      {"snapshot_label_dot_dot", "/events/0/label", "\"..\" is not a name"},
      {"duration_past_pcap_time", "/duration",
       "9223372036 is not a run duration (more than 4294967295s (about 136 years), the latest "
       "time a pcap timestamp holds)"},
  };
  return cases;
}

class BrokenFile : public testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenFile, FirstErrorNamesThePathAndTheProblem) {
  const BrokenCase& c = GetParam();
  const LoadResult r = LoadScenarioFile(testing_util::FixturePath("broken/" + c.stem + ".json"));
  ASSERT_FALSE(r.ok()) << c.stem << " loaded";
  const LoadError& first = r.errors().front();
  EXPECT_EQ(first.path, c.path) << ToString(first);
  EXPECT_NE(first.message.find(c.message), std::string::npos) << ToString(first);
}

INSTANTIATE_TEST_SUITE_P(Scenario, BrokenFile, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<BrokenCase>& p) { return p.param.stem; });

TEST(BrokenFiles, EveryFileHasARowAndEveryRowAFile) {
  std::set<std::string> files, rows;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing_util::FixturePath("broken"))) {
    if (entry.path().extension() == ".json") files.insert(entry.path().stem().string());
  }
  for (const BrokenCase& c : Cases()) rows.insert(c.stem);
  EXPECT_EQ(files, rows);
  EXPECT_GE(files.size(), 20u);
}

TEST(ValidFiles, LoadWithoutErrors) {
  for (const char* name : {"valid/full.json", "valid/minimal.json"}) {
    const LoadResult r = LoadScenarioFile(testing_util::FixturePath(name));
    EXPECT_TRUE(r.ok()) << name << ": " << (r.ok() ? "" : ToString(r.errors().front()));
  }
}

}  // namespace
}  // namespace sim::scenario
