#include "sim/net/unicast_routes.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <future>
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

// The routes of router `x`: one per subnet, the best by (metric, next hop, out interface).
std::vector<Route> RoutesOf(std::uint32_t x, const Graph& g, const std::vector<RoutingPort>& ports,
                            const std::vector<Adjacency>& adjacencies) {
  const auto edge_index = boost::get(boost::edge_index, g);
  const std::size_t router_count = boost::num_vertices(g);
  std::vector<std::uint64_t> dist(router_count, kUnreachable);
  std::vector<Edge> via(router_count);
  boost::dijkstra_shortest_paths(
      g, x,
      boost::distance_map(dist.data())
          .distance_inf(kUnreachable)
          .visitor(boost::make_dijkstra_visitor(boost::record_edge_predecessors(via.data(), boost::on_edge_relaxed()))));
  std::vector<Route> offers;
  offers.reserve(ports.size());
  for (const RoutingPort& p : ports) {
    const wire::Ipv4Prefix subnet(p.prefix.network(), p.prefix.length());
    if (p.router == x) {
      offers.push_back(Route{subnet, p.interface, wire::Ipv4Address(), 0});
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
    offers.push_back(Route{subnet, first->from_port->interface, first->to_port->prefix.address(),
                           static_cast<std::uint32_t>(dist[p.router] + p.cost)});
  }
  // Subnets in order, each one's best offer first; then the rest of each subnet's offers go.
  // A sort instead of a map of subnets: a router of a large run has thousands.
  std::sort(offers.begin(), offers.end(), [](const Route& a, const Route& b) {
    return std::tie(a.destination, a.metric, a.next_hop, a.out_interface) <
           std::tie(b.destination, b.metric, b.next_hop, b.out_interface);
  });
  offers.erase(std::unique(offers.begin(), offers.end(),
                           [](const Route& a, const Route& b) { return a.destination == b.destination; }),
               offers.end());
  return offers;
}

}  // namespace

std::vector<std::vector<Route>> ComputeUnicastRoutes(std::uint32_t router_count,
                                                     const std::vector<RoutingPort>& ports) {
  std::vector<Adjacency> adjacencies;
  const Graph g = BuildGraph(router_count, ports, adjacencies);
  std::vector<std::vector<Route>> tables(router_count);
  // Each router's table depends only on the graph: a second thread takes every other router
  // when there are many (256 routers took a tenth of a large run's simulation).
  constexpr std::uint32_t kRoutersForTwoThreads = 64;
  auto compute = [&](std::uint32_t first, std::uint32_t step) {
    for (std::uint32_t x = first; x < router_count; x += step) tables[x] = RoutesOf(x, g, ports, adjacencies);
  };
  if (router_count < kRoutersForTwoThreads) {
    compute(0, 1);
    return tables;
  }
  std::future<void> helper = std::async(std::launch::async, compute, 1, 2);
  compute(0, 2);
  helper.get();
  return tables;
}

}  // namespace sim::net
