// Expectations about state at one instant: mroute here, the protocols' kinds (igmp_group,
// querier, snooping, pim_neighbor...) through their bindings.
#ifndef MCASTLAB_SIM_RUN_STATE_CHECKS_H_
#define MCASTLAB_SIM_RUN_STATE_CHECKS_H_

#include "sim/net/network.h"
#include "sim/run/protocol_binding.h"
#include "sim/run/outcome.h"
#include "sim/scenario/expectations.h"

namespace sim::run {

// True for the kinds evaluated on tables (at `at`, or at `until` for a window): every kind but
// the counting ones (received, packets) and socket_error.
bool IsStateCheck(const scenario::Check& c);
// Fills o.passed, o.expected and o.found.
void EvaluateStateCheck(const scenario::Check& c, net::Network& network, const ProtocolBindings& protocols,
                        Outcome& o);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_STATE_CHECKS_H_
