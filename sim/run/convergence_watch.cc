#include "sim/run/convergence_watch.h"

#include <algorithm>
#include <variant>

namespace sim::run {
namespace {

bool ChangesTheNetwork(const scenario::Scenario& s) {
  return std::any_of(s.events.begin(), s.events.end(), [](const scenario::Event& e) {
    return std::holds_alternative<scenario::LinkAction>(e.action) ||
           std::holds_alternative<scenario::NodeAction>(e.action);
  });
}

// 1.5 x the interval, exactly (durations are whole nanoseconds).
core::Duration GapLimit(core::Duration interval) { return interval + interval / 2; }

}  // namespace

ConvergenceWatch::ConvergenceWatch(const scenario::Scenario& s, net::Network& network)
    : network_(network), armed_(ChangesTheNetwork(s)) {
  if (!armed_) return;
  for (const scenario::Event& e : s.events) {
    const auto* send = std::get_if<scenario::SendAction>(&e.action);
    if (send == nullptr || !send->rate || !send->to.address.is_multicast()) continue;
    const net::Node* node = network.FindNode(send->node);
    if (node == nullptr) continue;
    for (const auto& i : node->interfaces()) {
      if (!i->prefix()) continue;
      const std::pair key{i->address().value(), send->to.address.value()};
      auto [it, fresh] = intervals_.try_emplace(key, send->rate->interval);
      if (!fresh) it->second = std::min(it->second, send->rate->interval);
    }
  }
  for (const auto& n : network.nodes()) {
    auto* host = dynamic_cast<net::Host*>(n.get());
    if (host == nullptr) continue;
    host->AddReceptionObserver([this, host](const net::Reception& r) { OnReception(*host, r); });
  }
}

void ConvergenceWatch::OnReception(net::Host& host, const net::Reception& r) {
  if (!r.destination.is_multicast()) return;
  const Key key{host.id(), r.socket.name, r.destination.value(), r.source.value()};
  auto [it, fresh] = streams_.try_emplace(key);
  Stream& s = it->second;
  StreamGaps& g = s.gaps;
  if (fresh) {
    s.host = &host;
    g = StreamGaps{host.name(), r.socket.name, r.destination, r.source, 1, r.at, r.at,
                   core::Duration::Zero(), r.at, r.at, std::nullopt};
    const auto interval = intervals_.find({r.source.value(), r.destination.value()});
    s.interval = interval == intervals_.end() ? core::Duration::Zero() : interval->second;
    return;
  }
  const core::Duration gap = r.at - g.last;
  const core::Time from = g.last;
  ++g.datagrams;
  g.last = r.at;
  if (gap > g.longest_gap) {
    g.longest_gap = gap;
    g.gap_from = from;
    g.gap_to = r.at;
  }
  if (s.interval <= core::Duration::Zero() || gap <= GapLimit(s.interval)) return;
  if (!s.interrupted) s.interrupted_from = from;
  s.interrupted = true;
  host.Trace("receive.resumed", {{"socket", r.socket.name}, {"source", wire::ToString(r.source)},
                                 {"group", wire::ToString(r.destination)}, {"gap", core::ToString(gap)},
                                 {"from", core::ToString(from)}});
  CheckTreeComplete(s, r.at);
}

bool ConvergenceWatch::InGap(const Stream& s, core::Time now) const {
  if (s.interval <= core::Duration::Zero() || now - s.gaps.last <= GapLimit(s.interval)) return false;
  if (!s.host->powered()) return false;
  const bool open = std::any_of(s.host->sockets().begin(), s.host->sockets().end(),
                                [&s](const auto& socket) { return socket->name == s.gaps.socket; });
  const bool member = std::any_of(s.host->interfaces().begin(), s.host->interfaces().end(),
                                  [&s](const auto& i) { return s.host->IsMember(*i, s.gaps.group); });
  return open && member;
}

void ConvergenceWatch::CheckTreeComplete(const Stream& resumed, core::Time now) {
  const wire::Ipv4Address group = resumed.gaps.group, source = resumed.gaps.source;
  std::vector<Stream*> same;
  for (auto& [key, s] : streams_) {
    if (s.gaps.group != group || s.gaps.source != source) continue;
    if (InGap(s, now)) return;  // another receiver still waits
    same.push_back(&s);
  }
  // The interruption began at the earliest last delivery before a gap that has ended since.
  core::Time since = now;
  std::uint64_t resumed_count = 0;
  for (Stream* s : same) {
    if (!s->interrupted) continue;
    since = std::min(since, s->interrupted_from);
    ++resumed_count;
    s->interrupted = false;
  }
  network_.ctx().trace.OnEvent(net::TraceEvent{
      now, "", "tree.complete",
      {{"group", wire::ToString(group)}, {"source", wire::ToString(source)},
       {"receivers", static_cast<std::uint64_t>(same.size())}, {"resumed", resumed_count},
       {"since", core::ToString(since)}}});
}

std::vector<StreamGaps> ConvergenceWatch::Streams() const {
  // (source address, group) -> the source host's last datagram to the group.
  std::map<std::pair<std::uint32_t, std::uint32_t>, core::Time> last_sent;
  for (const auto& n : network_.nodes()) {
    const auto* host = dynamic_cast<const net::Host*>(n.get());
    if (host == nullptr) continue;
    for (const net::SendStream& sent : host->send_streams()) {
      for (const auto& i : host->interfaces()) {
        if (!i->prefix()) continue;
        auto [it, fresh] = last_sent.try_emplace({i->address().value(), sent.to.value()}, sent.last);
        if (!fresh) it->second = std::max(it->second, sent.last);
      }
    }
  }
  std::vector<StreamGaps> out;
  out.reserve(streams_.size());
  for (const auto& [key, s] : streams_) {
    out.push_back(s.gaps);
    if (auto it = last_sent.find({s.gaps.source.value(), s.gaps.group.value()}); it != last_sent.end()) {
      out.back().source_last = it->second;
    }
  }
  return out;
}

}  // namespace sim::run
