// A frame on the wire: immutable bytes, encoded once and shared by every receiver.
//
// Every receiver decodes the same bytes itself. The things they would all compute alike at
// length, the IPv4 header and UDP checksums, are remembered once the first receiver has
// verified them: pure functions of bytes that never change, so no verdict can differ.
#ifndef MCASTLAB_SIM_NET_FRAME_H_
#define MCASTLAB_SIM_NET_FRAME_H_

#include <memory>

#include "sim/wire/bytes.h"

namespace sim::net {

class Frame {
 public:
  explicit Frame(wire::Bytes bytes) : bytes_(std::move(bytes)) {}
  const wire::Bytes& bytes() const { return bytes_; }
  std::size_t size() const { return bytes_.size(); }
  operator wire::ByteSpan() const { return bytes_; }  // NOLINT: frames are read as bytes

  bool ipv4_checksum_verified() const { return ipv4_checksum_verified_; }
  void mark_ipv4_checksum_verified() const { ipv4_checksum_verified_ = true; }
  bool udp_checksum_verified() const { return udp_checksum_verified_; }
  void mark_udp_checksum_verified() const { udp_checksum_verified_ = true; }

 private:
  wire::Bytes bytes_;
  mutable bool ipv4_checksum_verified_ = false;
  mutable bool udp_checksum_verified_ = false;
};

using FramePtr = std::shared_ptr<const Frame>;

inline FramePtr MakeFrame(wire::Bytes bytes) { return std::make_shared<const Frame>(std::move(bytes)); }

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_FRAME_H_
