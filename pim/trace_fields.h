// The named values of one PIM trace line, as text or numbers (sim/core/trace_value.h).
#ifndef MCASTLAB_PIM_TRACE_FIELDS_H_
#define MCASTLAB_PIM_TRACE_FIELDS_H_

#include "sim/core/trace_value.h"

namespace pim {

using TraceFields = sim::core::TraceFields;

}  // namespace pim

#endif  // MCASTLAB_PIM_TRACE_FIELDS_H_
