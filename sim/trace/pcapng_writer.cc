#include "sim/trace/pcapng_writer.h"

#include <cerrno>
#include <cstring>
#include <string_view>

namespace sim::trace {
namespace {

// Block types and option codes of the pcapng format (IETF draft-ietf-opsawg-pcapng).
constexpr std::uint32_t kSectionHeaderBlock = 0x0A0D0D0A;
constexpr std::uint32_t kInterfaceDescriptionBlock = 0x00000001;
constexpr std::uint32_t kEnhancedPacketBlock = 0x00000006;
constexpr std::uint32_t kByteOrderMagic = 0x1A2B3C4D;
constexpr std::uint16_t kLinkTypeEthernet = 1;
constexpr std::uint32_t kSnapLen = 262144;  // as the per-link pcaps
constexpr std::uint16_t kOptEnd = 0;
constexpr std::uint16_t kOptShbUserAppl = 4;
constexpr std::uint16_t kOptIfName = 2;
constexpr std::uint16_t kOptIfDescription = 3;
constexpr std::uint16_t kOptIfTsResol = 9;
constexpr std::uint8_t kNanoseconds = 9;  // if_tsresol: 10^-9 s per tick
constexpr std::size_t kBufferBytes = 1 << 20;

void PutU16(std::vector<std::uint8_t>& b, std::uint16_t v) {
  b.push_back(static_cast<std::uint8_t>(v));
  b.push_back(static_cast<std::uint8_t>(v >> 8));
}
void PutU32(std::vector<std::uint8_t>& b, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) b.push_back(static_cast<std::uint8_t>(v >> shift));
}
void PadTo4(std::vector<std::uint8_t>& b) {
  while (b.size() % 4 != 0) b.push_back(0);
}
void PutOption(std::vector<std::uint8_t>& b, std::uint16_t code, std::string_view value) {
  PutU16(b, code);
  PutU16(b, static_cast<std::uint16_t>(value.size()));
  b.insert(b.end(), value.begin(), value.end());
  PadTo4(b);
}
// Starts a block: type and a length placeholder that Finish fills in.
void Begin(std::vector<std::uint8_t>& b, std::uint32_t type) {
  b.clear();
  PutU32(b, type);
  PutU32(b, 0);
}
// The total length appears twice, after the type and at the very end, so readers can go back.
void Finish(std::vector<std::uint8_t>& b) {
  const auto total = static_cast<std::uint32_t>(b.size() + 4);
  PutU32(b, total);
  for (int i = 0; i < 4; ++i) b[4 + i] = static_cast<std::uint8_t>(total >> (8 * i));
}
// Option values longer than 16 bits of length cannot be written; names never come near that.
std::string_view Capped(const std::string& s) { return std::string_view(s).substr(0, 0xFFFF); }

}  // namespace

PcapngWriter::PcapngWriter(std::string path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) Fail("cannot create", errno);
  std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
  std::vector<std::uint8_t> b;
  Begin(b, kSectionHeaderBlock);
  PutU32(b, kByteOrderMagic);
  PutU16(b, 1);  // major version
  PutU16(b, 0);  // minor version
  PutU32(b, 0xFFFFFFFF);  // section length: not given (64 bits of -1)
  PutU32(b, 0xFFFFFFFF);
  PutOption(b, kOptShbUserAppl, "mcastlab");
  PutOption(b, kOptEnd, "");
  Finish(b);
  Emit(b);
}

PcapngWriter::~PcapngWriter() {
  if (file_ != nullptr) std::fclose(file_);  // Close() reports errors; a destructor cannot
}

std::uint32_t PcapngWriter::AddInterface(const std::string& name, const std::string& description) {
  if (frames_ != 0) throw OutputError(path_ + ": interface added after the first frame");
  std::vector<std::uint8_t> b;
  Begin(b, kInterfaceDescriptionBlock);
  PutU16(b, kLinkTypeEthernet);
  PutU16(b, 0);  // reserved
  PutU32(b, kSnapLen);
  PutOption(b, kOptIfName, Capped(name));
  if (!description.empty()) PutOption(b, kOptIfDescription, Capped(description));
  PutOption(b, kOptIfTsResol, std::string_view(reinterpret_cast<const char*>(&kNanoseconds), 1));
  PutOption(b, kOptEnd, "");
  Finish(b);
  Emit(b);
  return interfaces_++;
}

void PcapngWriter::Write(std::uint32_t interface_id, core::Time at, wire::ByteSpan frame) {
  if (file_ == nullptr) throw OutputError(path_ + ": write after close");
  if (interface_id >= interfaces_) throw OutputError(path_ + ": no such interface");
  const auto ticks = static_cast<std::uint64_t>(at.nanos());
  Begin(block_, kEnhancedPacketBlock);
  PutU32(block_, interface_id);
  PutU32(block_, static_cast<std::uint32_t>(ticks >> 32));
  PutU32(block_, static_cast<std::uint32_t>(ticks));
  PutU32(block_, static_cast<std::uint32_t>(frame.size()));  // captured length
  PutU32(block_, static_cast<std::uint32_t>(frame.size()));  // original length
  block_.insert(block_.end(), frame.begin(), frame.end());
  PadTo4(block_);
  Finish(block_);
  Emit(block_);
  ++frames_;
}

void PcapngWriter::Close() {
  if (file_ == nullptr) return;
  const bool flushed = std::fflush(file_) == 0 && std::ferror(file_) == 0;
  const int err = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) Fail("cannot finish writing", flushed ? errno : err);
}

void PcapngWriter::Emit(const std::vector<std::uint8_t>& block) {
  if (std::fwrite(block.data(), 1, block.size(), file_) != block.size()) Fail("cannot write", errno);
}

void PcapngWriter::Fail(const char* doing, int err) {
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  throw OutputError(std::string(doing) + " " + path_ + ": " + std::strerror(err));
}

}  // namespace sim::trace
