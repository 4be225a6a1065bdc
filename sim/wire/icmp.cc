#include "sim/wire/icmp.h"

#include <algorithm>
#include <utility>

#include "sim/wire/checksum.h"
#include "sim/wire/ipv4.h"

namespace sim::wire {
namespace {

// RFC 792, Echo or Echo Reply Message: "Code 0". Identifier and sequence "may be zero".
Expected<IcmpMessage> ParseEcho(ByteSpan bytes, bool reply) {
  if (bytes[icmp_field::kCode] != 0) {
    return ParseError{ParseErrorCode::kBadValue, icmp_field::kCode, "icmp echo code"};
  }
  IcmpEcho e;
  e.reply = reply;
  e.identifier = LoadU16(bytes, icmp_field::kIdentifier);
  e.sequence = LoadU16(bytes, icmp_field::kSequence);
  const ByteSpan data = bytes.subspan(icmp_field::kData);
  e.data.assign(data.begin(), data.end());
  return IcmpMessage{std::move(e)};
}

// RFC 792 names codes 0..5 and calls the second word "unused"; RFC 4884 later put a length
// in it and RFC 1191 a next-hop MTU. Therefore: the word is ignored, and emitted as zero.
Expected<IcmpMessage> ParseDestUnreachable(ByteSpan bytes) {
  const std::uint8_t code = bytes[icmp_field::kCode];
  if (code > kIcmpMaxDestUnreachableCode) {
    return ParseError{ParseErrorCode::kBadValue, icmp_field::kCode, "icmp unreachable code"};
  }
  const ByteSpan quoted = bytes.subspan(icmp_field::kData);
  // Switched in place from a default (echo) message and filled field by field: moving a freshly
  // built unreachable variant makes GCC 12 warn, wrongly, that the echo fields may be used
  // uninitialized, and clang 14 cannot build an aggregate from parentheses inside emplace.
  IcmpMessage m;
  IcmpDestUnreachable& u = m.emplace<IcmpDestUnreachable>();
  u.code = code;
  u.quoted.assign(quoted.begin(), quoted.end());
  return m;
}

const char* UnreachableCodeName(std::uint8_t code) {
  switch (code) {
    case 0:
      return "net";
    case 1:
      return "host";
    case 2:
      return "protocol";
    case 3:
      return "port";
    case 4:
      return "frag-needed";
    case 5:
      return "source-route-failed";
    default:
      return nullptr;
  }
}

}  // namespace

Expected<IcmpMessage> ParseIcmp(ByteSpan bytes) {
  if (bytes.size() < kIcmpHeaderLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "icmp header"};
  }
  // RFC 792: "The checksum is the 16-bit ones's complement of the one's complement sum of the
  // ICMP message starting with the ICMP Type." The message runs to the end of the IP payload.
  if (!ChecksumVerifies(bytes)) {
    return ParseError{ParseErrorCode::kBadChecksum, icmp_field::kChecksum, "icmp checksum"};
  }
  switch (bytes[icmp_field::kType]) {
    case kIcmpTypeEchoReply:
      return ParseEcho(bytes, /*reply=*/true);
    case kIcmpTypeEchoRequest:
      return ParseEcho(bytes, /*reply=*/false);
    case kIcmpTypeDestUnreachable:
      return ParseDestUnreachable(bytes);
    default:
      return ParseError{ParseErrorCode::kBadValue, icmp_field::kType, "icmp type unsupported"};
  }
}

std::size_t BufferLen(const IcmpMessage& m) {
  if (const auto* e = std::get_if<IcmpEcho>(&m)) return kIcmpHeaderLen + e->data.size();
  return kIcmpHeaderLen + std::get<IcmpDestUnreachable>(m).quoted.size();
}

void Emit(const IcmpMessage& m, MutableByteSpan out) {
  ByteWriter w(out);
  if (const auto* e = std::get_if<IcmpEcho>(&m)) {
    w.U8(e->reply ? kIcmpTypeEchoReply : kIcmpTypeEchoRequest);
    w.U8(0);
    w.U16(0);  // checksum, filled in below
    w.U16(e->identifier);
    w.U16(e->sequence);
    w.Put(e->data);
  } else {
    const auto& u = std::get<IcmpDestUnreachable>(m);
    w.U8(kIcmpTypeDestUnreachable);
    w.U8(u.code);
    w.U16(0);  // checksum, filled in below
    w.U32(0);  // unused
    w.Put(u.quoted);
  }
  const std::size_t len = w.offset();
  StoreU16(out, icmp_field::kChecksum, InternetChecksum(out.first(len)));
}

std::string ToString(const IcmpMessage& m) {
  if (const auto* e = std::get_if<IcmpEcho>(&m)) {
    return std::string("icmp echo ") + (e->reply ? "reply" : "request") + " id " +
           std::to_string(e->identifier) + " seq " + std::to_string(e->sequence) + " len " +
           std::to_string(e->data.size());
  }
  const auto& u = std::get<IcmpDestUnreachable>(m);
  const char* name = UnreachableCodeName(u.code);
  std::string s = "icmp unreachable ";
  s += name != nullptr ? std::string(name) : "code " + std::to_string(u.code);
  return s + " quoted " + std::to_string(u.quoted.size());
}

IcmpDestUnreachable MakePortUnreachable(ByteSpan offending_ip_packet,
                                        std::size_t max_payload_bytes) {
  const ByteSpan p = offending_ip_packet;
  // The header length from IHL and the end from the total length, both clamped to the span,
  // so a short or inconsistent packet is quoted as far as it goes and never read past.
  std::size_t header_len = p.size();
  std::size_t end = p.size();
  if (p.size() >= kIpv4MinHeaderLen) {
    header_len = std::clamp<std::size_t>((p[ipv4_field::kVersionIhl] & 0x0f) * 4u,
                                         kIpv4MinHeaderLen, p.size());
    end = std::clamp<std::size_t>(LoadU16(p, ipv4_field::kTotalLength), header_len, p.size());
  }
  // RFC 792: "the internet header plus the first 64 bits of the original datagram's data".
  // RFC 1122 §3.2.2 lets a host send more than 8 octets, and RFC 1812 §4.3.2.3 asks routers
  // for as much as fits in 576 octets. Therefore: the caller picks the limit.
  const std::size_t quoted_len = header_len + std::min(max_payload_bytes, end - header_len);
  IcmpDestUnreachable u;
  u.code = kIcmpCodePortUnreachable;
  u.quoted.assign(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(quoted_len));
  return u;
}

IcmpDestUnreachable MakePortUnreachableUpTo576(ByteSpan offending_ip_packet) {
  constexpr std::size_t kRoom = kIcmpErrorMaxLen - kIpv4MinHeaderLen - kIcmpHeaderLen;
  const ByteSpan p = offending_ip_packet;
  const std::size_t header_len = p.empty() ? 0 : std::size_t{p[ipv4_field::kVersionIhl] & 0x0fu} * 4;
  return MakePortUnreachable(p, kRoom - std::min(kRoom, header_len));
}

}  // namespace sim::wire
