// Schedules a scenario's events (listen, join, send, link down...) on the network's clock.
#ifndef MCASTLAB_SIM_RUN_TIMELINE_H_
#define MCASTLAB_SIM_RUN_TIMELINE_H_

#include <functional>
#include <string>

#include "sim/net/network.h"
#include "sim/run/protocol_binding.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

// Writes a snapshot of every node's tables; the runner decides where.
using SnapshotWriter = std::function<void(const std::string& label)>;

// Which of the scenario's events to schedule. The `node` and `link` events at 0 s are the
// network's starting state: scheduled before the protocols start (before BuildNetwork), they
// run first at 0 s, so a node powered off at 0 sends no startup query or Hello.
enum class TimelinePart { kStartingState, kRest };

// `protocols` must outlive the run.
void ScheduleTimeline(const scenario::Scenario& s, net::Network& network, const ProtocolBindings& protocols,
                      SnapshotWriter snapshot, TimelinePart part);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_TIMELINE_H_
