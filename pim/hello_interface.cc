// RFC 7761 §4.3.1 to §4.3.3 on one interface. The RFC draws no diagram for Hello; these are
// its rules as edges (NLT = Neighbor Liveness Timer, TDH = Triggered_Hello_Delay):
//
//   Stopped --Start (new GenID, DR = me, HT = rand(0, TDH))--------------------------> Running
//   Running --HT expired (send Hello, HT = Hello_Period)------------------------------> Running
//   Running --Stop [goodbye: send Hello with Holdtime 0] (every neighbor down,
//             DR = none)---------------------------------------------------------------> Stopped
//
//   per neighbor N:
//   (none) --Hello, Holdtime > 0 (NeighborUp, NLT = Holdtime, elect DR,
//            triggered Hello)----------------------------------------------------------> Up
//   Up     --Hello, same GenID (options replaced, NLT = Holdtime, elect DR)------------> Up
//   Up     --Hello, new GenID (NeighborRestarted, options replaced, NLT = Holdtime,
//            elect DR, triggered Hello)------------------------------------------------> Up
//   Up     --Hello, Holdtime 0 (NeighborDown, elect DR)--------------------------------> (none)
//   Up     --NLT expired (NeighborDown, elect DR)--------------------------------------> (none)
//
// Choices where the RFC leaves room, each also noted at its code:
// - The triggered Hello has its own timer; the Hello Timer keeps its schedule ("This triggered
//   message need not change the timing of the scheduled periodic message", "The Hello Timer
//   should not be reset except when it expires"). Any Hello sent serves a pending triggered one.
// - A new DR priority is announced at once, not after rand(0, TDH): see SetDrPriority.
// - The Holdtime option is the configured holdtime rounded up to whole seconds (hello_options.h).
// - A restart needs a GenID in both Hellos; one missing is not a change. A restarted neighbor's
//   uptime starts again, its old options being "discarded and superseded" (§4.3.1).
// - A goodbye (Holdtime 0) from an unknown address is ignored: there is nothing to remove.
// - Start() makes this router DR at once: DR(I) starts from "dr = me" and there are no
//   neighbors yet. Stop() reports every neighbor down and the DR as 0.0.0.0.
// - Each Start() draws a Generation ID that differs from the previous one, so that neighbors
//   always see the restart (a repeat would have odds of 2^-32, but runs are deterministic).
#include "pim/hello_interface.h"

#include <algorithm>
#include <utility>

#include "pim/dr_election.h"

