// The whole simulated network: nodes, links, and the unicast routes between routers.
//
// Routes are recomputed whenever a link or a node changes state, as a converged IGP would
// leave them (no convergence delay is modelled).
#ifndef MCASTLAB_SIM_NET_NETWORK_H_
#define MCASTLAB_SIM_NET_NETWORK_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/net/host.h"
#include "sim/net/l2_switch.h"
#include "sim/net/link.h"
#include "sim/net/router.h"

namespace sim::net {

class Network {
 public:
  Network(core::Scheduler& scheduler, TraceSink& trace, std::uint64_t seed);
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  template <typename NodeType>
  NodeType& AddNode(std::string name) {
    auto node = std::make_unique<NodeType>(ctx_, static_cast<core::NodeId>(nodes_.size()), std::move(name));
    NodeType& ref = *node;
    node_by_name_.emplace(ref.name(), &ref);  // the name lives in the node, which never moves
    nodes_.push_back(std::move(node));
    return ref;
  }
  Link& AddLink(std::string name, core::Duration delay, std::uint64_t bandwidth_bps);

  Node* FindNode(std::string_view name) const;
  Link* FindLink(std::string_view name) const;
  const std::vector<std::unique_ptr<Node>>& nodes() const { return nodes_; }
  const std::vector<std::unique_ptr<Link>>& links() const { return links_; }

  void SetLinkUp(Link& link, bool up);
  void SetNodeUp(Node& node, bool up);
  void RecomputeRoutes();

  NetContext& ctx() { return ctx_; }
  core::Scheduler& scheduler() { return ctx_.scheduler; }

 private:
  // Layer-2 domain of each link: links joined by powered switches share one.
  std::vector<std::uint32_t> LinkSegments() const;

  NetContext ctx_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<Link>> links_;
  // Name lookups are hashed: timelines and loaders look nodes up by name at run time, and a
  // linear scan made loading 100,000 hosts quadratic.
  std::unordered_map<std::string_view, Node*> node_by_name_;
  std::unordered_map<std::string_view, Link*> link_by_name_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_NETWORK_H_
