// Decodes a whole Ethernet frame, layer by layer, into the codecs' values.
//
// Used by traces, by tests that compare frames, and by the fuzz test that drives every parser
// from raw bytes. The first error at any layer is returned with its offset counted from the
// start of the frame.
#ifndef MCASTLAB_SIM_WIRE_FRAME_DECODER_H_
#define MCASTLAB_SIM_WIRE_FRAME_DECODER_H_

#include <string>
#include <variant>

#include "sim/wire/arp.h"
#include "sim/wire/ethernet.h"
#include "sim/wire/icmp.h"
#include "sim/wire/igmp.h"
#include "sim/wire/ipv4.h"
#include "sim/wire/pim.h"
#include "sim/wire/udp.h"

namespace sim::wire {

struct DecodedUdp {
  UdpHeader header;
  ByteSpan payload;
};

// monostate: an IP protocol we carry but do not decode.
using DecodedL4 = std::variant<std::monostate, IgmpMessage, PimMessage, IcmpMessage, DecodedUdp>;

struct DecodedIpv4 {
  Ipv4Header header;
  std::size_t payload_len = 0;
  DecodedL4 l4;
};

struct DecodedFrame {
  EthernetHeader ethernet;
  // monostate: an EtherType we do not decode.
  std::variant<std::monostate, ArpPacket, DecodedIpv4> l3;
};

Expected<DecodedFrame> DecodeFrame(ByteSpan frame);
// One line: the innermost layer first, then the IP and Ethernet addressing.
std::string ToString(const DecodedFrame& f);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_FRAME_DECODER_H_
