// IPv4 addresses and prefixes as plain values, with the well-known multicast groups.
#ifndef MCASTLAB_SIM_WIRE_IPV4_ADDRESS_H_
#define MCASTLAB_SIM_WIRE_IPV4_ADDRESS_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/trace_value.h"

namespace sim::wire {

class Ipv4Address {
 public:
  constexpr Ipv4Address() = default;
  constexpr explicit Ipv4Address(std::uint32_t host_order) : v_(host_order) {}
  constexpr Ipv4Address(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
      : v_((std::uint32_t{a} << 24) | (std::uint32_t{b} << 16) | (std::uint32_t{c} << 8) | d) {}
  // Strict dotted quad: four decimal octets 0..255, no leading zeros, nothing else.
  static std::optional<Ipv4Address> Parse(std::string_view text);

  constexpr std::uint32_t value() const { return v_; }
  constexpr bool is_unspecified() const { return v_ == 0; }
  constexpr bool is_multicast() const { return (v_ >> 28) == 0xe; }  // 224.0.0.0/4
  // 224.0.0.0/24: link-local control groups, never forwarded by routers (RFC 5771).
  constexpr bool is_link_local_multicast() const { return (v_ >> 8) == 0xe00000; }
  constexpr bool is_broadcast() const { return v_ == 0xffffffff; }

  constexpr auto operator<=>(const Ipv4Address&) const = default;

 private:
  std::uint32_t v_ = 0;
};

std::string ToString(Ipv4Address a);
// The address as a trace value: kept as a number, written as "a.b.c.d".
inline core::TraceValue TraceAddress(Ipv4Address a) { return core::TraceValue::Address(a.value()); }

inline constexpr Ipv4Address kAllSystems{224, 0, 0, 1};      // general queries
inline constexpr Ipv4Address kAllRouters{224, 0, 0, 2};      // IGMPv2 leaves
inline constexpr Ipv4Address kAllPimRouters{224, 0, 0, 13};  // PIM hello, join/prune, assert
inline constexpr Ipv4Address kIgmpv3Routers{224, 0, 0, 22};  // IGMPv3 reports

class Ipv4Prefix {
 public:
  constexpr Ipv4Prefix() = default;
  // Keeps the address as written (a host's "192.0.2.10/24" is its address and its subnet).
  constexpr Ipv4Prefix(Ipv4Address address, std::uint8_t length) : addr_(address), len_(length) {}
  // "a.b.c.d/len" with len 0..32.
  static std::optional<Ipv4Prefix> Parse(std::string_view text);

  constexpr Ipv4Address address() const { return addr_; }
  constexpr std::uint8_t length() const { return len_; }
  constexpr std::uint32_t mask() const { return len_ == 0 ? 0 : ~std::uint32_t{0} << (32 - len_); }
  constexpr Ipv4Address network() const { return Ipv4Address(addr_.value() & mask()); }
  constexpr bool Contains(Ipv4Address a) const {
    return (a.value() & mask()) == (addr_.value() & mask());
  }
  constexpr auto operator<=>(const Ipv4Prefix&) const = default;

 private:
  Ipv4Address addr_;
  std::uint8_t len_ = 0;
};

std::string ToString(const Ipv4Prefix& p);
// The same written at `at`, which has room for kPrefixRoom characters; returns the end.
inline constexpr std::size_t kPrefixRoom = core::kDottedQuadRoom + 3;  // "/32"
char* WritePrefix(const Ipv4Prefix& p, char* at);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_IPV4_ADDRESS_H_
