#include "tools/graph_drawing.h"

#include <algorithm>
#include <map>
#include <set>

#include "sim/explain/explain_text.h"

namespace tools {
namespace {

namespace ex = sim::explain;

Shape ShapeOf(const std::string& type) {
  if (type == "router") return Shape::kRouter;
  if (type == "switch") return Shape::kSwitch;
  return Shape::kHost;
}

std::string LinkFigures(const ex::TopologyLink& l) {
  if (l.bandwidth.empty()) return "";
  return l.bandwidth + ", " + l.delay;
}

class Drawer {
 public:
  Drawer(const ex::RunRecord& r, const ex::Roles& roles, const GraphQuery& q, const ex::GroupTree* tree)
      : r_(r), roles_(roles), q_(q), tree_(tree) {}

  DrawnGraph Draw() {
    g_.title = Title();
    for (const ex::TopologyNode& n : r_.nodes) AddNode(n);
    for (const ex::TopologyLink& l : r_.links) AddLink(l);
    return std::move(g_);
  }

 private:
  std::string Title() const {
    std::string t = (r_.scenario.empty() ? std::string("run") : r_.scenario) + " at " + ex::Seconds(q_.at);
    if (!q_.group) return t;
    t += ": tree of " + *q_.group;
    if (tree_->sources.empty()) return t + " (no datagram of it sent by then)";
    std::string sent;
    for (const ex::SourceTree& s : tree_->sources) {
      sent += (sent.empty() ? "" : ", ") + s.source + " at " + ex::Seconds(s.sent);
    }
    return t + ", the last datagram from " + sent;
  }

  void AddNode(const ex::TopologyNode& n) {
    DrawnNode d{n.name, ShapeOf(n.type), {n.name}};
    std::vector<std::string> joined;
    for (const ex::TopologyInterface& i : n.interfaces) {
      const std::string key = n.name + ":" + i.name;
      std::string roles;
      if (roles_.querier.contains(key)) roles += "IGMP querier";
      if (roles_.dr.contains(key)) roles += std::string(roles.empty() ? "" : ", ") + "PIM DR";
      if (q_.group) {
        // The PIM Join state of the group's entries on this interface: the control plane's tree.
        for (const std::string& j : roles_.joins) {
          if (j.starts_with(key + " (") && j.ends_with("," + *q_.group + ")")) {
            roles += std::string(roles.empty() ? "" : ", ") + "Join " + j.substr(key.size() + 1);
          }
        }
        // A source pruned off the shared tree here (it comes down its SPT instead).
        for (const std::string& p : roles_.rpt_prunes) {
          if (p.starts_with(key + " (") && p.ends_with("," + *q_.group + ",rpt)")) {
            roles += std::string(roles.empty() ? "" : ", ") + "Prune " + p.substr(key.size() + 1);
          }
        }
      }
      if (!roles.empty()) d.lines.push_back(i.name + ": " + roles);
      if (q_.group && roles_.members.contains(key + " " + *q_.group)) d.member = true;
      for (const std::string& m : roles_.members) {
        if (m.starts_with(key + " ")) joined.push_back(m.substr(key.size() + 1));
      }
    }
    if (roles_.querier.contains(n.name)) d.lines.push_back("snooping querier");
    if (roles_.rp.contains(n.name)) {
      d.lines.push_back("RP");
      d.emphasized = true;
    }
    if (d.member) d.lines.push_back("member of " + *q_.group);
    if (!q_.group) {
      for (const std::string& g : joined) d.lines.push_back("joined " + g);
    }
    if (roles_.down_nodes.contains(n.name)) {
      d.lines.push_back("(powered off)");
      d.off = true;
    }
    index_[n.name] = g_.nodes.size();
    g_.nodes.push_back(std::move(d));
  }

  // The label of an interface at the end of a line: a router port says so.
  std::string End(const std::string& endpoint) const {
    return endpoint.substr(endpoint.find(':') + 1) + (roles_.router_ports.contains(endpoint) ? " (router port)" : "");
  }
  static std::string NodeOf(const std::string& endpoint) { return endpoint.substr(0, endpoint.find(':')); }

