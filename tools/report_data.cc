#include "tools/report_data.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <variant>

#include "sim/core/json_quote.h"
#include "sim/explain/link_frames.h"
#include "sim/explain/state_snapshots.h"
#include "sim/run/packet_class.h"
#include "sim/wire/frame_decoder.h"

namespace tools {
namespace {

namespace fs = std::filesystem;
using sim::core::JsonQuote;
using sim::explain::RunRecord;

struct Frame {
  std::int64_t t = 0;
  std::size_t link = 0;
  std::size_t from = 0;
  std::string proto, type, destination, summary;
};

// The protocol a filter names, the destination address, and the packet type of `packets`.
void Describe(const sim::wire::DecodedFrame& d, sim::wire::ByteSpan bytes, Frame& f) {
  f.summary = ToString(d);
  f.proto = "other";
  if (std::holds_alternative<sim::wire::ArpPacket>(d.l3)) f.proto = "arp";
  if (const auto* ip = std::get_if<sim::wire::DecodedIpv4>(&d.l3)) {
    f.destination = ToString(ip->header.destination);
    // An IP protocol we do not decode counts as "other", the filter's catch-all.
    static constexpr const char* kL4[] = {"other", "igmp", "pim", "icmp", "udp"};
    f.proto = kL4[ip->l4.index()];
  }
  if (const auto c = sim::run::ClassifyFrame(bytes)) f.type = std::string(ToString(c->type));
}

// The frames to replay, as the ladder reads them (sender from the owner of the source MAC), with
// the layout's link and node numbers. `total` counts every frame; the first kMaxReportFrames are
// replayed. A damaged pcap makes the run's frames unreadable: the page replays none and still
// links to every pcap.
std::vector<Frame> ReadFrames(const ReportSource& src, const Layout& layout, std::size_t& total) {
  std::vector<Frame> frames;
  const auto read = sim::explain::ReadRunFrames(src.out_dir, src.record);
  const auto* run = std::get_if<sim::explain::RunFrames>(&read);
  total = run != nullptr ? run->frames.size() : 0;
  if (run == nullptr) return frames;
  std::map<std::string, std::size_t> link_index, node_index;
  for (std::size_t i = 0; i < layout.links.size(); ++i) link_index[layout.links[i].name] = i;
  for (std::size_t i = 0; i < src.record.nodes.size(); ++i) node_index[src.record.nodes[i].name] = i;
  for (const sim::explain::LinkFrame& lf : run->frames) {
    if (frames.size() == kMaxReportFrames) break;
    const auto link = link_index.find(lf.link);
    if (link == link_index.end() || layout.links[link->second].endpoints.empty()) continue;
    const auto sender = node_index.find(lf.sender);
    Frame f{lf.t, link->second,
            sender != node_index.end() ? sender->second : layout.links[link->second].endpoints.front(), "", "", "", ""};
    const sim::wire::ByteSpan bytes(lf.bytes.data(), lf.bytes.size());
    if (auto decoded = sim::wire::DecodeFrame(bytes)) {
      Describe(*decoded, bytes, f);
    } else {
      f.proto = "other";
      f.summary = ToString(decoded.error());
    }
    frames.push_back(std::move(f));
  }
  return frames;
}

void AppendNodes(const RunRecord& r, const Layout& layout, std::string& o) {
  o += "\"nodes\": [";
  for (std::size_t i = 0; i < r.nodes.size(); ++i) {
    const auto& n = r.nodes[i];
    o += std::string(i ? ",\n " : "") + "{\"name\": " + JsonQuote(n.name) + ", \"type\": " + JsonQuote(n.type) +
         ", \"x\": " + std::to_string(layout.nodes[i].first) + ", \"y\": " + std::to_string(layout.nodes[i].second) +
         ", \"interfaces\": [";
    for (std::size_t k = 0; k < n.interfaces.size(); ++k) {
      const auto& f = n.interfaces[k];
      o += std::string(k ? ", " : "") + "[" + JsonQuote(f.name) + ", " + JsonQuote(f.address) + ", " +
           JsonQuote(f.link) + "]";
    }
    o += "]}";
  }
  o += "],\n";
}

void AppendLinks(const ReportSource& src, const Layout& layout, std::string& o) {
  o += "\"links\": [";
  for (std::size_t i = 0; i < layout.links.size(); ++i) {
    const LayoutLink& l = layout.links[i];
    std::string ends;
    for (std::size_t e : l.endpoints) ends += (ends.empty() ? "" : ", ") + std::to_string(e);
    const bool captured = fs::is_regular_file(src.out_dir / (l.name + ".pcap"));
    o += std::string(i ? ",\n " : "") + "{\"name\": " + JsonQuote(l.name) + ", \"ends\": [" + ends +
         "], \"segment\": " + (l.segment ? "true" : "false") + ", \"x\": " + std::to_string(l.x) +
         ", \"y\": " + std::to_string(l.y) + ", \"pcap\": " +
         JsonQuote(captured ? UrlPath(src.link_prefix + l.name + ".pcap") : "") + "}";
  }
  o += "],\n";
}

void AppendFrames(const ReportSource& src, const Layout& layout, std::string& o) {
  std::size_t total = 0;
  const std::vector<Frame> frames = ReadFrames(src, layout, total);
  o += "\"frames_total\": " + std::to_string(total) + ",\n\"frames\": [";
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const Frame& f = frames[i];
    o += std::string(i ? ",\n " : "") + "[" + std::to_string(f.t) + ", " + std::to_string(f.link) + ", " +
         std::to_string(f.from) + ", " + JsonQuote(f.proto) + ", " + JsonQuote(f.type) + ", " +
         JsonQuote(f.destination) + ", " + JsonQuote(f.summary) + "]";
  }
  o += "],\n";
}

void AppendEvents(const RunRecord& r, std::string& o) {
  o += "\"events\": [";
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const auto& e = r.events[i];
    std::string fields;
    for (const auto& [k, v] : e.fields) fields += (fields.empty() ? "" : ", ") + JsonQuote(k) + ": " + JsonQuote(v);
    o += std::string(i ? ",\n " : "") + "[" + std::to_string(e.t) + ", " + JsonQuote(e.node) + ", " +
         JsonQuote(e.kind) + ", {" + fields + "}]";
  }
  o += "],\n";
}

