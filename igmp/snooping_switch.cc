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

// Sends the snooping querier's queries out of every port, from the switch itself: the querier
// stands for the whole LAN, as a router's query would reach every port through the switch.
class SnoopingSwitch::QuerierPort : public RouterPort {
 public:
  QuerierPort(SnoopingSwitch& sw, Ipv4Address address) : sw_(sw), address_(address) {}
  void SendGeneralQuery(sim::core::Duration max_resp) override {
    SendQuery(sim::wire::kAllSystems, max_resp, Ipv4Address());
  }
  // RFC 2236 §7 "send group-specific query": to the group being queried.
  void SendGroupSpecificQuery(Ipv4Address group, sim::core::Duration max_resp) override {
    SendQuery(group, max_resp, group);
  }
  // One query out of one port (the Linux bridge's per-port queries).
  void SendQueryOn(SwitchPort port, Ipv4Address destination, sim::core::Duration max_resp, Ipv4Address group) {
    sw_.interfaces()[port]->Send(MakeQuery(destination, max_resp, group));
  }
  void MembershipChanged(Ipv4Address, bool) override {}  // nothing is routed from a switch
  void Trace(std::string_view kind, TraceFields fields) override { sw_.Trace(kind, std::move(fields)); }

 private:
  sim::net::FramePtr MakeQuery(Ipv4Address destination, sim::core::Duration max_resp, Ipv4Address group) const {
    const auto header = sim::wire::ControlHeader(sim::wire::kIpProtoIgmp, address_, destination);
    return sim::net::MakeFrame(sim::wire::BuildIpv4Frame(
        sw_.interfaces()[0]->mac(), sim::wire::MulticastMac(destination), header,
        sim::wire::Encode(sim::wire::IgmpMessage(sim::wire::IgmpQuery{max_resp, group}))));
  }
  void SendQuery(Ipv4Address destination, sim::core::Duration max_resp, Ipv4Address group) {
    if (sw_.interfaces().empty()) return;
    const auto frame = MakeQuery(destination, max_resp, group);
    for (const auto& p : sw_.interfaces()) p->Send(frame);
  }

  SnoopingSwitch& sw_;
  Ipv4Address address_;
};

SnoopingSwitch::SnoopingSwitch(sim::net::NetContext& ctx, sim::core::NodeId id, std::string name)
    : L2Switch(ctx, id, std::move(name)), port_(std::make_unique<Port>(*this)) {
  Configure(SnoopingConfig{});
}

void SnoopingSwitch::Configure(SnoopingConfig config) {
  gate_.reset();
  if (config.profile == sim::core::StackProfile::kLinux) {
    gate_ = std::make_unique<BridgeQuerierGate>(config.router_port_timeout);
  }
  table_ = std::make_unique<SnoopingTable>(scheduler(), id(), config, *port_);
}

void SnoopingSwitch::EnableQuerier(Ipv4Address address, RouterConfig config) {
  querier_port_ = std::make_unique<QuerierPort>(*this, address);
  querier_ = std::make_unique<RouterInterface>(scheduler(), id(), std::move(config), address, *querier_port_);
  // Start as an event of the run, so that the first queries are captured like every frame.
  scheduler().ScheduleIn(sim::core::Duration::Zero(), id(), [this] {
    if (powered()) StartQuerier();
  });
}

void SnoopingSwitch::StartQuerier() {
  querier_->Start();
  if (gate_) gate_->OnOwnQuerierStart(scheduler().Now(), querier_->config().query_response_interval);
}

bool SnoopingSwitch::FloodingForWantOfQuerier() const {
  return gate_ != nullptr && !gate_->QuerierExists(scheduler().Now());
}

