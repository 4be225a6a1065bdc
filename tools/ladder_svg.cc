#include "tools/ladder_svg.h"

#include <algorithm>

#include "sim/explain/run_record.h"
#include "tools/xml_text.h"

namespace tools {
namespace {

namespace ex = sim::explain;

constexpr int kTimeX = 8;         // the time column
constexpr int kFirstColumn = 130;
constexpr int kColumnGap = 110;
constexpr int kTop = 50;           // the first row's baseline
constexpr int kRowHeight = 22;
constexpr int kTextGap = 24;       // between the last lifeline and the messages
constexpr int kCharWidth = 7;      // an estimate for the picture's width, at font-size 12

const char* ColorOf(const std::string& protocol) {
  if (protocol == "igmp") return "#38761d";
  if (protocol == "pim") return "#1155cc";
  if (protocol == "udp") return "#cc0000";
  if (protocol == "arp") return "#b45f06";
  if (protocol == "icmp") return "#741b47";
  return "#434343";
}

std::string Num(int n) { return std::to_string(n); }

std::string Text(int x, int y, const std::string& text, const std::string& attributes) {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\"" + attributes + ">" + XmlEscape(text) + "</text>\n";
}

}  // namespace

std::string LadderSvg(const ex::Ladder& ladder, const std::string& title) {
  const int columns = static_cast<int>(ladder.columns.size());
  const auto x_of = [&](const std::string& node) {
    const auto k = std::find(ladder.columns.begin(), ladder.columns.end(), node) - ladder.columns.begin();
    return k == columns ? -1 : kFirstColumn + static_cast<int>(k) * kColumnGap;
  };
  const int text_x = kFirstColumn + (columns - 1) * kColumnGap + kTextGap;
  std::size_t longest = title.size();
  for (const ex::LadderRow& r : ladder.rows) longest = std::max(longest, r.text.size() + r.link.size() + 12);
  const int width = text_x + static_cast<int>(longest) * kCharWidth + 16;
  const int bottom = kTop + static_cast<int>(ladder.rows.size()) * kRowHeight;
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(width) + "\" height=\"" + Num(bottom + 10) +
         "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n";
  svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
         "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"context-stroke\"/></marker></defs>\n";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  svg += Text(kTimeX, 16, title, " font-weight=\"bold\"");
  svg += Text(kTimeX, 36, "time (s)", " fill=\"#666666\"");
  for (const std::string& c : ladder.columns) {
    const int x = x_of(c);
    svg += Text(x, 36, c, " text-anchor=\"middle\" font-weight=\"bold\"");
    svg += "<line x1=\"" + Num(x) + "\" y1=\"42\" x2=\"" + Num(x) + "\" y2=\"" + Num(bottom) +
           "\" stroke=\"#b7b7b7\"/>\n";
  }
  int y = kTop;
  for (const ex::LadderRow& r : ladder.rows) {
    y += kRowHeight;
    const std::string color = ColorOf(r.protocol);
    svg += Text(kTimeX, y, ex::EventTimeString(r.t), " fill=\"#666666\"");
    if (!r.message) {
      const int x = x_of(r.node);
      if (x >= 0) svg += "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y - 4) + "\" r=\"4\" fill=\"" + color + "\"/>\n";
      svg += Text(text_x, y, (r.node.empty() ? "" : r.node + " ") + r.text, " font-style=\"italic\" fill=\"" + color + "\"");
      continue;
    }
    const int from = x_of(r.node);
    for (const std::string& to : r.receivers) {
      const int x = x_of(to);
      const int start = from >= 0 ? from : (x < text_x ? x - kColumnGap / 3 : x);
      svg += "<line x1=\"" + Num(start) + "\" y1=\"" + Num(y - 4) + "\" x2=\"" + Num(x) + "\" y2=\"" + Num(y - 4) +
             "\" stroke=\"" + color + "\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n";
    }
    const std::string from_text = from >= 0 ? "" : "from " + r.node + ": ";
    svg += Text(text_x, y, "[" + r.link + "] " + from_text + r.text, " fill=\"" + color + "\"");
  }
  return svg + "</svg>\n";
}

}  // namespace tools