  // The senders of the tree's datagrams on `link`, and whether inside a Register.
  std::vector<ex::TreeHop> HopsOn(const std::string& link) const {
    std::vector<ex::TreeHop> out;
    if (tree_ == nullptr) return out;
    for (const ex::SourceTree& s : tree_->sources) {
      for (const ex::TreeHop& h : s.hops) {
        if (h.link == link && std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
      }
    }
    return out;
  }

  Line Base(const ex::TopologyLink& l) const {
    if (roles_.down_links.contains(l.name)) return Line::kDown;
    if (tree_ != nullptr && tree_->earlier_links.contains(l.name)) return Line::kPruned;
    return Line::kPlain;
  }

  bool Wants(const std::string& node) const {
    return g_.nodes[index_.at(node)].member || (tree_ != nullptr && tree_->forwarders.contains(node));
  }

  void Edge(std::size_t from, std::size_t to, std::vector<std::string> lines, std::string tail, std::string head,
            Line line, bool arrow) {
    g_.edges.push_back({from, to, std::move(lines), std::move(tail), std::move(head), line, arrow});
  }

  std::vector<std::string> LinkLines(const ex::TopologyLink& l) const {
    std::vector<std::string> lines{l.name};
    if (!LinkFigures(l).empty()) lines.push_back(LinkFigures(l));
    if (roles_.down_links.contains(l.name)) lines.push_back("(down)");
    if (tree_ != nullptr && tree_->earlier_links.contains(l.name)) lines.push_back("(carried it before)");
    if (tree_ != nullptr && tree_->uncaptured.contains(l.name)) lines.push_back("(not captured)");
    return lines;
  }

  void AddLink(const ex::TopologyLink& l) {
    if (l.endpoints.size() < 2) return;
    const auto hops = HopsOn(l.name);
    if (l.endpoints.size() == 2) {
      AddCable(l, hops);
      return;
    }
    const std::size_t seg = g_.nodes.size();
    g_.nodes.push_back({"link:" + l.name, Shape::kSegment, LinkLines(l)});
    for (const std::string& e : l.endpoints) {
      const std::size_t n = index_.at(NodeOf(e));
      const auto sent = std::find_if(hops.begin(), hops.end(), [&](const ex::TreeHop& h) { return h.from == NodeOf(e); });
      if (sent != hops.end()) {
        Edge(n, seg, {}, End(e), "", sent->registered ? Line::kRegister : Line::kTree, true);
      } else if (!hops.empty() && Wants(NodeOf(e))) {
        Edge(seg, n, {}, "", End(e), Line::kTree, true);
      } else {
        Edge(n, seg, {}, End(e), "", Base(l), false);
      }
    }
  }

  void AddCable(const ex::TopologyLink& l, const std::vector<ex::TreeHop>& hops) {
    const std::string& a = l.endpoints[0];
    const std::string& b = l.endpoints[1];
    if (hops.empty()) {
      Edge(index_.at(NodeOf(a)), index_.at(NodeOf(b)), LinkLines(l), End(a), End(b), Base(l), false);
      return;
    }
    for (const ex::TreeHop& h : hops) {
      const bool forward = h.from != NodeOf(b);
      const std::string& from = forward ? a : b;
      const std::string& to = forward ? b : a;
      auto lines = LinkLines(l);
      if (h.registered) lines.push_back("Register");
      Edge(index_.at(NodeOf(from)), index_.at(NodeOf(to)), lines, End(from), End(to),
           h.registered ? Line::kRegister : Line::kTree, true);
    }
  }

  const ex::RunRecord& r_;
  const ex::Roles& roles_;
  const GraphQuery& q_;
  const ex::GroupTree* tree_;
  DrawnGraph g_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace

DrawnGraph DrawGraph(const ex::RunRecord& r, const ex::Roles& roles, const GraphQuery& q, const ex::GroupTree* tree) {
  return Drawer(r, roles, q, tree).Draw();
}

}  // namespace tools
