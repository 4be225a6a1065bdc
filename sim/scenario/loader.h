// Loading a scenario file: JSON text in, a checked Scenario or every error found out.
//
//   LoadResult result = LoadScenarioFile("topologies/lan.json");
//   if (!result.ok()) {
//     for (const LoadError& e : result.errors()) std::cerr << ToString(e) << "\n";
//     return 2;
//   }
//   const Scenario& s = result.scenario();
//
// Loading reads the whole document and reports all the problems it can find, in document order,
// each at its JSON Pointer. Typing comes first (JSON syntax, types, values, missing and unknown
// keys); the cross-reference checks of validate.h run only on a document that typed cleanly,
// so that one typo does not echo as a dozen "unknown node" errors. No input makes it throw.
#ifndef MCASTLAB_SIM_SCENARIO_LOADER_H_
#define MCASTLAB_SIM_SCENARIO_LOADER_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sim/scenario/load_error.h"
#include "sim/scenario/scenario.h"

namespace sim::scenario {

class LoadResult {
 public:
  explicit LoadResult(Scenario s) : v_(std::move(s)) {}
  explicit LoadResult(std::vector<LoadError> errors) : v_(std::move(errors)) {}

  bool ok() const { return v_.index() == 0; }
  const Scenario& scenario() const { return std::get<0>(v_); }
  Scenario& scenario() { return std::get<0>(v_); }
  // Not empty when !ok().
  const std::vector<LoadError>& errors() const { return std::get<1>(v_); }

 private:
  std::variant<Scenario, std::vector<LoadError>> v_;
};

LoadResult LoadScenario(std::string_view json_text);
// An unreadable file is one error at path "" that names the file.
LoadResult LoadScenarioFile(const std::string& path);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_LOADER_H_
