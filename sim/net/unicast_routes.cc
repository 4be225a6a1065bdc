#include "sim/net/unicast_routes.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/visitors.hpp>

#include <limits>
#include <map>
#include <tuple>

namespace sim::net {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, std::uint64_t,
                                                    boost::property<boost::edge_index_t, std::size_t>>>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// What a graph edge means: leave through `from_port`, reach the neighbour at `to_port`.
struct Adjacency {
  const RoutingPort* from_port;
  const RoutingPort* to_port;
};

constexpr std::uint64_t kUnreachable = std::numeric_limits<std::uint64_t>::max();

Graph BuildGraph(std::uint32_t router_count, const std::vector<RoutingPort>& ports,
                 std::vector<Adjacency>& adjacencies) {
  Graph g(router_count);
  std::map<std::uint32_t, std::vector<const RoutingPort*>> by_segment;
  for (const RoutingPort& p : ports) by_segment[p.segment].push_back(&p);
  for (const auto& [segment, members] : by_segment) {
    for (const RoutingPort* a : members) {
      for (const RoutingPort* b : members) {
        if (a->router == b->router) continue;
        boost::add_edge(a->router, b->router, {a->cost, adjacencies.size()}, g);
        adjacencies.push_back({a, b});
      }
    }
  }
  return g;
}

}  // namespace

std::vector<std::vector<Route>> ComputeUnicastRoutes(std::uint32_t router_count,
                                                     const std::vector<RoutingPort>& ports) {
  std::vector<Adjacency> adjacencies;
  const Graph g = BuildGraph(router_count, ports, adjacencies);
  const auto edge_index = boost::get(boost::edge_index, g);
  std::vector<std::vector<Route>> tables(router_count);

  for (std::uint32_t x = 0; x < router_count; ++x) {
    std::vector<std::uint64_t> dist(router_count, kUnreachable);
    std::vector<Edge> via(router_count);
    boost::dijkstra_shortest_paths(
        g, x,
        boost::distance_map(dist.data())
            .distance_inf(kUnreachable)
            .visitor(boost::make_dijkstra_visitor(boost::record_edge_predecessors(via.data(), boost::on_edge_relaxed()))));
    // Best route per subnet: (metric, next hop, out interface) compared as a tuple.
    std::map<wire::Ipv4Prefix, Route> best;
    auto offer = [&best](Route r) {
      auto [it, fresh] = best.try_emplace(r.destination, r);
      if (!fresh && std::make_tuple(r.metric, r.next_hop, r.out_interface) <
                        std::make_tuple(it->second.metric, it->second.next_hop, it->second.out_interface)) {
        it->second = r;
      }
    };
    for (const RoutingPort& p : ports) {
      const wire::Ipv4Prefix subnet(p.prefix.network(), p.prefix.length());
      if (p.router == x) {
        offer(Route{subnet, p.interface, wire::Ipv4Address(), 0});
        continue;
      }
      if (dist[p.router] == kUnreachable) continue;
      // Walk back to the edge that leaves x: it names the interface and the next hop.
      std::uint32_t v = p.router;
      const Adjacency* first = nullptr;
      while (v != x) {
        const Adjacency& a = adjacencies[edge_index[via[v]]];
        first = &a;
        v = a.from_port->router;
      }
      offer(Route{subnet, first->from_port->interface, first->to_port->prefix.address(),
                  static_cast<std::uint32_t>(dist[p.router] + p.cost)});
    }
    for (auto& [prefix, route] : best) tables[x].push_back(route);
  }
  return tables;
}

}  // namespace sim::net
