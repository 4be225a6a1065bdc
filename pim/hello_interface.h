// PIM Hello and the neighbor table of one router interface (RFC 7761 §4.3): the Hello Timer,
// triggered Hellos, one Neighbor Liveness Timer per neighbor, the DR election (§4.3.2) and the
// LAN Prune Delay values (§4.3.3). The rules, with their RFC text, are at the top of
// hello_interface.cc.
//
// The router's glue parses each Hello heard on the interface and calls OnHelloReceived with
// its IP source; everything this class does goes out through the HelloPort. Nothing happens
// before Start() or after Stop().
//
// Configuration is read through a reference, so a run-time change of a period or delay
// applies from the next start of the timer that uses it, and the next Hello carries the new
// holdtime and LAN Prune Delay values. The DR priority is the exception: it is read from the
// Config once, at construction, and changed afterwards only by SetDrPriority, because a new
// priority must also re-run the election and be announced.
#ifndef MCASTLAB_PIM_HELLO_INTERFACE_H_
#define MCASTLAB_PIM_HELLO_INTERFACE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pim/config.h"
#include "pim/hello_options.h"
#include "pim/hello_port.h"
#include "pim/lan_prune_delay.h"
#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/time.h"
#include "sim/core/timer.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/pim_hello.h"

namespace pim {

// RFC 7761 §4.11 Default_Hello_Holdtime: the holdtime given to a neighbor whose Hello has no
// Holdtime option (the option is mandatory; the neighbor is kept, as Junos does).
inline constexpr std::uint16_t kDefaultHelloHoldtimeS = 105;

// One row of "show ip pim neighbor".
struct PimNeighbor {
  sim::wire::Ipv4Address address;
  // When the neighbor came up, or last restarted (new Generation ID).
  sim::core::Time since;
  // The Neighbor Liveness Timer's deadline; empty for Holdtime 0xffff (never times out).
  std::optional<sim::core::Time> expires_at;
  std::uint16_t holdtime_s = kDefaultHelloHoldtimeS;  // from its last Hello
  std::optional<std::uint32_t> dr_priority;
  std::optional<std::uint32_t> generation_id;
  std::optional<sim::wire::PimLanPruneDelay> lan_prune_delay;
};

class HelloInterface {
 public:
  // `config`, `rng` and `port` must outlive the interface. Starts stopped.
  HelloInterface(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                 sim::wire::Ipv4Address own_address, const Config& config, sim::core::Rng& rng,
                 HelloPort& port);
  HelloInterface(const HelloInterface&) = delete;
  HelloInterface& operator=(const HelloInterface&) = delete;

  // PIM enabled on the interface, or router start: a new Generation ID, this router DR
  // (DrChanged), the first Hello after rand(0, Triggered_Hello_Delay), then one every
  // Hello_Period (none when Hello_Period is zero). No effect when running. Draws from the
  // RNG: the Generation ID, then the first delay.
  void Start();
  // Interface down, PIM disabled or router shutdown. With `goodbye`, a Hello with Holdtime 0
  // first (RFC 7761 §4.3.1). Then every timer is cancelled, each neighbor is reported down
  // (NeighborDown, trace reason "interface down") in address order, and the DR becomes
  // 0.0.0.0 (DrChanged(0.0.0.0, false)), so that the router's view of neighbors and DR is the
  // same whichever way they went. No effect when stopped.
  void Stop(bool goodbye);

  // A Hello heard on the interface from `source` (its IP source address). Ignored when
  // stopped, and when `source` is this interface's own address (looped back).
  void OnHelloReceived(sim::wire::Ipv4Address source, const sim::wire::PimHello& hello);
  // A run-time change of this router's DR priority: a Hello at once and a new election. No
  // effect when the priority is unchanged; while stopped, only stored.
  void SetDrPriority(std::uint32_t priority);
  // RFC 7761 §4.3.1: before a Join/Prune or an Assert, a Hello at once if none was sent since
  // Start() or if a triggered Hello is still pending. Call it before sending either.
  void SendHelloBeforeJoinPruneOrAssert();

  bool running() const { return running_; }
  sim::wire::Ipv4Address own_address() const { return own_address_; }
  // The Generation ID of the current run; 0 before the first Start().
  std::uint32_t generation_id() const { return generation_id_; }
  std::uint32_t dr_priority() const { return dr_priority_; }

  // Ordered by address.
  std::vector<PimNeighbor> neighbors() const;
  std::optional<PimNeighbor> neighbor(sim::wire::Ipv4Address address) const;
  bool IsNeighbor(sim::wire::Ipv4Address address) const { return neighbors_.contains(address); }