void SnoopingSwitch::LinuxQuerierLeave(SwitchPort in, Ipv4Address group) {
  // br_multicast_leave_group: nothing while another querier is present; otherwise one query
  // for the group, sent to 224.0.0.1 (br_multicast_alloc_query's destination when none is
  // given) out of the arrival port only, with Max Resp Time LMQI; and that port's own
  // general query re-armed to LMQC x LMQI from now.
  if (!querier_->querier().is_querier() || group.is_link_local_multicast()) return;
  const RouterConfig& c = querier_->config();
  Trace("igmp.snooping_querier", {{"group", sim::wire::ToString(group)}, {"port", interfaces()[in]->name()},
                                  {"event", "leave"}, {"action", "send gsq to 224.0.0.1 on the port"}});
  querier_port_->SendQueryOn(in, sim::wire::kAllSystems, c.last_member_query_interval, group);
  const sim::core::Time due = scheduler().Now() + c.last_member_query_interval * c.last_member_query_count;
  port_query_due_[in] = due;
  scheduler().ScheduleIn(due - scheduler().Now(), id(), [this, in, due] {
    auto it = port_query_due_.find(in);
    if (it == port_query_due_.end() || it->second != due) return;  // re-armed by a later leave
    port_query_due_.erase(it);
    if (!powered() || !querier_->querier().is_querier()) return;
    querier_port_->SendQueryOn(in, sim::wire::kAllSystems, querier_->config().query_response_interval, Ipv4Address());
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

bool SnoopingSwitch::Snoop(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet,
                           const sim::wire::IgmpMessage& m) {
  const SwitchPort p = in.index();
  if (const auto* q = std::get_if<sim::wire::IgmpQuery>(&m)) {
    table_->OnQuery(p, packet.header.source, q->group);
    return false;
  }
  if (const auto* q3 = std::get_if<sim::wire::IgmpV3Query>(&m)) {
    table_->OnQuery(p, packet.header.source, q3->group);
    return false;
  }
  if (const auto* r1 = std::get_if<sim::wire::IgmpV1Report>(&m)) table_->OnReport(p, r1->group);
  if (const auto* r2 = std::get_if<sim::wire::IgmpV2Report>(&m)) table_->OnReport(p, r2->group);
  if (const auto* l = std::get_if<sim::wire::IgmpLeave>(&m)) table_->OnLeave(p, l->group);
  if (const auto* r3 = std::get_if<sim::wire::IgmpV3Report>(&m)) {
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
  return true;
}

void SnoopingSwitch::FeedQuerier(SwitchPort in, Ipv4Address source, const sim::wire::IgmpMessage& m) {
  if (gate_) {
    const auto* q = std::get_if<sim::wire::IgmpQuery>(&m);
    const bool own = querier_ != nullptr && source == querier_->querier().own_address();
    if (q != nullptr && q->group.is_unspecified() && !own) gate_->OnGeneralQuery(scheduler().Now(), q->max_resp_time);
  }
  if (!querier_) return;
  if (const auto* l = std::get_if<sim::wire::IgmpLeave>(&m); l != nullptr && gate_) {
    LinuxQuerierLeave(in, l->group);
    return;
  }
  // The snooping querier hears the LAN as a router's interface would (router_igmp.cc does the
  // same dispatch); IGMPv3 reports are ignored, as by that IGMPv2 router.
  if (const auto* q = std::get_if<sim::wire::IgmpQuery>(&m)) querier_->OnQuery(source, *q);
  if (const auto* q3 = std::get_if<sim::wire::IgmpV3Query>(&m)) querier_->OnV3Query(source, *q3);
  if (const auto* r1 = std::get_if<sim::wire::IgmpV1Report>(&m)) querier_->OnReport(source, r1->group, 1);
  if (const auto* r2 = std::get_if<sim::wire::IgmpV2Report>(&m)) querier_->OnReport(source, r2->group, 2);
  if (const auto* l = std::get_if<sim::wire::IgmpLeave>(&m)) querier_->OnLeave(source, l->group);
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
    // RFC 4541 §2.1.1 (1): a report goes to router ports only. RFC 4541 §2.1.2 (2): whatever
    // is sent to 224.0.0.x is flooded, so a leave (224.0.0.2) or an IGMPv3 report
    // (224.0.0.22) reaches every port, as on the Linux bridge.
    auto m = sim::wire::ParseIgmp(packet.payload);
    if (m && Snoop(in, packet, *m) && !dst.is_link_local_multicast() && !FloodingForWantOfQuerier()) {
      SendTo(table_->ControlPorts(in.index()), frame);
    } else {
      Flood(in, frame);  // queries, and what is not understood, go everywhere too
    }
    // After forwarding, as a bridge passes the frame on before its querier answers it.
    if (m) FeedQuerier(in.index(), packet.header.source, *m);
    return;
  }
  if (packet.header.protocol == sim::wire::kIpProtoPim && dst == sim::wire::kAllPimRouters) {
    table_->OnPimHello(in.index());  // RFC 4541 §2.1.1: PIM hellos mark router ports too
  }
  if (FloodingForWantOfQuerier() && !dst.is_link_local_multicast()) {
    // The bridge's "no querier yet" flood: as for an unregistered group.
    const sim::net::DropKey key{sim::net::DropReason::kFloodedUnregistered, packet.header.source, dst,
                                sim::net::kNoInterface, 0};
    if (CountDrop(key)) TraceDrop(key);
    Flood(in, frame);
    return;
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
  if (querier_) querier_->Stop();  // the groups it returns matter to routing only
  if (gate_) gate_->Reset();
  port_query_due_.clear();
}

void SnoopingSwitch::OnPowerOn() {
  L2Switch::OnPowerOn();
  if (querier_) StartQuerier();
}

void SnoopingSwitch::OnLinkStateChanged(sim::net::Interface& port) {
  L2Switch::OnLinkStateChanged(port);
  if (!port.up()) table_->OnPortDown(port.index());
}

std::string SnoopingSwitch::DumpSnooping() const {
  std::string out;
  if (const RouterQuerier* q = querier()) {
    out += "Snooping querier " + sim::wire::ToString(q->own_address()) +
           (q->is_querier() ? ": querier\n" : ": non-querier (querier " + sim::wire::ToString(q->querier_address()) + ")\n");
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
