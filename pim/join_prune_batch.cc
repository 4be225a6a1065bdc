#include "pim/join_prune_batch.h"

#include <algorithm>

#include "pim/hello_options.h"

namespace pim {

using sim::wire::Ipv4Address;

JoinPruneBatch::JoinPruneBatch(sim::core::Scheduler& scheduler, sim::core::NodeId node, Sender sender)
    : scheduler_(scheduler), node_(node), sender_(std::move(sender)) {}

JoinPruneBatch::~JoinPruneBatch() { scheduler_.Cancel(flush_); }

void JoinPruneBatch::Add(std::uint32_t interface, Ipv4Address upstream, sim::core::Duration holdtime,
                         const JoinKey& key, Ipv4Address rp, bool join) {
  const auto source = key.source ? sim::wire::EncodedSource{*key.source}
                                 : sim::wire::EncodedSource{rp, 32, /*sparse=*/true, /*wildcard=*/true, /*rpt=*/true};
  AddSource(interface, upstream, holdtime, key.group, source, join);
}

void JoinPruneBatch::AddRpt(std::uint32_t interface, Ipv4Address upstream, sim::core::Duration holdtime,
                            const JoinKey& key, bool join) {
  if (!key.source) return;  // (S,G,rpt) needs a source
  const sim::wire::EncodedSource source{*key.source, 32, /*sparse=*/true, /*wildcard=*/false, /*rpt=*/true};
  AddSource(interface, upstream, holdtime, key.group, source, join);
}

void JoinPruneBatch::AddSource(std::uint32_t interface, Ipv4Address upstream, sim::core::Duration holdtime,
                               Ipv4Address group, const sim::wire::EncodedSource& source, bool join) {
  auto [it, fresh] = pending_.try_emplace({interface, upstream});
  sim::wire::PimJoinPrune& m = it->second;
  if (fresh) {
    m.upstream_neighbor = upstream;
    m.holdtime_s = HoldtimeOption(holdtime);
  }
  auto g = std::find_if(m.groups.begin(), m.groups.end(), [&](const auto& r) { return r.group.group == group; });
  if (g == m.groups.end()) {
    m.groups.push_back({sim::wire::EncodedGroup{group}, {}, {}});
    g = m.groups.end() - 1;
  }
  auto& list = join ? g->joins : g->prunes;
  if (std::find(list.begin(), list.end(), source) == list.end()) list.push_back(source);
  if (!scheduler_.IsPending(flush_)) {
    flush_ = scheduler_.ScheduleIn(sim::core::Duration::Zero(), node_, [this] { Flush(); });
  }
}

void JoinPruneBatch::Clear() {
  pending_.clear();
  scheduler_.Cancel(flush_);
}

void JoinPruneBatch::Flush() {
  auto pending = std::move(pending_);
  pending_.clear();
  for (auto& [where, message] : pending) {
    if (message.groups.size() <= 255) {  // as a rule: sent as it is, not copied
      sender_(where.first, message);
      continue;
    }
    // At most 255 groups a message (an 8-bit count): split longer lists.
    for (std::size_t at = 0; at < message.groups.size(); at += 255) {
      sim::wire::PimJoinPrune part = message;
      part.groups.assign(message.groups.begin() + static_cast<std::ptrdiff_t>(at),
                         message.groups.begin() + static_cast<std::ptrdiff_t>(std::min(at + 255, message.groups.size())));
      sender_(where.first, part);
    }
  }
}

}  // namespace pim
