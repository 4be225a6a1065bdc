// IGMP on a simulated router: one igmp::RouterInterface per addressed interface, started at
// power-on and when its link comes up, stopped when either goes away. Queries go out as real
// frames; the membership it learns is what PIM and the `igmp_group` expectation read.
#ifndef MCASTLAB_IGMP_ROUTER_IGMP_H_
#define MCASTLAB_IGMP_ROUTER_IGMP_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "igmp/config.h"
#include "igmp/router_interface.h"
#include "sim/net/router.h"

namespace igmp {

class RouterIgmp : public sim::net::NodeModule {
 public:
  // (interface, group, members present): the router's view of local membership changed,
  // including the memberships dropped when an interface goes down or the router powers off.
  using MembershipObserver = std::function<void(sim::net::Interface&, sim::wire::Ipv4Address, bool)>;
  using ConfigFor = std::function<RouterConfig(const sim::net::Interface&)>;

  static RouterIgmp& Attach(sim::net::Router& router, const ConfigFor& config);

  RouterIgmp(sim::net::Router& router, const ConfigFor& config);
  ~RouterIgmp() override;
  void OnPowerOff() override;
  void OnPowerOn() override;
  void OnLinkStateChanged(sim::net::Interface& i) override;

  void AddMembershipObserver(MembershipObserver o) { observers_.push_back(std::move(o)); }
  // Null for interfaces without an address.
  RouterInterface* interface_state(const sim::net::Interface& i);
  const RouterInterface* interface_state(const sim::net::Interface& i) const;
  void Reconfigure(const sim::net::Interface& i, RouterConfig config);
  std::uint64_t bad_messages() const { return bad_messages_; }

  // "show ip igmp groups" and "show ip igmp interface".
  std::string DumpGroups() const;
  std::string DumpInterfaces() const;

 private:
  class Port;
  struct PerInterface;
  void OnIgmp(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet);
  // Stops one interface and tells the observers of every membership it dropped.
  void StopAndReport(std::uint32_t index, PerInterface& p);

  sim::net::Router& router_;
  std::map<std::uint32_t, std::unique_ptr<PerInterface>> interfaces_;
  std::vector<MembershipObserver> observers_;
  std::uint64_t bad_messages_ = 0;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_ROUTER_IGMP_H_
