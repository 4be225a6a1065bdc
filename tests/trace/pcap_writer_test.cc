// The pcap writer: exact file bytes (nanosecond magic, Ethernet link type, record headers) and
// clear errors for unwritable paths and full disks.
#include "sim/trace/pcap_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/hex.h"
#include "tests/support/temp_files.h"

namespace sim::trace {
namespace {

using testing_support::Hex;
using testing_support::ReadFileBytes;
using wire::Bytes;

using testing_support::TempPath;
TEST(PcapWriter, WritesNanosecondEthernetFile) {
  const auto path = TempPath("two-frames.pcap");
  PcapWriter w(path.string());
  w.Write(core::Time::FromNanos(1'500'000'001), Hex("01 02 03"));
  w.Write(core::Time::FromNanos(125'000'000'000), Hex("aa"));
  w.Close();
  EXPECT_EQ(w.frames_written(), 2u);
  EXPECT_EQ(w.bytes_written(), 24u + 16 + 3 + 16 + 1);
  // File header in host (little-endian) order: nanosecond magic a1b23c4d, version 2.4,
  // thiszone 0, sigfigs 0, snaplen 262144, link type 1 (Ethernet). Then each record:
  // seconds, nanoseconds, captured length, original length.
  EXPECT_EQ(ReadFileBytes(path), Hex("4d 3c b2 a1 02 00 04 00 00 00 00 00 00 00 00 00"
                                "00 00 04 00 01 00 00 00"
                                "01 00 00 00 01 65 cd 1d 03 00 00 00 03 00 00 00 01 02 03"
                                "7d 00 00 00 00 00 00 00 01 00 00 00 01 00 00 00 aa"));
}

TEST(PcapWriter, UnwritablePathIsAClearError) {
  try {
    PcapWriter w("/nonexistent-folder/x.pcap");
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_STREQ(e.what(), "cannot create /nonexistent-folder/x.pcap: No such file or directory");
  }
}

TEST(PcapWriter, FullDiskIsAClearErrorNotAShortFile) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  try {
    PcapWriter w("/dev/full");
    const Bytes frame(1500, 0);
    for (int i = 0; i < 10; ++i) w.Write(core::Time::FromNanos(i), frame);
    w.Close();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("/dev/full: No space left on device"), std::string::npos)
        << e.what();
  }
}

TEST(PcapWriter, WriteAfterCloseThrows) {
  PcapWriter w(TempPath("closed.pcap").string());
  w.Close();
  EXPECT_THROW(w.Write(core::Time::Start(), Hex("00")), OutputError);
  w.Close();  // closing twice is harmless
}

// The last instant a classic pcap record can stamp is 2^32 s - 1 ns; later is refused.
TEST(PcapWriter, TimestampsUpToTheLast32BitSecond) {
  const auto path = TempPath("last-second.pcap");
  PcapWriter w(path.string());
  const std::int64_t last = (std::int64_t{1} << 32) * 1'000'000'000 - 1;
  w.Write(core::Time::FromNanos(last), Hex("aa"));
  EXPECT_THROW(w.Write(core::Time::FromNanos(last + 1), Hex("aa")), OutputError);
  w.Close();
  const Bytes bytes = ReadFileBytes(path);
  ASSERT_EQ(bytes.size(), 24u + 16 + 1);
  // seconds ffffffff, nanoseconds 999999999 (3b9ac9ff).
  EXPECT_EQ(Bytes(bytes.begin() + 24, bytes.begin() + 32), Hex("ff ff ff ff ff c9 9a 3b"));
}

// Through a pool of one descriptor, three interleaved pcaps come out the same bytes as written
// directly. Frames larger than the stdio buffer go straight through, so the writers take the
// one descriptor in turns, each reopening its file in append mode.
TEST(PcapWriter, PooledWritersShareOneDescriptorAndWriteTheSameBytes) {
  FilePool pool(1);
  std::vector<std::unique_ptr<PcapWriter>> pooled, direct;
  for (int i = 0; i < 3; ++i) {
    pooled.push_back(std::make_unique<PcapWriter>(TempPath("pooled-" + std::to_string(i) + ".pcap").string(), pool, 64));
    direct.push_back(std::make_unique<PcapWriter>(TempPath("direct-" + std::to_string(i) + ".pcap").string()));
  }
  for (int k = 0; k < 50; ++k) {
    for (int i = 0; i < 3; ++i) {
      const Bytes frame(static_cast<std::size_t>(5000 + k), static_cast<std::uint8_t>(i));
      pooled[i]->Write(core::Time::FromNanos(k * 1000 + i), frame);
      direct[i]->Write(core::Time::FromNanos(k * 1000 + i), frame);
    }
  }
  for (int i = 0; i < 3; ++i) {
    pooled[i]->Close();
    direct[i]->Close();
    EXPECT_EQ(ReadFileBytes(TempPath("pooled-" + std::to_string(i) + ".pcap")),
              ReadFileBytes(TempPath("direct-" + std::to_string(i) + ".pcap")));
  }
  EXPECT_LE(pool.open_count(), 1u);
  EXPECT_GE(pool.reopens(), 50u);
}

TEST(PcapWriter, PooledFullDiskIsAClearError) {
  FilePool pool(1);
  PcapWriter w("/dev/full", pool, 64);
  try {
    for (int k = 0; k < 10; ++k) w.Write(core::Time::FromNanos(k), Bytes(100, 1));
    w.Close();
    FAIL() << "no error on a full disk";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("/dev/full"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("No space left on device"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sim::trace
