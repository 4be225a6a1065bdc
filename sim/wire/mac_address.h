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
  friend constexpr bool operator==(const MacAddress& a, const MacAddress& b) {
    if (std::is_constant_evaluated()) return a.bits() == b.bits();
    std::uint64_t x = 0, y = 0;  // byte order is irrelevant to equality: two plain loads
    std::memcpy(&x, a.o_.data(), 6);
    std::memcpy(&y, b.o_.data(), 6);
    return x == y;
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

// Whether `mac` is the MAC that `group` maps to: 01:00:5e and the group's low 23 bits.
constexpr bool MapsToMulticastMac(Ipv4Address group, const MacAddress& mac) {
  const auto& o = mac.octets();
  const std::uint32_t low23 = (std::uint32_t{o[3]} << 16 | std::uint32_t{o[4]} << 8 | o[5]);
  return o[0] == 0x01 && o[1] == 0x00 && o[2] == 0x5e && low23 == (group.value() & 0x7fffff);
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
