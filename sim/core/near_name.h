// "Did you mean": the name of a known set closest to a misspelt one. Scenario errors (unknown
// keys, nodes, links, interfaces, ports, sockets) and the command line (unknown commands and
// options) all suggest through here, so they agree on what counts as close.
#ifndef MCASTLAB_SIM_CORE_NEAR_NAME_H_
#define MCASTLAB_SIM_CORE_NEAR_NAME_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::core {

// The candidate equal to `word` but for letter case, else the closest within edit distance 2
// (a transposition of neighbours counts 1), else nothing. Ties go to the earlier candidate.
std::optional<std::string_view> NearestName(std::string_view word,
                                            const std::vector<std::string_view>& candidates);

// ` (did you mean "RX"?)` when a candidate is near `word`, else "".
std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates);
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_NEAR_NAME_H_
