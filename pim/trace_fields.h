// The named values of one PIM trace line, already rendered as text.
#ifndef MCASTLAB_PIM_TRACE_FIELDS_H_
#define MCASTLAB_PIM_TRACE_FIELDS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pim {

using TraceFields = std::vector<std::pair<std::string_view, std::string>>;

}  // namespace pim

#endif  // MCASTLAB_PIM_TRACE_FIELDS_H_
