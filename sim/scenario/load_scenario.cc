// The top level of a scenario file, and its links, RPs and capture list.
#include "sim/scenario/load_internal.h"

namespace sim::scenario {
namespace {

void ReadFormat(const JsonValue& v, const std::string& path, Reporter& r) {
  if (v.is_number() && v.integral && !v.negative && v.magnitude == 1) return;
  r.Error(path, Dump(v) + " is not a supported format (this mcastlab reads format 1)");
}

std::optional<core::Duration> ReadDuration(const JsonValue& v, const std::string& path,
                                           Reporter& r) {
  const auto d = ReadInterval(v, path, r);
  if (d && *d > core::Seconds(static_cast<std::int64_t>(kMaxDurationSeconds))) {
    r.Bad(path, v,
          {"a run duration", "more than " + std::to_string(kMaxDurationSeconds) +
                                 "s (about 136 years), the latest time a pcap timestamp holds"});
    return std::nullopt;
  }
  return d;
}

void ReadDefaults(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  ObjectReader o(v, path, r, "the defaults");
  // Hosts take the host keys, routers the router keys; version and robustness go to both.
  if (const JsonValue* igmp = o.Get("igmp")) {
    s.default_igmp = ReadIgmpSettings(*igmp, o.PathOf("igmp"), r, IgmpRole::kAny);
  }
  if (const JsonValue* pim = o.Get("pim")) {
    s.default_pim = ReadPimSettings(*pim, o.PathOf("pim"), r);
  }
  o.Finish();
}

void ReadLink(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  ObjectReader o(v, path, r, "a link");
  Link link;
  // Each link is captured to <link>.pcap.
  if (auto n = o.Read("name", ReadFileName, true)) link.name = *n;
  if (const JsonValue* list = o.Need("endpoints")) {
    ForEachItem(*list, o.PathOf("endpoints"), r, [&](const JsonValue& e, const std::string& p) {
      if (auto ep = Parsed(ParseEndpoint)(e, p, r)) link.endpoints.push_back(*ep);
    });
  }
  if (auto d = o.Read("delay", ReadTime)) link.delay = *d;
  if (auto b = o.Read("bandwidth", Parsed(ParseBandwidth))) link.bandwidth_bps = *b;
  if (auto c = o.Read("cost", UintIn(1, UINT32_MAX))) link.cost = static_cast<std::uint32_t>(*c);
  o.Finish();
  s.links.push_back(std::move(link));
}

void ReadRp(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  ObjectReader o(v, path, r, "an RP");
  RpMapping rp;
  if (auto a = o.Read("address", Parsed(ParseAddress), true)) rp.address = *a;
  if (auto g = o.Read("groups", Parsed(ParsePrefix))) rp.groups = *g;
  o.Finish();
  s.rps.push_back(rp);
}

void ReadCapture(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  ObjectReader o(v, path, r, "a capture list");
  if (const JsonValue* links = o.Need("links")) {
    s.capture.all_links = false;
    const std::string links_path = o.PathOf("links");
    ForEachItem(*links, links_path, r, [&](const JsonValue& item, const std::string& p) {
      if (item.is_string() && item.text() == "*") {
        if (links->size != 1) r.Error(p, "\"*\" (every link) must be the only item");
        s.capture.all_links = true;
      } else if (auto n = ReadName(item, p, r)) {
        s.capture.links.push_back(*n);
      }
    });
  }
  o.Finish();
}

}  // namespace

Scenario ReadScenario(const JsonValue& root, Reporter& r) {
  Scenario s;
  ObjectReader top(root, "", r, "a scenario");
  if (const JsonValue* f = top.Need("format")) ReadFormat(*f, top.PathOf("format"), r);
  // The run's output folder is out/<name>.
  if (auto n = top.Read("name", ReadFileName, true)) s.name = *n;
  if (auto d = top.Read("description", ReadString)) s.description = *d;
  if (auto seed = top.Read("seed", UintIn(0, UINT64_MAX))) s.seed = *seed;
  const auto duration = top.Read("duration", ReadDuration, true);
  // Without a duration, windows run to the end of time; the missing key is reported anyway.
  s.duration = duration.value_or(core::Duration::Max());
  // Read before the nodes, which inherit it.
  s.profile = ReadProfile(top, core::StackProfile::kRfc);
  if (const JsonValue* d = top.Get("defaults")) ReadDefaults(*d, top.PathOf("defaults"), s, r);
  if (const JsonValue* nodes = top.Need("nodes")) ReadNodes(*nodes, top.PathOf("nodes"), s, r);
  if (const JsonValue* links = top.Need("links")) {
    if (links->is_array()) s.links.reserve(links->size);
    ForEachItem(*links, top.PathOf("links"), r,
                [&](const JsonValue& v, const std::string& p) { ReadLink(v, p, s, r); });
  }
  if (const JsonValue* rps = top.Get("rp")) {
    ForEachItem(*rps, top.PathOf("rp"), r,
                [&](const JsonValue& v, const std::string& p) { ReadRp(v, p, s, r); });
  }
  if (const JsonValue* events = top.Get("events")) {
    ReadEvents(*events, top.PathOf("events"), s, r);
  }
  if (const JsonValue* expect = top.Get("expect")) {
    ReadExpectations(*expect, top.PathOf("expect"), s, r);
  }
  if (const JsonValue* capture = top.Get("capture")) {
    ReadCapture(*capture, top.PathOf("capture"), s, r);
  }
  top.Finish();
  return s;
}

}  // namespace sim::scenario
