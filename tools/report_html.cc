#include "tools/report_html.h"

#include "sim/explain/run_record.h"
#include "tools/report/report_assets.h"
#include "tools/xml_text.h"

namespace tools {
namespace {

std::string Num(int v) { return std::to_string(v); }

std::string Line(int x1, int y1, int x2, int y2, const std::string& attrs) {
  return "<line x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) + "\" y2=\"" + Num(y2) + "\" " +
         attrs + "/>";
}

// A link's bandwidth and delay, as topology.json gives them ("" in runs older than the keys).
std::string Figures(const sim::explain::RunRecord& r, const std::string& link) {
  const sim::explain::TopologyLink* l = r.FindLink(link);
  return l == nullptr || l->bandwidth.empty() ? "" : XmlEscape(l->bandwidth + ", " + l->delay);
}

// The label at (x, y): the name, and under it the figures in a smaller line.
std::string LinkLabel(int x, int y, const std::string& name, const std::string& figures) {
  std::string s = "<text class=\"link-label\" x=\"" + Num(x) + "\" y=\"" + Num(y) + "\">" + name;
  if (!figures.empty()) s += "<tspan class=\"link-figures\" x=\"" + Num(x) + "\" dy=\"10\">" + figures + "</tspan>";
  return s + "</text>";
}

// Links under nodes; every element carries its index, which the script finds it by.
std::string Picture(const sim::explain::RunRecord& r, const Layout& layout) {
  std::string s = "<svg id=\"topology\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Num(layout.width) +
                  " " + Num(layout.height) + "\" width=\"" + Num(layout.width) + "\" height=\"" +
                  Num(layout.height) + "\">\n<g id=\"links\">\n";
  for (std::size_t i = 0; i < layout.links.size(); ++i) {
    const LayoutLink& l = layout.links[i];
    const std::string name = XmlEscape(l.name), figures = Figures(r, l.name);
    s += "<g class=\"link\" id=\"link-" + std::to_string(i) + "\" data-link=\"" + name + "\"><title>" + name +
         (figures.empty() ? "" : " (" + figures + ")") + "</title>";
    if (l.segment) {
      for (std::size_t e : l.endpoints) {
        s += Line(l.x, l.y, layout.nodes[e].first, layout.nodes[e].second, "class=\"wire\"");
      }
      s += "<rect class=\"segment\" x=\"" + Num(l.x - 50) + "\" y=\"" + Num(l.y - 5) +
           "\" width=\"100\" height=\"10\" rx=\"4\"/>";
      s += LinkLabel(l.x + 56, l.y + 4, name, figures);
    } else {
      const auto [x1, y1] = layout.nodes[l.endpoints[0]];
      const auto [x2, y2] = layout.nodes[l.endpoints[1]];
      s += Line(x1, y1, x2, y2, "class=\"wire\"");
      s += LinkLabel((x1 + x2) / 2 + 6, (y1 + y2) / 2 - 4, name, figures);
    }
    s += "</g>\n";
  }
  s += "</g>\n<g id=\"nodes\">\n";
  for (std::size_t i = 0; i < r.nodes.size(); ++i) {
    const auto& n = r.nodes[i];
    const auto [x, y] = layout.nodes[i];
    const std::string name = XmlEscape(n.name), type = XmlEscape(n.type);
    s += "<g class=\"node " + type + "\" id=\"node-" + std::to_string(i) + "\" data-node=\"" + name + "\"><title>" +
         name + " (" + type + ")</title>";
    if (n.type == "router") {
      s += "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"20\"/>";
    } else if (n.type == "switch") {
      s += "<rect x=\"" + Num(x - 22) + "\" y=\"" + Num(y - 14) + "\" width=\"44\" height=\"28\"/>";
    } else {
      s += "<rect x=\"" + Num(x - 18) + "\" y=\"" + Num(y - 13) + "\" width=\"36\" height=\"26\" rx=\"6\"/>";
    }
    s += "<text class=\"node-label\" x=\"" + Num(x) + "\" y=\"" + Num(y + 36) + "\">" + name + "</text></g>\n";
  }
  return s + "</g>\n<g id=\"packets\"></g>\n</svg>\n";
}

std::string Expectations(const sim::explain::RunRecord& r) {
  std::size_t passed = 0;
  std::string rows;
  for (const auto& e : r.expectations) {
    passed += e.passed ? 1 : 0;
    rows += std::string("<tr class=\"") + (e.passed ? "pass" : "fail") + "\"><td>" + (e.passed ? "pass" : "FAIL") +
            "</td><td>" + XmlEscape(e.path) + "</td><td>" + XmlEscape(e.kind) + "</td><td>" + XmlEscape(e.expected) +
            "</td><td>" + XmlEscape(e.found) + "</td></tr>\n";
  }
  return "<section id=\"expectations\"><h2>Expectations: " + std::to_string(passed) + " of " +
         std::to_string(r.expectations.size()) + " passed</h2>\n<table><tr><th>Result</th><th>Item</th><th>Kind</th>"
         "<th>Expected</th><th>Found</th></tr>\n" + rows + "</table></section>\n";
}

}  // namespace

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

std::string ReportHtml(const ReportSource& source) {
  const sim::explain::RunRecord& r = source.record;
  const Layout layout = LayOut(r);
  const std::string title = XmlEscape(r.scenario);
  std::string page(kReportHead);
  page += "<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + title + " - mcastlab report</title>\n<style>\n";
  page += kReportCss;
  page += "</style></head>\n<body data-state=\"loading\">\n<header><h1>" + title + "</h1><p>" +
          XmlEscape(r.description) + "</p></header>\n";
  page += kReportControls;
  page += "<main><section id=\"picture\">" + Picture(r, layout) + "</section>\n";
  page += kReportPanels;
  page += "</main>\n";
  page += Expectations(r);
  page += "<section id=\"captures\"><h2>Captures</h2><ul id=\"pcaps\"></ul></section>\n";
  page += "<pre id=\"errors\" hidden></pre>\n";
  page += "<script type=\"application/json\" id=\"report-data\">" +
          ScriptSafeJson(ReportDataJson(source, layout)) + "</script>\n<script>\n";
  page += kReportJs;
  page += "</script>\n</body></html>\n";
  return page;
}

}  // namespace tools
