// One problem found in a scenario file, located by the JSON Pointer of the offending value.
#ifndef MCASTLAB_SIM_SCENARIO_LOAD_ERROR_H_
#define MCASTLAB_SIM_SCENARIO_LOAD_ERROR_H_

#include <string>
#include <string_view>

namespace sim::scenario {

struct LoadError {
  std::string path;  // JSON Pointer (RFC 6901): "/nodes/3/interfaces/0/address"; "" = the document
  std::string message;  // "\"192.0.2.300/24\" is not an IPv4 prefix"
  friend bool operator==(const LoadError&, const LoadError&) = default;
};

// "/nodes/3/interfaces/0/address: \"192.0.2.300/24\" is not an IPv4 prefix"; an error about the
// whole document (invalid JSON, a missing top-level key) is its message alone.
std::string ToString(const LoadError& e);

// "<what> needs <needs>, not built yet": the one wording for a value the file may give but the
// build cannot run (docs/scenario-reference.md, "Refused until built").
std::string NotBuilt(std::string_view what, std::string_view needs);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_LOAD_ERROR_H_
