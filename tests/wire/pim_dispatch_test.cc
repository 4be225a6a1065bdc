// ParsePim's common-header rules (RFC 7761 §4.9), the checksum rule per type, and the variant
// helpers (TypeOf, BufferLen, Emit, Encode).
#include <gtest/gtest.h>

#include <vector>

#include "sim/wire/checksum.h"
#include "sim/wire/encode.h"
#include "sim/wire/pim.h"
#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using testing_support::Hex;

// A Hello with only a holdtime of 105; whole-message checksum recomputed after any change.
Bytes HelloWithFirstOctet(std::uint8_t version_type) {
  Bytes b = Hex("20 00 00 00 00 01 00 02 00 69");
  b[0] = version_type;
  StoreU16(b, pim_field::kChecksum, InternetChecksum(b));
  return b;
}

TEST(PimDispatch, RejectsShortHeader) {
  const Bytes hello = HelloWithFirstOctet(0x20);
  for (std::size_t n = 0; n < kPimHeaderLen; ++n) {
    auto m = ParsePim(ByteSpan(hello).first(n));
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kTruncated, n, "pim header"}));
  }
}

TEST(PimDispatch, RejectsVersionsOtherThanTwo) {
  for (int version = 0; version < 16; ++version) {
    if (version == kPimVersion) continue;
    auto m = ParsePim(HelloWithFirstOctet(static_cast<std::uint8_t>(version << 4)));
    ASSERT_FALSE(m) << version;
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadVersion, 0, "pim version"})) << version;
  }
}

TEST(PimDispatch, RejectsUnsupportedTypesWithoutCrashing) {
  // Bootstrap (4), Graft (6), Graft-Ack (7), C-RP-Adv (8), State Refresh (9) and the rest,
  // each with a valid checksum and a body that would not parse as anything we decode.
  for (int type : {4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}) {
    auto m = ParsePim(HelloWithFirstOctet(static_cast<std::uint8_t>(0x20 | type)));
    ASSERT_FALSE(m) << type;
    EXPECT_EQ(m.error(), (ParseError{ParseErrorCode::kBadValue, 0, "pim type unsupported"}))
        << type;
  }
  // A header alone, too.
  EXPECT_EQ(ParsePim(Hex("24 00 db ff")).error(),
            (ParseError{ParseErrorCode::kBadValue, 0, "pim type unsupported"}));
}

TEST(PimDispatch, ChecksumCoversWholeMessageExceptRegister) {
  Bytes hello = HelloWithFirstOctet(0x20);
  EXPECT_TRUE(PimChecksumOk(PimType::kHello, hello));
  hello.back() ^= 0x01;
  EXPECT_FALSE(PimChecksumOk(PimType::kHello, hello));

  // A Register: the stored checksum covers 8 bytes, so the rest may change freely.
  Bytes reg = Hex("21 00 00 00 00 00 00 00 45 00 00 14");
  StorePimChecksum(PimType::kRegister, reg);
  EXPECT_EQ(LoadU16(reg, pim_field::kChecksum), 0xdeff);  // ~(0x2100)
  EXPECT_TRUE(PimChecksumOk(PimType::kRegister, reg));
  reg.back() ^= 0xff;
  EXPECT_TRUE(PimChecksumOk(PimType::kRegister, reg));
  // The same bytes judged as a non-Register must cover everything.
  EXPECT_FALSE(PimChecksumOk(PimType::kHello, reg));
}

TEST(PimDispatch, TypeOfNamesEveryAlternative) {
  EXPECT_EQ(TypeOf(PimMessage(PimHello{})), PimType::kHello);
  EXPECT_EQ(TypeOf(PimMessage(PimRegister{})), PimType::kRegister);
  EXPECT_EQ(TypeOf(PimMessage(PimRegisterStop{})), PimType::kRegisterStop);
  EXPECT_EQ(TypeOf(PimMessage(PimJoinPrune{})), PimType::kJoinPrune);
  EXPECT_EQ(TypeOf(PimMessage(PimAssert{})), PimType::kAssert);
}

