#include "sim/net/l2_switch.h"

#include "sim/core/text_table.h"

#include "sim/wire/ethernet.h"

namespace sim::net {

L2Switch::L2Switch(NetContext& ctx, core::NodeId id, std::string name)
    : Node(ctx, id, std::move(name)) {}

Interface* L2Switch::LookupPort(const wire::MacAddress& mac) const {
  auto it = mac_table_.find(mac);
  if (it == mac_table_.end() || now() - it->second.last_seen > aging_time_) return nullptr;
  return it->second.port;
}

void L2Switch::Receive(Interface& in, const FramePtr& frame) {
  auto eth = wire::ParseEthernet(*frame);
  if (!eth) return;  // a runt: real switches drop it too
  const wire::EthernetHeader& h = eth->header;
  if (!h.source.is_group()) mac_table_[h.source] = MacEntry{&in, now()};
  if (h.destination.is_group()) {
    if (h.destination.is_broadcast()) {
      Flood(in, frame);
    } else {
      ForwardMulticast(in, frame);
    }
    return;
  }
  Interface* out = LookupPort(h.destination);
  if (out == nullptr) {
    Flood(in, frame);
  } else if (out != &in) {
    out->Send(frame);
  }
}

void L2Switch::Flood(Interface& in, const FramePtr& frame) {
  for (const auto& p : interfaces()) {
    if (p.get() != &in) p->Send(frame);
  }
}

void L2Switch::OnLinkStateChanged(Interface& port) {
  Node::OnLinkStateChanged(port);
  // Addresses learned on a port whose link went down are no longer reachable there.
  if (port.up()) return;
  std::erase_if(mac_table_, [&port](const auto& kv) { return kv.second.port == &port; });
}

std::string L2Switch::DumpMacTable() const {
  core::TextTable t({"MAC address", "Port", "Age"});
  for (const auto& [mac, e] : mac_table_) {
    const core::Duration age = now() - e.last_seen;
    if (age > aging_time_) continue;
    t.Row({wire::ToString(mac), e.port->name(), core::ToTableString(age)});
  }
  return t.Render();
}

}  // namespace sim::net
