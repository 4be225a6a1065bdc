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
// States are names in the code (the machines' ToString), kept as views (sim/core/trace_value.h);
// the event is a view only when the caller says so with TraceValue::Name, as some are made on
// the spot ("see " + what). Room is made for what the machines add: the list is allocated once.
inline TraceFields EdgeFields(sim::core::TraceValue entry, std::string_view from, sim::core::TraceValue event,
                              std::string_view to) {
  constexpr std::size_t kMostFields = 8;
  TraceFields f;
  f.reserve(kMostFields);
  f.emplace_back("entry", std::move(entry));
  f.emplace_back("from", sim::core::TraceValue::Name(from));
  f.emplace_back("event", std::move(event));
  f.emplace_back("to", sim::core::TraceValue::Name(to));
  return f;
}

}  // namespace pim

#endif  // MCASTLAB_PIM_TRACE_FIELDS_H_
