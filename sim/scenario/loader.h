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
//
// What a load may cost is bounded by LoadLimits: the file size is checked before it is read,
// the document may hold only so many JSON values, and the errors kept and the length of each
// message are capped, so that a hostile or runaway file costs a few times its size at most.
#ifndef MCASTLAB_SIM_SCENARIO_LOADER_H_
#define MCASTLAB_SIM_SCENARIO_LOADER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sim/scenario/load_error.h"
#include "sim/scenario/scenario.h"

namespace sim::scenario {

struct LoadLimits {
  // Larger files are refused before they are read; the CLI's --max-input-size sets it.
  std::uint64_t max_file_bytes = std::uint64_t{64} << 20;
  // Errors past this many are counted, and reported as one "and K more errors".
  std::size_t max_errors = 50;
  // Each error's path and message is cut to this many characters.
  std::size_t max_message_chars = 300;
};

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

// Text longer than limits.max_file_bytes is refused like a file of that size.
LoadResult LoadScenario(std::string_view json_text, const LoadLimits& limits = {});
// An unreadable, oversized or non-file path (a directory) is one error at path "" that names it.
// Pipes and devices are read up to the limit.
LoadResult LoadScenarioFile(const std::string& path, const LoadLimits& limits = {});

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_LOADER_H_
