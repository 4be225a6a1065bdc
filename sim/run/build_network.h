// Turns a loaded scenario into a live network: nodes, interfaces, links, gateways, static
// multicast routes, then the protocols through their bindings. The scenario was validated at
// load time, so names always resolve here.
#ifndef MCASTLAB_SIM_RUN_BUILD_NETWORK_H_
#define MCASTLAB_SIM_RUN_BUILD_NETWORK_H_

#include "sim/net/network.h"
#include "sim/run/protocol_binding.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

void BuildNetwork(const scenario::Scenario& s, net::Network& network, const ProtocolBindings& protocols);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_BUILD_NETWORK_H_
