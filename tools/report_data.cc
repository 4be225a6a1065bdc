#include "tools/report_data.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <limits>
#include <map>
#include <tuple>

#include "sim/core/json_quote.h"
#include "sim/explain/state_snapshots.h"
#include "sim/run/packet_class.h"
#include "sim/trace/pcap_reader.h"
#include "sim/wire/frame_decoder.h"

namespace tools {
namespace {

namespace fs = std::filesystem;
using sim::core::JsonQuote;
using sim::explain::RunRecord;

constexpr std::size_t kNobody = std::numeric_limits<std::size_t>::max();

struct Frame {
  std::int64_t t = 0;
  std::size_t link = 0;
  std::size_t order = 0;  // within its file
  std::size_t from = 0;
  std::string proto, type, destination, summary;
};

// Hop counts between nodes, over every link (a segment joins each pair of its endpoints).
class Hops {
 public:
  Hops(std::size_t nodes, const Layout& layout) : adjacent_(nodes) {
    for (const LayoutLink& l : layout.links) {
      for (std::size_t a : l.endpoints) {
        for (std::size_t b : l.endpoints) {
          if (a != b) adjacent_[a].push_back(b);
        }
      }
    }
  }
  const std::vector<std::size_t>& From(std::size_t source) {
    auto [it, fresh] = memo_.try_emplace(source);
    if (!fresh) return it->second;
    std::vector<std::size_t>& hops = it->second;
    hops.assign(adjacent_.size(), kNobody);
    std::deque<std::size_t> queue{source};
    hops[source] = 0;
    while (!queue.empty()) {
      const std::size_t v = queue.front();
      queue.pop_front();
      for (std::size_t w : adjacent_[v]) {
        if (hops[w] == kNobody) hops[w] = hops[v] + 1, queue.push_back(w);
      }
    }
    return hops;
  }

 private:
  std::vector<std::vector<std::size_t>> adjacent_;
  std::map<std::size_t, std::vector<std::size_t>> memo_;
};

// The node whose interface has `mac`: the simulator numbers them 02:00:<node + 1>:<interface>
// (sim/net/node.cc), nodes in the scenario's order.
std::size_t MacOwner(const sim::wire::MacAddress& mac, std::size_t nodes) {
  const auto& o = mac.octets();
  if (o[0] != 0x02 || o[1] != 0x00) return kNobody;
  const std::size_t id = (std::size_t{o[2]} << 16 | std::size_t{o[3]} << 8 | o[4]);
  return id >= 1 && id <= nodes ? id - 1 : kNobody;
}

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

// The endpoint of `link` that put the frame on the wire: the one that owns its source MAC, or
// else the endpoint nearest that owner (a switch passes frames on with their source MAC).
std::size_t Sender(const LayoutLink& link, std::size_t owner, Hops& hops) {
  if (owner == kNobody) return link.endpoints.front();
  const std::vector<std::size_t>& h = hops.From(owner);
  std::size_t best = link.endpoints.front();
  for (std::size_t e : link.endpoints) {
    if (h[e] < h[best]) best = e;
  }
  return best;
}

std::vector<Frame> ReadFrames(const ReportSource& src, const Layout& layout, std::size_t& total) {
  std::vector<Frame> frames;
  Hops hops(src.record.nodes.size(), layout);
  total = 0;
  for (std::size_t i = 0; i < layout.links.size(); ++i) {
    const LayoutLink& link = layout.links[i];
    const fs::path pcap = src.out_dir / (link.name + ".pcap");
    if (link.endpoints.empty() || !fs::is_regular_file(pcap)) continue;
    std::size_t order = 0;
    // An unreadable pcap replays the frames before the damage; the page still links to it.
    const sim::trace::PcapContents pcap_contents = sim::trace::ReadPcapFile(pcap);
    for (const sim::trace::PcapRecord& p : pcap_contents.records) {
      ++total;
      if (order >= kMaxReportFrames) continue;  // counted only
      Frame f{p.t, i, order++, 0, "", "", "", ""};
      const sim::wire::ByteSpan bytes(p.frame.data(), p.frame.size());
      auto decoded = sim::wire::DecodeFrame(bytes);
      std::size_t owner = kNobody;
      if (decoded) {
        Describe(*decoded, bytes, f);
        owner = MacOwner(decoded->ethernet.source, src.record.nodes.size());
      } else {
        f.proto = "other";
        f.summary = ToString(decoded.error());
      }
      f.from = Sender(link, owner, hops);
      frames.push_back(std::move(f));
    }
  }
  std::sort(frames.begin(), frames.end(), [](const Frame& a, const Frame& b) {
    return std::tie(a.t, a.link, a.order) < std::tie(b.t, b.link, b.order);
  });
  if (frames.size() > kMaxReportFrames) frames.resize(kMaxReportFrames);
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
