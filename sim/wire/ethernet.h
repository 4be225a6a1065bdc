// Ethernet II framing (no FCS, as captures show frames). Frames shorter than the 60-byte
// minimum are padded with zeros on emit, as a real NIC pads them on the wire.
#ifndef MCASTLAB_SIM_WIRE_ETHERNET_H_
#define MCASTLAB_SIM_WIRE_ETHERNET_H_

#include <cstdint>
#include <string>

#include "sim/wire/bytes.h"
#include "sim/wire/mac_address.h"
#include "sim/wire/parse_error.h"

namespace sim::wire {

inline constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
inline constexpr std::uint16_t kEtherTypeArp = 0x0806;
inline constexpr std::size_t kEthernetHeaderLen = 14;
inline constexpr std::size_t kEthernetMinFrameLen = 60;  // 64 on the wire, less the 4-byte FCS

namespace ethernet_field {
inline constexpr std::size_t kDestination = 0;
inline constexpr std::size_t kSource = 6;
inline constexpr std::size_t kEtherType = 12;
}  // namespace ethernet_field

struct EthernetHeader {
  MacAddress destination;
  MacAddress source;
  std::uint16_t ethertype = kEtherTypeIpv4;
  friend bool operator==(const EthernetHeader&, const EthernetHeader&) = default;
};

struct EthernetFrame {
  EthernetHeader header;
  ByteSpan payload;  // everything after the header, padding included
};

Expected<EthernetFrame> ParseEthernet(ByteSpan bytes);
// Header + payload, padded up to kEthernetMinFrameLen.
std::size_t EthernetFrameLen(std::size_t payload_len);
void EmitEthernet(const EthernetHeader& header, ByteSpan payload, MutableByteSpan out);
// Emits only the 14-byte header, for callers that write the payload in place after it.
void EmitEthernetHeader(const EthernetHeader& header, MutableByteSpan out);

std::string ToString(const EthernetHeader& h);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_ETHERNET_H_
