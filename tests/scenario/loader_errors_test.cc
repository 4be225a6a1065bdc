// The loader's error reports: the format of each kind of message, invalid JSON, unreadable files,
// collecting every error in document order, RFC limits on configuration, and 2000 mutated
// documents that must never make it throw.
#include <gtest/gtest.h>

#include <random>

#include "sim/scenario/loader.h"
#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

using core::Seconds;
using testing_util::Doc;
using testing_util::Errors;
using testing_util::FirstError;
using testing_util::Lan;
using testing_util::ReadFixture;

TEST(ErrorFormat, TheContractExamples) {
  const std::string four_nodes = Doc(
      R"({"name": "a", "type": "switch", "ports": 1}, {"name": "b", "type": "switch", "ports": 1},
         {"name": "c", "type": "switch", "ports": 1},
         {"name": "d", "type": "router", "interfaces": [{"name": "e", "address": "192.0.2.300/24"}]})",
      "");
  EXPECT_EQ(FirstError(four_nodes),
            "/nodes/3/interfaces/0/address: \"192.0.2.300/24\" is not an IPv4 prefix");
  EXPECT_EQ(FirstError(Doc(R"({"name": "a", "type": "switch", "ports": 1}, {"name": "b"})", "")),
            "/nodes/1: missing required key \"type\"");
  EXPECT_EQ(FirstError(Lan().replace(Lan().find("\"endpoints\""), 0, "\"delai\": \"1ms\", ")),
            "/links/0/delai: unknown key (did you mean \"delay\"?)");
}

TEST(ErrorFormat, ADocumentLevelErrorIsItsMessage) {
  EXPECT_EQ(ToString(LoadError{"", "missing required key \"duration\""}),
            "missing required key \"duration\"");
  EXPECT_EQ(ToString(LoadError{"/a~1b", "x"}), "/a~1b: x");
  EXPECT_EQ(FirstError(Lan(R"("a/b~c": 1)")),
            "/a~1b~0c: unknown key (expected one of: format, "
            "name, description, seed, duration, profile, defaults, nodes, "
            "links, rp, events, expect, capture)");
}

TEST(ErrorFormat, NodesMayOmitInterfacesAndPorts) {
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host"}, {"name": "r", "type": "router"},
                              {"name": "s", "type": "switch"})",
                           "")),
            "ok");
  EXPECT_EQ(FirstError(Lan(R"("expect": [{"received": {"nod": "H1"}}])")),
            "/expect/0/received: missing required key \"node\"");
  EXPECT_EQ(Errors(Lan(R"("expect": [{"received": {"nod": "H1"}}])")).back(),
            "/expect/0/received/nod: unknown key (did you mean \"node\"?)");
}

TEST(ErrorFormat, UnknownKeysEverywhereWithOrWithoutSuggestion) {
  EXPECT_EQ(FirstError(Lan(R"("sede": 3)")), "/sede: unknown key (did you mean \"seed\"?)");
  EXPECT_EQ(FirstError(Lan(R"("colour": 3)")),
            "/colour: unknown key (expected one of: format, name, description, seed, duration, "
            "profile, defaults, nodes, links, rp, events, expect, capture)");
  EXPECT_EQ(FirstError(Lan(R"("defaults": {"igmp": {"robustnes": 2}})")),
            "/defaults/igmp/robustnes: unknown key (did you mean \"robustness\"?)");
  EXPECT_EQ(FirstError(Lan(R"("defaults": {"pim": {"helo_period": "5s"}})")),
            "/defaults/pim/helo_period: unknown key (did you mean \"hello_period\"?)");
  EXPECT_EQ(FirstError(Lan(R"("capture": {"link": []})")),
            "/capture: missing required key \"links\"");
  EXPECT_EQ(FirstError(Lan(R"("events": [{"at": 1, "action": "snapshot", "lable": "x"}])")),
            "/events/0/lable: unknown key (did you mean \"label\"?)");
  EXPECT_EQ(
      FirstError(Lan(
          R"("expect": [{"at": 1, "querier": {"node": "R1", "interface": "eth0", "si": true}}])")),
      "/expect/0/querier: missing required key \"is\"");
  EXPECT_EQ(FirstError(Lan(R"("rp": [{"address": "192.0.2.1", "group": "239.0.0.0/8"}])")),
            "/rp/0/group: unknown key (did you mean \"groups\"?)");
}

