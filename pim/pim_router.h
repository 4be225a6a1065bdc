// PIM-SM on one router (RFC 7761): the glue between the protocol's state machines and the
// router they run on.
//
// It owns, per PIM interface, the Hello machine (neighbors, DR); per tree entry, (*,G) or (S,G),
// the downstream Join/Prune machine of each interface, the upstream machine, and for (S,G) the
// keepalive timer and, at the source's DR, the Register machine. From that state it computes
// the RFC's olist macros (§4.1.6, §4.4, §4.5: immediate_olist, inherited_olist, pim_include) and
// programs the router's MFIB with entries it owns; static entries are left alone.
//
// Split by concern: pim_router.cc (attach, power, links, routes, messages in), pim_tree.cc
// (entries, olists, MFIB), pim_data.cc (data plane: register, decapsulation, keepalive),
// pim_show.cc (the `show ip pim` tables), pim_assert.cc (Assert). Messages out go through
// JoinPruneBatch, which puts every Join and Prune for one neighbor at one instant into one
// message.
//
// Assert (§4.6) is in pim_assert.cc, with one AssertMachine per entry and interface.
//
// The last hop's switch to the SPT and the (S,G,rpt) machines are in pim_spt.cc.
//
// Not done here: the (*,*,RP) entries (removed from the RFC anyway), BSR and Auto-RP.
#ifndef MCASTLAB_PIM_PIM_ROUTER_H_
#define MCASTLAB_PIM_PIM_ROUTER_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pim/assert_state.h"
#include "pim/config.h"
#include "pim/downstream_join.h"
#include "pim/hello_interface.h"
#include "pim/join_ports.h"
#include "pim/keepalive_timer.h"
#include "pim/register_state.h"
#include "pim/rp_set.h"
#include "pim/upstream_join.h"
#include "sim/net/interface_set.h"
#include "sim/net/router.h"
#include "sim/wire/pim.h"

namespace pim {

// Olists are the MFIB's interface sets (sim/net/interface_set.h).
using sim::net::EraseIf;
using sim::net::InsertAll;
using sim::net::InterfaceSet;

class JoinPruneBatch;
class PimRouterPorts;
class HelloPortOf;
class DownstreamPortOf;
class AssertPortOf;
class RptDownstreamPortOf;
class RptUpstreamPortOf;

class PimRouter : public sim::net::NodeModule, public sim::net::MulticastObserver {
 public:
  // PIM's configuration of an interface (`enabled` false where PIM is off), or nothing where it
  // can never run (no address).
  using ConfigFor = std::function<std::optional<Config>(const sim::net::Interface&)>;

  static PimRouter& Attach(sim::net::Router& router, const ConfigFor& config, RpSet rps);
  PimRouter(sim::net::Router& router, const ConfigFor& config, RpSet rps);
  ~PimRouter() override;

  // IGMP's view of one interface changed (RouterIgmp's membership observer).
  void OnMembershipChanged(sim::net::Interface& i, sim::wire::Ipv4Address group, bool present);
  // A run-time `set` of an interface's DR priority.
  void SetDrPriority(const sim::net::Interface& i, std::uint32_t priority);
  // A run-time `set` of `pim` on an interface: off sends a goodbye Hello (holdtime 0, RFC 7761
  // §4.3.1) and drops the interface's state; on starts Hellos as at power on.
  void SetInterfaceEnabled(const sim::net::Interface& i, bool enabled);
  // A run-time `set` of the router's PIM timers: each applies from its timer's next start.
  // The interfaces keep their own `enabled` and DR priority.
  void Reconfigure(const Config& c);

  void OnPowerOff() override;
  void OnPowerOn() override;
  void OnLinkStateChanged(sim::net::Interface& i) override;
  void OnRoutesChanged() override;
  bool OnNoEntry(sim::net::Interface& in, const sim::wire::Ipv4Packet& p, sim::wire::ByteSpan raw) override;
  bool OnWrongInterface(sim::net::Interface& in, const sim::net::MfibKey& key, const sim::wire::Ipv4Packet& p,
                        sim::wire::ByteSpan raw) override;
  void OnData(sim::net::Interface& in, const sim::net::MfibKey& key, const sim::wire::Ipv4Packet& p,
              sim::wire::ByteSpan raw) override;

