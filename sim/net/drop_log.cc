#include "sim/net/drop_log.h"

#include <algorithm>

namespace sim::net {

std::string_view ToString(DropReason r) {
  switch (r) {
    case DropReason::kNotJoined: return "not-joined";
    case DropReason::kNoSocket: return "no-socket";
    case DropReason::kOtherGroup: return "other-group";
    case DropReason::kOtherPeer: return "other-peer";
    case DropReason::kBadChecksum: return "bad-checksum";
    case DropReason::kSnoopingFiltered: return "snooping-filtered";
    case DropReason::kFloodedUnregistered: return "flooded-unregistered";
    case DropReason::kNoRoute: return "no-route";
    case DropReason::kNoMroute: return "no-mroute";
    case DropReason::kRpfFailure: return "rpf-failure";
    case DropReason::kTtlExpired: return "ttl-expired";
    case DropReason::kScope: return "scope";
    case DropReason::kQueueFull: return "queue-full";
    case DropReason::kLinkDown: return "link-down";
    case DropReason::kArpFailed: return "arp-failed";
    case DropReason::kCount: break;
  }
  return "?";
}

std::string_view DropEventKind(DropReason r) {
  switch (r) {
    case DropReason::kNotJoined:
    case DropReason::kNoSocket:
    case DropReason::kOtherGroup:
    case DropReason::kOtherPeer:
    case DropReason::kBadChecksum: return "udp.drop";
    case DropReason::kSnoopingFiltered:
    case DropReason::kFloodedUnregistered: return "snooping.drop";
    case DropReason::kNoRoute:
    case DropReason::kNoMroute:
    case DropReason::kRpfFailure:
    case DropReason::kTtlExpired:
    case DropReason::kScope: return "forward.drop";
    case DropReason::kQueueFull:
    case DropReason::kLinkDown:
    case DropReason::kArpFailed:
    case DropReason::kCount: break;
  }
  return "tx.drop";
}

void DropLog::Rearm() {
  for (auto& [key, record] : keys_) record.traced = false;
}

std::uint64_t DropLog::losses() const {
  std::uint64_t n = 0;
  for (std::size_t r = 0; r < kDropReasonCount; ++r) {
    if (IsLoss(static_cast<DropReason>(r))) n += by_reason_[r];
  }
  return n;
}

std::vector<std::pair<DropKey, const DropRecord*>> DropLog::SortedKeys() const {
  std::vector<std::pair<DropKey, const DropRecord*>> out;
  out.reserve(keys_.size());
  for (const auto& [key, record] : keys_) out.emplace_back(key, &record);
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  return out;
}

const DropRecord* DropLog::Record(const DropKey& key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

void DropLog::Find(const DropKey& key, core::Time now) {
  auto [it, added] = keys_.try_emplace(key);
  if (added) it->second.first = now;
  last_ = &it->second;
  last_key_ = key;
}

}  // namespace sim::net
