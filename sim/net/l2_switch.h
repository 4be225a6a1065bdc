// A learning bridge (IEEE 802.1D without spanning tree: loops are rejected at load time).
//
// Source MACs are learned per port and age out; known unicast goes out its port, unknown
// unicast, broadcast and multicast are flooded to every other port. IGMP snooping (a later
// layer) narrows the multicast flood through the MulticastFilter hook.
#ifndef MCASTLAB_SIM_NET_L2_SWITCH_H_
#define MCASTLAB_SIM_NET_L2_SWITCH_H_

#include <map>
#include <string>

#include "sim/net/node.h"

namespace sim::net {

class L2Switch : public Node {
 public:
  static constexpr core::Duration kDefaultAgingTime = core::Seconds(300);  // 802.1D default

  L2Switch(NetContext& ctx, core::NodeId id, std::string name);
  std::string_view type() const override { return "switch"; }

  struct MacEntry {
    Interface* port;
    core::Time last_seen;
  };
  const std::map<wire::MacAddress, MacEntry>& mac_table() const { return mac_table_; }
  void set_aging_time(core::Duration d) { aging_time_ = d; }
  // The port a unicast MAC was last seen on, unless aged out.
  Interface* LookupPort(const wire::MacAddress& mac) const;
  // "show mac address-table" style dump.
  std::string DumpMacTable() const;

 protected:
  void Receive(Interface& in, const FramePtr& frame) override;
  void OnPowerOff() override { mac_table_.clear(); }
  void OnLinkStateChanged(Interface& port) override;
  // Sends a multicast frame on; floods by default (snooping overrides this).
  virtual void ForwardMulticast(Interface& in, const FramePtr& frame) { Flood(in, frame); }
  void Flood(Interface& in, const FramePtr& frame);

 private:
  std::map<wire::MacAddress, MacEntry> mac_table_;
  core::Duration aging_time_ = kDefaultAgingTime;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_L2_SWITCH_H_
