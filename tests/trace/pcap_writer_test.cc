// The pcap writer: exact file bytes (nanosecond magic, Ethernet link type, record headers) and
// clear errors for unwritable paths and full disks.
#include "sim/trace/pcap_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/support/hex.h"

namespace sim::trace {
namespace {

using testing_support::Hex;
using wire::Bytes;

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::path(testing::TempDir()) / name;
}

Bytes ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

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
  EXPECT_EQ(ReadFile(path), Hex("4d 3c b2 a1 02 00 04 00 00 00 00 00 00 00 00 00"
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

}  // namespace
}  // namespace sim::trace
