// A learning switch with IGMP snooping (RFC 4541): it reads the IGMP and PIM hello frames that
// cross it to learn member ports and router ports, and sends group traffic only where it is
// wanted. Reports to a group go to router ports only; everything sent to 224.0.0.x (leaves to
// 224.0.0.2 and IGMPv3 reports to 224.0.0.22 included, as the Linux bridge does) and
// unregistered groups are flooded. An optional snooping querier (for LANs with no router) is
// an RFC 2236 querier on the whole LAN: general queries, a group-specific query per leave, and
// it yields to any querier with a lower address, as a router would.
//
// Under the linux profile the switch is the Linux bridge (net/bridge/br_multicast.c): its
// querier answers a leave with one group-specific query sent to 224.0.0.1 out of the leave's
// port only, and a general query out of that port LMQC x LMQI later; and it floods every
// multicast frame until it knows of a querier (bridge_querier_gate.h).
#ifndef MCASTLAB_IGMP_SNOOPING_SWITCH_H_
#define MCASTLAB_IGMP_SNOOPING_SWITCH_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "igmp/bridge_querier_gate.h"
#include "igmp/router_interface.h"
#include "igmp/router_querier.h"
#include "igmp/snooping_port.h"
#include "igmp/snooping_table.h"
#include "sim/net/l2_switch.h"
#include "sim/wire/igmp.h"
#include "sim/wire/ipv4.h"

namespace igmp {

class SnoopingSwitch : public sim::net::L2Switch {
 public:
  SnoopingSwitch(sim::net::NetContext& ctx, sim::core::NodeId id, std::string name);
  ~SnoopingSwitch() override;
  // Call once, after the ports exist.
  void Configure(SnoopingConfig config);
  // Makes the switch a snooping querier with this source address (RFC 4541 §2.1.1 mentions
  // the need for one where no router queries) and these timers. Starts at power-on like a
  // router's querier.
  void EnableQuerier(sim::wire::Ipv4Address address, RouterConfig config);
  // The election of the snooping querier; null without one.
  const RouterQuerier* querier() const { return querier_ ? &querier_->querier() : nullptr; }
  // The snooping querier as the LAN's IGMP router (its groups); null without one.
  const RouterInterface* querier_state() const { return querier_.get(); }

  const SnoopingTable& table() const { return *table_; }
  // Port names a data frame for `group` would go out of (from no port in particular).
  std::vector<std::string> ForwardPortNames(sim::wire::Ipv4Address group) const;
  std::string DumpSnooping() const;

 protected:
  void ForwardMulticast(sim::net::Interface& in, const sim::net::FramePtr& frame) override;
  void OnPowerOff() override;
  void OnPowerOn() override;
  void OnLinkStateChanged(sim::net::Interface& port) override;

 private:
  class Port;
  class QuerierPort;
  // Learns from an IGMP message; true for a report or a leave, false for a query.
  bool Snoop(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet, const sim::wire::IgmpMessage& m);
  // Hands the parsed message to the snooping querier, when there is one.
  void FeedQuerier(SwitchPort in, sim::wire::Ipv4Address source, const sim::wire::IgmpMessage& m);
  // The Linux bridge querier's answer to a leave that arrived on `in`.
  void LinuxQuerierLeave(SwitchPort in, sim::wire::Ipv4Address group);
  // Whether the bridge (linux profile) still floods everything for want of a querier.
  bool FloodingForWantOfQuerier() const;
  void StartQuerier();
  void SendTo(const std::set<SwitchPort>& ports, const sim::net::FramePtr& frame);
  // Counts where snooping kept a data frame (snooping-filtered, per port left out) or flooded
  // it because its group is unregistered (flooded-unregistered).
  void CountSnoopingOutcome(const sim::net::Interface& in, const sim::wire::Ipv4Packet& packet,
                            const std::set<SwitchPort>& out);
  std::set<SwitchPort> AllPorts() const;

  std::unique_ptr<Port> port_;
  std::unique_ptr<SnoopingTable> table_;
  std::unique_ptr<QuerierPort> querier_port_;
  std::unique_ptr<RouterInterface> querier_;
  // Linux profile only (null otherwise).
  std::unique_ptr<BridgeQuerierGate> gate_;
  // Linux profile: when each port's own general query is due after a leave on it.
  std::map<SwitchPort, sim::core::Time> port_query_due_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_SNOOPING_SWITCH_H_