void AppendSnapshots(const ReportSource& src, std::string& o) {
  const auto snapshots = sim::explain::ReadStateSnapshots(src.out_dir, src.record.end);
  o += "\"snapshots\": [";
  for (std::size_t i = 0; i < snapshots.size(); ++i) {
    std::string nodes;
    for (const auto& [name, text] : snapshots[i].nodes) {
      nodes += (nodes.empty() ? "" : ",\n  ") + std::string("[") + JsonQuote(name) + ", " + JsonQuote(text) + "]";
    }
    o += std::string(i ? ",\n " : "") + "{\"t\": " + std::to_string(snapshots[i].t) +
         ", \"file\": " + JsonQuote(snapshots[i].file) + ", \"nodes\": [" + nodes + "]}";
  }
  o += "],\n";
}

void AppendExpectations(const RunRecord& r, std::string& o) {
  o += "\"expectations\": [";
  for (std::size_t i = 0; i < r.expectations.size(); ++i) {
    const auto& e = r.expectations[i];
    o += std::string(i ? ",\n " : "") + "{\"path\": " + JsonQuote(e.path) + ", \"kind\": " + JsonQuote(e.kind) +
         ", \"passed\": " + (e.passed ? "true" : "false") + ", \"expected\": " + JsonQuote(e.expected) +
         ", \"found\": " + JsonQuote(e.found) + "}";
  }
  o += "]\n";
}

}  // namespace

std::string UrlPath(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string ReportDataJson(const ReportSource& src, const Layout& layout) {
  const RunRecord& r = src.record;
  std::string o = "{\"scenario\": " + JsonQuote(r.scenario) + ",\n\"description\": " + JsonQuote(r.description) +
                  ",\n\"end\": " + std::to_string(r.end) + ",\n\"width\": " + std::to_string(layout.width) +
                  ", \"height\": " + std::to_string(layout.height) + ",\n";
  AppendNodes(r, layout, o);
  AppendLinks(src, layout, o);
  AppendFrames(src, layout, o);
  AppendEvents(r, o);
  AppendSnapshots(src, o);
  AppendExpectations(r, o);
  o += "}\n";
  return o;
}

}  // namespace tools