TEST(ErrorFormat, KeysOfOtherNodeTypesSayWhere) {
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host", "interfaces": [], "ports": 2})", "")),
            "/nodes/0/ports: a switch key, not allowed on a host");
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host", "interfaces": [], "pim": {}})", "")),
            "/nodes/0/pim: a router key, not allowed on a host");
  EXPECT_EQ(FirstError(Doc(R"({"name": "s", "type": "switch", "ports": 2, "interfaces": []})", "")),
            "/nodes/0/interfaces: a switch has ports, not interfaces");
  EXPECT_EQ(FirstError(Doc(R"({"name": "h", "type": "host",
                           "interfaces": [{"name": "e", "address": "10.0.0.1/8", "dr_priority": 3}]})",
                           "")),
            "/nodes/0/interfaces/0/dr_priority: a router interface key, not allowed on a host");
  EXPECT_EQ(
      FirstError(Doc(R"({"name": "r", "type": "router", "interfaces": [],
                           "igmp": {"unsolicited_report_interval": "1s"}})",
                     "")),
      "/nodes/0/igmp/unsolicited_report_interval: a host IGMP setting, not allowed on a router");
}

TEST(ErrorFormat, WrongJsonTypesAreErrorsNotExceptions) {
  EXPECT_EQ(
      FirstError(R"({"format": 1, "name": "t", "duration": true, "nodes": [], "links": []})"),
      "/duration: true is not a time (expected a string such as \"1.5s\" or a number of seconds)");
  EXPECT_EQ(FirstError(R"({"format": "1", "name": "t", "duration": 1, "nodes": [], "links": []})"),
            "/format: \"1\" is not a supported format (this mcastlab reads format 1)");
  EXPECT_EQ(FirstError(R"({"format": 1, "name": 7, "duration": 1, "nodes": [], "links": []})"),
            "/name: 7 is not a name (expected a string)");
  EXPECT_EQ(FirstError(R"({"format": 1, "name": "t", "duration": 1, "nodes": {}, "links": []})"),
            "/nodes: {} is not an array");
  EXPECT_EQ(
      FirstError(R"({"format": 1, "name": "t", "duration": 1, "nodes": ["R1"], "links": []})"),
      "/nodes/0: \"R1\" is not a node (expected a JSON object)");
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "duration": 1, "nodes": [], "links": [], "seed": -1})"),
      "/seed: -1 is not an integer of at least 0");
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "duration": 1, "nodes": [], "links": [], "seed": 1.5})"),
      "/seed: 1.5 is not an integer of at least 0");
  EXPECT_EQ(FirstError(R"({"format": 1, "name": "t", "duration": "0s", "nodes": [], "links": []})"),
            "/duration: \"0s\" is not an interval (must be more than 0)");
  EXPECT_EQ(FirstError("[]"), "[] is not a scenario (expected a JSON object)");
  EXPECT_EQ(FirstError("null"), "null is not a scenario (expected a JSON object)");
}

TEST(ErrorFormat, LargeSeedsAndNumbersAreTyped) {
  const LoadResult r = LoadScenario(
      R"({"format": 1, "name": "t", "duration": 1.5e1, "nodes": [], "links": [], "seed": 18446744073709551615})");
  ASSERT_TRUE(r.ok()) << ToString(r.errors().front());
  EXPECT_EQ(r.scenario().seed, UINT64_MAX);
  EXPECT_EQ(r.scenario().duration, Seconds(15));
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "duration": 1, "nodes": [], "links": [], "seed": 18446744073709551616})"),
      "/seed: 18446744073709551616 is not an integer of at least 0");
}

