// ICMP codec: echo and port-unreachable known bytes, exact emit, round trips, every rejection
// rule, and what MakePortUnreachable quotes.
#include "sim/wire/icmp.h"

#include <gtest/gtest.h>

#include "sim/wire/checksum.h"
#include "sim/wire/encode.h"
#include "sim/wire/ipv4.h"
#include "sim/wire/udp.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using testing_support::Hex;

const Bytes kData = Hex("6d 63 61 73 74 6c 61 62");  // "mcastlab"

// Echo request, id 0x1234, seq 1, data "mcastlab". Checksum: 0800+0000 (type 8, code 0,
// checksum as zero) + 1234+0001 + 6d63+6173+746c+6162 = 0x1bed9; folded 0xbed9 + 0x1 = 0xbeda;
// complemented 0x4125.
const Bytes kEchoRequest = Hex("08 00 41 25 12 34 00 01 6d 63 61 73 74 6c 61 62");
// The reply differs only in the type octet: 0x0800 less in the sum, so 0x4125 + 0x0800 = 0x4925.
const Bytes kEchoReply = Hex("00 00 49 25 12 34 00 01 6d 63 61 73 74 6c 61 62");

// 10.0.0.2 answers a UDP datagram 10.0.0.1:5000 > 10.0.0.2:5001 ("mcastlab", UDP checksum
// 0x2015) with type 3 code 3, quoting the 20-octet IP header (ID 0, TTL 64, checksum 0x66c7)
// and the first 8 octets of its payload, the UDP header.
// Checksum: 0303+0000+0000+0000 (type, code, checksum as zero, unused); the quoted IP header
// carries a valid checksum, so its ten words sum to 0xffff, which adds nothing in one's
// complement; the UDP header 1388+1389+0010+2015 = 0x4736. Total 0x0303 + 0x4736 = 0x4a39;
// complemented 0xb5c6.
const Bytes kOffendingHeader = Hex("45 00 00 24 00 00 00 00 40 11 66 c7 0a 00 00 01 0a 00 00 02");
const Bytes kOffendingUdpHeader = Hex("13 88 13 89 00 10 20 15");
const Bytes kPortUnreachable =
    Hex("03 03 b5 c6 00 00 00 00"
        " 45 00 00 24 00 00 00 00 40 11 66 c7 0a 00 00 01 0a 00 00 02"
        " 13 88 13 89 00 10 20 15");

const Ipv4Address kHostA(10, 0, 0, 1);
const Ipv4Address kHostB(10, 0, 0, 2);

Bytes Concat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Bytes Prefix(const Bytes& b, std::size_t n) {
  const ByteSpan first = ByteSpan(b).first(n);
  return Bytes(first.begin(), first.end());
}

IcmpMessage EchoRequest() { return IcmpEcho{false, 0x1234, 1, kData}; }
IcmpMessage EchoReply() { return IcmpEcho{true, 0x1234, 1, kData}; }
IcmpMessage PortUnreachable() {
  return IcmpDestUnreachable{kIcmpCodePortUnreachable,
                             Concat(kOffendingHeader, kOffendingUdpHeader)};
}

// The offending packet, built with the project's own IPv4 and UDP codecs.
Bytes OffendingPacket(bool router_alert) {
  Bytes udp(UdpLen(kData.size()));
  EmitUdp(UdpHeader{5000, 5001}, kData, kHostA, kHostB, udp);
  Ipv4Header h;
  h.protocol = kIpProtoUdp;
  h.source = kHostA;
  h.destination = kHostB;
  h.router_alert = router_alert;
  Bytes packet(Ipv4HeaderLen(h) + udp.size());
  EmitIpv4(h, udp, packet);
  return packet;
}

TEST(Icmp, DeconstructsCapturedBytes) {
  auto request = ParseIcmp(kEchoRequest);
  ASSERT_TRUE(request) << ToString(request.error());
  EXPECT_EQ(*request, EchoRequest());
  auto reply = ParseIcmp(kEchoReply);
  ASSERT_TRUE(reply) << ToString(reply.error());
  EXPECT_EQ(*reply, EchoReply());
  auto unreachable = ParseIcmp(kPortUnreachable);
  ASSERT_TRUE(unreachable) << ToString(unreachable.error());
  EXPECT_EQ(*unreachable, PortUnreachable());
}

TEST(Icmp, ConstructsExactBytes) {
  for (const auto& [message, expected] :
       {std::pair{EchoRequest(), kEchoRequest}, std::pair{EchoReply(), kEchoReply},
        std::pair{PortUnreachable(), kPortUnreachable}}) {
    Bytes out(BufferLen(message), 0xa5);
    Emit(message, out);
    EXPECT_EQ(out, expected) << ToString(message);
  }
}

