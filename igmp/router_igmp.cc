#include "igmp/router_igmp.h"

#include "sim/core/text_table.h"
#include "sim/wire/encode.h"
#include "sim/wire/frame_builder.h"

namespace igmp {

using sim::wire::Ipv4Address;

class RouterIgmp::Port : public RouterPort {
 public:
  Port(RouterIgmp& owner, sim::net::Interface& i) : owner_(owner), if_(i) {}
  void SendGeneralQuery(sim::core::Duration max_resp) override {
    Send(sim::wire::kAllSystems, sim::wire::IgmpQuery{max_resp, Ipv4Address()});
  }
  void SendGroupSpecificQuery(Ipv4Address group, sim::core::Duration max_resp) override {
    Send(group, sim::wire::IgmpQuery{max_resp, group});
  }
  void MembershipChanged(Ipv4Address group, bool present) override {
    for (auto& o : owner_.observers_) o(if_, group, present);
  }
  void Trace(std::string_view kind, TraceFields fields) override {
    fields.insert(fields.begin(), {"interface", if_.name()});
    owner_.router_.Trace(kind, std::move(fields));
  }

 private:
  void Send(Ipv4Address to, const sim::wire::IgmpMessage& m) {
    const auto header = sim::wire::ControlHeader(sim::wire::kIpProtoIgmp, if_.address(), to);
    owner_.router_.SendIp(if_, to, header, sim::wire::Encode(m));
  }
  RouterIgmp& owner_;
  sim::net::Interface& if_;
};

struct RouterIgmp::PerInterface {
  PerInterface(RouterIgmp& owner, sim::net::Router& r, sim::net::Interface& i, const RouterConfig& c)
      : port(owner, i), state(r.scheduler(), r.id(), c, i.address(), port) {}
  Port port;
  RouterInterface state;
};

RouterIgmp& RouterIgmp::Attach(sim::net::Router& router, const ConfigFor& config) {
  return router.AddModule(std::make_unique<RouterIgmp>(router, config));
}

RouterIgmp::RouterIgmp(sim::net::Router& router, const ConfigFor& config) : router_(router) {
  for (const auto& i : router.interfaces()) {
    if (!i->prefix()) continue;
    interfaces_.emplace(i->index(), std::make_unique<PerInterface>(*this, router, *i, config(*i)));
  }
  // Start as an event of the run, so that the first queries are captured like every frame;
  // a router that starts powered off starts at its power-on instead.
  router.scheduler().ScheduleIn(sim::core::Duration::Zero(), router.id(), [this] {
    if (router_.powered()) OnPowerOn();
  });
  router.SetProtocolHandler(sim::wire::kIpProtoIgmp,
                            [this](sim::net::Interface& in, const sim::wire::Ipv4Packet& p) { OnIgmp(in, p); });
}

void RouterIgmp::OnPowerOff() {
  for (auto& [index, p] : interfaces_) StopAndReport(index, *p);
}

void RouterIgmp::StopAndReport(std::uint32_t index, PerInterface& p) {
  for (Ipv4Address group : p.state.Stop()) {
    for (auto& o : observers_) o(*router_.interfaces()[index], group, false);
  }
}

void RouterIgmp::OnPowerOn() {
  for (auto& [index, p] : interfaces_) {
    if (router_.interfaces()[index]->up()) p->state.Start();
  }
}

void RouterIgmp::OnLinkStateChanged(sim::net::Interface& i) {
  auto it = interfaces_.find(i.index());
  if (it == interfaces_.end() || !router_.powered()) return;
  if (i.up()) {
    it->second->state.Start();
  } else {
    StopAndReport(i.index(), *it->second);
  }
}

RouterInterface* RouterIgmp::interface_state(const sim::net::Interface& i) {
  auto it = interfaces_.find(i.index());
  return it == interfaces_.end() ? nullptr : &it->second->state;
}

const RouterInterface* RouterIgmp::interface_state(const sim::net::Interface& i) const {
  auto it = interfaces_.find(i.index());
  return it == interfaces_.end() ? nullptr : &it->second->state;
}

void RouterIgmp::Reconfigure(const sim::net::Interface& i, RouterConfig config) {
  if (RouterInterface* s = interface_state(i)) s->Reconfigure(config);
}

void RouterIgmp::OnIgmp(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet) {
  auto it = interfaces_.find(in.index());
  if (it == interfaces_.end()) return;
  auto m = sim::wire::ParseIgmp(packet.payload);
  if (!m) {
    // Malformed or wrong-checksum IGMP is dropped and counted, never acted on.
    ++bad_messages_;
    router_.Trace("igmp.bad_message", {{"interface", in.name()}, {"error", sim::wire::ToString(m.error())}});
    return;
  }
  RouterInterface& s = it->second->state;
  const Ipv4Address src = packet.header.source;
  if (const auto* q = std::get_if<sim::wire::IgmpQuery>(&*m)) {
    s.OnQuery(src, *q);
  } else if (const auto* q3 = std::get_if<sim::wire::IgmpV3Query>(&*m)) {
    s.OnV3Query(src, *q3);
  } else if (const auto* r1 = std::get_if<sim::wire::IgmpV1Report>(&*m)) {
    s.OnReport(src, r1->group, 1);
  } else if (const auto* r2 = std::get_if<sim::wire::IgmpV2Report>(&*m)) {
    s.OnReport(src, r2->group, 2);
  } else if (const auto* l = std::get_if<sim::wire::IgmpLeave>(&*m)) {
    s.OnLeave(src, l->group);
  }
  // IGMPv3 reports: this router speaks IGMPv2 and ignores them (RFC 3376 §7.3.2 asks v2 routers
  // to be configured as v2 queriers so hosts fall back).
}

std::string RouterIgmp::DumpGroups() const {
  const sim::core::Time now = router_.now();
  sim::core::TextTable t({"Group Address", "Interface", "Uptime", "Expires", "Last Reporter", "State"});
  for (const auto& [index, p] : interfaces_) {
    for (const auto& g : p->state.Groups()) {
      t.Row({sim::wire::ToString(g.group), router_.interfaces()[index]->name(), sim::core::ToTableString(now - g.since),
             g.expires_in ? sim::core::ToTableString(*g.expires_in) : "never", sim::wire::ToString(g.last_reporter),
             std::string(ToString(g.state))});
    }
  }
  return t.Render();
}

std::string RouterIgmp::DumpInterfaces() const {
  std::string out;
  for (const auto& [index, p] : interfaces_) {
    const RouterInterface& s = p->state;
    const auto* i = router_.interfaces()[index].get();
    out += i->name() + " is " + (i->up() ? "up" : "down") + ", address " + sim::wire::ToString(i->address()) + "\n";
    out += "  Querier: " + sim::wire::ToString(s.querier_address()) + (s.is_querier() ? " (this router)" : "") + "\n";
    if (auto q = s.next_general_query_in()) out += "  Next general query in " + sim::core::ToTableString(*q) + "\n";
    if (auto o = s.other_querier_expires_in()) out += "  Other querier present expires in " + sim::core::ToTableString(*o) + "\n";
  }
  return out;
}

RouterIgmp::~RouterIgmp() = default;

}  // namespace igmp
