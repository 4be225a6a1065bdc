// The pcap reader: what the writer wrote reads back frame for frame, the damage it meets is
// named with its offset, and no bytes at all (random, or a real file mutated and cut) crash it.
#include "sim/trace/pcap_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "sim/core/rng.h"
#include "sim/trace/pcap_writer.h"
#include "sim/wire/message_catalog.h"
#include "tests/support/hex.h"
#include "tests/support/temp_files.h"

namespace sim::trace {
namespace {

using testing_support::Hex;
using wire::Bytes;

constexpr int kRandomFiles = 5000;
constexpr int kMutations = 5000;

Bytes WrittenCatalog() {
  const auto path = testing_support::TempPath("reader-catalog.pcap");
  {
    PcapWriter w(path.string());
    std::int64_t t = 1'000'000'001;
    for (const auto& e : wire::MessageCatalog()) w.Write(core::Time::FromNanos(t += 1'000'000), e.frame);
    w.Close();
  }
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(PcapReader, ReadsBackWhatTheWriterWrote) {
  const PcapContents c = ParsePcap(WrittenCatalog());
  EXPECT_EQ(c.error, "");
  const auto catalog = wire::MessageCatalog();
  ASSERT_EQ(c.records.size(), catalog.size());
  for (std::size_t k = 0; k < catalog.size(); ++k) {
    EXPECT_EQ(c.records[k].frame, catalog[k].frame) << catalog[k].name;
    EXPECT_EQ(c.records[k].t, 1'000'000'001 + static_cast<std::int64_t>(k + 1) * 1'000'000);
  }
}

TEST(PcapReader, ReadsMicrosecondBigEndianFiles) {
  // Magic a1b2c3d4 big-endian, version 2.4, snaplen 65535, Ethernet; one record at 3.000007 s.
  const PcapContents c = ParsePcap(Hex("a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000001"
                                       "00000003 00000007 00000002 00000002 beef"));
  EXPECT_EQ(c.error, "");
  ASSERT_EQ(c.records.size(), 1u);
  EXPECT_EQ(c.records[0].t, 3'000'007'000);
  EXPECT_EQ(c.records[0].frame, Hex("beef"));
}

TEST(PcapReader, NamesWhatIsWrongAndWhere) {
  EXPECT_EQ(ParsePcap(Hex("d4c3b2a1")).error, "not a pcap file: shorter than its 24-byte header");
  EXPECT_EQ(ParsePcap(Hex("0a0d0d0a 00000000 00000000 00000000 00000000 00000000")).error,
            "not a classic pcap file (unknown magic number)");
  EXPECT_EQ(ParsePcap(Hex("4d3cb2a1 0200 0400 00000000 00000000 00000400 71000000")).error,
            "link type 113 is not Ethernet (1)");
  Bytes cut = WrittenCatalog();
  cut.resize(24 + 16 + 10);
  const PcapContents c = ParsePcap(cut);
  EXPECT_EQ(c.error, "cut short in a record at byte 40");
  EXPECT_TRUE(c.records.empty());
  cut.resize(24 + 5);
  EXPECT_EQ(ParsePcap(cut).error, "cut short in a record header at byte 24");
  Bytes huge = WrittenCatalog();
  huge[24 + 8 + 2] = 0x7f;  // the first record's captured length, little-endian: 0x7f00xx
  EXPECT_EQ(ParsePcap(huge).error.rfind("a record of ", 0), 0u) << ParsePcap(huge).error;
}

TEST(PcapReader, AFileThatCannotBeReadIsNamed) {
  const auto c = ReadPcapFile("/nonexistent/x.pcap");
  EXPECT_EQ(c.error, "/nonexistent/x.pcap: cannot be read");
}

TEST(PcapReader, NeverCrashesOnAnyBytes) {
  core::Rng rng(14, 1);
  for (int k = 0; k < kRandomFiles; ++k) {
    Bytes b(rng.UniformInt(0, 200));
    for (auto& x : b) x = static_cast<std::uint8_t>(rng.Next());
    if (b.size() >= 4 && k % 2 == 0) b[0] = 0x4d, b[1] = 0x3c, b[2] = 0xb2, b[3] = 0xa1;  // get past the magic
    (void)ParsePcap(b);
  }
  const Bytes good = WrittenCatalog();
  for (int k = 0; k < kMutations; ++k) {
    Bytes b = good;
    for (int m = 0; m < 4; ++m) b[rng.UniformInt(0, b.size() - 1)] = static_cast<std::uint8_t>(rng.Next());
    b.resize(rng.UniformInt(0, b.size()));
    const PcapContents c = ParsePcap(b);
    std::size_t bytes = 24;
    for (const PcapRecord& r : c.records) bytes += 16 + r.frame.size();
    EXPECT_LE(bytes, b.size() < 24 ? 24 : b.size());
  }
}

}  // namespace
}  // namespace sim::trace
