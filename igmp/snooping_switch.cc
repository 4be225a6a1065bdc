#include "igmp/snooping_switch.h"

#include "sim/core/text_table.h"
#include "sim/wire/encode.h"
#include "sim/wire/ethernet.h"
#include "sim/wire/frame_builder.h"
#include "sim/wire/igmp.h"
#include "sim/wire/ipv4.h"

namespace igmp {

using sim::wire::Ipv4Address;

class SnoopingSwitch::Port : public SnoopingPort {
 public:
  explicit Port(SnoopingSwitch& sw) : sw_(sw) {}
  void Trace(std::string_view kind, TraceFields fields) override { sw_.Trace(kind, std::move(fields)); }
  std::string PortName(std::uint32_t index) const override { return sw_.interfaces()[index]->name(); }

 private:
  SnoopingSwitch& sw_;
};

// Sends the snooping querier's general queries out of every port, from the switch itself.
class SnoopingSwitch::QuerierPort : public RouterPort {
 public:
  QuerierPort(SnoopingSwitch& sw, Ipv4Address address) : sw_(sw), address_(address) {}
  void SendGeneralQuery(sim::core::Duration max_resp) override {
    if (sw_.interfaces().empty()) return;
    const auto header = sim::wire::ControlHeader(sim::wire::kIpProtoIgmp, address_, sim::wire::kAllSystems);
    const auto frame = sim::net::MakeFrame(sim::wire::BuildIpv4Frame(
        sw_.interfaces()[0]->mac(), sim::wire::MulticastMac(sim::wire::kAllSystems), header,
        sim::wire::Encode(sim::wire::IgmpMessage(sim::wire::IgmpQuery{max_resp, Ipv4Address()}))));
    for (const auto& p : sw_.interfaces()) p->Send(frame);
  }
  void SendGroupSpecificQuery(Ipv4Address, sim::core::Duration) override {}  // the querier alone sends none
  void MembershipChanged(Ipv4Address, bool) override {}
  void Trace(std::string_view kind, TraceFields fields) override { sw_.Trace(kind, std::move(fields)); }

