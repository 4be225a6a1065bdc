// IPv4 fragmentation (RFC 791 §2.3 and §3.2, "Fragmentation and reassembly").
//
// A sender cuts a packet longer than the link's MTU into fragments that share its
// identification: every fragment but the last carries a multiple of 8 payload bytes and More
// Fragments; Fragment Offset counts 8-byte units. Only options whose copied flag is set go into
// every fragment (Router Alert has it).
#ifndef MCASTLAB_SIM_WIRE_IPV4_FRAGMENT_H_
#define MCASTLAB_SIM_WIRE_IPV4_FRAGMENT_H_

#include <vector>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4.h"

namespace sim::wire {

// The IP MTU of an Ethernet link (RFC 894): the largest packet one frame carries.
inline constexpr std::size_t kEthernetMtu = 1500;

inline bool IsFragment(const Ipv4Header& h) { return h.more_fragments || h.fragment_offset != 0; }

// `h` and `payload` cut into packets of at most `mtu` bytes each (one packet when it fits),
// DF cleared in each fragment. `mtu` must leave room for the header and 8 payload bytes.
std::vector<Bytes> FragmentIpv4(const Ipv4Header& h, ByteSpan payload, std::size_t mtu);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_IPV4_FRAGMENT_H_
