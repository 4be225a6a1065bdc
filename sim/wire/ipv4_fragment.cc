#include "sim/wire/ipv4_fragment.h"

#include <algorithm>
#include <stdexcept>

namespace sim::wire {

std::vector<Bytes> FragmentIpv4(const Ipv4Header& h, ByteSpan payload, std::size_t mtu) {
  const std::size_t header_len = Ipv4HeaderLen(h);
  std::vector<Bytes> out;
  if (header_len + payload.size() <= mtu) {
    Bytes whole(header_len + payload.size());
    EmitIpv4(h, payload, whole);
    out.push_back(std::move(whole));
    return out;
  }
  if (mtu < header_len + 8) throw std::invalid_argument("mtu too small to fragment");
  // Every fragment but the last carries a multiple of 8 bytes (the unit of Fragment Offset).
  const std::size_t step = (mtu - header_len) / 8 * 8;
  for (std::size_t at = 0; at < payload.size(); at += step) {
    const std::size_t len = std::min(step, payload.size() - at);
    Ipv4Header f = h;
    f.dont_fragment = false;
    f.fragment_offset = static_cast<std::uint16_t>(h.fragment_offset + at / 8);
    f.more_fragments = h.more_fragments || at + len < payload.size();
    Bytes packet(header_len + len);
    EmitIpv4(f, payload.subspan(at, len), packet);
    out.push_back(std::move(packet));
  }
  return out;
}

}  // namespace sim::wire
