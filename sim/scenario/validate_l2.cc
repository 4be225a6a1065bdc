// Layer-2 checks: loops through switches, and one subnet per layer-2 segment.
//
// The graph has a vertex per switch and per link, and an edge per switch port wired to a link.
// Hosts and routers end a segment, so they are not vertices. A cycle in that graph is a loop in
// which a flooded frame would circle forever, since mcastlab has no spanning tree. Edges are added
// in file order with a union-find; the edge whose two ends are already connected closes a cycle,
// and its link is where the loop is reported. A shared segment (one link, many ports) is a star,
// not a loop: three switches on one hub are fine, but two ports of one switch on one link are not.
#include <deque>
#include <numeric>

#include "sim/scenario/validate_internal.h"

namespace sim::scenario {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t Find(std::size_t v) {
    while (parent_[v] != v) {
      parent_[v] = parent_[parent_[v]];  // path halving
      v = parent_[v];
    }
    return v;
  }
  // False when a and b were already connected.
  bool Unite(std::size_t a, std::size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    parent_[b] = a;
    return true;
  }

 private:
  std::vector<std::size_t> parent_;
};

// Vertices: node i is i (only switches get edges), link k is nodes.size() + k.
class Layer2Graph {
 public:
  explicit Layer2Graph(const Scenario& s)
      : s_(s), sets_(s.nodes.size() + s.links.size()), adjacent_(s.nodes.size() + s.links.size()) {}

  std::size_t LinkVertex(std::size_t k) const { return s_.nodes.size() + k; }
  std::size_t Segment(std::size_t link) { return sets_.Find(LinkVertex(link)); }

  // Adds the edge, or returns the cycle it would close: "SW1 -> lan2 -> SW2 -> lan5 -> SW1".
  std::optional<std::string> Add(std::size_t node, std::size_t link) {
    const std::size_t lv = LinkVertex(link);
    if (sets_.Unite(node, lv)) {
      adjacent_[node].push_back(lv);
      adjacent_[lv].push_back(node);
      return std::nullopt;
    }
    std::string cycle;
    for (std::size_t v : PathBetween(node, lv)) cycle += Name(v) + " -> ";
    return cycle + Name(node);
  }

 private:
  std::string Name(std::size_t v) const {
    return v < s_.nodes.size() ? s_.nodes[v].name : s_.links[v - s_.nodes.size()].name;
  }

  // The vertices from `from` to `to` in the forest built so far (breadth-first, so the path is
  // the unique one of a tree).
  std::vector<std::size_t> PathBetween(std::size_t from, std::size_t to) const {
    std::vector<std::size_t> previous(adjacent_.size(), SIZE_MAX);
    std::deque<std::size_t> queue{from};
    previous[from] = from;
    while (!queue.empty() && previous[to] == SIZE_MAX) {
      const std::size_t v = queue.front();
      queue.pop_front();
      for (std::size_t w : adjacent_[v]) {
        if (previous[w] == SIZE_MAX) {
          previous[w] = v;
          queue.push_back(w);
        }
      }
    }
    std::vector<std::size_t> path;
    for (std::size_t v = to; v != from; v = previous[v]) path.insert(path.begin(), v);
    path.insert(path.begin(), from);
    return path;
  }

  const Scenario& s_;
  UnionFind sets_;
  std::vector<std::vector<std::size_t>> adjacent_;
};

// The host or router interface a wire ends at, if it is one.
const wire::Ipv4Prefix* AddressOf(const Scenario& s, const Wire& w) {
  const Node& n = s.nodes[w.node];
  if (const Host* h = n.host()) return &h->interfaces[w.interface].address;
  if (const Router* r = n.router()) return &r->interfaces[w.interface].address;
  return nullptr;
}

std::string WirePath(const Wire& w) {
  return "/links/" + std::to_string(w.link) + "/endpoints/" + std::to_string(w.endpoint);
}

std::string Label(const Scenario& s, const Wire& w, const wire::Ipv4Prefix& p) {
  return ToString(s.links[w.link].endpoints[w.endpoint]) + " (" + wire::ToString(p) + ")";
}

// Interfaces of one segment share one subnet (same network and length) and differ in address.
void CheckSubnets(Checker& c, Layer2Graph& graph) {
  const Scenario& s = c.scenario();
  std::map<std::size_t, const Wire*> first;  // per segment: the interface that set the subnet
  std::map<std::pair<std::size_t, std::uint32_t>, const Wire*> owner;
  for (const Wire& w : c.wires) {
    const wire::Ipv4Prefix* p = AddressOf(s, w);
    if (p == nullptr) continue;
    const std::size_t segment = graph.Segment(w.link);
    const auto [it, fresh] = first.emplace(segment, &w);
    const wire::Ipv4Prefix& ref = *AddressOf(s, *it->second);
    if (!fresh && (ref.network() != p->network() || ref.length() != p->length())) {
      c.Error(WirePath(w), Label(s, w, *p) + " is not in the subnet of " +
                               Label(s, *it->second, ref) + " on the same layer-2 segment");
      continue;
    }
    const auto [o, unique] = owner.emplace(std::make_pair(segment, p->address().value()), &w);
    if (!unique) {
      c.Error(WirePath(w), Label(s, w, *p) + " has the same address as " +
                               Label(s, *o->second, *AddressOf(s, *o->second)) +
                               " on the same layer-2 segment");
    }
  }
}

}  // namespace

void CheckLayer2(Checker& c) {
  const Scenario& s = c.scenario();
  Layer2Graph graph(s);
  std::size_t reported_link = SIZE_MAX;
  for (const Wire& w : c.wires) {
    if (s.nodes[w.node].type() != NodeType::kSwitch) continue;
    const auto cycle = graph.Add(w.node, w.link);
    if (cycle && reported_link != w.link) {  // one loop per link is enough to read
      c.Error("/links/" + std::to_string(w.link),
              "layer-2 loop: " + *cycle + " (mcastlab has no spanning tree)");
      reported_link = w.link;
    }
  }
  CheckSubnets(c, graph);
}

}  // namespace sim::scenario
