#include "tools/topology_dot.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/property_map.hpp>
#include <sstream>

namespace tools {
namespace {

// Directed, so that a tree edge points where the datagrams went; plain links say dir=none.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DrawnNode, DrawnEdge>;

// A DOT string: quotes and backslashes of names escaped, lines joined with DOT's \n.
std::string Quote(const std::vector<std::string>& lines) {
  std::string s = "\"";
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k > 0) s += "\\n";
    for (char c : lines[k]) {
      if (c == '"' || c == '\\') s += '\\';
      s += c;
    }
  }
  return s + "\"";
}
std::string Quote(const std::string& text) { return Quote(std::vector<std::string>{text}); }

struct Look {
  const char* shape;
  std::string style;
  const char* fill;
};

// Routers ellipses, switches 3-D boxes, hosts rounded boxes, segments grey bars; a member of the
// group green and double-framed, a powered-off node dashed and grey.
Look LookOf(const DrawnNode& n) {
  Look look{"box", "filled,rounded", "white"};
  if (n.shape == Shape::kRouter) look = {"ellipse", "filled", "#cfe2f3"};
  if (n.shape == Shape::kSwitch) look = {"box3d", "filled", "#fff2cc"};
  if (n.shape == Shape::kSegment) look = {"box", "filled,rounded", "#d9d9d9"};
  if (n.member) look.fill = "#d9ead3";
  if (n.off) look.style += ",dashed";
  return look;
}

const char* LineAttributes(Line l) {
  switch (l) {
    case Line::kTree: return "color=\"#cc0000\", penwidth=2.5";
    case Line::kRegister: return "color=\"#1155cc\", style=dashed, penwidth=2";
    case Line::kPruned: return "color=\"#b7b7b7\", fontcolor=\"#999999\", style=dashed";
    case Line::kDown: return "color=\"#999999\", style=dotted";
    case Line::kPlain: break;
  }
  return "color=\"#434343\"";
}

class NodeWriter {
 public:
  explicit NodeWriter(const Graph& g) : g_(g) {}
  void operator()(std::ostream& out, Graph::vertex_descriptor v) const {
    const DrawnNode& n = g_[v];
    const Look look = LookOf(n);
    out << "[label=" << Quote(n.lines) << ", shape=" << look.shape << ", style=" << Quote(look.style)
        << ", fillcolor=" << Quote(look.fill);
    if (n.shape == Shape::kSegment) out << ", height=0.3";
    if (n.member) out << ", peripheries=2";
    if (n.emphasized) out << ", penwidth=2.5";
    if (n.off) out << ", fontcolor=\"#999999\"";
    out << "]";
  }

 private:
  const Graph& g_;
};

class EdgeWriter {
 public:
  explicit EdgeWriter(const Graph& g) : g_(g) {}
  void operator()(std::ostream& out, Graph::edge_descriptor e) const {
    const DrawnEdge& d = g_[e];
    out << "[" << LineAttributes(d.line) << ", dir=" << (d.arrow ? "forward" : "none");
    if (!d.lines.empty()) out << ", label=" << Quote(d.lines);
    if (!d.tail_label.empty()) out << ", taillabel=" << Quote(d.tail_label);
    if (!d.head_label.empty()) out << ", headlabel=" << Quote(d.head_label);
    out << "]";
  }

 private:
  const Graph& g_;
};

class GraphWriter {
 public:
  explicit GraphWriter(const std::string& title) : title_(title) {}
  void operator()(std::ostream& out) const {
    out << "graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=12, label=" << Quote(title_)
        << "];\n"
        << "node [fontname=\"Helvetica\", fontsize=10];\n"
        << "edge [fontname=\"Helvetica\", fontsize=8, labelfontsize=8];\n";
  }

 private:
  std::string title_;
};

}  // namespace

// GCC 12 takes the empty boost::optional inside Boost.Graph's edge iterator for an uninitialized
// read (a known false positive of -Wmaybe-uninitialized); the warning is off for this function.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
std::string ToDot(const DrawnGraph& drawing) {
  Graph g;
  std::vector<std::string> ids;
  for (const DrawnNode& n : drawing.nodes) {
    boost::add_vertex(n, g);
    ids.push_back(n.id);
  }
  for (const DrawnEdge& e : drawing.edges) boost::add_edge(e.from, e.to, e, g);
  std::ostringstream out;
  boost::write_graphviz(out, g, NodeWriter(g), EdgeWriter(g), GraphWriter(drawing.title),
                        boost::make_iterator_property_map(ids.begin(), boost::get(boost::vertex_index, g)));
  return out.str();
}
#pragma GCC diagnostic pop

}  // namespace tools