 private:
  SnoopingSwitch& sw_;
  Ipv4Address address_;
};

SnoopingSwitch::SnoopingSwitch(sim::net::NetContext& ctx, sim::core::NodeId id, std::string name)
    : L2Switch(ctx, id, std::move(name)), port_(std::make_unique<Port>(*this)) {
  Configure(SnoopingConfig{});
}

void SnoopingSwitch::Configure(SnoopingConfig config) {
  table_ = std::make_unique<SnoopingTable>(scheduler(), id(), config, *port_);
}

void SnoopingSwitch::EnableQuerier(Ipv4Address address, RouterConfig config) {
  querier_port_ = std::make_unique<QuerierPort>(*this, address);
  querier_ = std::make_unique<RouterQuerier>(scheduler(), id(), config, address, *querier_port_);
  // Start as an event of the run, so that the first queries are captured like every frame.
  scheduler().ScheduleIn(sim::core::Duration::Zero(), id(), [this] {
    if (powered()) querier_->Start();
  });
}

std::set<SwitchPort> SnoopingSwitch::AllPorts() const {
  std::set<SwitchPort> all;
  for (const auto& p : interfaces()) all.insert(p->index());
  return all;
}

void SnoopingSwitch::SendTo(const std::set<SwitchPort>& ports, const sim::net::FramePtr& frame) {
  for (SwitchPort p : ports) interfaces()[p]->Send(frame);
}

bool SnoopingSwitch::Snoop(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet) {
  auto m = sim::wire::ParseIgmp(packet.payload);
  if (!m) return false;  // not understood: forwarded as any other frame
  const SwitchPort p = in.index();
  const bool is_query = std::holds_alternative<sim::wire::IgmpQuery>(*m) || std::holds_alternative<sim::wire::IgmpV3Query>(*m);
  if (is_query) {
    const Ipv4Address group = std::holds_alternative<sim::wire::IgmpQuery>(*m) ? std::get<sim::wire::IgmpQuery>(*m).group
                                                                             : std::get<sim::wire::IgmpV3Query>(*m).group;
    table_->OnQuery(p, packet.header.source, group);
    if (querier_) querier_->OnQueryReceived(packet.header.source);
    return false;  // queries reach every port
  }
  if (const auto* r1 = std::get_if<sim::wire::IgmpV1Report>(&*m)) table_->OnReport(p, r1->group);
  if (const auto* r2 = std::get_if<sim::wire::IgmpV2Report>(&*m)) table_->OnReport(p, r2->group);
  if (const auto* l = std::get_if<sim::wire::IgmpLeave>(&*m)) table_->OnLeave(p, l->group);
  if (const auto* r3 = std::get_if<sim::wire::IgmpV3Report>(&*m)) {
    for (const auto& rec : r3->records) {
      // TO_IN / IS_IN with no source means the host left the group (RFC 3376 §5.1).
      const bool leaving = rec.sources.empty() && (rec.type == sim::wire::IgmpRecordType::kChangeToInclude ||
                                                   rec.type == sim::wire::IgmpRecordType::kModeIsInclude);
      if (leaving) {
        table_->OnLeave(p, rec.group);
      } else {
        table_->OnReport(p, rec.group);
      }
    }
  }
  return true;  // RFC 4541 §2.1.1: reports and leaves go to router ports only
}

void SnoopingSwitch::ForwardMulticast(sim::net::Interface& in, const sim::net::FramePtr& frame) {
  auto eth = sim::wire::ParseEthernet(*frame);
  auto ip = eth && eth->header.ethertype == sim::wire::kEtherTypeIpv4 ? std::optional(sim::wire::ParseIpv4(eth->payload))
                                                                      : std::nullopt;
  if (!ip || !*ip) {
    Flood(in, frame);
    return;
  }
  const sim::wire::Ipv4Packet& packet = ip->value();
  const Ipv4Address dst = packet.header.destination;
  if (packet.header.protocol == sim::wire::kIpProtoIgmp) {
    if (Snoop(in, packet)) {
      SendTo(table_->ControlPorts(in.index()), frame);
    } else {
      Flood(in, frame);
    }
    return;
  }
  if (packet.header.protocol == sim::wire::kIpProtoPim && dst == sim::wire::kAllPimRouters) {
    table_->OnPimHello(in.index());  // RFC 4541 §2.1.1: PIM hellos mark router ports too
  }
  const std::set<SwitchPort> out = table_->ForwardPorts(dst, in.index(), AllPorts());
  if (!dst.is_link_local_multicast()) CountSnoopingOutcome(in, packet, out);
  SendTo(out, frame);
}

void SnoopingSwitch::CountSnoopingOutcome(const sim::net::Interface& in, const sim::wire::Ipv4Packet& packet,
                                          const std::set<SwitchPort>& out) {
  using sim::net::DropKey;
  using sim::net::DropReason;
  const Ipv4Address s = packet.header.source, g = packet.header.destination;
  if (!table_->MemberPorts(g)) {
    // RFC 4541 §2.1.2: unregistered groups are flooded; every host's NIC then filters them.
    const DropKey key{DropReason::kFloodedUnregistered, s, g, sim::net::kNoInterface, 0};
    if (CountDrop(key)) TraceDrop(key);
    return;
  }
  for (const auto& p : interfaces()) {
    if (p.get() == &in || out.contains(p->index())) continue;
    const DropKey key{DropReason::kSnoopingFiltered, s, g, p->index(), 0};
    if (CountDrop(key)) TraceDrop(key);
  }
}

std::vector<std::string> SnoopingSwitch::ForwardPortNames(Ipv4Address group) const {
  std::vector<std::string> names;
  for (SwitchPort p : table_->ForwardPorts(group, UINT32_MAX, AllPorts())) names.push_back(interfaces()[p]->name());
  return names;
}

void SnoopingSwitch::OnPowerOff() {
  L2Switch::OnPowerOff();
  table_->Stop();
  if (querier_) querier_->Stop();
}

void SnoopingSwitch::OnPowerOn() {
  L2Switch::OnPowerOn();
  if (querier_) querier_->Start();
}

void SnoopingSwitch::OnLinkStateChanged(sim::net::Interface& port) {
  L2Switch::OnLinkStateChanged(port);
  if (!port.up()) table_->OnPortDown(port.index());
}

std::string SnoopingSwitch::DumpSnooping() const {
  std::string out;
  if (querier_) {
    out += "Snooping querier " + sim::wire::ToString(querier_->own_address()) +
           (querier_->is_querier() ? ": querier\n" : ": non-querier (querier " + sim::wire::ToString(querier_->querier_address()) + ")\n");
  }
  out += "Router ports:";
  for (SwitchPort p : table_->RouterPorts()) out += " " + interfaces()[p]->name();
  out += "\n";
  sim::core::TextTable t({"Group", "Port", "Expires"});
  for (const auto& g : table_->Groups()) {
    t.Row({sim::wire::ToString(g.group), interfaces()[g.port]->name(),
           g.expires_in ? sim::core::ToTableString(*g.expires_in) : "-"});
  }
  return out + t.Render();
}

SnoopingSwitch::~SnoopingSwitch() = default;

}  // namespace igmp
