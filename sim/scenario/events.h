// The timeline of a scenario: one struct per action of SCENARIO-FORMAT.md "Events".
//
// Everything is typed and defaulted at load time (a send's TTL is already 1 or 64, a listen's
// socket already has its name), so the runner never looks at JSON.
#ifndef MCASTLAB_SIM_SCENARIO_EVENTS_H_
#define MCASTLAB_SIM_SCENARIO_EVENTS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/core/time.h"
#include "sim/scenario/config.h"
#include "sim/scenario/heap_optional.h"
#include "sim/scenario/values.h"
#include "sim/wire/ipv4_address.h"

namespace sim::scenario {

// Open a UDP socket bound to bind:port.
struct ListenAction {
  std::string node;
  std::uint16_t port = 0;
  wire::Ipv4Address bind;  // 0.0.0.0 (also gets unicast) or a group (only that group)
  std::string socket;      // default "s<port>"
};

// IP_ADD_MEMBERSHIP.
struct JoinAction {
  std::string node;
  wire::Ipv4Address group;
  std::optional<std::string> socket;     // without one, the membership belongs to the host
  std::optional<std::string> interface;  // default: the host's first interface
};

// IP_DROP_MEMBERSHIP.
struct LeaveAction {
  std::string node;
  wire::Ipv4Address group;
  std::optional<std::string> socket;
};

// UDP datagrams: `count` back to back, or one every rate interval from `at` until `until`.
struct SendAction {
  std::string node;
  SocketAddress to;
  std::uint32_t size = 64;   // payload bytes
  std::uint64_t count = 1;   // used when there is no rate
  std::optional<Rate> rate;  // given together with until
  std::optional<core::Duration> until;
  std::uint8_t ttl = 64;  // as Linux: 1 to a group, 64 to a unicast address
  std::optional<std::string> socket;
  std::optional<std::uint16_t> source_port;
};

// Connect a UDP socket (an ICMP port unreachable then fails its next send or receive).
struct ConnectAction {
  std::string node;
  std::string socket;
  SocketAddress to;
};

// recv (or SO_ERROR) on a socket: reports its pending error (ECONNREFUSED) once, if it has one.
// Datagrams need no recv: a socket takes each one as it arrives.
struct RecvAction {
  std::string node;
  std::string socket;
};

struct CloseAction {
  std::string node;
  std::string socket;
};

enum class UpDown { kDown, kUp };
std::string_view ToString(UpDown s);

struct LinkAction {
  std::string link;
  UpDown state = UpDown::kDown;
};

// Power a node off (all state lost) or on (protocols restart).
struct NodeAction {
  std::string node;
  UpDown state = UpDown::kDown;
};

// Change configuration at run time. Settings merge over the current ones and are resolved again,
// so derived timers follow a changed query_interval unless they were given.
struct SetAction {
  std::string node;
  std::optional<std::string> interface;  // default: every interface of the node
  // On the heap: about a kilobyte each, they would make every event as large.
  HeapOptional<IgmpSettings> igmp;
  HeapOptional<PimSettings> pim;  // "pim": {...}, the router's PIM settings
  std::optional<bool> pim_interface;  // "pim": true/false, PIM on the interface(s)
  std::optional<std::uint32_t> dr_priority;
  std::optional<std::uint32_t> cost;
};

// Write every node's state tables to OUT/state-<time>.txt.
struct SnapshotAction {
  std::string label;
};

using Action = std::variant<ListenAction, JoinAction, LeaveAction, SendAction, ConnectAction,
                            CloseAction, LinkAction, NodeAction, SetAction, SnapshotAction,
                            RecvAction>;

// "listen", "join", ...: the JSON name of an action.
std::string_view ActionName(const Action& a);
const std::vector<std::string_view>& ActionNames();

struct Event {
  core::Duration at;  // since the start of the run
  Action action;
  std::size_t index = 0;  // position in the file's `events` array
  std::string json_path;  // "/events/3", for run-time messages
};

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_EVENTS_H_
