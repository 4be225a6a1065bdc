// topology.json: the network a run built, for tools that read a run's outputs afterwards
// (`mcastlab explain`): every node with its type and interfaces (name, address, link), and
// every link with its endpoints, in the scenario's order. Deterministic bytes.
#ifndef MCASTLAB_SIM_RUN_TOPOLOGY_JSON_H_
#define MCASTLAB_SIM_RUN_TOPOLOGY_JSON_H_

#include <string>

#include "sim/net/network.h"

namespace sim::run {

std::string TopologyJson(const net::Network& network);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_TOPOLOGY_JSON_H_