  // RFC 7761 §4.3.2 DR(I); 0.0.0.0 while stopped.
  sim::wire::Ipv4Address dr() const { return dr_; }
  bool is_dr() const { return running_ && dr_ == own_address_; }
  // False when some neighbor sent no DR Priority option and the DR is the highest address.
  bool dr_by_priority() const { return dr_by_priority_; }

  // RFC 7761 §4.3.3, over the current neighbors (see lan_prune_delay.h).
  LanDelay lan_delay() const;
  bool lan_delay_enabled() const { return lan_delay().lan_delay_enabled; }
  sim::core::Duration effective_propagation_delay() const {
    return lan_delay().effective_propagation_delay;
  }
  sim::core::Duration effective_override_interval() const {
    return lan_delay().effective_override_interval;
  }
  // RFC 7761 §4.11 J/P_Override_Interval(I): the Prune-Pending Timer of §4.5.
  sim::core::Duration jp_override_interval() const { return lan_delay().jp_override_interval(); }
  bool suppression_enabled() const { return lan_delay().suppression_enabled; }

  // When the next Hello goes (periodic or triggered); empty while stopped.
  std::optional<sim::core::Time> next_hello_at() const;
  // The LAN Prune Delay option this router sends (T bit clear).
  sim::wire::PimLanPruneDelay own_lan_prune_delay() const {
    return LanPruneDelayOption(config_.propagation_delay, config_.override_interval);
  }

 private:
  struct NeighborEntry {
    NeighborEntry(sim::core::Scheduler& s, sim::core::NodeId node, std::function<void()> expiry)
        : neighbor_liveness_timer_(s, node, std::move(expiry)) {}
    PimNeighbor info;  // expires_at is read from the timer
    // RFC 7761 §4.10 NLT(N,I), set to the Holdtime of each Hello from the neighbor.
    sim::core::Timer neighbor_liveness_timer_;
  };

  void OnHelloTimerExpired();
  void OnTriggeredHelloTimerExpired();
  void OnNeighborLivenessTimerExpired(sim::wire::Ipv4Address address);
  void AddNeighbor(sim::wire::Ipv4Address source, const sim::wire::PimHello& hello);
  // Replaces the neighbor's options with the Hello's and restarts its NLT.
  void ApplyHello(NeighborEntry& entry, const sim::wire::PimHello& hello);
  // Erases the neighbor, traces it down with `reason`, calls NeighborDown.
  void RemoveNeighbor(sim::wire::Ipv4Address address, std::string_view reason);
  void TraceNeighbor(std::string_view change, const PimNeighbor& n);
  // A Hello after rand(0, Triggered_Hello_Delay), unless one is already due by then.
  void ScheduleTriggeredHello(std::string_view reason);
  // A Hello with every option; Holdtime 0 for a goodbye, else the configured holdtime.
  void SendHello(std::string_view reason, bool goodbye = false);
  // Runs DR(I); when the DR changed, traces "pim.dr" with `why` and calls DrChanged.
  void ElectDr(std::string_view why);
  // The only writer of dr_ (and of dr_by_priority_).
  void SetDr(sim::wire::Ipv4Address dr, bool by_priority, std::string_view why);

  sim::core::Scheduler& scheduler_;
  sim::core::NodeId node_;
  sim::wire::Ipv4Address own_address_;
  const Config& config_;
  sim::core::Rng& rng_;
  HelloPort& port_;
  bool running_ = false;
  std::uint32_t generation_id_ = 0;
  std::uint32_t dr_priority_;
  // Whether the Hello Timer has expired since Start() (its first Hello is the "start" one).
  bool hello_timer_expired_ = false;
  // Whether any Hello went out since Start().
  bool hello_sent_ = false;
  std::string triggered_reason_;
  sim::wire::Ipv4Address dr_;
  bool dr_by_priority_ = true;
  std::map<sim::wire::Ipv4Address, NeighborEntry> neighbors_;
  // RFC 7761 §4.10 HT(I): rand(0, Triggered_Hello_Delay) at Start(), then Hello_Period.
  sim::core::Timer hello_timer_;
  // RFC 7761 §4.3.1 triggered Hello (new neighbor, new Generation ID): rand(0,
  // Triggered_Hello_Delay), apart from the Hello Timer, which "should not be reset except
  // when it expires".
  sim::core::Timer triggered_hello_timer_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_HELLO_INTERFACE_H_
