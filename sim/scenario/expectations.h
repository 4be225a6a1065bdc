// The checks of a scenario: one struct per kind of SCENARIO-FORMAT.md "Expectations".
//
// A count check given neither `min` nor `max` means "at least one" (min = 1); given only `max`,
// min is 0.
#ifndef MCASTLAB_SIM_SCENARIO_EXPECTATIONS_H_
#define MCASTLAB_SIM_SCENARIO_EXPECTATIONS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace sim::scenario {

// Datagrams delivered to sockets of a host.
struct ReceivedCheck {
  std::string node;
  std::optional<std::string> socket;
  std::optional<wire::Ipv4Address> group;
  std::optional<wire::Ipv4Address> source;
  std::uint64_t min = 1;
  std::optional<std::uint64_t> max;
};

// A router's multicast route, (S,G) or (*,G).
struct MrouteCheck {
  std::string node;
  std::optional<wire::Ipv4Address> source;  // nullopt: "*"
  wire::Ipv4Address group;
  std::optional<std::string> iif;
  std::optional<std::vector<std::string>> oifs;  // the exact set
  bool absent = false;                           // the route must not exist
};

// The router's IGMP membership table on one interface.
struct IgmpGroupCheck {
  std::string node;
  std::string interface;
  wire::Ipv4Address group;
  bool present = true;
};

struct QuerierCheck {
  std::string node;
  std::string interface;
  bool is_querier = true;  // JSON key "is"
};

struct PimNeighborCheck {
  std::string node;
  std::string interface;
  wire::Ipv4Address neighbor;
  bool present = true;
  std::optional<bool> dr;  // is that neighbor the DR
};

enum class PacketType {
  kIgmpQueryGeneral,
  kIgmpQueryGroup,
  kIgmpReportV1,
  kIgmpReportV2,
  kIgmpReportV3,
  kIgmpLeave,
  kPimHello,
  kPimJoinPrune,
  kPimRegister,
  kPimRegisterStop,
  kPimAssert,
  kUdp,
  kIcmpPortUnreachable,
  kArp,
};
// "igmp-query-general" and so on, as in the file.
std::string_view ToString(PacketType t);
std::optional<PacketType> PacketTypeFromString(std::string_view s);
const std::vector<std::string_view>& PacketTypeNames();

// Frames seen on a link's wire.
struct PacketsCheck {
  std::string link;
  PacketType type = PacketType::kUdp;
  std::optional<wire::Ipv4Address> group;
  std::uint64_t min = 1;
  std::optional<std::uint64_t> max;
};

enum class SocketErrorCode { kConnectionRefused };  // "ECONNREFUSED"
std::string_view ToString(SocketErrorCode e);

struct SocketErrorCheck {
  std::string node;
  std::string socket;
  SocketErrorCode error = SocketErrorCode::kConnectionRefused;
};

// A snooping switch forwards the group to exactly these ports.
struct SnoopingCheck {
  std::string node;
  wire::Ipv4Address group;
  std::vector<std::string> ports;
};

using Check = std::variant<ReceivedCheck, MrouteCheck, IgmpGroupCheck, QuerierCheck,
                           PimNeighborCheck, PacketsCheck, SocketErrorCheck, SnoopingCheck>;

// "received", "mroute", ...: the JSON name of a kind.
std::string_view KindName(const Check& c);
const std::vector<std::string_view>& CheckKindNames();

struct Expectation {
  // `at` for a state at one instant; otherwise the window [from, until], by default the whole
  // run. With `at`, from and until both equal it.
  std::optional<core::Duration> at;
  core::Duration from;
  core::Duration until;
  Check check;
  std::size_t index = 0;  // position in the file's `expect` array, as summary.json reports it
  std::string json_path;  // "/expect/3"
  // Where the kind's keys are: "/expect/3/received" (nested form) or "/expect/3" (flat form).
  std::string check_path;
};

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_EXPECTATIONS_H_