namespace pim {

using sim::core::Duration;
using sim::core::Seconds;
using sim::core::Time;
using sim::wire::Ipv4Address;
using sim::wire::PimHello;

namespace {

constexpr std::string_view kHelloKind = "pim.hello";
constexpr std::string_view kNeighborKind = "pim.neighbor";
constexpr std::string_view kDrKind = "pim.dr";

std::string AddressOrNone(Ipv4Address a) {
  return a.is_unspecified() ? std::string("none") : sim::wire::ToString(a);
}

}  // namespace

HelloInterface::HelloInterface(sim::core::Scheduler& scheduler, sim::core::NodeId node,
                               Ipv4Address own_address, const Config& config, sim::core::Rng& rng,
                               HelloPort& port)
    : scheduler_(scheduler),
      node_(node),
      own_address_(own_address),
      config_(config),
      rng_(rng),
      port_(port),
      dr_priority_(config.dr_priority),
      hello_timer_(scheduler, node, [this] { OnHelloTimerExpired(); }),
      triggered_hello_timer_(scheduler, node, [this] { OnTriggeredHelloTimerExpired(); }) {}

void HelloInterface::Start() {
  if (running_) return;
  running_ = true;
  hello_timer_expired_ = false;
  hello_sent_ = false;
  // RFC 7761 §4.3.1: the GenID "is regenerated each time PIM forwarding is started or
  // restarted on the interface, including when the router itself restarts."
  std::uint32_t genid;
  do {
    genid = static_cast<std::uint32_t>(rng_.Next());
  } while (genid == generation_id_);
  generation_id_ = genid;
  SetDr(own_address_, true, "start");
  // RFC 7761 §4.3.1: "When PIM is enabled on an interface or a router first starts, the Hello
  // Timer of that interface is set to a random value between 0 and Triggered_Hello_Delay."
  hello_timer_.Restart(rng_.UniformDuration(Duration::Zero(), config_.triggered_hello_delay));
}

void HelloInterface::Stop(bool goodbye) {
  if (!running_) return;
  // RFC 7761 §4.3.1: "Before an interface goes down or changes primary IP address, a Hello
  // message with a zero HoldTime should be sent immediately".
  if (goodbye) SendHello("goodbye", /*goodbye=*/true);
  hello_timer_.Cancel();
  triggered_hello_timer_.Cancel();
  running_ = false;  // no election while the neighbors go
  while (!neighbors_.empty()) RemoveNeighbor(neighbors_.begin()->first, "interface down");
  SetDr(Ipv4Address(), true, "interface down");
}

void HelloInterface::OnHelloReceived(Ipv4Address source, const PimHello& hello) {
  if (!running_ || source == own_address_) return;
  const std::uint16_t holdtime = hello.holdtime_s.value_or(kDefaultHelloHoldtimeS);
  const auto it = neighbors_.find(source);
  if (holdtime == 0) {
    // RFC 7761 §4.9.2: Hellos with Holdtime 0 "are effectively goodbye messages, and the
    // receiving routers should immediately time out the neighbor information for the sender."
    // Therefore: removed now; a goodbye from an unknown address changes nothing.
    if (it != neighbors_.end()) RemoveNeighbor(source, "goodbye");
    return;
  }
  if (it == neighbors_.end()) {
    AddNeighbor(source, hello);
    return;
  }
  NeighborEntry& entry = it->second;
  // RFC 7761 §4.3.1: "When a Hello message with a new GenID is received from a neighbor, any
  // old Hello information about that neighbor SHOULD be discarded and superseded by the
  // information from the new Hello message." Therefore: a restart needs a GenID on both sides.
  const bool restarted = entry.info.generation_id && hello.generation_id &&
                         *entry.info.generation_id != *hello.generation_id;
  ApplyHello(entry, hello);
  if (!restarted) {
    ElectDr("neighbor hello");
    return;
  }
  entry.info.since = scheduler_.Now();
  TraceNeighbor("restarted", entry.info);
  port_.NeighborRestarted(source);
  ElectDr("neighbor restarted");
  // RFC 7761 §4.3.1: "when a Hello message is received from a new neighbor, or a Hello
  // message with a new GenID is received from an existing neighbor, a new Hello message
  // should be sent on this interface after a randomized delay between 0 and
  // Triggered_Hello_Delay."
  ScheduleTriggeredHello("neighbor restarted");
}

void HelloInterface::AddNeighbor(Ipv4Address source, const PimHello& hello) {
  NeighborEntry& entry =
      neighbors_
          .try_emplace(source, scheduler_, node_,
                       [this, source] { OnNeighborLivenessTimerExpired(source); })
          .first->second;
  entry.info.address = source;
  entry.info.since = scheduler_.Now();
  ApplyHello(entry, hello);
  TraceNeighbor("up", entry.info);
  port_.NeighborUp(source);
  ElectDr("new neighbor");
  ScheduleTriggeredHello("new neighbor");  // §4.3.1, quoted in OnHelloReceived
}

void HelloInterface::ApplyHello(NeighborEntry& entry, const PimHello& hello) {
  PimNeighbor& n = entry.info;
  n.holdtime_s = hello.holdtime_s.value_or(kDefaultHelloHoldtimeS);
  n.dr_priority = hello.dr_priority;
  n.generation_id = hello.generation_id;
  n.lan_prune_delay = hello.lan_prune_delay;
  // RFC 7761 §4.9.2: "If the Holdtime is set to '0xffff', the receiver of this message never
  // times out the neighbor."
  if (n.holdtime_s == sim::wire::kPimHelloHoldtimeForever) {
    entry.neighbor_liveness_timer_.Cancel();
  } else {
    entry.neighbor_liveness_timer_.Restart(Seconds(n.holdtime_s));
  }
}

void HelloInterface::OnNeighborLivenessTimerExpired(Ipv4Address address) {
  // Erasing the entry destroys the timer whose callback is running: `address` is a copy and
  // nothing of the entry is read afterwards.
  RemoveNeighbor(address, "expired");
}

void HelloInterface::RemoveNeighbor(Ipv4Address address, std::string_view reason) {
  const auto it = neighbors_.find(address);
  if (it == neighbors_.end()) return;
  neighbors_.erase(it);
  port_.Trace(kNeighborKind, {{"neighbor", sim::wire::ToString(address)},
                              {"change", "down"},
                              {"reason", std::string(reason)}});
  port_.NeighborDown(address);
  if (running_) ElectDr("neighbor " + std::string(reason));
}

void HelloInterface::TraceNeighbor(std::string_view change, const PimNeighbor& n) {
  TraceFields fields{{"neighbor", sim::wire::ToString(n.address)},
                     {"change", std::string(change)},
                     {"holdtime", n.holdtime_s}};
  // A field is always a number or left out: a Hello without the option gives no dr_priority.
  if (n.dr_priority) fields.emplace_back("dr_priority", *n.dr_priority);
  fields.emplace_back("generation_id", n.generation_id ? sim::wire::GenerationIdText(*n.generation_id) : "none");
  port_.Trace(kNeighborKind, std::move(fields));
}

void HelloInterface::OnHelloTimerExpired() {
  // RFC 7761 §4.3.1: "After the initial randomized interval, Hello messages must be sent
  // every Hello_Period seconds."
  SendHello(hello_timer_expired_ ? "periodic" : "start");
  hello_timer_expired_ = true;
  // A zero period would send Hellos forever at one instant: none periodic then.
  if (config_.hello_period > Duration::Zero()) hello_timer_.Restart(config_.hello_period);
}

void HelloInterface::OnTriggeredHelloTimerExpired() { SendHello(triggered_reason_); }

void HelloInterface::ScheduleTriggeredHello(std::string_view reason) {
  // RFC 7761 §4.3.1: "This triggered message need not change the timing of the scheduled
  // periodic message." Therefore: the Hello Timer is left alone, and nothing is scheduled
  // when a Hello (periodic or triggered) already goes out by the drawn instant.
  const Duration delay = rng_.UniformDuration(Duration::Zero(), config_.triggered_hello_delay);
  const std::optional<Time> next = next_hello_at();
  if (next && *next <= scheduler_.Now() + delay) return;
  triggered_reason_ = std::string(reason);
  triggered_hello_timer_.Restart(delay);
}

void HelloInterface::SetDrPriority(std::uint32_t priority) {
  if (priority == dr_priority_) return;
  dr_priority_ = priority;
  if (!running_) return;
  // RFC 7761 §4.3.2: "A router's idea of the current DR on an interface can change when a PIM
  // Hello message is received, when a neighbor times out, or when a router's own DR Priority
  // changes." The RFC sets no delay for announcing a changed option. Its delayed Hellos
  // (rand(0, Triggered_Hello_Delay)) answer events that many routers see at once (start, a
  // new neighbor) so that they do not all send together; its own-change Hellos (Holdtime 0,
  // a new secondary address, §4.3.1) are "sent immediately". A priority change happens on
  // this router alone. Therefore: the Hello goes at once, and the election runs with it.
  SendHello("priority change");
  ElectDr("priority change");
}

void HelloInterface::SendHelloBeforeJoinPruneOrAssert() {
  // RFC 7761 §4.3.1: "if a router needs to send a Join/Prune or Assert message on an interface
  // on which it has not yet sent a Hello message with the currently configured IP address,
  // then it MUST immediately send the relevant Hello message without waiting for the Hello
  // Timer to expire", and the same before the triggered Hello to a new neighbor is out.
  if (!running_ || (hello_sent_ && !triggered_hello_timer_.running())) return;
  SendHello("before join/prune or assert");
}

void HelloInterface::SendHello(std::string_view reason, bool goodbye) {
  // RFC 7761 §4.3.1: the DR Priority option "SHOULD be included in every Hello message", the
  // GenID option "SHOULD be included in all Hello messages", the LAN Prune Delay option "SHOULD
  // be included in all Hello messages sent on multi-access LANs". Therefore: all three, on
  // every interface (a point-to-point link is a LAN of two to this class).
  const std::uint16_t holdtime_s = goodbye ? 0 : HoldtimeOption(config_.hello_holdtime);
  PimHello hello;
  hello.holdtime_s = holdtime_s;
  hello.lan_prune_delay = own_lan_prune_delay();
  hello.dr_priority = dr_priority_;
  hello.generation_id = generation_id_;
  hello_sent_ = true;
  triggered_hello_timer_.Cancel();  // any Hello serves a pending triggered one
  port_.Trace(kHelloKind, {{"reason", std::string(reason)},
                           {"holdtime", holdtime_s},
                           {"dr_priority", dr_priority_},
                           {"generation_id", sim::wire::GenerationIdText(generation_id_)}});
  port_.SendHello(hello);
}

void HelloInterface::ElectDr(std::string_view why) {
  std::vector<DrCandidate> candidates;
  candidates.reserve(neighbors_.size());
  for (const auto& [address, entry] : neighbors_) {
    candidates.push_back({address, entry.info.dr_priority});
  }
  const DrElection e = pim::ElectDr(own_address_, dr_priority_, candidates);
  SetDr(e.dr, e.by_priority, why);
}

void HelloInterface::SetDr(Ipv4Address dr, bool by_priority, std::string_view why) {
  dr_by_priority_ = by_priority;
  if (dr == dr_) return;
  const Ipv4Address old = dr_;
  dr_ = dr;
  port_.Trace(kDrKind, {{"from", AddressOrNone(old)},
                        {"event", std::string(why)},
                        {"to", AddressOrNone(dr)},
                        {"i_am_dr", is_dr()},
                        {"by", by_priority ? "priority" : "address"}});
  port_.DrChanged(dr, is_dr());
}

std::vector<PimNeighbor> HelloInterface::neighbors() const {
  std::vector<PimNeighbor> out;
  out.reserve(neighbors_.size());
  for (const auto& [address, entry] : neighbors_) out.push_back(*neighbor(address));
  return out;
}

std::optional<PimNeighbor> HelloInterface::neighbor(Ipv4Address address) const {
  const auto it = neighbors_.find(address);
  if (it == neighbors_.end()) return std::nullopt;
  PimNeighbor n = it->second.info;
  n.expires_at = it->second.neighbor_liveness_timer_.deadline();
  return n;
}

LanDelay HelloInterface::lan_delay() const {
  std::vector<std::optional<sim::wire::PimLanPruneDelay>> options;
  options.reserve(neighbors_.size());
  for (const auto& [address, entry] : neighbors_) options.push_back(entry.info.lan_prune_delay);
  return ComputeLanDelay(own_lan_prune_delay(), options);
}

std::optional<Time> HelloInterface::next_hello_at() const {
  const std::optional<Time> periodic = hello_timer_.deadline();
  const std::optional<Time> triggered = triggered_hello_timer_.deadline();
  if (periodic && triggered) return std::min(*periodic, *triggered);
  return periodic ? periodic : triggered;
}

}  // namespace pim
