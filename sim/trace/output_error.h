// An output file could not be written (no such folder, no permission, disk full).
#ifndef MCASTLAB_SIM_TRACE_OUTPUT_ERROR_H_
#define MCASTLAB_SIM_TRACE_OUTPUT_ERROR_H_

#include <stdexcept>

namespace sim::trace {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sim::trace

#endif  // MCASTLAB_SIM_TRACE_OUTPUT_ERROR_H_
