// The base of hosts, switches and routers: a name, interfaces, power, a random stream, and the
// way to report events. A node that powers off loses all state (its subclasses' OnPowerOff
// clears protocol tables) and ignores frames until it powers on again.
#ifndef MCASTLAB_SIM_NET_NODE_H_
#define MCASTLAB_SIM_NET_NODE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/rng.h"
#include "sim/core/scheduler.h"
#include "sim/core/trace_value.h"
#include "sim/net/drop_log.h"
#include "sim/net/interface.h"
#include "sim/net/net_context.h"

namespace sim::net {

// The named values of one events.jsonl line, already rendered as text.
using EventFields = core::TraceFields;

// A protocol attached to a node (IGMP, PIM). The node owns it and tells it when power or a
// link changes; the module reaches the node through the node's public interface.
class NodeModule {
 public:
  virtual ~NodeModule() = default;
  virtual void OnPowerOff() {}
  virtual void OnPowerOn() {}
  virtual void OnLinkStateChanged(Interface&) {}
  // The unicast routes were recomputed (a link or node went down or up, a cost changed):
  // RPF neighbors may have moved.
  virtual void OnRoutesChanged() {}
};

class Node {
 public:
  Node(NetContext& ctx, core::NodeId id, std::string name);
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  virtual ~Node() = default;

  virtual std::string_view type() const = 0;

  core::NodeId id() const { return id_; }
  const std::string& name() const { return name_; }
  bool powered() const { return powered_; }

  Interface& AddInterface(std::string name);
  Interface* FindInterface(std::string_view name) const;
  const std::vector<std::unique_ptr<Interface>>& interfaces() const { return interfaces_; }

  // Called by links: hands the frame to Receive while the node is powered.
  void Deliver(Interface& in, const FramePtr& frame) {
    if (!powered_) return;
    in.CountReceived();
    Receive(in, frame);
  }
  // Called by a link a couple of receivers ahead of Deliver, once the node object itself has
  // been prefetched: starts fetching the state that Receive reads through pointers.
  virtual void PrefetchReceiveState() const {}
  // How much of a node object a link prefetches ahead of delivering to it: a host is smaller.
  static constexpr std::size_t kPrefetchBytes = 704;
  void PowerOff();
  void PowerOn();
  // Before the run: the node starts powered off, silently (nothing was on to lose), and its
  // protocols start at the first PowerOn.
  void StartPoweredOff() { powered_ = false; }
  // A link of this node went down or up; subclasses that override it call this too.
  virtual void OnLinkStateChanged(Interface& i) {
    for (auto& m : modules_) m->OnLinkStateChanged(i);
  }
  // Called by the network after every route computation.
  void OnRoutesChanged() {
    for (auto& m : modules_) m->OnRoutesChanged();
  }
  // Attaches a protocol module; returns it for the caller to keep a typed pointer.
  template <typename M>
  M& AddModule(std::unique_ptr<M> m) {
    M& ref = *m;
    modules_.push_back(std::move(m));
    return ref;
  }
  template <typename M>
  M* FindModule() const {
    for (const auto& m : modules_) {
      if (auto* typed = dynamic_cast<M*>(m.get())) return typed;
    }
    return nullptr;
  }

  core::Scheduler& scheduler() const { return ctx_.scheduler; }
  core::Time now() const { return ctx_.scheduler.Now(); }
  core::Rng& rng() { return rng_; }
  NetContext& ctx() const { return ctx_; }
  void Trace(std::string_view kind, EventFields fields = {});

  // Counts a drop (drop_log.h); true for the first of its key since power on, which the caller
  // then writes with TraceDrop. Off the delivery path: a drop costs an increment and a lookup.
  bool CountDrop(const DropKey& key) { return MutableDrops().Count(key, now()); }
  void CountDropOnly(DropReason r, std::uint64_t n = 1) { MutableDrops().CountOnly(r, n); }
  // The `*.drop` line of `key`: its reason, source, destination, interface or port, then `extra`.
  void TraceDrop(const DropKey& key, EventFields extra = {});
  // One `drop.total` line per key, in key order: its fields, count, first and last.
  void TraceDropTotals();
  // The end-of-run lines of this node (hosts add send.total and receive.total): drop totals.
  virtual void TraceTotals() { TraceDropTotals(); }
  // Puts counts kept aside for speed where the tables and the totals read them (a host's demux
  // memo). After it, the end of a run only reads the node, from more than one thread.
  virtual void SettleCounts() {}
  // Null until the node's first drop.
  const DropLog* drop_log() const { return drops_.get(); }
  // An interface was added or given an address (Interface::set_prefix calls it).
  virtual void InterfacesChanged() {}

 protected:
  virtual void Receive(Interface& in, const FramePtr& frame) = 0;
  virtual void OnPowerOff() {}
  virtual void OnPowerOn() {}

 private:
  NetContext& ctx_;
  core::NodeId id_;
  bool powered_ = true;  // beside the vtable pointer: every delivery reads both
  std::string name_;
  core::Rng rng_;
  std::vector<std::unique_ptr<Interface>> interfaces_;
  std::vector<std::unique_ptr<NodeModule>> modules_;
  std::unique_ptr<DropLog> drops_;  // made at the first drop: most nodes of a large run have none

  DropLog& MutableDrops() {
    if (!drops_) drops_ = std::make_unique<DropLog>();
    return *drops_;
  }
  EventFields DropKeyFields(const DropKey& key) const;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_NODE_H_