  // For `show` tables and expectations. Null where PIM does not run.
  const HelloInterface* hello(const sim::net::Interface& i) const;
  const RpSet& rps() const { return rps_; }
  std::string DumpInterfaces() const;
  std::string DumpNeighbors() const;
  std::string DumpJoins() const;
  std::string DumpRpMapping() const;
  std::string DumpAsserts() const;

  // Parts of the glue, public for the port classes of pim_router.cc and pim_tree.cc.
  struct Interface;
  struct Entry;

 private:
  friend class PimRouterPorts;
  friend class HelloPortOf;
  friend class DownstreamPortOf;
  friend class AssertPortOf;
  friend class RptDownstreamPortOf;
  friend class RptUpstreamPortOf;

  // --- pim_router.cc: messages in, interfaces ---
  void OnPim(sim::net::Interface& in, const sim::wire::Ipv4Packet& packet);
  void OnJoinPrune(Interface& pi, sim::wire::Ipv4Address from, const sim::wire::PimJoinPrune& jp);
  void OnRegister(sim::net::Interface& in, const sim::wire::Ipv4Packet& outer, const sim::wire::PimRegister& r);
  void OnRegisterStop(const sim::wire::PimRegisterStop& rs);
  Interface* Find(const sim::net::Interface& i);
  const Interface* Find(const sim::net::Interface& i) const;
  // The PIM interface a Join/Prune to `neighbor` leaves on: the one whose link it is on, if up.
  const Interface* JoinPruneOut(sim::wire::Ipv4Address neighbor) const;
  void StartInterface(Interface& pi);
  void StopInterface(Interface& pi, bool goodbye);
  void NeighborChanged(Interface& pi);
  void DrChanged(Interface& pi);
  void NeighborRestarted(Interface& pi, sim::wire::Ipv4Address neighbor);
  void Trace(std::string_view kind, TraceFields fields);

  // --- pim_tree.cc: entries, RPF, olists, MFIB ---
  struct Rpf {
    std::optional<std::uint32_t> interface;  // RPF_interface; empty: this router (the RP) or no route
    sim::wire::Ipv4Address neighbor;         // RPF'; 0.0.0.0: none to send Joins to
    bool operator==(const Rpf&) const = default;
  };
  // t_override (§4.11), rand(0, Effective_Override_Interval) of `interface` (the router's
  // Override_Interval where PIM does not run there).
  sim::core::Duration TOverrideOn(std::optional<std::uint32_t> interface);
  // A pim.rpf line when RPF_interface or RPF' of `e` moved since its last computation.
  void TraceRpfChange(Entry& e, const Rpf& now);
  Rpf RpfToward(sim::wire::Ipv4Address target) const;
  // What an entry's RPF looks toward: the source of (S,G), RP(G) for (*,G), nothing for a group
  // without an RP (whose RPF is then none, rather than a route toward 0.0.0.0).
  std::optional<sim::wire::Ipv4Address> RpfTarget(const JoinKey& key) const;
  Rpf RpfOf(const std::optional<sim::wire::Ipv4Address>& target) const;
  std::optional<sim::wire::Ipv4Address> RpFor(sim::wire::Ipv4Address group) const;
  bool IAmRp(sim::wire::Ipv4Address group) const;
  Entry& Ensure(const JoinKey& key);
  Entry* FindEntry(const JoinKey& key);
  DownstreamJoin& Downstream(Entry& e, std::uint32_t interface);
  InterfaceSet Joins(const Entry& e) const;
  InterfaceSet PimInclude(sim::wire::Ipv4Address group) const;
  // `pi` is in pim_include(*,G): PIM runs there, this router is its DR, and IGMP has members.
  bool IncludesMembers(const Interface& pi, sim::wire::Ipv4Address group) const;
  // After a change to `pi.members`: keeps interfaces_with_members_ true.
  void NoteMembers(const Interface& pi);
  InterfaceSet ImmediateOlist(const Entry& e) const;
  // ImmediateOlist(e).empty(), without building the set: JoinDesired asks it of every entry.
  bool ImmediateOlistEmpty(const Entry& e) const;
  InterfaceSet InheritedOlist(const Entry& sg) const;
  bool JoinDesired(const Entry& e) const;
  // Re-derives everything of one entry (and of a (*,G)'s (S,G) entries): upstream machine,
  // MFIB, and schedules the removal of entries left with no state.
  void Recompute(const JoinKey& key);
  void RecomputeAll();
  void RecomputeOne(Entry& e);
  // The MFIB entry of `e` from its olist and RPF(`rpf`); for (*,G), none without an RP.
  void ProgramMfib(const Entry& e, const Rpf& rpf, bool has_rpf_target);
  void UpdateFlags(const Entry& e, sim::net::MfibEntry& m) const;
  void ScheduleCleanup();
  // `e` changed and may have nothing left: the next Cleanup looks at it.
  void MarkForCleanup(Entry& e);
  void Cleanup();
  // Whether `e` still holds any state (Cleanup keeps it).
  bool HasState(const Entry& e) const;

