// Cross-reference checks of a typed scenario: what no single value can tell.
//
// Names are unique, endpoints and events and expectations name things that exist and are of the
// right type, each endpoint is wired once, interfaces on one layer-2 segment share a subnet,
// sockets are opened before use, times fall within the run, and switches form no layer-2 loop
// (mcastlab has no spanning tree). Errors carry the JSON Pointer of the value to change.
#ifndef MCASTLAB_SIM_SCENARIO_VALIDATE_H_
#define MCASTLAB_SIM_SCENARIO_VALIDATE_H_

#include <vector>

#include "sim/scenario/error_list.h"
#include "sim/scenario/scenario.h"

namespace sim::scenario {

// Every problem found, topology first, then events, then expectations. Empty when valid.
std::vector<LoadError> Validate(const Scenario& s);
// The same, into a bounded list.
void Validate(const Scenario& s, ErrorList& errors);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_VALIDATE_H_
