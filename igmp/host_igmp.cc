#include "igmp/host_igmp.h"

#include "sim/core/text_table.h"
#include "sim/wire/encode.h"
#include "sim/wire/frame_builder.h"

namespace igmp {

using sim::wire::Ipv4Address;

class HostIgmp::Port : public HostPort {
 public:
  Port(sim::net::Host& host, sim::net::Interface& i) : host_(host), if_(i) {}
  void SendReport(Ipv4Address group, int version) override {
    if (version == 1) {
      Send(group, sim::wire::IgmpV1Report{group});
    } else {
      Send(group, sim::wire::IgmpV2Report{group});
    }
  }
  void SendLeave(Ipv4Address group) override { Send(sim::wire::kAllRouters, sim::wire::IgmpLeave{group}); }
  sim::core::Duration RandomDelay(sim::core::Duration max) override {
    return host_.rng().UniformDuration(sim::core::Duration::Zero(), max);
  }
  void Trace(std::string_view kind, TraceFields fields) override {
    fields.insert(fields.begin(), {"interface", sim::core::TraceValue::Name(if_.name())});
    host_.Trace(kind, std::move(fields));
  }

 private:
  void Send(Ipv4Address to, const sim::wire::IgmpMessage& m) {
    // Linux hosts send IGMP with IP ID 0 and DF set (seen in captures of Linux 6.x).
    const auto header = sim::wire::ControlHeader(sim::wire::kIpProtoIgmp, if_.address(), to);
    host_.SendIp(if_, to, header, sim::wire::Encode(m));
  }
  sim::net::Host& host_;
  sim::net::Interface& if_;
};

struct HostIgmp::PerInterface {
  PerInterface(sim::net::Host& host, sim::net::Interface& i, const HostConfig& c)
      : port(host, i), state(host.scheduler(), host.id(), c, port) {}
  Port port;
  HostInterface state;
};

HostIgmp& HostIgmp::Attach(sim::net::Host& host, HostConfig config, const InterfaceProfiles& profiles) {
  return host.AddModule(std::make_unique<HostIgmp>(host, config, profiles));
}

HostIgmp::HostIgmp(sim::net::Host& host, HostConfig config, const InterfaceProfiles& profiles)
    : host_(host), config_(config) {
  for (const auto& i : host.interfaces()) {
    HostConfig own = config_;  // HostInterface keeps its own copy
    if (auto it = profiles.find(i->name()); it != profiles.end()) own.profile = it->second;
    interfaces_.emplace(i->index(), std::make_unique<PerInterface>(host, *i, own));
  }
  host.AddMembershipObserver([this](sim::net::Interface& i, Ipv4Address g, bool member) { OnMembership(i, g, member); });
  host.SetProtocolHandler(sim::wire::kIpProtoIgmp,
                          [this](sim::net::Interface& in, const sim::wire::Ipv4Packet& p) { OnIgmp(in, p); });
}

void HostIgmp::OnPowerOff() {
  for (auto& [index, p] : interfaces_) p->state.Stop();
}

const HostInterface* HostIgmp::interface_state(const sim::net::Interface& i) const {
  auto it = interfaces_.find(i.index());
  return it == interfaces_.end() ? nullptr : &it->second->state;
}

void HostIgmp::OnMembership(sim::net::Interface& i, Ipv4Address group, bool member) {
  auto& s = interfaces_.at(i.index())->state;
  if (member) {
    s.Join(group);
  } else {
    s.Leave(group);
  }
}

void HostIgmp::OnIgmp(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet) {
  auto m = sim::wire::ParseIgmp(packet.payload);
  if (!m) {
    // Malformed or wrong-checksum IGMP is dropped and counted, never acted on.
    ++bad_messages_;
    host_.Trace("igmp.bad_message", {{"interface", in.name()}, {"error", sim::wire::ToString(m.error())}});
    return;
  }
  auto& s = interfaces_.at(in.index())->state;
  if (const auto* q = std::get_if<sim::wire::IgmpQuery>(&*m)) {
    s.OnQuery(*q);
  } else if (const auto* q3 = std::get_if<sim::wire::IgmpV3Query>(&*m)) {
    // RFC 3376 §7.2.1: an IGMPv2 host reads a v3 query as a v2 query (the first 8 octets agree).
    s.OnQuery(sim::wire::IgmpQuery{sim::wire::DecodeMaxRespCode(sim::wire::EncodeMaxRespCode(q3->max_resp_time)), q3->group});
  } else if (const auto* r1 = std::get_if<sim::wire::IgmpV1Report>(&*m)) {
    s.OnReport(r1->group);
  } else if (const auto* r2 = std::get_if<sim::wire::IgmpV2Report>(&*m)) {
    s.OnReport(r2->group);
  }
}

std::string HostIgmp::Dump() const {
  sim::core::TextTable t({"Interface", "Group", "State", "Report in", "Last reporter"});
  for (const auto& [index, p] : interfaces_) {
    for (const auto& g : p->state.Groups()) {
      t.Row({host_.interfaces()[index]->name(), sim::wire::ToString(g.group), std::string(ToString(g.state)),
             g.report_in ? sim::core::ToTableString(*g.report_in) : "-", g.last_reporter ? "yes" : "no"});
    }
  }
  return t.Render();
}

HostIgmp::~HostIgmp() = default;

}  // namespace igmp
