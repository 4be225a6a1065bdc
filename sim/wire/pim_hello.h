// PIM Hello (RFC 7761 §4.9.2): the common header followed by Type-Length-Value options.
//
// Four options are modelled: Holdtime (1), LAN Prune Delay (2), DR Priority (19) and
// Generation ID (20). Each must have its defined length, and may appear at most once. Any
// other option is kept, in order, as raw bytes so that it survives a round trip. Emit writes
// the modelled options first, in the order FRR sends them (1, 2, 19, 20), then the others.
//
// A Hello without a Holdtime option parses (holdtime_s is empty). Senders must include one
// (RFC 7761 §4.9.2); what a receiver does without it (FRR logs and
// keeps the neighbor, Junos uses Default_Hello_Holdtime) is the neighbor state machine's decision,
// not the codec's.
#ifndef MCASTLAB_SIM_WIRE_PIM_HELLO_H_
#define MCASTLAB_SIM_WIRE_PIM_HELLO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/wire/bytes.h"
#include "sim/wire/parse_error.h"
#include "sim/wire/pim_common.h"

namespace sim::wire {

namespace pim_hello_option {
inline constexpr std::uint16_t kHoldtime = 1;
inline constexpr std::uint16_t kLanPruneDelay = 2;
inline constexpr std::uint16_t kDrPriority = 19;
inline constexpr std::uint16_t kGenerationId = 20;
}  // namespace pim_hello_option

namespace pim_hello_field {
inline constexpr std::size_t kOptions = 4;  // the first option, from the start of the message
// Inside one option, from its first octet.
inline constexpr std::size_t kOptionType = 0;
inline constexpr std::size_t kOptionLength = 2;
inline constexpr std::size_t kOptionValue = 4;
}  // namespace pim_hello_field

inline constexpr std::size_t kPimHelloOptionHeaderLen = 4;
// RFC 7761 §4.9.2: a Holdtime of 0xffff means the neighbor never times out; 0 says goodbye.
inline constexpr std::uint16_t kPimHelloHoldtimeForever = 0xffff;
// RFC 7761 §4.11: Propagation_delay_default and t_override_default.
inline constexpr std::uint16_t kPimDefaultPropagationDelayMs = 500;
inline constexpr std::uint16_t kPimDefaultOverrideIntervalMs = 2500;

struct PimLanPruneDelay {
  bool tracking_support = false;                                       // the T bit
  std::uint16_t propagation_delay_ms = kPimDefaultPropagationDelayMs;  // 15 bits on the wire
  std::uint16_t override_interval_ms = kPimDefaultOverrideIntervalMs;
  friend bool operator==(const PimLanPruneDelay&, const PimLanPruneDelay&) = default;
};

// An option the codec does not model, kept for the round trip.
struct PimHelloOption {
  std::uint16_t type;
  Bytes value;
  friend bool operator==(const PimHelloOption&, const PimHelloOption&) = default;
};

struct PimHello {
  std::optional<std::uint16_t> holdtime_s;
  std::optional<PimLanPruneDelay> lan_prune_delay;
  std::optional<std::uint32_t> dr_priority;
  std::optional<std::uint32_t> generation_id;
  std::vector<PimHelloOption> other_options;  // never one of the four modelled types
  friend bool operator==(const PimHello&, const PimHello&) = default;
};

// The LAN Prune Delay value: T(1) | Propagation_Delay(15, ms) | Override_Interval(16, ms).
// Encoding throws std::invalid_argument for a propagation delay over 0x7fff.
std::uint32_t EncodeLanPruneDelay(const PimLanPruneDelay& d);
PimLanPruneDelay DecodeLanPruneDelay(std::uint32_t value);

// `message` is the whole PIM message; ParsePim has checked its common header and checks the
// checksum. Offsets in errors count from the start of `message`.
Expected<PimHello> ParsePimHello(ByteSpan message);
std::size_t BufferLen(const PimHello& h);
// Throws std::invalid_argument for an other_options entry with a modelled type or a value
// over 65535 bytes.
void Emit(const PimHello& h, MutableByteSpan out);
// "pim hello holdtime 105 lan-prune-delay 500ms/2500ms dr-priority 1 genid 0x12345678"
std::string ToString(const PimHello& h);
// A Generation ID as both the summary above and trace lines write it: "0x12345678".
std::string GenerationIdText(std::uint32_t generation_id);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_PIM_HELLO_H_
