// Parsers for the value kinds of a scenario file (SCENARIO-FORMAT.md, "Values").
//
// Each parser takes the text of one JSON string and returns the typed value or a ValueError that
// says which kind was expected and, when it helps, why the text is not one. They know nothing of
// JSON or paths: the loader adds the path and the offending value to make the final message,
// `/links/0/delay: "5 sec" is not a time (unknown unit "sec"; use ns, us, ms, s or min)`.
//
// Decimal numbers ("1.5s", "2.5Mbps") are converted with integer arithmetic on their digits, so
// "0.1s" is exactly 100000000 ns; a value that is not a whole number of the base unit (ns, bit/s)
// is rejected rather than rounded.
#ifndef MCASTLAB_SIM_SCENARIO_VALUES_H_
#define MCASTLAB_SIM_SCENARIO_VALUES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace sim::scenario {

// Why a text is not a value of some kind: `kind` reads "a time", `detail` is empty or a short
// clause such as `unknown unit "sec"; use ns, us, ms, s or min`.
struct ValueError {
  std::string kind;
  std::string detail;
  friend bool operator==(const ValueError&, const ValueError&) = default;
};

// "is not a time (negative)": the message tail after the offending value.
std::string Describe(const ValueError& e);

// A parsed value or the reason there is none.
template <typename T>
class ValueOr {
 public:
  ValueOr(T value) : v_(std::move(value)) {}           // NOLINT: implicit by design
  ValueOr(ValueError error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  const T& value() const { return std::get<0>(v_); }
  const ValueError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, ValueError> v_;
};

// A packet rate, "10pps". The interval is 1/rate rounded to the nearest nanosecond.
struct Rate {
  double packets_per_second = 0;
  core::Duration interval;
  friend bool operator==(const Rate&, const Rate&) = default;
};

// "R1:eth0": an interface of a host or router, or a port of a switch.
struct Endpoint {
  std::string node;
  std::string interface;
  friend bool operator==(const Endpoint&, const Endpoint&) = default;
};
std::string ToString(const Endpoint& e);

// "239.1.1.1:5000": where a datagram goes.
struct SocketAddress {
  wire::Ipv4Address address;
  std::uint16_t port = 0;
  friend bool operator==(const SocketAddress&, const SocketAddress&) = default;
};
std::string ToString(const SocketAddress& a);

// Time: a decimal number and a unit (ns, us, ms, s, min), "125s", "1.5s", "100 ms". Not negative.
ValueOr<core::Duration> ParseTime(std::string_view text);
// A JSON number of seconds. Integers are exact; a fraction is rounded to the nearest ns.
ValueOr<core::Duration> TimeFromSeconds(std::uint64_t whole_seconds);
ValueOr<core::Duration> TimeFromSeconds(double seconds);
// Rate: a positive decimal number and "pps", "10pps", "2.5 pps".
ValueOr<Rate> ParseRate(std::string_view text);
// Bandwidth in bit/s: a positive decimal number and bps, kbps, Mbps or Gbps, "100Mbps".
ValueOr<std::uint64_t> ParseBandwidth(std::string_view text);
// Dotted-quad IPv4 address.
ValueOr<wire::Ipv4Address> ParseAddress(std::string_view text);
// "a.b.c.d/len".
ValueOr<wire::Ipv4Prefix> ParsePrefix(std::string_view text);
// A prefix that can be an interface's address and subnet: a unicast address that is neither the
// network nor the broadcast address of its subnet (the last two rules only up to /30).
ValueOr<wire::Ipv4Prefix> ParseInterfacePrefix(std::string_view text);
// An IPv4 address in 224.0.0.0/4.
ValueOr<wire::Ipv4Address> ParseGroup(std::string_view text);
// "node:interface", both parts names.
ValueOr<Endpoint> ParseEndpoint(std::string_view text);
// "address:port", port 1..65535.
ValueOr<SocketAddress> ParseSocketAddress(std::string_view text);
// A name of a scenario, node, link, interface, port or socket: [A-Za-z0-9_.-]+.
bool IsValidName(std::string_view text);
ValueOr<std::string> ParseName(std::string_view text);
// A name that becomes part of a file or folder name (the scenario's out/<name>, a link's
// <link>.pcap, a snapshot's label): a name of at most kMaxFileNameChars characters, and not "."
// or "..", which name folders that already exist.
inline constexpr std::size_t kMaxFileNameChars = 100;
ValueOr<std::string> ParseFileName(std::string_view text);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_VALUES_H_
