// The named values of one PIM trace line, as text or numbers (sim/core/trace_value.h).
#ifndef MCASTLAB_PIM_TRACE_FIELDS_H_
#define MCASTLAB_PIM_TRACE_FIELDS_H_

#include <string>
#include <string_view>
#include <utility>

#include "sim/core/trace_value.h"

namespace pim {

using TraceFields = sim::core::TraceFields;

// The fields a state machine's trace line starts with, in this order (the tests and
// docs/outputs.md rely on it): the entry, and the edge from one state to another by an event.
inline TraceFields EdgeFields(std::string entry, std::string_view from, std::string_view event,
                              std::string_view to) {
  return {{"entry", std::move(entry)},
          {"from", std::string(from)},
          {"event", std::string(event)},
          {"to", std::string(to)}};
}

}  // namespace pim

#endif  // MCASTLAB_PIM_TRACE_FIELDS_H_