TEST(ErrorFormat, LongValuesAreCut) {
  const std::string long_name(500, 'x');
  const std::string e = FirstError(Lan(R"("description": [")" + long_name + R"("])"));
  EXPECT_EQ(e.substr(0, 20), "/description: [\"xxxx");
  EXPECT_NE(e.find("... is not a string"), std::string::npos) << e;
  EXPECT_LT(e.size(), 120u);
}

TEST(InvalidJson, ReportsLineAndColumn) {
  const auto errors = Errors("{\n  \"format\": 1,\n}\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("invalid JSON at line 3, column 1: ", 0), 0u) << errors[0];
  EXPECT_EQ(Errors("")[0].rfind("invalid JSON at line 1, column 1: ", 0), 0u) << Errors("")[0];
  EXPECT_EQ(Errors("{\"a\": tru}")[0].rfind("invalid JSON at line 1, column ", 0), 0u);
  EXPECT_EQ(Errors("{} {}")[0].rfind("invalid JSON at line 1, column 4: ", 0), 0u)
      << Errors("{} {}")[0];
  const auto bad_utf8 = Errors("{\"name\": \"\xff\"}");
  ASSERT_EQ(bad_utf8.size(), 1u);
  EXPECT_NE(bad_utf8[0].find("invalid JSON at line 1"), std::string::npos);
}

TEST(InvalidJson, DeepNestingIsRefusedWithoutRecursion) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(FirstError(deep), "invalid scenario: JSON nested deeper than 64 levels");
}

TEST(InvalidJson, DuplicateKeysAreErrors) {
  EXPECT_EQ(
      FirstError(
          R"({"format": 1, "name": "t", "name": "u", "duration": 1, "nodes": [], "links": []})"),
      "/name: duplicate key (an object may give each key once)");
}

TEST(LoadFile, UnreadableFilesNameTheFile) {
  const auto missing = LoadScenarioFile("/nonexistent/dir/x.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(ToString(missing.errors()[0]),
            "cannot read scenario file \"/nonexistent/dir/x.json\": No such file or directory");
  const auto directory = LoadScenarioFile(testing_util::FixturePath("valid"));
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(ToString(directory.errors()[0]).find("cannot read scenario file"), std::string::npos);
}

TEST(AllErrors, AreCollectedInDocumentOrder) {
  // Links come before nodes in the text; the errors follow the text, not the reading order.
  const std::string doc = R"({
    "format": 1, "name": "t",
    "links": [{"name": "l", "endpoints": ["a:b", "c:d"], "delay": "1 parsec"}],
    "duration": "-1s",
    "nodes": [{"name": "bad name", "type": "switch", "ports": 0}],
    "events": [{"at": "1s", "action": "snapshot", "label": 3}]
  })";
  EXPECT_EQ(Errors(doc), (std::vector<std::string>{
                             "/links/0/delay: \"1 parsec\" is not a time (unknown unit \"parsec\"; "
                             "use ns, us, ms, s or min)",
                             "/duration: \"-1s\" is not a time (negative)",
                             "/nodes/0/name: \"bad name\" is not a name (use only letters, digits, "
                             "\"_\", \".\" and \"-\")",
                             "/nodes/0/ports: 0 is not an integer from 1 to 4096",
                             "/events/0/label: 3 is not a name (expected a string)",
                         }));
}

TEST(AllErrors, ABadDefaultIsReportedOnce) {
  const std::string doc = Doc(
      R"({"name": "r1", "type": "router", "interfaces": [{"name": "e", "address": "10.0.0.1/24"}]},
         {"name": "r2", "type": "router", "interfaces": [{"name": "e", "address": "10.0.1.1/24"}]})",
      "", R"("defaults": {"igmp": {"query_interval": "5s"}})");
  EXPECT_EQ(Errors(doc),
            (std::vector<std::string>{
                "/defaults/igmp/query_interval: query_response_interval 10s must be less than "
                "query_interval 5s (RFC 2236 §8.3)"}));
}