  // --- pim_assert.cc: Assert (RFC 7761 §4.6) ---
  void OnAssert(Interface& pi, sim::wire::Ipv4Address from, const sim::wire::PimAssert& a);
  // Data from `source` for `e` arrived on `in`, an interface of its olist: the Assert trigger.
  void DataOnOutgoingInterface(Entry& e, sim::net::Interface& in, sim::wire::Ipv4Address source);
  AssertMachine& AssertOn(Entry& e, std::uint32_t interface);
  bool CouldAssert(const Entry& e, std::uint32_t interface) const;
  bool AssertTrackingDesired(const Entry& e, std::uint32_t interface) const;
  // AssertTrackingDesired(S,G,I) of `key`; `sg` null: of an entry with no state yet.
  bool SgAssertTrackingDesired(const Entry* sg, const JoinKey& key, std::uint32_t interface) const;
  // I in ( joins(*,G) (-) prunes(S,G,rpt) ) (+) pim_include(*,G) (-) lost_assert(*,G) (+)
  // joins(S,G), the set CouldAssert(S,G,I) and AssertTrackingDesired(S,G,I) share.
  bool InAssertOlist(const Entry* sg, sim::wire::Ipv4Address group, std::uint32_t interface) const;
  AssertMetric MyAssertMetric(const Entry& e, std::uint32_t interface) const;
  AssertMetric RouteAssertMetric(bool rpt, sim::wire::Ipv4Address target, std::uint32_t interface) const;
  // lost_assert(S,G,I) / lost_assert(*,G,I) (§4.6.5, §4.1.6): a loser on an interface other
  // than the entry's RPF interface.
  bool LostAssert(const Entry* e, std::uint32_t interface, std::optional<std::uint32_t> rpf_interface) const;
  void EraseLostAsserts(const Entry* e, InterfaceSet& olist) const;
  // RPF' with the Assert winner (§4.1.6): the winner when I am Assert Loser on the RPF
  // interface. True when the winner replaced the neighbor.
  bool ApplyAssertToRpf(const Entry& e, Rpf& rpf) const;
  void UpdateAsserts(Entry& e);
  void AssertNeighborGone(Interface& pi, sim::wire::Ipv4Address neighbor);

