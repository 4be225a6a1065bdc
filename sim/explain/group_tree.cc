#include "sim/explain/group_tree.h"

#include <algorithm>
#include <map>
#include <optional>

#include "sim/wire/frame_decoder.h"

namespace sim::explain {
namespace {

constexpr std::int64_t kHopWindow = 1'000'000'000;

// One datagram of the group, as it appears in a frame: its source and IP identification, and
// whether it travels inside a Register.
struct Datagram {
  std::string source;
  std::uint16_t id = 0;
  bool registered = false;
};

std::optional<Datagram> FromPacket(wire::ByteSpan packet, const std::string& group, bool registered) {
  const auto ip = wire::ParseIpv4(packet);
  if (!ip || wire::ToString(ip->header.destination) != group) return std::nullopt;
  if (ip->header.protocol != 17) return std::nullopt;  // UDP: a report to the group is not data
  return Datagram{wire::ToString(ip->header.source), ip->header.identification, registered};
}

std::optional<Datagram> OfGroup(const LinkFrame& f, const std::string& group) {
  const auto decoded = wire::DecodeFrame(f.bytes);
  if (!decoded) return std::nullopt;
  const auto* ip = std::get_if<wire::DecodedIpv4>(&decoded->l3);
  if (ip == nullptr) return std::nullopt;
  if (const auto* pim = std::get_if<wire::PimMessage>(&ip->l4)) {
    const auto* reg = std::get_if<wire::PimRegister>(pim);
    if (reg == nullptr || reg->null_register) return std::nullopt;
    return FromPacket(reg->inner_packet, group, true);
  }
  if (wire::ToString(ip->header.destination) != group) return std::nullopt;
  const wire::ByteSpan frame(f.bytes);
  return FromPacket(frame.subspan(wire::kEthernetHeaderLen), group, false);
}

}  // namespace

GroupTree TreeAt(const RunFrames& frames, const std::string& group, std::int64_t at) {
  struct Seen {
    const LinkFrame* frame;
    Datagram d;
  };
  std::vector<Seen> seen;
  std::map<std::string, std::pair<std::uint16_t, std::int64_t>> last;  // source -> (id, sent)
  for (const LinkFrame& f : frames.frames) {
    if (f.t > at + kHopWindow) break;
    auto d = OfGroup(f, group);
    if (!d) continue;
    seen.push_back({&f, *d});
    // A datagram is sent when it first shows up; the last one sent by `at` wins.
    if (f.t <= at) {
      auto [it, added] = last.try_emplace(d->source, d->id, f.t);
      if (!added && it->second.first != d->id) it->second = {d->id, f.t};
    }
  }
  GroupTree tree;
  tree.uncaptured.insert(frames.uncaptured.begin(), frames.uncaptured.end());
  std::set<std::string> tree_links;
  for (const auto& [source, id_sent] : last) {
    SourceTree s{source, id_sent.second, {}};
    for (const Seen& x : seen) {
      if (x.d.source != source || x.d.id != id_sent.first || x.frame->t < s.sent ||
          x.frame->t > s.sent + kHopWindow) {
        continue;
      }
      const TreeHop hop{x.frame->link, x.frame->sender, x.d.registered};
      // Fragments of the datagram cross the same link: one hop.
      if (std::find(s.hops.begin(), s.hops.end(), hop) == s.hops.end()) s.hops.push_back(hop);
      tree_links.insert(x.frame->link);
      tree.forwarders.insert(x.frame->sender);
    }
    tree.sources.push_back(std::move(s));
  }
  for (const Seen& x : seen) {
    if (x.frame->t <= at && !tree_links.contains(x.frame->link)) tree.earlier_links.insert(x.frame->link);
  }
  return tree;
}

}  // namespace sim::explain
