// The formula is in the header. Segments are found with a union-find over links: two links are
// one segment when a switch has a port on each. Every union is made before any traffic is added,
// so a segment's figures are kept at its final root.
#include "sim/run/work_estimate.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <utility>
#include <vector>

#include "igmp/config.h"

namespace sim::run {
namespace {

using namespace scenario;  // NOLINT: the scenario structs

std::uint64_t SatAdd(std::uint64_t a, std::uint64_t b) {
  std::uint64_t r = 0;
  return __builtin_add_overflow(a, b, &r) ? UINT64_MAX : r;
}

std::uint64_t SatMul(std::uint64_t a, std::uint64_t b) {
  std::uint64_t r = 0;
  return __builtin_mul_overflow(a, b, &r) ? UINT64_MAX : r;
}

// Datagrams one send event makes, as timeline.cc schedules them.
std::uint64_t DatagramsOf(const SendAction& a, core::Duration at, core::Duration duration) {
  if (!a.rate || !a.until) return a.count;
  const core::Duration end = std::min(*a.until, duration);
  if (end < at) return 0;
  const std::int64_t interval = std::max<std::int64_t>(a.rate->interval.nanos(), 1);
  return static_cast<std::uint64_t>((end - at).nanos() / interval) + 1;
}

// Frames one datagram of `size` payload bytes makes: one, or its IP fragments (1480 bytes of
// each 1500-byte packet, net/host_io.cc).
std::uint64_t FramesOf(std::uint32_t size) {
  const std::uint64_t ip_payload = std::uint64_t{size} + 8;  // the UDP header
  return ip_payload + 20 <= 1500 ? 1 : (ip_payload + 1479) / 1480;
}

// IGMP traffic of one segment, gathered from the nodes and the timeline.
struct Segment {
  std::uint64_t endpoints = 0;
  std::uint64_t queries = 0;
  // Joined groups: one report per query each (IGMPv1/v2 suppression; IGMPv3 is refused at load).
  std::set<wire::Ipv4Address> groups;
  std::uint64_t state_changes = 0;  // unsolicited reports, leaves, group-specific queries
  std::uint64_t pim_messages = 0;   // Hellos and periodic Join/Prunes
  std::uint32_t last_member_query_count = 0;

  std::uint64_t ControlMessages() const {
    const std::uint64_t reports_per_query = groups.size();
    return SatAdd(SatAdd(SatAdd(queries, SatMul(queries, reports_per_query)), state_changes), pim_messages);
  }
};

class Estimator {
 public:
  explicit Estimator(const Scenario& s) : s_(s), parent_(s.links.size()) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    for (const Node& n : s.nodes) node_named_.emplace(n.name, &n);
    JoinLinksThroughSwitches();
    for (std::size_t l = 0; l < s.links.size(); ++l) {
      Of(l).endpoints += s.links[l].endpoints.size();
    }
    for (const Event& e : s.events) any_join_ = any_join_ || std::holds_alternative<JoinAction>(e.action);
    for (const Node& n : s.nodes) AddQueriers(n, /*restart=*/false);
  }

  void Add(const Event& e) {
    if (const auto* send = std::get_if<SendAction>(&e.action)) {
      const std::uint64_t datagrams = DatagramsOf(*send, e.at, s_.duration);
      AddSend(e, datagrams);
      frames_ = SatAdd(frames_, SatMul(datagrams, FramesOf(send->size)));
    } else if (const auto* join = std::get_if<JoinAction>(&e.action)) {
      AddJoin(*join);
    } else if (const auto* leave = std::get_if<LeaveAction>(&e.action)) {
      AddLeave(*leave);
    } else if (const auto* node = std::get_if<NodeAction>(&e.action)) {
      if (node->state == UpDown::kUp) AddQueriers(NodeNamed(node->node), /*restart=*/true);
    } else if (const auto* link = std::get_if<LinkAction>(&e.action)) {
      if (link->state == UpDown::kUp) AddLinkRestart(link->link);
    }
  }

