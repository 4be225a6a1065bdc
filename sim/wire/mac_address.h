// Ethernet MAC addresses and the IPv4 multicast mapping of RFC 1112 §6.4.
#ifndef MCASTLAB_SIM_WIRE_MAC_ADDRESS_H_
#define MCASTLAB_SIM_WIRE_MAC_ADDRESS_H_

#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <string>

#include "sim/wire/ipv4_address.h"

namespace sim::wire {

class MacAddress {
 public:
  constexpr MacAddress() = default;
  constexpr explicit MacAddress(const std::array<std::uint8_t, 6>& octets) : o_(octets) {}

  constexpr const std::array<std::uint8_t, 6>& octets() const { return o_; }
  constexpr bool is_group() const { return (o_[0] & 0x01) != 0; }  // I/G bit: multicast or broadcast
  constexpr bool is_broadcast() const { return *this == MacAddress({0xff, 0xff, 0xff, 0xff, 0xff, 0xff}); }
  // The six octets as one big-endian number: compares in one step, where the array's own
  // comparison called memcmp (a hot spot: every receiver checks every frame's destination).
  constexpr std::uint64_t bits() const {
    std::uint64_t v = 0;
    for (std::uint8_t b : o_) v = (v << 8) | b;
    return v;
  }
  // The six octets as loaded from memory, in the machine's byte order: equal keys, equal
  // addresses. For equality tests on hot paths; bits() orders.
  std::uint64_t key() const {
    std::uint64_t x = 0;
    std::memcpy(&x, o_.data(), 6);
    return x;
  }
  friend constexpr bool operator==(const MacAddress& a, const MacAddress& b) {
    if (std::is_constant_evaluated()) return a.bits() == b.bits();
    return a.key() == b.key();
  }
  friend constexpr std::strong_ordering operator<=>(const MacAddress& a, const MacAddress& b) {
    return a.bits() <=> b.bits();
  }

 private:
  std::array<std::uint8_t, 6> o_{};
};

inline constexpr MacAddress kBroadcastMac{{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}};

// 01:00:5e followed by the low 23 bits of the group (RFC 1112 §6.4): 32 groups share each MAC.
constexpr MacAddress MulticastMac(Ipv4Address group) {
  const std::uint32_t v = group.value();
  return MacAddress({0x01, 0x00, 0x5e, static_cast<std::uint8_t>((v >> 16) & 0x7f),
                     static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)});
}

// A locally administered unicast MAC (02:..) derived from a 32-bit interface number, so that
// every run gives every interface the same address.
constexpr MacAddress LocalMac(std::uint32_t n) {
  return MacAddress({0x02, 0x00, static_cast<std::uint8_t>(n >> 24),
                     static_cast<std::uint8_t>(n >> 16), static_cast<std::uint8_t>(n >> 8),
                     static_cast<std::uint8_t>(n)});
}

// "01:00:5e:0a:0a:0a"
std::string ToString(const MacAddress& m);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_MAC_ADDRESS_H_
