// A learning switch with IGMP snooping (RFC 4541): it reads the IGMP and PIM hello frames that
// cross it to learn member ports and router ports, and sends group traffic only where it is
// wanted. Reports and leaves go to router ports only; 224.0.0.x traffic and unregistered
// groups are flooded. An optional snooping querier (for LANs with no router) sends general
// queries from the switch and yields to any querier with a lower address, as a router would.
#ifndef MCASTLAB_IGMP_SNOOPING_SWITCH_H_
#define MCASTLAB_IGMP_SNOOPING_SWITCH_H_

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "igmp/router_querier.h"
#include "igmp/snooping_port.h"
#include "igmp/snooping_table.h"
#include "sim/net/l2_switch.h"
#include "sim/wire/ipv4.h"

namespace igmp {

class SnoopingSwitch : public sim::net::L2Switch {
 public:
  SnoopingSwitch(sim::net::NetContext& ctx, sim::core::NodeId id, std::string name);
  ~SnoopingSwitch() override;
  // Call once, after the ports exist.
  void Configure(SnoopingConfig config);
  // Makes the switch a snooping querier with this source address (RFC 4541 §2.1.1 mentions
  // the need for one where no router queries). Starts at power-on like a router's querier.
  void EnableQuerier(sim::wire::Ipv4Address address, RouterConfig config);
  const RouterQuerier* querier() const { return querier_.get(); }

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
  // Learns from an IGMP message; returns true when it must go to router ports only.
  bool Snoop(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet);
  void SendTo(const std::set<SwitchPort>& ports, const sim::net::FramePtr& frame);
  // Counts where snooping kept a data frame (snooping-filtered, per port left out) or flooded
  // it because its group is unregistered (flooded-unregistered).
  void CountSnoopingOutcome(const sim::net::Interface& in, const sim::wire::Ipv4Packet& packet,
                            const std::set<SwitchPort>& out);
  std::set<SwitchPort> AllPorts() const;

  std::unique_ptr<Port> port_;
  std::unique_ptr<SnoopingTable> table_;
  std::unique_ptr<QuerierPort> querier_port_;
  std::unique_ptr<RouterQuerier> querier_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_SNOOPING_SWITCH_H_
