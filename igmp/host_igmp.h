// IGMP on a simulated host: one igmp::HostInterface per interface, fed by the host's
// membership changes and by the IGMP messages it hears, sending reports and leaves as real
// frames (TTL 1, TOS 0xc0, Router Alert, IP ID 0, as Linux sends them).
#ifndef MCASTLAB_IGMP_HOST_IGMP_H_
#define MCASTLAB_IGMP_HOST_IGMP_H_

#include <map>
#include <memory>
#include <string>

#include "igmp/config.h"
#include "igmp/host_interface.h"
#include "sim/net/host.h"

namespace igmp {

class HostIgmp : public sim::net::NodeModule {
 public:
  // Attaches to `host`: registers for IGMP and for membership changes.
  // `profiles` names the interfaces whose stack profile differs from config.profile.
  using InterfaceProfiles = std::map<std::string, sim::core::StackProfile>;
  static HostIgmp& Attach(sim::net::Host& host, HostConfig config, const InterfaceProfiles& profiles = {});

  HostIgmp(sim::net::Host& host, HostConfig config, const InterfaceProfiles& profiles = {});
  ~HostIgmp() override;
  void OnPowerOff() override;
  const HostInterface* interface_state(const sim::net::Interface& i) const;
  std::uint64_t bad_messages() const { return bad_messages_; }
  // The host's groups per interface, for snapshots.
  std::string Dump() const;

 private:
  class Port;
  struct PerInterface;
  void OnMembership(sim::net::Interface& i, sim::wire::Ipv4Address group, bool member);
  void OnIgmp(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet);

  sim::net::Host& host_;
  HostConfig config_;
  std::map<std::uint32_t, std::unique_ptr<PerInterface>> interfaces_;  // by interface index
  std::uint64_t bad_messages_ = 0;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_HOST_IGMP_H_
