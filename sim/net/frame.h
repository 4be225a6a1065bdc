// A frame on the wire: immutable bytes, encoded once and shared by every receiver.
//
// Every receiver of a shared frame would decode the same bytes to the same headers, so the
// decoding is done by the first one to ask and remembered: Ethernet, IPv4 (header checksum
// verified) and UDP (checksum verified). These are pure functions of bytes that never change,
// so no receiver's verdict can differ from decoding the bytes itself; on a segment of a
// hundred hosts it saves ninety-nine decodings of each frame.
#ifndef MCASTLAB_SIM_NET_FRAME_H_
#define MCASTLAB_SIM_NET_FRAME_H_

#include <cstdint>
#include <memory>

#include "sim/wire/bytes.h"
#include "sim/wire/ethernet.h"
#include "sim/wire/ipv4.h"
#include "sim/wire/udp.h"

namespace sim::net {

class Frame {
 public:
  explicit Frame(wire::Bytes bytes) : bytes_(std::move(bytes)) {}
  // The decoded views point into bytes_: a copy would point into the original.
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;

  const wire::Bytes& bytes() const { return bytes_; }
  std::size_t size() const { return bytes_.size(); }
  operator wire::ByteSpan() const { return bytes_; }  // NOLINT: frames are read as bytes

  // The Ethernet header and payload, or null when the bytes are not a valid frame.
  const wire::EthernetFrame* ethernet() const {
    if (ethernet_state_ == Decoded::kNotYet) DecodeEthernet();
    return ethernet_state_ == Decoded::kValid ? &ethernet_ : nullptr;
  }
  // The IPv4 packet carried, or null when it is not IPv4 or fails to parse (checksum included).
  const wire::Ipv4Packet* ipv4() const {
    if (ipv4_state_ == Decoded::kNotYet) DecodeIpv4();
    return ipv4_state_ == Decoded::kValid ? &ipv4_ : nullptr;
  }
  // The UDP datagram in that packet, or null when it is not UDP or fails to parse.
  const wire::UdpDatagram* udp() const {
    if (udp_state_ == Decoded::kNotYet) DecodeUdp();
    return udp_state_ == Decoded::kValid ? &udp_ : nullptr;
  }

 private:
  enum class Decoded : std::uint8_t { kNotYet, kValid, kInvalid };

  void DecodeEthernet() const;
  void DecodeIpv4() const;
  void DecodeUdp() const;

  wire::Bytes bytes_;
  mutable Decoded ethernet_state_ = Decoded::kNotYet;
  mutable Decoded ipv4_state_ = Decoded::kNotYet;
  mutable Decoded udp_state_ = Decoded::kNotYet;
  mutable wire::EthernetFrame ethernet_;
  mutable wire::Ipv4Packet ipv4_;
  mutable wire::UdpDatagram udp_;
};

using FramePtr = std::shared_ptr<const Frame>;

inline FramePtr MakeFrame(wire::Bytes bytes) { return std::make_shared<const Frame>(std::move(bytes)); }

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_FRAME_H_