TEST(AllErrors, ValidationWaitsForACleanTyping) {
  // The unknown node in the event would be reported too if typing had succeeded.
  const auto errors = Errors(
      Lan(R"("seed": "x", "events": [{"at": 1, "action": "node", "node": "X", "state": "up"}])"));
  EXPECT_EQ(errors, (std::vector<std::string>{"/seed: \"x\" is not an integer of at least 0"}));
}

TEST(ConfigRules, RfcLimitsAreCheckedWhereTheValueIsGiven) {
  auto router_igmp = [](const std::string& igmp) {
    return FirstError(Doc(R"({"name": "r", "type": "router", "igmp": )" + igmp +
                              R"(, "interfaces": [{"name": "e", "address": "10.0.0.1/24"}]})",
                          ""));
  };
  EXPECT_EQ(router_igmp(R"({"query_response_interval": "26s"})"),
            "/nodes/0/igmp/query_response_interval: query_response_interval 26s exceeds 25.5s, the "
            "largest Max Resp Time of IGMPv2");
  EXPECT_EQ(
      router_igmp(R"({"query_response_interval": "25s", "query_interval": "1h"})"),
      "/nodes/0/igmp/query_interval: \"1h\" is not a time (unknown unit \"h\"; use ns, us, ms, s "
      "or min)");
  EXPECT_EQ(router_igmp(R"({"query_response_interval": "25s", "query_interval": "60min"})"), "ok");
  EXPECT_EQ(router_igmp(R"({"last_member_query_interval": "30s"})"),
            "/nodes/0/igmp/last_member_query_interval: last_member_query_interval 30s exceeds "
            "25.5s, the largest Max Resp Time of IGMPv2");
  EXPECT_EQ(router_igmp(R"({"robustness": 0})"),
            "/nodes/0/igmp/robustness: 0 is not an integer from 1 to 255");
  EXPECT_EQ(router_igmp(R"({"version": 4})"),
            "/nodes/0/igmp/version: 4 is not an integer from 1 to 3");
  EXPECT_EQ(router_igmp(R"({"query_interval": "0s"})"),
            "/nodes/0/igmp/query_interval: \"0s\" is not an interval (must be more than 0)");
  EXPECT_EQ(router_igmp(R"({"query_interval": "9223372036s", "robustness": 255})"),
            "ok");  // saturates
  EXPECT_EQ(FirstError(Doc(R"({"name": "r", "type": "router", "interfaces": [],
                               "pim": {"register_probe": "30s"}})",
                           "")),
            "/nodes/0/pim/register_probe: register_probe 30s must be less than half of "
            "register_suppression 1min (RFC 7761 §4.11)");
  EXPECT_EQ(FirstError(Doc(R"({"name": "r", "type": "router", "interfaces": [],
                               "pim": {"spt_switchover": "sometimes"}})",
                           "")),
            "/nodes/0/pim/spt_switchover: \"sometimes\" is not an SPT switchover policy (expected "
            "one of: immediate, never)");
}

// Deterministic mutations of a valid scenario: most keep the JSON valid and swap one value for
// another kind of value, so the typing and validation code sees every kind of wrong input.
class Mutator {
 public:
  explicit Mutator(std::uint64_t seed) : rng_(seed) {}

  std::string Mutate(std::string text) {
    const int rounds = 1 + static_cast<int>(Next(3));
    for (int i = 0; i < rounds; ++i) MutateOnce(text);
    return text;
  }

 private:
  std::uint64_t Next(std::uint64_t n) { return rng_() % n; }

