// The named values of one protocol trace line, as text or numbers (sim/core/trace_value.h).
#ifndef MCASTLAB_IGMP_TRACE_FIELDS_H_
#define MCASTLAB_IGMP_TRACE_FIELDS_H_

#include "sim/core/trace_value.h"

namespace igmp {

using TraceFields = sim::core::TraceFields;

}  // namespace igmp

#endif  // MCASTLAB_IGMP_TRACE_FIELDS_H_
