#include "sim/explain/path.h"

#include <algorithm>
#include <deque>
#include <map>

namespace sim::explain {
namespace {

// Node indexes on each link.
std::map<std::string, std::vector<std::size_t>> LinkMembers(const RunRecord& r) {
  std::map<std::string, std::vector<std::size_t>> m;
  for (std::size_t k = 0; k < r.nodes.size(); ++k) {
    for (const TopologyInterface& i : r.nodes[k].interfaces) {
      if (!i.link.empty()) m[i.link].push_back(k);
    }
  }
  return m;
}

}  // namespace

std::vector<std::string> FindPath(const RunRecord& r, const std::string& from, const std::string& to) {
  const auto members = LinkMembers(r);
  std::vector<std::vector<std::size_t>> next(r.nodes.size());
  for (std::size_t k = 0; k < r.nodes.size(); ++k) {
    for (const TopologyInterface& i : r.nodes[k].interfaces) {
      if (i.link.empty()) continue;
      for (std::size_t other : members.at(i.link)) {
        if (other != k) next[k].push_back(other);
      }
    }
    std::sort(next[k].begin(), next[k].end());
  }
  std::size_t start = r.nodes.size(), goal = r.nodes.size();
  for (std::size_t k = 0; k < r.nodes.size(); ++k) {
    if (r.nodes[k].name == from) start = k;
    if (r.nodes[k].name == to) goal = k;
  }
  if (start == r.nodes.size() || goal == r.nodes.size()) return {};
  std::vector<std::size_t> parent(r.nodes.size(), r.nodes.size());
  parent[start] = start;
  std::deque<std::size_t> queue{start};
  while (!queue.empty()) {
    const std::size_t k = queue.front();
    queue.pop_front();
    for (std::size_t n : next[k]) {
      if (parent[n] != r.nodes.size()) continue;
      parent[n] = k;
      queue.push_back(n);
    }
  }
  if (parent[goal] == r.nodes.size()) return {};
  std::vector<std::string> path;
  for (std::size_t k = goal; k != start; k = parent[k]) path.push_back(r.nodes[k].name);
  path.push_back(from);
  std::reverse(path.begin(), path.end());
  return path;
}

std::string InterfaceToward(const RunRecord& r, const std::string& node, const std::string& next) {
  const TopologyNode* a = r.FindNode(node);
  const TopologyNode* b = r.FindNode(next);
  if (a == nullptr || b == nullptr) return "";
  for (const TopologyInterface& i : a->interfaces) {
    for (const TopologyInterface& j : b->interfaces) {
      if (!i.link.empty() && i.link == j.link) return i.name;
    }
  }
  return "";
}

}  // namespace sim::explain