  WorkEstimate Finish() {
    for (const Link& l : s_.links) w_.link_endpoints += l.endpoints.size();
    w_.datagram_deliveries = SatMul(frames_, w_.link_endpoints);
    for (std::size_t l = 0; l < parent_.size(); ++l) {
      if (Root(l) != l) continue;
      const Segment& seg = segments_[l];
      w_.control_messages = SatAdd(w_.control_messages, seg.ControlMessages());
      w_.control_deliveries = SatAdd(w_.control_deliveries, SatMul(seg.ControlMessages(), seg.endpoints));
    }
    w_.deliveries = SatAdd(w_.datagram_deliveries, w_.control_deliveries);
    w_.weighted_deliveries = SatAdd(w_.datagram_deliveries, SatMul(kControlCost, w_.control_deliveries));
    w_.duration = s_.duration;
    return w_;
  }

 private:
  std::size_t Root(std::size_t l) {
    while (parent_[l] != l) l = parent_[l] = parent_[parent_[l]];
    return l;
  }
  Segment& Of(std::size_t link) { return segments_[Root(link)]; }

  // The loader checked every name; FindNode would make large scenarios quadratic.
  const Node& NodeNamed(std::string_view name) const { return *node_named_.find(name)->second; }

  // The link an interface or port is cabled to, if any.
  std::optional<std::size_t> LinkOf(const std::string& node, const std::string& interface) const {
    const auto it = link_of_.find({node, interface});
    if (it == link_of_.end()) return std::nullopt;
    return it->second;
  }

  void JoinLinksThroughSwitches() {
    std::map<std::string, std::size_t> first_link_of_switch;
    for (std::size_t l = 0; l < s_.links.size(); ++l) {
      for (const Endpoint& e : s_.links[l].endpoints) {
        link_of_[{e.node, e.interface}] = l;
        if (NodeNamed(e.node).l2_switch() == nullptr) continue;
        const auto [it, first] = first_link_of_switch.try_emplace(e.node, l);
        if (!first) parent_[Root(l)] = Root(it->second);
      }
    }
  }

  // Queries of every querier of a node: from its start (restart false) or at a power-on.
  void AddQueriers(const Node& n, bool restart) {
    if (const Router* r = n.router()) {
      for (const RouterInterface& i : r->interfaces) {
        if (const auto l = LinkOf(n.name, i.name)) AddRouterInterface(*l, *r, i, restart);
      }
    } else if (const Switch* sw = n.l2_switch(); sw != nullptr && sw->igmp_snooping && sw->querier) {
      for (const std::string& port : sw->ports) {
        if (const auto l = LinkOf(n.name, port)) return AddQuerier(*l, sw->querier->igmp, restart);
      }
    }
  }

  void AddQuerier(std::size_t link, const igmp::RouterConfig& c, bool restart) {
    Segment& seg = Of(link);
    const std::uint64_t burst = c.startup_query_count;
    const std::int64_t interval = std::max<std::int64_t>(c.query_interval.nanos(), 1);
    const std::uint64_t periodic = restart ? 1 : static_cast<std::uint64_t>(s_.duration.nanos() / interval);
    seg.queries = SatAdd(seg.queries, SatAdd(burst, periodic));
    seg.last_member_query_count = std::max(seg.last_member_query_count, c.last_member_query_count);
  }

  // Periodic messages of `d` over the run, the first one included, or one burst at a restart.
  std::uint64_t Periodic(core::Duration d, bool restart) const {
    return restart ? 1 : static_cast<std::uint64_t>(s_.duration.nanos() / std::max<std::int64_t>(d.nanos(), 1)) + 1;
  }

