#include "sim/net/ip_reassembly.h"

#include <iterator>

#include "sim/wire/checksum.h"

namespace sim::net {

std::optional<wire::Bytes> Ipv4Reassembly::Add(const wire::Ipv4Packet& fragment, wire::ByteSpan raw,
                                               core::Time now) {
  std::erase_if(queues_, [&](const auto& q) { return now - q.second.first >= kTimeout; });
  const wire::Ipv4Header& h = fragment.header;
  const std::size_t offset = std::size_t{h.fragment_offset} * 8;
  const std::size_t len = fragment.payload.size();
  if ((h.more_fragments && len % 8 != 0) || fragment.header_len + offset + len > 0xffff) return std::nullopt;
  const Key key{h.source, h.destination, h.protocol, h.identification};
  Queue& q = queues_.try_emplace(key, Queue{now, {}, {}, {}}).first->second;
  // The pieces around the new one: an exact duplicate is ignored, any other overlap is an attack
  // or a corruption, and the whole datagram is given up.
  auto next = q.pieces.lower_bound(offset);
  if (next != q.pieces.end() && next->first == offset && next->second.size() == len) return std::nullopt;
  const bool overlaps_next = next != q.pieces.end() && next->first < offset + len;
  const bool overlaps_prev = next != q.pieces.begin() && std::prev(next)->first + std::prev(next)->second.size() > offset;
  const std::size_t end = offset + len;
  const std::size_t queued_end = q.pieces.empty() ? 0 : q.pieces.rbegin()->first + q.pieces.rbegin()->second.size();
  // Only the last fragment says where the datagram ends, and nothing may lie beyond it.
  const bool bad_end = h.more_fragments ? (q.total && end > *q.total) : ((q.total && *q.total != end) || queued_end > end);
  if (overlaps_next || overlaps_prev || bad_end) {
    queues_.erase(key);
    return std::nullopt;
  }
  q.pieces.emplace(offset, wire::Bytes(fragment.payload.begin(), fragment.payload.end()));
  if (!h.more_fragments) q.total = offset + len;
  if (offset == 0) q.header.assign(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(fragment.header_len));
  if (!Complete(q)) return std::nullopt;
  wire::Bytes whole = Join(q);
  queues_.erase(key);
  return whole;
}

bool Ipv4Reassembly::Complete(const Queue& q) {
  if (!q.total || q.header.empty()) return false;
  std::size_t end = 0;
  for (const auto& [offset, bytes] : q.pieces) {
    if (offset != end) return false;
    end += bytes.size();
  }
  return end == *q.total;
}

wire::Bytes Ipv4Reassembly::Join(const Queue& q) {
  wire::Bytes whole(q.header);
  for (const auto& [offset, bytes] : q.pieces) whole.insert(whole.end(), bytes.begin(), bytes.end());
  const std::uint16_t flags = wire::LoadU16(whole, wire::ipv4_field::kFlagsFragment);
  wire::StoreU16(whole, wire::ipv4_field::kFlagsFragment, static_cast<std::uint16_t>(flags & 0x4000));
  wire::StoreU16(whole, wire::ipv4_field::kTotalLength, static_cast<std::uint16_t>(whole.size()));
  wire::StoreU16(whole, wire::ipv4_field::kChecksum, 0);
  wire::StoreU16(whole, wire::ipv4_field::kChecksum, wire::InternetChecksum(wire::ByteSpan(whole).first(q.header.size())));
  return whole;
}

}  // namespace sim::net
