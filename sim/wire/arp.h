// ARP (RFC 826) for Ethernet hardware and IPv4 protocol addresses only.
//
// An ARP packet is a fixed 28 octets here: hardware type 1, protocol type 0x0800, address
// lengths 6 and 4, the operation, then sender and target (MAC, IPv4) pairs. Parsing rejects
// any other hardware or protocol and any operation other than request and reply; bytes after
// the 28 (Ethernet pads an ARP frame from 42 to 60 octets) are ignored.
#ifndef MCASTLAB_SIM_WIRE_ARP_H_
#define MCASTLAB_SIM_WIRE_ARP_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/mac_address.h"
#include "sim/wire/parse_error.h"

namespace sim::wire {

inline constexpr std::uint16_t kArpHardwareEthernet = 1;  // ar$hrd, RFC 826 "ares_hrd$Ethernet"
inline constexpr std::size_t kArpPacketLen = 28;

namespace arp_field {
inline constexpr std::size_t kHardwareType = 0;
inline constexpr std::size_t kProtocolType = 2;
inline constexpr std::size_t kHardwareLength = 4;
inline constexpr std::size_t kProtocolLength = 5;
inline constexpr std::size_t kOperation = 6;
inline constexpr std::size_t kSenderMac = 8;
inline constexpr std::size_t kSenderIp = 14;
inline constexpr std::size_t kTargetMac = 18;
inline constexpr std::size_t kTargetIp = 24;
}  // namespace arp_field

enum class ArpOperation : std::uint16_t { kRequest = 1, kReply = 2 };  // ares_op$REQUEST/REPLY

struct ArpPacket {
  ArpOperation operation = ArpOperation::kRequest;
  MacAddress sender_mac;
  Ipv4Address sender_ip;
  MacAddress target_mac;  // a request leaves it zero: RFC 826 calls it "don't care" there
  Ipv4Address target_ip;
  friend bool operator==(const ArpPacket&, const ArpPacket&) = default;
};

Expected<ArpPacket> ParseArp(ByteSpan bytes);
std::size_t BufferLen(const ArpPacket& p);  // always kArpPacketLen
void Emit(const ArpPacket& p, MutableByteSpan out);

// "arp who-has 10.0.0.2 tell 10.0.0.1" or "arp 10.0.0.2 is-at 02:00:00:00:00:02"
std::string ToString(const ArpPacket& p);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_ARP_H_