  void AddRouterInterface(std::size_t link, const Router& r, const RouterInterface& i, bool restart) {
    AddQuerier(link, i.igmp, restart);
    if (!r.pim.enabled || !i.pim) return;
    Segment& seg = Of(link);
    seg.pim_messages = SatAdd(seg.pim_messages, Periodic(r.pim.hello_period, restart));
    if (any_join_) seg.pim_messages = SatAdd(seg.pim_messages, Periodic(r.pim.join_prune_period, restart));
  }

  void AddLinkRestart(const std::string& link_name) {
    for (const Endpoint& e : FindLink(s_, link_name)->endpoints) {
      const Router* r = NodeNamed(e.node).router();
      if (r == nullptr) continue;
      for (const RouterInterface& i : r->interfaces) {
        if (i.name == e.interface) AddRouterInterface(*LinkOf(e.node, e.interface), *r, i, /*restart=*/true);
      }
    }
  }

  void AddSend(const Event& e, std::uint64_t datagrams) {
    w_.datagrams = SatAdd(w_.datagrams, datagrams);
    if (datagrams > w_.busiest_send_datagrams) {
      w_.busiest_send = e.json_path;
      w_.busiest_send_datagrams = datagrams;
    }
  }

  // The host and the segment of the interface a membership is on (the first by default).
  std::pair<const Host*, Segment*> Membership(const std::string& node,
                                              const std::optional<std::string>& interface) {
    const Host* h = NodeNamed(node).host();
    if (h == nullptr || h->interfaces.empty()) return {nullptr, nullptr};
    const auto l = LinkOf(node, interface.value_or(h->interfaces.front().name));
    return {h, l ? &Of(*l) : nullptr};
  }

  void AddJoin(const JoinAction& a) {
    const auto [host, seg] = Membership(a.node, a.interface);
    if (seg == nullptr) return;
    seg->groups.insert(a.group);
    seg->state_changes = SatAdd(seg->state_changes, host->igmp.robustness);
  }

  void AddLeave(const LeaveAction& a) {
    const auto [host, seg] = Membership(a.node, std::nullopt);
    if (seg == nullptr) return;
    seg->state_changes =
        SatAdd(seg->state_changes, SatAdd(host->igmp.robustness, seg->last_member_query_count));
  }

  const Scenario& s_;
  std::uint64_t frames_ = 0;  // the datagrams' frames: a fragmented datagram makes several
  std::vector<std::size_t> parent_;  // union-find over link indices
  std::map<std::size_t, Segment> segments_;  // by root link
  std::map<std::pair<std::string, std::string>, std::size_t> link_of_;
  std::map<std::string_view, const Node*> node_named_;
  bool any_join_ = false;  // periodic Join/Prunes flow only where some host joins
  WorkEstimate w_;
};

}  // namespace

WorkEstimate EstimateWork(const Scenario& s) {
  Estimator e(s);
  for (const Event& event : s.events) e.Add(event);
  return e.Finish();
}

std::optional<std::string> RefuseLargeWork(const WorkEstimate& w, std::uint64_t max_deliveries) {
  if (w.weighted_deliveries <= max_deliveries) return std::nullopt;
  std::string cause;
  if (w.datagram_deliveries >= w.weighted_deliveries - w.datagram_deliveries) {
    cause = "most of it comes from " + w.busiest_send + " (" + std::to_string(w.busiest_send_datagrams) +
            " datagrams): lower its count or rate, or bring its until closer";
  } else {
    cause = "most of it is periodic IGMP and PIM traffic over the duration of " + core::ToString(w.duration) +
            ": shorten /duration";
  }
  return "too much work: about " + std::to_string(w.deliveries) + " frame receptions (" +
         std::to_string(w.datagrams) + " datagrams to " + std::to_string(w.link_endpoints) +
         " link endpoints, " + std::to_string(w.control_messages) + " IGMP and PIM messages), " +
         std::to_string(w.weighted_deliveries) + " when a control message reception counts " +
         std::to_string(kControlCost) + ", over the limit of " + std::to_string(max_deliveries) + "; " +
         cause + "; or pass --allow-large to run it anyway";
}

}  // namespace sim::run
