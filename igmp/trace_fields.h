// The named values of one protocol trace line, already rendered as text.
#ifndef MCASTLAB_IGMP_TRACE_FIELDS_H_
#define MCASTLAB_IGMP_TRACE_FIELDS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace igmp {

using TraceFields = std::vector<std::pair<std::string_view, std::string>>;

}  // namespace igmp

#endif  // MCASTLAB_IGMP_TRACE_FIELDS_H_
