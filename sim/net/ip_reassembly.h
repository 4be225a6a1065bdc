// A receiving host's IPv4 reassembly (RFC 791 §3.2; RFC 1122 §3.3.2), with Linux's choices:
// fragments are queued per (source, destination, protocol, identification); a queue not
// complete 30 s after its first fragment is dropped (ipfrag_time); a fragment that overlaps
// one already queued, other than an exact duplicate, drops the whole queue (as Linux has done
// since 4.19); a fragment other than the last whose length is not a multiple of 8, or one
// reaching past 65535 bytes, is dropped.
#ifndef MCASTLAB_SIM_NET_IP_REASSEMBLY_H_
#define MCASTLAB_SIM_NET_IP_REASSEMBLY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>

#include "sim/core/time.h"
#include "sim/wire/bytes.h"
#include "sim/wire/ipv4.h"

namespace sim::net {

class Ipv4Reassembly {
 public:
  static constexpr core::Duration kTimeout = core::Seconds(30);  // Linux ipfrag_time

  // Queues `fragment` (whose bytes are `raw`); once every piece is in, returns the whole packet:
  // the first fragment's header with the offset and More Fragments cleared, the total length
  // and checksum rewritten, then the payload.
  std::optional<wire::Bytes> Add(const wire::Ipv4Packet& fragment, wire::ByteSpan raw, core::Time now);
  std::size_t queues() const { return queues_.size(); }

 private:
  using Key = std::tuple<wire::Ipv4Address, wire::Ipv4Address, std::uint8_t, std::uint16_t>;
  struct Queue {
    core::Time first;
    std::map<std::size_t, wire::Bytes> pieces;  // payload offset in bytes -> payload bytes
    std::optional<std::size_t> total;           // payload length, known from the last fragment
    wire::Bytes header;                         // the first fragment's header, once it came
  };
  static bool Complete(const Queue& q);
  static wire::Bytes Join(const Queue& q);

  std::map<Key, Queue> queues_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_IP_REASSEMBLY_H_
