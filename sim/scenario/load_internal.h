// The typing passes of the loader, one file per part of the document. Private to
// sim/scenario: the public entry points are in loader.h.
//
// Each pass reads what it can, reports every problem through the Reporter, and fills in what it
// read; the result is only handed out when no pass reported anything.
#ifndef MCASTLAB_SIM_SCENARIO_LOAD_INTERNAL_H_
#define MCASTLAB_SIM_SCENARIO_LOAD_INTERNAL_H_

#include <string>

#include "sim/scenario/config.h"
#include "sim/scenario/json_reader.h"
#include "sim/scenario/json_value.h"
#include "sim/scenario/scenario.h"

namespace sim::scenario {

// load_scenario.cc: the top level, links, rp, capture.
Scenario ReadScenario(const JsonValue& root, Reporter& r);

// load_settings.cc: the "igmp" and "pim" objects of defaults, nodes, interfaces and set events.
enum class IgmpRole { kHost, kRouter, kAny };
IgmpSettings ReadIgmpSettings(const JsonValue& v, const std::string& path, Reporter& r,
                              IgmpRole role);
// The keys a router's "igmp" object takes, read from an object that has others too (a snooping
// querier's "address").
void ReadQuerierIgmpKeys(ObjectReader& o, IgmpSettings& s);
PimSettings ReadPimSettings(const JsonValue& v, const std::string& path, Reporter& r);

// load_nodes.cc: the "nodes" array; configurations are merged over the defaults and resolved.
void ReadNodes(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r);

// load_events.cc: the "events" array, sorted by time (ties keep file order).
void ReadEvents(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r);

// load_expect.cc: the "expect" array. A window defaults to [0, s.duration].
void ReadExpectations(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r);

// "*" or an address (mroute sources): nullopt inside for "*".
std::optional<std::optional<wire::Ipv4Address>> ReadSource(const JsonValue& v,
                                                           const std::string& path, Reporter& r);
// An array of names.
std::optional<std::vector<std::string>> ReadNames(const JsonValue& v, const std::string& path,
                                                  Reporter& r);
// The optional "profile" key of `o` (the scenario, a node or an interface): "rfc", "linux" or
// "frr"; `inherited` when the key is absent (or wrong, which is reported).
core::StackProfile ReadProfile(ObjectReader& o, core::StackProfile inherited);
// A string from a closed set, reported with a suggestion when it is not one.
std::optional<std::string> ReadChoice(const JsonValue& v, const std::string& path, Reporter& r,
                                      std::string_view kind,
                                      const std::vector<std::string_view>& choices);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_LOAD_INTERNAL_H_
