#include "sim/net/node.h"

namespace sim::net {

Node::Node(NetContext& ctx, core::NodeId id, std::string name)
    : ctx_(ctx), id_(id), name_(std::move(name)), rng_(ctx.seed, id) {}

Interface& Node::AddInterface(std::string name) {
  const auto index = static_cast<std::uint32_t>(interfaces_.size());
  // Locally administered MACs numbered by node and interface: the same in every run.
  const auto mac = wire::LocalMac(((id_ + 1) << 8) | (index & 0xff));
  interfaces_.push_back(std::make_unique<Interface>(*this, index, std::move(name), mac));
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
  Trace("node.down");
}

void Node::PowerOn() {
  if (powered_) return;
  powered_ = true;
  Trace("node.up");
  OnPowerOn();
  for (auto& m : modules_) m->OnPowerOn();
}

void Node::Trace(std::string_view kind, std::vector<std::pair<std::string_view, std::string>> fields) {
  ctx_.trace.OnEvent(TraceEvent{now(), name_, kind, std::move(fields)});
}

}  // namespace sim::net