  // --- pim_spt.cc: the switch to the shortest-path tree and (S,G,rpt) (RFC 7761 §4.2.1, §4.5.3,
  // §4.5.6, §4.5.7) ---
  // One source entry of a received Join/Prune message with the RPT bit and no WC: (S,G,rpt).
  void OnSgRptEntry(Interface& pi, const JoinKey& sg, bool join, sim::core::Duration holdtime, bool to_me,
                    sim::wire::Ipv4Address upstream_neighbor);
  // A Join(*,G) to this router on `pi`: the (S,G,rpt) machines of G there go to their Tmp states.
  void StarGJoinForRpt(Interface& pi, sim::wire::Ipv4Address group);
  // The message's entry for `group` is done ("End of Message", §4.5.3).
  void EndOfMessageForRpt(Interface& pi, sim::wire::Ipv4Address group);
  // prunes(S,G,rpt) and inherited_olist(S,G,rpt) (§4.1.6) of one source. `sg` null: a source
  // of `group` with no (S,G) state (no prunes, no Asserts).
  InterfaceSet PrunesRpt(const Entry& sg) const;
  InterfaceSet InheritedOlistSgRpt(const Entry* sg, sim::wire::Ipv4Address group) const;
  InterfaceSet InheritedOlistSgRpt(const Entry& sg) const;
  // ( joins(*,G) (-) prunes(S,G,rpt) ) (+) pim_include(*,G) (-) lost_assert(*,G); `sg` null:
  // no prunes.
  InterfaceSet SharedTreeOlist(const Entry* sg, sim::wire::Ipv4Address group) const;
  // lost_assert(S,G,rpt,I) (§4.6.5), and whether it holds on any interface.
  bool LostAssertRpt(const Entry& sg, std::uint32_t interface) const;
  bool HasLostAssertRpt(const Entry& sg) const;
  // AssertWinner(S,G,RPF_interface(RP(G))) when this router is Assert Loser there: then it is
  // RPF'(S,G,rpt) (§4.1.6); empty when RPF'(S,G,rpt) is RPF'(*,G).
  std::optional<sim::wire::Ipv4Address> RptAssertWinner(const Entry& sg) const;
  // Drives the upstream (S,G,rpt) machine of an (S,G) entry from PruneDesired(S,G,rpt) and co.
  void UpdateSgRpt(Entry& sg);
  // §4.5.6: the Prune(S,G,rpt) entries that ride in a periodic Join(*,G) to `neighbor`.
  void AddPeriodicRptPrunes(std::uint32_t interface, sim::wire::Ipv4Address neighbor, sim::core::Duration holdtime,
                            sim::wire::Ipv4Address group);
  // Data of S on G's shared tree at a last-hop router: SwitchToSptDesired starts (S,G) (§4.2.1).
  void CheckSwitchToSpt(sim::net::Interface& in, sim::wire::Ipv4Address source, sim::wire::Ipv4Address group);
  // §4.2: data of S arriving on RPF_interface(RP(G)) before the SPT bit goes down
  // inherited_olist(S,G,rpt). True when it was forwarded.
  bool ForwardOnSharedTree(sim::net::Interface& in, Entry& sg, sim::wire::ByteSpan raw);

  // --- pim_data.cc: data plane ---
  // True when the packet was registered or forwarded (so it is not a drop).
  bool FirstHop(sim::net::Interface& in, const sim::wire::Ipv4Packet& p, sim::wire::ByteSpan raw);
  bool CouldRegister(const Entry& sg) const;
  bool SptBitDue(const Entry& sg, const sim::net::Interface& in) const;
  void UpdateRegister(Entry& sg);
  void SendRegister(const Entry& sg, sim::wire::ByteSpan raw, bool null_register);
  void SendRegisterStop(sim::wire::Ipv4Address to, sim::wire::Ipv4Address source, sim::wire::Ipv4Address group);
  // The number of copies sent.
  std::size_t ForwardDown(const InterfaceSet& olist, sim::wire::Ipv4Address group, sim::wire::ByteSpan raw);
  void KeepaliveExpired(sim::wire::Ipv4Address source, sim::wire::Ipv4Address group);

  sim::net::Router& router_;
  // The router-wide timers (t_periodic, keepalive, register): the first PIM interface's.
  Config router_config_;
  RpSet rps_;
  std::map<std::uint32_t, std::unique_ptr<Interface>> interfaces_;
  // The interfaces whose `members` is not empty: pim_include(*,G) looks only there, so a core
  // router with hundreds of interfaces and no LAN pays nothing per entry (NoteMembers).
  InterfaceSet interfaces_with_members_;
  std::map<JoinKey, std::unique_ptr<Entry>> entries_;
  std::unique_ptr<JoinPruneBatch> batch_;
  std::unique_ptr<PimRouterPorts> ports_;
  sim::core::EventId cleanup_;
  // The entries changed since the last Cleanup: only they can have lost their last state, so a
  // router with thousands of entries does not walk them all after every message.
  // A set: marked once however often re-derived, and walked in key order.
  std::set<JoinKey> cleanup_candidates_;
  // An interface is going down: RecomputeAll waits for the new routes (OnLinkStateChanged).
  bool defer_recompute_ = false;
  sim::core::EventId recompute_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_PIM_ROUTER_H_
