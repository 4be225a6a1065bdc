// Helpers shared by the scenario tests: fixture files and small documents built around a base.
#ifndef MCASTLAB_TESTS_SCENARIO_SCENARIO_TEST_UTIL_H_
#define MCASTLAB_TESTS_SCENARIO_SCENARIO_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/scenario/loader.h"

namespace sim::scenario::testing_util {

inline std::string FixturePath(const std::string& relative) {
  return std::string(MCASTLAB_SOURCE_DIR) + "/tests/scenario/" + relative;
}

inline std::string ReadFixture(const std::string& relative) {
  std::ifstream in(FixturePath(relative), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A document with the given nodes and links (JSON array bodies) and more top-level members.
inline std::string Doc(const std::string& nodes, const std::string& links,
                       const std::string& more = "") {
  return R"({"format": 1, "name": "t", "duration": "60s", "nodes": [)" + nodes +
         R"(], "links": [)" + links + "]" + (more.empty() ? "" : ", " + more) + "}";
}

// A host H1 and a router R1 on one cable lan1 (192.0.2.0/24), with more top-level members.
inline std::string Lan(const std::string& more = "") {
  return Doc(R"({"name": "H1", "type": "host",
                 "interfaces": [{"name": "eth0", "address": "192.0.2.10/24"}]},
                {"name": "R1", "type": "router",
                 "interfaces": [{"name": "eth0", "address": "192.0.2.1/24"},
                                {"name": "eth1", "address": "198.51.100.1/24"}]},
                {"name": "SW1", "type": "switch", "ports": 2, "igmp_snooping": true})",
             R"({"name": "lan1", "endpoints": ["H1:eth0", "R1:eth0"]})", more);
}

// Every error as "path: message", or {} when the text loads.
inline std::vector<std::string> Errors(std::string_view text) {
  std::vector<std::string> out;
  const LoadResult r = LoadScenario(text);
  if (!r.ok()) {
    for (const LoadError& e : r.errors()) out.push_back(ToString(e));
  }
  return out;
}

// The first error, or "ok".
inline std::string FirstError(std::string_view text) {
  const auto errors = Errors(text);
  return errors.empty() ? "ok" : errors.front();
}

}  // namespace sim::scenario::testing_util

#endif  // MCASTLAB_TESTS_SCENARIO_SCENARIO_TEST_UTIL_H_
