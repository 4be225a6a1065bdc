// Where `mcastlab report` draws each node and link: a layered picture computed here, so the same
// run always gives the same drawing and nothing outside mcastlab is needed to make it.
//
// Links with two endpoints are lines between their nodes; a link with more (a shared LAN, a
// hub) is drawn as a bar of its own with a line to each endpoint. Layers come from a
// breadth-first walk from the most central vertex (the one with the fewest hops to the farthest),
// and each layer keeps its vertices under the parent that found them.
#ifndef MCASTLAB_TOOLS_REPORT_LAYOUT_H_
#define MCASTLAB_TOOLS_REPORT_LAYOUT_H_

#include <string>
#include <vector>

#include "sim/explain/run_record.h"

namespace tools {

struct LayoutLink {
  std::string name;
  std::vector<std::size_t> endpoints;  // node indices, in the topology's order
  bool segment = false;                // drawn as a bar at (x, y)
  int x = 0, y = 0;
};

struct Layout {
  std::vector<std::pair<int, int>> nodes;  // centre of each node, in the topology's order
  std::vector<LayoutLink> links;           // in name order
  int width = 0, height = 0;
};

Layout LayOut(const sim::explain::RunRecord& record);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_REPORT_LAYOUT_H_