TEST(PimDispatch, EncodeWritesTheTypeNibble) {
  const PimMessage messages[] = {PimHello{}, PimRegisterStop{}, PimJoinPrune{}, PimAssert{}};
  for (const PimMessage& m : messages) {
    const Bytes bytes = Encode(m);
    ASSERT_EQ(bytes.size(), BufferLen(m));
    EXPECT_EQ(bytes[0], 0x20 | static_cast<int>(TypeOf(m)));
    EXPECT_EQ(bytes[pim_field::kReserved], 0);
    EXPECT_TRUE(PimChecksumOk(TypeOf(m), bytes));
  }
}

TEST(PimDispatch, IgnoresTheReservedOctet) {
  // RFC 7761 §4.9: reserved fields are "ignored upon receipt".
  Bytes hello = HelloWithFirstOctet(0x20);
  hello[pim_field::kReserved] = 0xff;
  StoreU16(hello, pim_field::kChecksum, 0);
  StoreU16(hello, pim_field::kChecksum, InternetChecksum(hello));
  auto m = ParsePim(hello);
  ASSERT_TRUE(m) << ToString(m.error());
  EXPECT_EQ(std::get<PimHello>(*m).holdtime_s, 105);
}

// One message of each kind, with enough structure that mutations reach every rule.
std::vector<PimMessage> SeedMessages() {
  PimHello hello;
  hello.holdtime_s = 105;
  hello.lan_prune_delay = PimLanPruneDelay{};
  hello.dr_priority = 1;
  hello.generation_id = 0x12345678;
  hello.other_options.push_back({24, Hex("01 00 0a 00 00 05")});
  PimJoinPrune jp;
  jp.upstream_neighbor = Ipv4Address(10, 0, 0, 2);
  PimJoinPruneGroup g;
  g.group = EncodedGroup{Ipv4Address(239, 1, 1, 1)};
  g.joins.push_back(EncodedSource{Ipv4Address(10, 0, 0, 9), 32, true, true, true});
  g.prunes.push_back(EncodedSource{Ipv4Address(10, 1, 1, 10), 32, true, false, true});
  jp.groups = {g, g};
  const Bytes inner =
      Hex("45 00 00 18 00 00 00 00 3f 11 00 00 0a 01 01 0a ef 01 01 01 de ad be ef");
  const Bytes dummy = Hex("45 00 00 14 00 00 00 00 3f 11 00 00 0a 01 01 0a ef 01 01 01");
  return {hello,
          jp,
          PimRegister{false, false, inner},
          PimRegister{true, true, dummy},
          PimRegisterStop{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address(10, 1, 1, 10)},
          PimAssert{EncodedGroup{Ipv4Address(239, 1, 1, 1)}, Ipv4Address(), true, 110, 20}};
}

// Every byte of every seed set to values that hit flag bits, counts and type nibbles, with the
// checksum repaired so that the structural rules are what decides. Parsing must never crash,
// and whatever parses must re-emit to bytes that parse to the same message.
TEST(PimDispatch, SeedsParse) {
  for (const PimMessage& seed : SeedMessages()) {
    auto m = ParsePim(Encode(seed));
    ASSERT_TRUE(m) << ToString(seed) << ": " << ToString(m.error());
    EXPECT_EQ(*m, seed);
  }
}

TEST(PimDispatch, MutatedMessagesParseOrFailCleanly) {
  const std::uint8_t values[] = {0x00, 0x01, 0x02, 0x06, 0x07, 0x14, 0x20,
                                 0x21, 0x25, 0x40, 0x7f, 0x80, 0xff};
  int parsed = 0;
  for (const PimMessage& seed : SeedMessages()) {
    const Bytes original = Encode(seed);
    for (std::size_t at = 0; at < original.size(); ++at) {
      if (at == pim_field::kChecksum || at == pim_field::kChecksum + 1) continue;
      for (std::uint8_t v : values) {
        Bytes bytes = original;
        bytes[at] = v;
        StorePimChecksum(static_cast<PimType>(bytes[0] & 0x0f), bytes);
        auto m = ParsePim(bytes);
        if (!m) {
          EXPECT_LE(m.error().offset, bytes.size());
          continue;
        }
        ++parsed;
        auto again = ParsePim(Encode(*m));
        ASSERT_TRUE(again) << ToString(*m) << ": " << ToString(again.error());
        EXPECT_EQ(*again, *m) << ToString(*m);
      }
    }
  }
  EXPECT_GT(parsed, 0);
}

}  // namespace
}  // namespace sim::wire