TEST(Icmp, IgnoresUnusedWord) {
  // RFC 4884 puts a length in octet 5 and RFC 1191 an MTU in octets 6-7; neither is kept.
  Bytes bytes = kPortUnreachable;
  bytes[5] = 7;
  StoreU16(bytes, 6, 1500);
  StoreU16(bytes, icmp_field::kChecksum, 0);
  StoreU16(bytes, icmp_field::kChecksum, InternetChecksum(bytes));
  auto m = ParseIcmp(bytes);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(*m, PortUnreachable());
}

TEST(Icmp, FormatsOneLine) {
  EXPECT_EQ(ToString(EchoRequest()), "icmp echo request id 4660 seq 1 len 8");
  EXPECT_EQ(ToString(EchoReply()), "icmp echo reply id 4660 seq 1 len 8");
  EXPECT_EQ(ToString(PortUnreachable()), "icmp unreachable port quoted 28");
  EXPECT_EQ(ToString(IcmpMessage{IcmpDestUnreachable{13, {}}}),
            "icmp unreachable code 13 quoted 0");
}

class IcmpRoundTrip : public testing::TestWithParam<IcmpMessage> {};

TEST_P(IcmpRoundTrip, RoundTrips) {
  const Bytes out = Encode(GetParam());
  auto m = ParseIcmp(out);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(*m, GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Messages, IcmpRoundTrip,
    testing::Values(EchoRequest(), EchoReply(), PortUnreachable(), IcmpMessage{IcmpEcho{}},
                    IcmpMessage{IcmpEcho{true, 0xffff, 0xffff, Bytes(56, 0x01)}},
                    IcmpMessage{IcmpEcho{false, 1, 2, Hex("ab cd ef")}},  // odd length
                    IcmpMessage{IcmpDestUnreachable{0, {}}},
                    IcmpMessage{IcmpDestUnreachable{15, Bytes(548, 0x77)}}));

TEST(Icmp, RejectsTruncated) {
  // ICMP has no length field: the IP total length decides where it ends, so a cut message is
  // either shorter than the 8-octet header or fails its checksum.
  for (const Bytes& message : {kEchoRequest, kPortUnreachable}) {
    for (std::size_t n = 0; n < message.size(); ++n) {
      auto m = ParseIcmp(ByteSpan(message).first(n));
      ASSERT_FALSE(m) << "length " << n;
      const ParseError expected =
          n < kIcmpHeaderLen ? ParseError{ParseErrorCode::kTruncated, n, "icmp header"}
                             : ParseError{ParseErrorCode::kBadChecksum, 2, "icmp checksum"};
      EXPECT_EQ(m.error(), expected) << "length " << n;
    }
  }
}

TEST(Icmp, RejectsBadChecksum) {
  Bytes bytes = kEchoRequest;
  bytes[icmp_field::kChecksum] ^= 0x80;
  auto m = ParseIcmp(bytes);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadChecksum, 2, "icmp checksum"}));
  bytes = kPortUnreachable;
  bytes.back() ^= 0x01;  // the checksum covers the quoted bytes too
  EXPECT_FALSE(ParseIcmp(bytes));
}

// Sets one octet, then repairs the checksum so that only the field's rule can fail.
Bytes WithByte(Bytes bytes, std::size_t at, std::uint8_t value) {
  bytes[at] = value;
  StoreU16(bytes, icmp_field::kChecksum, 0);
  StoreU16(bytes, icmp_field::kChecksum, InternetChecksum(bytes));
  return bytes;
}

TEST(Icmp, RejectsUnsupportedTypes) {
  for (int type = 0; type <= 255; ++type) {
    if (type == 0 || type == 3 || type == 8) continue;
    auto m = ParseIcmp(WithByte(kEchoRequest, icmp_field::kType, static_cast<std::uint8_t>(type)));
    ASSERT_FALSE(m) << type;
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 0, "icmp type unsupported"}));
  }
}

TEST(Icmp, RejectsUnreachableCodeAbove15) {
  for (int code = 0; code <= 255; ++code) {
    auto m =
        ParseIcmp(WithByte(kPortUnreachable, icmp_field::kCode, static_cast<std::uint8_t>(code)));
    if (code <= 15) {
      ASSERT_TRUE(m) << code;
      EXPECT_EQ(std::get<IcmpDestUnreachable>(*m).code, code);
    } else {
      ASSERT_FALSE(m) << code;
      EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 1, "icmp unreachable code"}));
    }
  }
}

