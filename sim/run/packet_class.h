// What a frame on the wire is, in the terms of the `packets` expectation.
#ifndef MCASTLAB_SIM_RUN_PACKET_CLASS_H_
#define MCASTLAB_SIM_RUN_PACKET_CLASS_H_

#include <optional>
#include <vector>

#include "sim/scenario/expectations.h"
#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"

namespace sim::run {

struct PacketClass {
  scenario::PacketType type;
  std::vector<wire::Ipv4Address> groups;  // the groups the frame is about (may be several)
};

// nullopt for frames no packet type names (ICMP echo, undecodable bytes...).
std::optional<PacketClass> ClassifyFrame(wire::ByteSpan frame);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_PACKET_CLASS_H_