  // Half-open ranges [begin, end) of the string literals in `text`, quotes included.
  static std::vector<std::pair<std::size_t, std::size_t>> Strings(const std::string& text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '"') continue;
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      if (j >= text.size()) break;
      out.emplace_back(i, j + 1);
      i = j;
    }
    return out;
  }

  void MutateOnce(std::string& text) {
    static const std::vector<std::string> kValues = {"\"*\"",
                                                     "\"\"",
                                                     "\"0s\"",
                                                     "\"1.5s\"",
                                                     "\"-1s\"",
                                                     "\"99999999999min\"",
                                                     "\"10pps\"",
                                                     "\"1Gbps\"",
                                                     "\"224.0.0.1\"",
                                                     "\"239.1.1.1\"",
                                                     "\"10.0.1.1/24\"",
                                                     "\"R1:eth0\"",
                                                     "\"SW1:p1\"",
                                                     "\"H1\"",
                                                     "\"R2\"",
                                                     "\"lan1\"",
                                                     "\"eth1\"",
                                                     "\"s5000\"",
                                                     "\"u\"",
                                                     "\"host\"",
                                                     "\"router\"",
                                                     "\"switch\"",
                                                     "\"join\"",
                                                     "\"received\"",
                                                     "\"ECONNREFUSED\"",
                                                     "0",
                                                     "-1",
                                                     "1",
                                                     "3",
                                                     "65536",
                                                     "1e400",
                                                     "18446744073709551616",
                                                     "0.5",
                                                     "true",
                                                     "false",
                                                     "null",
                                                     "[]",
                                                     "{}",
                                                     "[\"p1\"]",
                                                     "{\"x\": 1}",
                                                     "\"udp\"",
                                                     "\"immediate\""};
    const auto strings = Strings(text);
    switch (Next(10)) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
      case 5: {  // replace a string (a value or a key) by another JSON value
        if (strings.empty()) break;
        const auto [b, e] = strings[Next(strings.size())];
        text.replace(b, e - b, kValues[Next(kValues.size())]);
        break;
      }
      case 6:
      case 7: {  // replace a number or literal that follows a colon
        std::size_t b = text.find(':', Next(text.size()));
        if (b == std::string::npos) break;
        b = text.find_first_not_of(' ', b + 1);
        if (b == std::string::npos ||
            std::string("-0123456789tfn").find(text[b]) == std::string::npos)
          break;
        const std::size_t e = text.find_first_of(",}]\n ", b);
        text.replace(b, (e == std::string::npos ? text.size() : e) - b,
                     kValues[Next(kValues.size())]);
        break;
      }
      case 8:  // delete or insert a byte
        if (Next(2) == 0 && !text.empty()) {
          text.erase(Next(text.size()), 1);
        } else {
          text.insert(Next(text.size() + 1), 1, "{}[],:\"0a\\ \xff"[Next(13)]);
        }
        break;
      case 9: {  // duplicate a span (repeats keys, array items, whole objects)
        const std::size_t b = Next(text.size() + 1);
        const std::size_t n = Next(200);
        if (Next(2) == 0) {
          text.insert(Next(text.size() + 1), text.substr(b, n));
        } else {
          text.erase(b, n);
        }
        break;
      }
    }
  }

  std::mt19937_64 rng_;
};

TEST(Robustness, TwoThousandMutationsNeverThrow) {
  const std::string base = ReadFixture("valid/full.json");
  ASSERT_TRUE(LoadScenario(base).ok());
  Mutator mutator(20240601);
  int loaded = 0, typed_errors = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string text = mutator.Mutate(base);
    try {
      const LoadResult r = LoadScenario(text);
      if (r.ok()) {
        ++loaded;
      } else {
        ASSERT_FALSE(r.errors().empty());
        for (const LoadError& e : r.errors()) ASSERT_FALSE(ToString(e).empty());
        if (r.errors()[0].path != "") ++typed_errors;
      }
    } catch (...) {
      FAIL() << "mutation " << i << " threw; input:\n" << text;
    }
  }
  // Most mutations must get past the JSON parser, or the test would only fuzz nlohmann.
  EXPECT_GT(typed_errors + loaded, 1000)
      << "loaded " << loaded << ", typed errors " << typed_errors;
}

}  // namespace
}  // namespace sim::scenario