TEST(Icmp, RejectsEchoCodeOtherThanZero) {
  for (const Bytes& echo : {kEchoRequest, kEchoReply}) {
    auto m = ParseIcmp(WithByte(echo, icmp_field::kCode, 1));
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 1, "icmp echo code"}));
  }
}

TEST(Icmp, EmitThrowsIntoShortBuffer) {
  Bytes out(BufferLen(EchoRequest()) - 1);
  EXPECT_THROW(Emit(EchoRequest(), out), std::length_error);
}

TEST(MakePortUnreachable, QuotesHeaderAndEightOctets) {
  const Bytes packet = OffendingPacket(/*router_alert=*/false);
  ASSERT_EQ(packet, Concat(Concat(kOffendingHeader, kOffendingUdpHeader), kData));
  const IcmpDestUnreachable u = MakePortUnreachable(packet);
  EXPECT_EQ(u.code, kIcmpCodePortUnreachable);
  EXPECT_EQ(u.quoted, Concat(kOffendingHeader, kOffendingUdpHeader));  // 20 + 8 octets
  EXPECT_EQ(Encode(IcmpMessage{u}), kPortUnreachable);
}

TEST(MakePortUnreachable, QuotesRouterAlertHeaderAndEightOctets) {
  const Bytes packet = OffendingPacket(/*router_alert=*/true);
  ASSERT_EQ(packet[0], 0x46);  // IHL 6: 24-octet header with the option
  const IcmpDestUnreachable u = MakePortUnreachable(packet);
  ASSERT_EQ(u.quoted.size(), 24u + 8u);
  EXPECT_EQ(u.quoted, Prefix(packet, 32));
  EXPECT_EQ(Bytes(u.quoted.begin() + 20, u.quoted.begin() + 24), Hex("94 04 00 00"));
  EXPECT_EQ(Bytes(u.quoted.begin() + 24, u.quoted.end()), kOffendingUdpHeader);
}

TEST(MakePortUnreachable, QuotesUpToTotalLengthOnly) {
  Bytes padded = OffendingPacket(/*router_alert=*/false);
  const std::size_t packet_len = padded.size();
  padded.resize(packet_len + 10, 0);  // Ethernet padding is not part of the datagram
  // As Linux does: as much as fits in a 576-octet ICMP datagram, here the whole packet.
  const IcmpDestUnreachable u = MakePortUnreachable(padded, 576 - 20 - 8 - 20);
  EXPECT_EQ(u.quoted, Prefix(padded, packet_len));
  EXPECT_EQ(MakePortUnreachable(padded, 0).quoted, kOffendingHeader);
}

// Linux's answer fills a 576-octet datagram at most: 576 - 20 (IP) - 8 (ICMP) = 548 octets of
// quote, the offending header included, whatever its length.
TEST(MakePortUnreachable, UpTo576QuotesWholeDatagramsAndCuts548) {
  const Bytes small = OffendingPacket(/*router_alert=*/false);
  EXPECT_EQ(MakePortUnreachableUpTo576(small).quoted, small);  // 36 octets, all of it
  for (bool router_alert : {false, true}) {
    Ipv4Header h;
    h.protocol = kIpProtoUdp;
    h.source = kHostA;
    h.destination = kHostB;
    h.router_alert = router_alert;
    const Bytes payload(1000, 0x5a);
    Bytes big(Ipv4HeaderLen(h) + payload.size());
    EmitIpv4(h, payload, big);
    const IcmpDestUnreachable u = MakePortUnreachableUpTo576(big);
    EXPECT_EQ(u.quoted, Prefix(big, 548)) << router_alert;
    EXPECT_EQ(kIpv4MinHeaderLen + BufferLen(IcmpMessage{u}), 576u);
  }
  EXPECT_TRUE(MakePortUnreachableUpTo576(Bytes{}).quoted.empty());
}

TEST(MakePortUnreachable, NeverReadsPastAMalformedPacket) {
  const Bytes packet = OffendingPacket(/*router_alert=*/false);
  for (std::size_t n = 0; n <= packet.size(); ++n) {
    const Bytes cut = Prefix(packet, n);
    EXPECT_EQ(MakePortUnreachable(cut).quoted, Prefix(cut, std::min<std::size_t>(n, 28))) << n;
  }
  Bytes bad_ihl = packet;
  bad_ihl[0] = 0x4f;  // claims 60 octets of header
  EXPECT_EQ(MakePortUnreachable(bad_ihl).quoted, bad_ihl);
}

}  // namespace
}  // namespace sim::wire
