// What every node and link of one simulation shares: the clock, the trace sink, the seed.
#ifndef MCASTLAB_SIM_NET_NET_CONTEXT_H_
#define MCASTLAB_SIM_NET_NET_CONTEXT_H_

#include <cstdint>

#include "sim/core/scheduler.h"
#include "sim/net/trace_sink.h"

namespace sim::net {

struct NetContext {
  core::Scheduler& scheduler;
  TraceSink& trace;
  std::uint64_t seed = 1;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_NET_CONTEXT_H_
