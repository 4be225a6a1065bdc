// Errors sorted by where their JSON Pointer is in the document, so that a file's mistakes read
// top to bottom whichever pass found them.
#ifndef MCASTLAB_SIM_SCENARIO_DOCUMENT_ORDER_H_
#define MCASTLAB_SIM_SCENARIO_DOCUMENT_ORDER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "sim/scenario/json_value.h"
#include "sim/scenario/load_error.h"

namespace sim::scenario {

// The child index at each level from `root` down to the deepest value that `pointer` names; a
// token that names nothing (a missing key) ends the walk, so such a path sorts with its parent.
// Comparing two of these lexicographically is comparing positions in the document.
std::vector<std::size_t> Locate(const JsonValue& root, std::string_view pointer);

// A stable sort by Locate: errors at one place keep the order they were found in.
void SortInDocumentOrder(const JsonValue& root, std::vector<LoadError>& errors);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_DOCUMENT_ORDER_H_
