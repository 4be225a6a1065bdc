#include "sim/explain/run_record.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>

#include "sim/explain/json_in.h"

namespace sim::explain {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Fills the topology part of `r`; false when `text` has no node list.
bool ReadTopology(const std::string& text, RunRecord& r) {
  const auto doc = ParseJson(text);
  const Json* nodes = doc ? doc->Find("nodes") : nullptr;
  if (nodes == nullptr) return false;
  for (const Json& n : nodes->items) {
    TopologyNode node{n.Str("name"), n.Str("type"), {}};
    if (const Json* ifs = n.Find("interfaces")) {
      for (const Json& i : ifs->items) {
        node.interfaces.push_back({i.Str("name"), i.Str("mac"), i.Str("address"), i.Str("link")});
      }
    }
    r.nodes.push_back(std::move(node));
  }
  if (const Json* links = doc->Find("links")) {
    for (const Json& l : links->items) {
      TopologyLink link{l.Str("name"), {}, l.Str("bandwidth"), l.Str("delay")};
      if (const Json* ends = l.Find("endpoints")) {
        for (const Json& e : ends->items) link.endpoints.push_back(e.text);
      }
      r.links.push_back(std::move(link));
    }
  }
  if (const Json* rps = doc->Find("rp")) {
    for (const Json& rp : rps->items) r.rps.push_back({rp.Str("groups"), rp.Str("address")});
  }
  return true;
}

// The duration from summary.json: "10s", "250ms", "2min", "1.5s"...
std::int64_t ParseDuration(const std::string& d) {
  const std::size_t unit = d.find_first_not_of("0123456789.");
  if (unit == std::string::npos || unit == 0) return -1;
  const std::string number = d.substr(0, unit), u = d.substr(unit);
  double scale = 0;
  if (u == "s") scale = 1e9;
  if (u == "ms") scale = 1e6;
  if (u == "us") scale = 1e3;
  if (u == "ns") scale = 1;
  if (u == "min") scale = 60e9;
  if (u == "h") scale = 3600e9;
  if (scale == 0) return -1;
  if (u == "s" && number.find('.') != std::string::npos) return ParseEventTime(number);
  return static_cast<std::int64_t>(std::stoll(number) * scale);
}

}  // namespace

std::uint64_t RecordedEvent::Count() const {
  const std::string c = Get("count");
  return c.empty() ? 0 : std::stoull(c);
}

const TopologyLink* RunRecord::FindLink(const std::string& name) const {
  for (const TopologyLink& l : links) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

const TopologyNode* RunRecord::FindNode(const std::string& name) const {
  for (const TopologyNode& n : nodes) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

std::int64_t ParseEventTime(const std::string& s) {
  const std::size_t dot = s.find('.');
  const std::string whole = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || whole.find_first_not_of("0123456789") != std::string::npos || frac.size() > 9 ||
      frac.find_first_not_of("0123456789") != std::string::npos) {
    return -1;
  }
  frac.resize(9, '0');
  return std::stoll(whole) * 1'000'000'000 + std::stoll(frac);
}

std::string EventTimeString(std::int64_t ns) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%lld.%09lld", static_cast<long long>(ns / 1'000'000'000),
                static_cast<long long>(ns % 1'000'000'000));
  return buf;
}

std::variant<RunRecord, std::string> ReadRunRecord(const fs::path& dir) {
  const auto topology = Slurp(dir / "topology.json");
  const auto events = Slurp(dir / "events.jsonl");
  const auto summary = Slurp(dir / "summary.json");
  if (!topology || !events || !summary) {
    return dir.string() + " is not the output of a run: it needs topology.json, events.jsonl and summary.json";
  }
  RunRecord r;
  const auto summary_doc = ParseJson(*summary);
  if (!ReadTopology(*topology, r) || !summary_doc) {
    return dir.string() + ": topology.json or summary.json does not parse";
  }
  r.scenario = summary_doc->Str("scenario");
  r.end = ParseDuration(summary_doc->Str("duration"));
  if (r.end < 0) return dir.string() + ": summary.json has no duration";
  r.description = summary_doc->Str("description");
  if (const Json* expectations = summary_doc->Find("expectations")) {
    for (const Json& e : expectations->items) {
      const Json* passed = e.Find("passed");
      r.expectations.push_back({e.Str("path"), e.Str("kind"), passed != nullptr && passed->text == "true",
                                e.Str("expected"), e.Str("found")});
    }
  }
  if (const Json* streams = summary_doc->Find("streams")) {
    for (const Json& j : streams->items) {
      r.streams.push_back({j.Str("host"), j.Str("socket"), j.Str("group"), j.Str("source"),
                           ParseDuration(j.Str("longest_gap")), ParseEventTime(j.Str("gap_from")),
                           ParseEventTime(j.Str("gap_to"))});
    }
  }
  std::size_t start = 0;
  while (start < events->size()) {
    std::size_t end = events->find('\n', start);
    if (end == std::string::npos) end = events->size();
    const std::string_view line(events->data() + start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const auto doc = ParseJson(line);
    if (!doc) return dir.string() + ": events.jsonl has a line that does not parse";
    RecordedEvent e;
    e.t = ParseEventTime(doc->Str("t"));
    for (const auto& [k, v] : doc->members) {
      if (k == "node") e.node = v.text;
      else if (k == "kind") e.kind = v.text;
      else if (k != "t") e.fields[k] = v.text;  // a number or bool (written bare) keeps its text
    }
    r.events.push_back(std::move(e));
  }
  return r;
}

}  // namespace sim::explain
