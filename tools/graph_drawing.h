// What `mcastlab graph` draws, decided apart from how DOT spells it: one box per node with its
// roles at the chosen instant, one line per cable, one segment node per shared link, and with
// a group, the arrows of its distribution tree, its members, and its pruned branches.
#ifndef MCASTLAB_TOOLS_GRAPH_DRAWING_H_
#define MCASTLAB_TOOLS_GRAPH_DRAWING_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/explain/group_tree.h"
#include "sim/explain/roles.h"
#include "sim/explain/run_record.h"

namespace tools {

enum class Shape { kHost, kRouter, kSwitch, kSegment };
enum class Line { kPlain, kTree, kRegister, kPruned, kDown };

struct DrawnNode {
  std::string id;                  // the node's name; "link:NAME" for a segment
  Shape shape = Shape::kHost;
  std::vector<std::string> lines;  // the label: the name first, then roles
  bool member = false;             // a member of the drawn group
  bool emphasized = false;         // an RP
  bool off = false;                // powered off
};

struct DrawnEdge {
  std::size_t from = 0, to = 0;  // indexes into DrawnGraph::nodes; the arrow goes from -> to
  std::vector<std::string> lines;
  std::string tail_label, head_label;  // the interfaces at each end
  Line line = Line::kPlain;
  bool arrow = false;
};

struct DrawnGraph {
  std::string title;
  std::vector<DrawnNode> nodes;
  std::vector<DrawnEdge> edges;
};

struct GraphQuery {
  std::int64_t at = 0;               // nanoseconds
  std::optional<std::string> group;  // with it, `tree` is that group's tree at `at`
};

DrawnGraph DrawGraph(const sim::explain::RunRecord& r, const sim::explain::Roles& roles,
                     const GraphQuery& q, const sim::explain::GroupTree* tree);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_GRAPH_DRAWING_H_
