// PIM Hello options (RFC 7761 §4.9.2): parse, emit, print.
#include "sim/wire/pim_hello.h"

#include <cstddef>
#include <stdexcept>

#include "sim/core/hex_digit.h"

namespace sim::wire {
namespace {

constexpr std::uint32_t kTrackingBit = 0x80000000;
constexpr std::uint16_t kPropagationDelayMax = 0x7fff;

bool IsModelledOption(std::uint16_t type) {
  return type == pim_hello_option::kHoldtime || type == pim_hello_option::kLanPruneDelay ||
         type == pim_hello_option::kDrPriority || type == pim_hello_option::kGenerationId;
}

std::size_t OptionLen(std::size_t value_len) { return kPimHelloOptionHeaderLen + value_len; }

// A modelled option must have its defined length (§4.9.2) and, so that the Repr can hold the
// message exactly, appear only once. `at` is the option's first octet.
std::optional<ParseError> CheckModelled(bool seen, std::size_t len, std::size_t want,
                                        std::size_t at, std::string_view length_what) {
  if (len != want) {
    return ParseError{ParseErrorCode::kBadLength, at + pim_hello_field::kOptionLength, length_what};
  }
  if (seen) return ParseError{ParseErrorCode::kBadValue, at, "pim hello option repeated"};
  return std::nullopt;
}

// Files one option's value into `h`.
std::optional<ParseError> StoreOption(PimHello& h, std::uint16_t type, ByteSpan value,
                                      std::size_t at) {
  namespace opt = pim_hello_option;
  const std::size_t len = value.size();
  std::optional<ParseError> e;
  switch (type) {
    case opt::kHoldtime:
      e = CheckModelled(h.holdtime_s.has_value(), len, 2, at, "pim hello holdtime length");
      if (!e) h.holdtime_s = LoadU16(value, 0);
      return e;
    case opt::kLanPruneDelay:
      e = CheckModelled(h.lan_prune_delay.has_value(), len, 4, at,
                        "pim hello lan prune delay length");
      if (!e) h.lan_prune_delay = DecodeLanPruneDelay(LoadU32(value, 0));
      return e;
    case opt::kDrPriority:
      e = CheckModelled(h.dr_priority.has_value(), len, 4, at, "pim hello dr priority length");
      if (!e) h.dr_priority = LoadU32(value, 0);
      return e;
    case opt::kGenerationId:
      e = CheckModelled(h.generation_id.has_value(), len, 4, at, "pim hello generation id length");
      if (!e) h.generation_id = LoadU32(value, 0);
      return e;
    default:
      h.other_options.push_back(PimHelloOption{type, Bytes(value.begin(), value.end())});
      return std::nullopt;
  }
}

void CheckOtherOptions(const PimHello& h) {
  for (const PimHelloOption& o : h.other_options) {
    if (IsModelledOption(o.type)) {
      throw std::invalid_argument("pim hello other option has a modelled type");
    }
    if (o.value.size() > 0xffff) throw std::invalid_argument("pim hello option over 65535 bytes");
  }
}

void WriteOptionHeader(ByteWriter& w, std::uint16_t type, std::size_t len) {
  w.U16(type);
  w.U16(static_cast<std::uint16_t>(len));
}

}  // namespace

std::uint32_t EncodeLanPruneDelay(const PimLanPruneDelay& d) {
  if (d.propagation_delay_ms > kPropagationDelayMax) {
    throw std::invalid_argument("pim propagation delay over 15 bits");
  }
  return (d.tracking_support ? kTrackingBit : 0) | (std::uint32_t{d.propagation_delay_ms} << 16) |
         d.override_interval_ms;
}

PimLanPruneDelay DecodeLanPruneDelay(std::uint32_t value) {
  PimLanPruneDelay d;
  d.tracking_support = (value & kTrackingBit) != 0;
  d.propagation_delay_ms = static_cast<std::uint16_t>((value >> 16) & kPropagationDelayMax);
  d.override_interval_ms = static_cast<std::uint16_t>(value);
  return d;
}

Expected<PimHello> ParsePimHello(ByteSpan message) {
  ByteReader r(message);
  r.Skip(pim_hello_field::kOptions);
  PimHello h;
  while (r.ok() && r.remaining() > 0) {
    const std::size_t at = r.offset();
    const std::uint16_t type = r.U16();
    const std::uint16_t len = r.U16();
    if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim hello option"};
    // §4.9.2: options run to the end of the message; each must fit in what is left.
    if (len > r.remaining()) {
      return ParseError{ParseErrorCode::kBadLength, at + pim_hello_field::kOptionLength,
                        "pim hello option length"};
    }
    if (auto e = StoreOption(h, type, r.Take(len), at)) return *e;
  }
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim header"};
  return h;
}

std::size_t BufferLen(const PimHello& h) {
  std::size_t n = kPimHeaderLen;
  if (h.holdtime_s) n += OptionLen(2);
  if (h.lan_prune_delay) n += OptionLen(4);
  if (h.dr_priority) n += OptionLen(4);
  if (h.generation_id) n += OptionLen(4);
  for (const PimHelloOption& o : h.other_options) n += OptionLen(o.value.size());
  return n;
}

void Emit(const PimHello& h, MutableByteSpan out) {
  namespace opt = pim_hello_option;
  CheckOtherOptions(h);
  ByteWriter w(out);
  WritePimHeader(w, PimType::kHello);
  if (h.holdtime_s) {
    WriteOptionHeader(w, opt::kHoldtime, 2);
    w.U16(*h.holdtime_s);
  }
  if (h.lan_prune_delay) {
    WriteOptionHeader(w, opt::kLanPruneDelay, 4);
    w.U32(EncodeLanPruneDelay(*h.lan_prune_delay));
  }
  if (h.dr_priority) {
    WriteOptionHeader(w, opt::kDrPriority, 4);
    w.U32(*h.dr_priority);
  }
  if (h.generation_id) {
    WriteOptionHeader(w, opt::kGenerationId, 4);
    w.U32(*h.generation_id);
  }
  for (const PimHelloOption& o : h.other_options) {
    WriteOptionHeader(w, o.type, o.value.size());
    w.Put(o.value);
  }
  StorePimChecksum(PimType::kHello, out.first(w.offset()));
}

std::string GenerationIdText(std::uint32_t generation_id) {
  // By hand rather than snprintf: every Hello's trace line has one.
  std::string out = "0x00000000";
  for (std::size_t i = 0; i < 8; ++i) out[9 - i] = core::HexDigit(generation_id >> (4 * i));
  return out;
}

std::string ToString(const PimHello& h) {
  std::string s = "pim hello";
  if (h.holdtime_s) s += " holdtime " + std::to_string(*h.holdtime_s);
  if (h.lan_prune_delay) {
    s += " lan-prune-delay " + std::to_string(h.lan_prune_delay->propagation_delay_ms) + "ms/" +
         std::to_string(h.lan_prune_delay->override_interval_ms) + "ms";
    if (h.lan_prune_delay->tracking_support) s += " t-bit";
  }
  if (h.dr_priority) s += " dr-priority " + std::to_string(*h.dr_priority);
  if (h.generation_id) s += " genid " + GenerationIdText(*h.generation_id);
  for (const PimHelloOption& o : h.other_options) {
    s += " option " + std::to_string(o.type) + " len " + std::to_string(o.value.size());
  }
  return s;
}

}  // namespace sim::wire
