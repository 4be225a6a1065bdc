// Byte access for the codecs: big-endian reads and writes through shifts, bounds-checked.
//
// ByteReader never reads past its span: a read beyond the end returns 0, marks the reader
// failed and remembers the offset where data ran out, so a parser can read a whole header and
// check once. ByteWriter throws std::length_error when an emit overruns its buffer, which is a
// programming error (the caller sized the buffer with BufferLen).
#ifndef MCASTLAB_SIM_WIRE_BYTES_H_
#define MCASTLAB_SIM_WIRE_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <vector>

namespace sim::wire {

using ByteSpan = std::span<const std::uint8_t>;
using MutableByteSpan = std::span<std::uint8_t>;
using Bytes = std::vector<std::uint8_t>;

inline std::uint16_t LoadU16(ByteSpan b, std::size_t at) {
  return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
}
inline std::uint32_t LoadU32(ByteSpan b, std::size_t at) {
  return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) |
         (std::uint32_t{b[at + 2]} << 8) | std::uint32_t{b[at + 3]};
}
inline void StoreU16(MutableByteSpan b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v >> 8);
  b[at + 1] = static_cast<std::uint8_t>(v);
}
inline void StoreU32(MutableByteSpan b, std::size_t at, std::uint32_t v) {
  b[at] = static_cast<std::uint8_t>(v >> 24);
  b[at + 1] = static_cast<std::uint8_t>(v >> 16);
  b[at + 2] = static_cast<std::uint8_t>(v >> 8);
  b[at + 3] = static_cast<std::uint8_t>(v);
}

class ByteReader {
 public:
  explicit ByteReader(ByteSpan bytes, std::size_t base_offset = 0)
      : bytes_(bytes), base_(base_offset) {}

  std::uint8_t U8() { return Has(1) ? bytes_[pos_++] : Fail(); }
  std::uint16_t U16() {
    if (!Has(2)) return Fail();
    pos_ += 2;
    return LoadU16(bytes_, pos_ - 2);
  }
  std::uint32_t U32() {
    if (!Has(4)) return Fail();
    pos_ += 4;
    return LoadU32(bytes_, pos_ - 4);
  }
  // The next n bytes as a view; an empty view (and failure) when fewer are left.
  ByteSpan Take(std::size_t n) {
    if (!Has(n)) {
      Fail();
      return {};
    }
    pos_ += n;
    return bytes_.subspan(pos_ - n, n);
  }
  void Skip(std::size_t n) { Take(n); }
  ByteSpan Rest() { return Take(remaining()); }

  bool ok() const { return !failed_; }
  std::size_t remaining() const { return failed_ ? 0 : bytes_.size() - pos_; }
  // Offset of the next byte, counted from the start of the enclosing packet.
  std::size_t offset() const { return base_ + pos_; }
  // Where data ran out, when !ok().
  std::size_t failed_at() const { return base_ + fail_pos_; }

 private:
  bool Has(std::size_t n) const { return !failed_ && bytes_.size() - pos_ >= n; }
  std::uint8_t Fail() {
    if (!failed_) fail_pos_ = bytes_.size();
    failed_ = true;
    return 0;
  }
  ByteSpan bytes_;
  std::size_t base_;
  std::size_t pos_ = 0;
  std::size_t fail_pos_ = 0;
  bool failed_ = false;
};

class ByteWriter {
 public:
  explicit ByteWriter(MutableByteSpan out) : out_(out) {}

  void U8(std::uint8_t v) { out_[Reserve(1)] = v; }
  void U16(std::uint16_t v) { StoreU16(out_, Reserve(2), v); }
  void U32(std::uint32_t v) { StoreU32(out_, Reserve(4), v); }
  void Put(ByteSpan b) {
    const std::size_t at = Reserve(b.size());
    if (!b.empty()) std::memmove(out_.data() + at, b.data(), b.size());
  }
  void Zeros(std::size_t n) {
    const std::size_t at = Reserve(n);
    if (n != 0) std::memset(out_.data() + at, 0, n);
  }
  std::size_t offset() const { return pos_; }

 private:
  std::size_t Reserve(std::size_t n) {
    if (out_.size() - pos_ < n) throw std::length_error("emit overruns its buffer");
    pos_ += n;
    return pos_ - n;
  }
  MutableByteSpan out_;
  std::size_t pos_ = 0;
};

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_BYTES_H_
