#include "tools/report_layout.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <tuple>

namespace tools {
namespace {

constexpr int kColumn = 130;  // room for a node and its label
constexpr int kRow = 110;
constexpr int kMargin = 60;
// Above this many vertices the centre is not searched for (one walk per vertex): the first
// router is the root.
constexpr std::size_t kMaxCentreSearch = 400;

using Graph = std::vector<std::vector<std::size_t>>;  // vertex -> neighbours, in vertex order

// The farthest hop count from `root` (vertices it cannot reach are not counted).
std::size_t Eccentricity(const Graph& g, std::size_t root) {
  std::vector<std::size_t> hops(g.size(), std::numeric_limits<std::size_t>::max());
  std::deque<std::size_t> queue{root};
  hops[root] = 0;
  std::size_t far = 0;
  while (!queue.empty()) {
    const std::size_t v = queue.front();
    queue.pop_front();
    far = std::max(far, hops[v]);
    for (std::size_t w : g[v]) {
      if (hops[w] == std::numeric_limits<std::size_t>::max()) {
        hops[w] = hops[v] + 1;
        queue.push_back(w);
      }
    }
  }
  return far;
}

std::size_t Root(const Graph& g, const sim::explain::RunRecord& record, const std::vector<bool>& placed) {
  std::size_t best = g.size();
  if (g.size() > kMaxCentreSearch) {
    for (std::size_t v = 0; v < record.nodes.size(); ++v) {
      if (!placed[v] && record.nodes[v].type == "router") return v;
    }
    for (std::size_t v = 0; v < g.size(); ++v) {
      if (!placed[v]) return v;
    }
  }
  std::size_t best_far = std::numeric_limits<std::size_t>::max();
  for (std::size_t v = 0; v < g.size(); ++v) {
    if (placed[v]) continue;
    const std::size_t far = Eccentricity(g, v);
    if (far < best_far) best = v, best_far = far;  // ties: the earlier vertex
  }
  return best;
}

}  // namespace

Layout LayOut(const sim::explain::RunRecord& record) {
  Layout layout;
  const std::size_t n = record.nodes.size();
  std::map<std::string, std::vector<std::size_t>> ends;  // link name -> node indices
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& f : record.nodes[i].interfaces) {
      if (!f.link.empty()) ends[f.link].push_back(i);
    }
  }
  // Vertices: the nodes, then one per segment.
  Graph g(n);
  for (auto& [name, endpoints] : ends) {
    LayoutLink link{name, endpoints, endpoints.size() != 2, 0, 0};
    if (link.segment) {
      const std::size_t s = g.size();
      g.emplace_back();
      for (std::size_t e : endpoints) g[s].push_back(e), g[e].push_back(s);
    } else {
      g[endpoints[0]].push_back(endpoints[1]);
      g[endpoints[1]].push_back(endpoints[0]);
    }
    layout.links.push_back(std::move(link));
  }
  for (auto& adjacent : g) std::sort(adjacent.begin(), adjacent.end());

  // Layers, component by component; a vertex's rank orders it under its parent.
  std::vector<bool> placed(g.size(), false);
  std::vector<std::vector<std::size_t>> layers;
  std::size_t count = 0;
  while (count < g.size()) {
    const std::size_t root = Root(g, record, placed);
    std::deque<std::pair<std::size_t, std::size_t>> queue{{root, 0}};
    placed[root] = true;
    while (!queue.empty()) {
      const auto [v, depth] = queue.front();
      queue.pop_front();
      if (layers.size() <= depth) layers.emplace_back();
      layers[depth].push_back(v);  // breadth-first: children follow their parents' order
      ++count;
      for (std::size_t w : g[v]) {
        if (!placed[w]) placed[w] = true, queue.push_back({w, depth + 1});
      }
    }
  }
  std::size_t widest = 1;
  for (const auto& layer : layers) widest = std::max(widest, layer.size());
  layout.width = static_cast<int>(widest) * kColumn + 2 * kMargin;
  layout.height = static_cast<int>(layers.size()) * kRow + kMargin;
  std::vector<std::pair<int, int>> at(g.size());
  for (std::size_t row = 0; row < layers.size(); ++row) {
    const auto& layer = layers[row];
    const int span = (layout.width - 2 * kMargin) / static_cast<int>(layer.size());
    for (std::size_t i = 0; i < layer.size(); ++i) {
      at[layer[i]] = {kMargin + span * static_cast<int>(i) + span / 2,
                      kMargin + static_cast<int>(row) * kRow};
    }
  }
  layout.nodes.assign(at.begin(), at.begin() + static_cast<std::ptrdiff_t>(n));
  std::size_t segment = n;
  for (LayoutLink& link : layout.links) {
    if (link.segment) std::tie(link.x, link.y) = at[segment++];
  }
  return layout;
}

}  // namespace tools
