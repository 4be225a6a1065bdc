#include "sim/explain/link_frames.h"

#include <algorithm>
#include <map>

#include "sim/explain/path.h"
#include "sim/trace/pcap_reader.h"
#include "sim/wire/mac_address.h"

namespace sim::explain {
namespace {

namespace fs = std::filesystem;

std::string SourceMac(const wire::Bytes& frame) {
  if (frame.size() < 12) return "";
  return wire::ToString(wire::MacAddress({frame[6], frame[7], frame[8], frame[9], frame[10], frame[11]}));
}

class SenderFinder {
 public:
  explicit SenderFinder(const RunRecord& r) : r_(r) {
    for (const TopologyNode& n : r.nodes) {
      for (const TopologyInterface& i : n.interfaces) owner_[i.mac] = n.name;
    }
  }

  std::string Find(const TopologyLink& link, const std::string& mac) {
    std::vector<std::string> nodes;
    for (const std::string& e : link.endpoints) nodes.push_back(e.substr(0, e.find(':')));
    for (const std::string& e : link.endpoints) {
      const auto colon = e.find(':');
      if (InterfaceMac(e.substr(0, colon), e.substr(colon + 1)) == mac) return e.substr(0, colon);
    }
    const auto owner = owner_.find(mac);
    if (owner == owner_.end()) return "";
    std::string best;
    std::size_t best_hops = SIZE_MAX;
    for (const std::string& n : nodes) {
      if (r_.FindNode(n)->type != "switch") continue;  // only a switch relays another's frame
      const std::size_t hops = Hops(owner->second, n);
      if (hops < best_hops) best = n, best_hops = hops;
    }
    return best;
  }

 private:
  std::string InterfaceMac(const std::string& node, const std::string& interface) const {
    const TopologyNode* n = r_.FindNode(node);
    if (n == nullptr) return "";
    for (const TopologyInterface& i : n->interfaces) {
      if (i.name == interface) return i.mac;
    }
    return "";
  }

  std::size_t Hops(const std::string& from, const std::string& to) {
    const auto key = from + ">" + to;
    auto it = hops_.find(key);
    if (it != hops_.end()) return it->second;
    const auto path = FindPath(r_, from, to);
    return hops_[key] = path.empty() ? SIZE_MAX : path.size();
  }

  const RunRecord& r_;
  std::map<std::string, std::string> owner_;  // MAC -> node
  std::map<std::string, std::size_t> hops_;
};

}  // namespace

std::variant<RunFrames, std::string> ReadRunFrames(const fs::path& dir, const RunRecord& r) {
  RunFrames out;
  SenderFinder senders(r);
  for (const TopologyLink& link : r.links) {
    const fs::path file = dir / (link.name + ".pcap");
    if (!fs::exists(file)) {
      out.uncaptured.push_back(link.name);
      continue;
    }
    trace::PcapContents pcap = trace::ReadPcapFile(file);
    if (!pcap.error.empty()) return pcap.error;
    for (trace::PcapRecord& rec : pcap.records) {
      LinkFrame f{rec.t, link.name, senders.Find(link, SourceMac(rec.frame)), {}, std::move(rec.frame)};
      for (const std::string& e : link.endpoints) {
        const std::string node = e.substr(0, e.find(':'));
        if (node != f.sender) f.receivers.push_back(node);
      }
      out.frames.push_back(std::move(f));
    }
  }
  // Stable: frames of one link keep their file order, links their scenario order at an instant.
  std::stable_sort(out.frames.begin(), out.frames.end(),
                   [](const LinkFrame& a, const LinkFrame& b) { return a.t < b.t; });
  return out;
}

}  // namespace sim::explain
