// A scenario file as typed, defaulted and checked values (SCENARIO-FORMAT.md, version 1).
//
// The loader (loader.h) is the only way to make one from JSON; after it succeeds every name in
// the scenario refers to something that exists, every configuration is complete, and the events
// are in the order they run. Nothing here depends on JSON.
//
// Vectors keep the file's order, so the element at nodes[i] came from "/nodes/i".
#ifndef MCASTLAB_SIM_SCENARIO_SCENARIO_H_
#define MCASTLAB_SIM_SCENARIO_SCENARIO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/core/stack_profile.h"
#include "sim/core/time.h"
#include "sim/scenario/config.h"
#include "sim/scenario/events.h"
#include "sim/scenario/expectations.h"
#include "sim/scenario/values.h"
#include "sim/wire/ipv4_address.h"

namespace sim::scenario {

// pcap records carry 32-bit unsigned seconds, so a run must end by 2^32 - 1 s (about 136 years):
// the longest `duration` the loader takes.
inline constexpr std::uint64_t kMaxDurationSeconds = UINT32_MAX;

struct HostInterface {
  std::string name;
  wire::Ipv4Prefix address;  // the host's address and its subnet
  std::optional<wire::Ipv4Address> gateway;
  core::StackProfile profile = core::StackProfile::kRfc;  // resolved: interface -> node -> scenario
};

struct Host {
  std::vector<HostInterface> interfaces;
  HostIgmpConfig igmp;
  IgmpSettings igmp_settings;  // merged defaults -> node, as given
};

struct RouterInterface {
  std::string name;
  wire::Ipv4Prefix address;
  std::uint32_t cost = 1;  // unicast route metric out of this interface
  RouterIgmpConfig igmp;
  IgmpSettings igmp_settings;     // merged defaults -> node -> interface, as given
  bool pim = true;                // PIM-SM runs on this interface
  std::uint32_t dr_priority = 1;  // RFC 7761 §4.3.2
  core::StackProfile profile = core::StackProfile::kRfc;  // resolved; igmp.profile carries it too
};

// An extension for forwarding tests before PIM: a fixed MFIB entry.
struct StaticMroute {
  std::optional<wire::Ipv4Address> source;  // nullopt: "*", any source
  wire::Ipv4Address group;
  std::string iif;
  std::vector<std::string> oifs;
};

struct Router {
  std::vector<RouterInterface> interfaces;
  PimConfig pim;
  PimSettings pim_settings;  // merged defaults -> node, as given
  std::vector<StaticMroute> static_mroutes;
};

struct SnoopingQuerier {
  wire::Ipv4Address address;
  RouterIgmpConfig igmp;        // its timers, resolved like a router interface's
  IgmpSettings igmp_settings;   // as the querier object gave them
};

struct Switch {
  std::vector<std::string> ports;  // "ports": 4 gives p1..p4
  bool igmp_snooping = false;      // false: multicast is flooded like broadcast
  std::optional<SnoopingQuerier> querier;
  bool fast_leave = false;
};

enum class NodeType { kHost, kRouter, kSwitch };
std::string_view ToString(NodeType t);

struct Node {
  std::string name;
  std::variant<Host, Router, Switch> kind;
  // "state": the power at the start of the run. A node that starts down sends nothing (no
  // startup query or Hello) until a `node` event powers it on.
  UpDown initial_state = UpDown::kUp;
  // "profile": the node's, or the scenario's when the node gives none (docs/fidelity.md).
  core::StackProfile profile = core::StackProfile::kRfc;

  NodeType type() const { return static_cast<NodeType>(kind.index()); }
  const Host* host() const { return std::get_if<Host>(&kind); }
  const Router* router() const { return std::get_if<Router>(&kind); }
  const Switch* l2_switch() const { return std::get_if<Switch>(&kind); }
  // Interface names of a host or router, port names of a switch, in file order.
  std::vector<std::string> InterfaceNames() const;
  bool HasInterface(std::string_view interface_name) const;
};

struct Link {
  std::string name;
  std::vector<Endpoint> endpoints;  // 2: a cable; more: a shared segment
  core::Duration delay = core::Microseconds(1);
  std::uint64_t bandwidth_bps = 1'000'000'000;
  std::optional<std::uint32_t> cost;
};

// A static PIM-SM RP for a range of groups.
struct RpMapping {
  wire::Ipv4Address address;
  wire::Ipv4Prefix groups{wire::Ipv4Address(224, 0, 0, 0), 4};
};

struct Capture {
  bool all_links = true;           // {"links": ["*"]}, the default
  std::vector<std::string> links;  // when not all: the links to capture (maybe none)
};

struct Scenario {
  int format = 1;
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  core::Duration duration;
  core::StackProfile profile = core::StackProfile::kRfc;  // the top-level "profile"
  IgmpSettings default_igmp;  // "defaults", already merged into every node
  PimSettings default_pim;
  std::vector<Node> nodes;
  std::vector<Link> links;
  std::vector<RpMapping> rps;
  std::vector<Event> events;  // sorted by `at`; equal times keep file order
  std::vector<Expectation> expectations;
  Capture capture;
};

const Node* FindNode(const Scenario& s, std::string_view name);
const Link* FindLink(const Scenario& s, std::string_view name);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_SCENARIO_H_
