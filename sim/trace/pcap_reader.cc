#include "sim/trace/pcap_reader.h"

#include <fstream>
#include <iterator>

namespace sim::trace {
namespace {

constexpr std::size_t kFileHeaderLen = 24;
constexpr std::size_t kRecordHeaderLen = 16;
// Larger than any frame a run writes; a bigger length means damage, not a jumbo frame.
constexpr std::uint32_t kMaxRecordLen = 262144;
constexpr std::uint32_t kLinkTypeEthernet = 1;

struct Format {
  bool swapped = false;  // the file's byte order is not little-endian
  std::int64_t fraction_ns = 1000;  // nanoseconds per unit of the timestamp's fraction
};

std::uint32_t Load(wire::ByteSpan b, std::size_t at, bool big_endian) {
  return big_endian ? wire::LoadU32(b, at)
                    : (std::uint32_t{b[at + 3]} << 24) | (std::uint32_t{b[at + 2]} << 16) |
                          (std::uint32_t{b[at + 1]} << 8) | std::uint32_t{b[at]};
}

std::string At(std::size_t offset) { return " at byte " + std::to_string(offset); }

}  // namespace

PcapContents ParsePcap(wire::ByteSpan bytes) {
  PcapContents out;
  if (bytes.size() < kFileHeaderLen) {
    out.error = "not a pcap file: shorter than its 24-byte header";
    return out;
  }
  Format f;
  const std::uint32_t magic = Load(bytes, 0, false);
  if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
    f.swapped = false;
  } else if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
    f.swapped = true;
  } else {
    out.error = "not a classic pcap file (unknown magic number)";
    return out;
  }
  if (Load(bytes, 0, f.swapped) == 0xa1b23c4d) f.fraction_ns = 1;
  const std::uint32_t link_type = Load(bytes, 20, f.swapped);
  if (link_type != kLinkTypeEthernet) {
    out.error = "link type " + std::to_string(link_type) + " is not Ethernet (1)";
    return out;
  }
  std::size_t at = kFileHeaderLen;
  while (at < bytes.size()) {
    if (bytes.size() - at < kRecordHeaderLen) {
      out.error = "cut short in a record header" + At(at);
      return out;
    }
    const std::int64_t seconds = Load(bytes, at, f.swapped);
    const std::int64_t fraction = Load(bytes, at + 4, f.swapped);
    const std::uint32_t captured = Load(bytes, at + 8, f.swapped);
    if (fraction * f.fraction_ns >= 1'000'000'000) {
      out.error = "a timestamp fraction above one second" + At(at + 4);
      return out;
    }
    if (captured > kMaxRecordLen) {
      out.error = "a record of " + std::to_string(captured) + " bytes" + At(at + 8);
      return out;
    }
    at += kRecordHeaderLen;
    if (bytes.size() - at < captured) {
      out.error = "cut short in a record" + At(at);
      return out;
    }
    const auto frame = bytes.subspan(at, captured);
    out.records.push_back({seconds * 1'000'000'000 + fraction * f.fraction_ns, {frame.begin(), frame.end()}});
    at += captured;
  }
  return out;
}

PcapContents ReadPcapFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{}, path.string() + ": cannot be read"};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  PcapContents c = ParsePcap(wire::ByteSpan(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  if (!c.error.empty()) c.error = path.string() + ": " + c.error;
  return c;
}

}  // namespace sim::trace
