// PimRouter's per-interface and per-entry state, and the ports through which its state
// machines reach it. Private to pim_router*.cc and pim_show.cc.
#ifndef MCASTLAB_PIM_PIM_ROUTER_STATE_H_
#define MCASTLAB_PIM_PIM_ROUTER_STATE_H_

#include <map>
#include <memory>
#include <optional>
#include <set>

#include "pim/pim_router.h"
#include "pim/sg_rpt_downstream.h"
#include "pim/sg_rpt_upstream.h"

namespace pim {

// A PIM interface's Hello port: Hellos out, neighbor and DR changes in.
class HelloPortOf : public HelloPort {
 public:
  HelloPortOf(PimRouter& owner, PimRouter::Interface& pi) : owner_(owner), pi_(pi) {}
  void SendHello(const sim::wire::PimHello& hello) override;
  void NeighborUp(sim::wire::Ipv4Address neighbor) override;
  void NeighborDown(sim::wire::Ipv4Address neighbor) override;
  void NeighborRestarted(sim::wire::Ipv4Address neighbor) override;
  void DrChanged(sim::wire::Ipv4Address dr, bool i_am_dr) override;
  void Trace(std::string_view kind, TraceFields fields) override;

 private:
  PimRouter& owner_;
  PimRouter::Interface& pi_;
};

// A PIM interface's downstream Join/Prune port.
class DownstreamPortOf : public DownstreamJoinPort {
 public:
  DownstreamPortOf(PimRouter& owner, PimRouter::Interface& pi) : owner_(owner), pi_(pi) {}
  void StateChanged(const JoinKey& key, bool joined) override;
  void SendPruneEcho(const JoinKey& key) override;
  void Trace(std::string_view kind, TraceFields fields) override;

 private:
  PimRouter& owner_;
  PimRouter::Interface& pi_;
};

// A PIM interface's Assert port: Asserts out, winner changes in.
class AssertPortOf : public AssertPort {
 public:
  AssertPortOf(PimRouter& owner, PimRouter::Interface& pi) : owner_(owner), pi_(pi) {}
  void SendAssert(const JoinKey& key, const AssertMetric& metric, sim::wire::Ipv4Address source) override;
  void WinnerChanged(const JoinKey& key) override;
  sim::wire::Ipv4Address RpOf(sim::wire::Ipv4Address group) const override;
  void Trace(std::string_view kind, TraceFields fields) override;

 private:
  PimRouter& owner_;
  PimRouter::Interface& pi_;
};

// A PIM interface's downstream (S,G,rpt) port.
class RptDownstreamPortOf : public SgRptDownstreamPort {
 public:
  RptDownstreamPortOf(PimRouter& owner, PimRouter::Interface& pi) : owner_(owner), pi_(pi) {}
  void PrunedChanged(const JoinKey& key, bool pruned) override;
  void Trace(std::string_view kind, TraceFields fields) override;

 private:
  PimRouter& owner_;
  PimRouter::Interface& pi_;
};

// The upstream (S,G,rpt) port: Join(S,G,rpt) and Prune(S,G,rpt) into the batch.
class RptUpstreamPortOf : public SgRptUpstreamPort {
 public:
  explicit RptUpstreamPortOf(PimRouter& owner) : owner_(owner) {}
  void SendJoin(const JoinKey& key, sim::wire::Ipv4Address neighbor) override { Send(key, neighbor, true); }
  void SendPrune(const JoinKey& key, sim::wire::Ipv4Address neighbor) override { Send(key, neighbor, false); }
  void Trace(std::string_view kind, TraceFields fields) override;

 private:
  void Send(const JoinKey& key, sim::wire::Ipv4Address neighbor, bool join);
  PimRouter& owner_;
};

struct PimRouter::Interface {
  Interface(PimRouter& owner, sim::net::Router& router, sim::net::Interface& i, const Config& c)
      : iface(i),
        config(c),
        hello_port(owner, *this),
        hello(router.scheduler(), router.id(), i.address(), config, router.rng(), hello_port),
        downstream_port(owner, *this),
        assert_port(owner, *this),
        rpt_downstream_port(owner, *this) {}
  sim::net::Interface& iface;
  Config config;
  HelloPortOf hello_port;
  HelloInterface hello;
  DownstreamPortOf downstream_port;
  AssertPortOf assert_port;
  RptDownstreamPortOf rpt_downstream_port;
  std::set<sim::wire::Ipv4Address> members;  // local_receiver_include(*,G,I), from IGMP
};

struct PimRouter::Entry {
  JoinKey key;
  sim::core::Time since;
  std::map<std::uint32_t, std::unique_ptr<DownstreamJoin>> downstream;  // by interface index
  std::unique_ptr<UpstreamJoin> upstream;
  // RFC 7761 §4.6: the Assert state of each interface that has any (by interface index).
  std::map<std::uint32_t, std::unique_ptr<AssertMachine>> asserts;
  // (S,G) only.
  std::unique_ptr<KeepaliveTimer> keepalive;
  std::unique_ptr<RegisterStateMachine> register_state;  // at the source's DR
  bool spt_bit = false;
  // RPF_interface and RPF' as last computed, for the pim.rpf line when either changes; empty
  // before the first computation (a new entry's RPF is no change).
  std::optional<Rpf> rpf;
  // RFC 7761 §4.5.3 and §4.5.7: S on G's shared tree, by interface and upstream (pim_spt.cc).
  std::map<std::uint32_t, std::unique_ptr<SgRptDownstream>> rpt_downstream;
  std::unique_ptr<RptUpstreamPortOf> rpt_port;
  std::unique_ptr<SgRptUpstream> rpt_upstream;
  // RPF'(S,G,rpt) was last an (S,G) Assert winner, not RPF'(*,G): its end is the §4.5.7 event.
  bool rpt_rpf_by_assert = false;
  // The Register machine's tunnel is up: data is encapsulated to the RP.
  bool registering() const { return register_state && register_state->tunnel_up(); }
};

// The router-wide ports: upstream Joins/Prunes, Register, keepalive.
class PimRouterPorts : public UpstreamJoinPort, public RegisterPort, public KeepalivePort {
 public:
  explicit PimRouterPorts(PimRouter& owner) : owner_(owner) {}
  void SendJoin(const JoinKey& key, sim::wire::Ipv4Address neighbor) override { Send(key, neighbor, true); }
  void SendPrune(const JoinKey& key, sim::wire::Ipv4Address neighbor) override { Send(key, neighbor, false); }
  void TunnelUp(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group, sim::wire::Ipv4Address rp) override;
  void TunnelDown(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group) override;
  void SendNullRegister(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group, sim::wire::Ipv4Address rp) override;
  void KeepaliveExpired(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group) override;
  void Trace(std::string_view kind, TraceFields fields) override;
  bool Reachable(sim::wire::Ipv4Address neighbor) const override { return owner_.JoinPruneOut(neighbor) != nullptr; }

 private:
  void Send(const JoinKey& key, sim::wire::Ipv4Address neighbor, bool join);
  PimRouter& owner_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_PIM_ROUTER_STATE_H_
