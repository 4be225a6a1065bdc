// A DrawnGraph as Graphviz DOT text, written by Boost.Graph's write_graphviz with property
// writers for the nodes, the edges and the graph. The same drawing gives the same bytes.
#ifndef MCASTLAB_TOOLS_TOPOLOGY_DOT_H_
#define MCASTLAB_TOOLS_TOPOLOGY_DOT_H_

#include <string>

#include "tools/graph_drawing.h"

namespace tools {

std::string ToDot(const DrawnGraph& g);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_TOPOLOGY_DOT_H_
