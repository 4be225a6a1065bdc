// topology.json: the network a run built, for tools that read a run's outputs afterwards
// (`mcastlab explain`, `graph`, `ladder`): every node with its type and interfaces (name, MAC,
// address, link), every link with its endpoints, bandwidth and delay, in the scenario's order,
// and the RP mappings. Deterministic bytes.
#ifndef MCASTLAB_SIM_RUN_TOPOLOGY_JSON_H_
#define MCASTLAB_SIM_RUN_TOPOLOGY_JSON_H_

#include <string>
#include <vector>

#include "sim/net/network.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

std::string TopologyJson(const net::Network& network, const std::vector<scenario::RpMapping>& rps);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_TOPOLOGY_JSON_H_
