#include "sim/net/node.h"

namespace sim::net {

Node::Node(NetContext& ctx, core::NodeId id, std::string name)
    : ctx_(ctx), id_(id), name_(std::move(name)), rng_(ctx.seed, id) {}

Interface& Node::AddInterface(std::string name) {
  const auto index = static_cast<std::uint32_t>(interfaces_.size());
  // Locally administered MACs numbered by node and interface: the same in every run.
  const auto mac = wire::LocalMac(((id_ + 1) << 8) | (index & 0xff));
  interfaces_.push_back(std::make_unique<Interface>(*this, index, std::move(name), mac));
  InterfacesChanged();
  return *interfaces_.back();
}

Interface* Node::FindInterface(std::string_view name) const {
  for (const auto& i : interfaces_) {
    if (i->name() == name) return i.get();
  }
  return nullptr;
}

void Node::PowerOff() {
  if (!powered_) return;
  powered_ = false;
  for (auto& i : interfaces_) i->FlushQueue();
  for (auto& m : modules_) m->OnPowerOff();
  OnPowerOff();
  if (drops_) drops_->Rearm();
  Trace("node.down");
}

void Node::PowerOn() {
  if (powered_) return;
  powered_ = true;
  Trace("node.up");
  OnPowerOn();
  for (auto& m : modules_) m->OnPowerOn();
}

void Node::Trace(std::string_view kind, EventFields fields) {
  ctx_.trace.OnEvent(TraceEvent{now(), name_, kind, std::move(fields)});
}

EventFields Node::DropKeyFields(const DropKey& key) const {
  // Room for the key and what TraceDrop or TraceDropTotals add, so the vector grows once.
  constexpr std::size_t kMostFields = 8;
  EventFields f;
  f.reserve(kMostFields);
  f.emplace_back("reason", core::TraceValue::Name(ToString(key.reason)));
  f.emplace_back("source", wire::TraceAddress(key.source));
  f.emplace_back("destination", wire::TraceAddress(key.destination));
  if (key.interface < interfaces_.size()) {
    const bool switch_port = DropEventKind(key.reason) == "snooping.drop";
    f.emplace_back(switch_port ? "port" : "interface", core::TraceValue::Name(interfaces_[key.interface]->name()));
  }
  if (key.port != 0) f.emplace_back("port", key.port);
  return f;
}

void Node::TraceDrop(const DropKey& key, EventFields extra) {
  EventFields f = DropKeyFields(key);
  for (auto& e : extra) f.push_back(std::move(e));
  Trace(DropEventKind(key.reason), std::move(f));
}

void Node::TraceDropTotals() {
  if (!drops_) return;
  for (const auto& [key, record] : drops_->SortedKeys()) {
    EventFields f = DropKeyFields(key);
    f.emplace_back("count", record->count);
    f.emplace_back("first", record->first);
    f.emplace_back("last", record->last);
    Trace("drop.total", std::move(f));
  }
}

}  // namespace sim::net
