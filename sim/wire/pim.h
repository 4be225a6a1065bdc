// PIMv2 messages (RFC 7761 §4.9, IP protocol 103) as one variant, with the entry points the
// rest of mcastlab uses: ParsePim, BufferLen, Emit, ToString, TypeOf.
//
// ParsePim takes the IP payload exactly (the IPv4 codec cuts it at the total length). It checks
// the common header (version 2, a type we decode), parses the whole message, and then checks
// the checksum, so that a message cut short reports where it ends rather than a bad checksum.
// Bootstrap, Graft, Graft-Ack, Candidate-RP-Advertisement and later types are refused with
// kBadValue "pim type unsupported" at offset 0.
#ifndef MCASTLAB_SIM_WIRE_PIM_H_
#define MCASTLAB_SIM_WIRE_PIM_H_

#include <cstddef>
#include <string>
#include <variant>

#include "sim/wire/bytes.h"
#include "sim/wire/parse_error.h"
#include "sim/wire/pim_assert.h"
#include "sim/wire/pim_common.h"
#include "sim/wire/pim_hello.h"
#include "sim/wire/pim_join_prune.h"
#include "sim/wire/pim_register.h"

namespace sim::wire {

using PimMessage = std::variant<PimHello, PimRegister, PimRegisterStop, PimJoinPrune, PimAssert>;

// `bytes` is the IP payload exactly.
Expected<PimMessage> ParsePim(ByteSpan bytes);
std::size_t BufferLen(const PimMessage& m);
// Writes BufferLen(m) bytes, checksum included. Throws std::length_error when `out` is too
// small and std::invalid_argument for a message the parser would refuse (see each header).
void Emit(const PimMessage& m, MutableByteSpan out);
// One line: "pim hello holdtime 105 dr-priority 1 genid 0x1234abcd".
std::string ToString(const PimMessage& m);
PimType TypeOf(const PimMessage& m);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_PIM_H_
