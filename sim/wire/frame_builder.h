// Whole Ethernet frames around an IPv4 packet or an ARP message, in one buffer each.
#ifndef MCASTLAB_SIM_WIRE_FRAME_BUILDER_H_
#define MCASTLAB_SIM_WIRE_FRAME_BUILDER_H_

#include "sim/wire/arp.h"
#include "sim/wire/bytes.h"
#include "sim/wire/frame_decoder.h"
#include "sim/wire/ipv4.h"
#include "sim/wire/mac_address.h"

namespace sim::wire {

// The destination MAC an IPv4 destination maps to on a LAN when no ARP is needed:
// the RFC 1112 mapping for multicast, all-ones for broadcast. Unicast needs ARP: nullopt.
std::optional<MacAddress> DirectMacFor(Ipv4Address destination);

Bytes BuildIpv4Frame(const MacAddress& source, const MacAddress& destination, const Ipv4Header& ip,
                     ByteSpan l4_payload);
Bytes BuildArpFrame(const MacAddress& source, const MacAddress& destination, const ArpPacket& arp);

// Rebuilds a whole frame from its decoded form, every layer through its own Emit: the inverse
// of DecodeFrame for the protocols it decodes.
Bytes BuildFrame(const DecodedFrame& f);

// The IPv4 header our control protocols use: TOS 0xc0, TTL 1, DF, as Linux and FRR send them.
// IGMP adds Router Alert (RFC 2236 §2); PIM does not.
Ipv4Header ControlHeader(std::uint8_t protocol, Ipv4Address source, Ipv4Address destination);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_FRAME_BUILDER_H_
