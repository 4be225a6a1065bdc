#include "sim/net/interface.h"

#include "sim/net/link.h"
#include "sim/net/node.h"

namespace sim::net {

Interface::Interface(Node& node, std::uint32_t index, std::string name, wire::MacAddress mac)
    : node_(node), index_(index), mac_(mac), name_(std::move(name)) {}

void Interface::set_prefix(wire::Ipv4Prefix p) {
  prefix_ = p;
  node_.InterfacesChanged();
}

bool Interface::up() const { return link_ != nullptr && link_->up() && node_.powered(); }

std::string Interface::FullName() const { return node_.name() + ":" + name_; }

void Interface::Send(FramePtr frame) {
  if (!up()) {
    CountDrop(DropReason::kLinkDown, *frame);
    return;
  }
  if (queue_.size() >= queue_limit_) {
    CountDrop(DropReason::kQueueFull, *frame);
    return;
  }
  queue_.push_back(std::move(frame));
  if (!transmitting_) StartTransmission();
}

void Interface::StartTransmission() {
  FramePtr frame = std::move(queue_.front());
  queue_.pop_front();
  transmitting_ = true;
  const core::Duration tx = link_->TransmissionTime(frame->size());
  ++counters_.frames_sent;
  counters_.bytes_sent += frame->size();
  link_->Carry(*this, frame, tx);
  node_.scheduler().ScheduleIn(tx, node_.id(), [this, epoch = epoch_] {
    if (epoch == epoch_) OnTransmissionDone();
  });
}

void Interface::OnTransmissionDone() {
  transmitting_ = false;
  if (!queue_.empty() && up()) StartTransmission();
}

void Interface::FlushQueue() {
  for (const FramePtr& f : queue_) CountDrop(DropReason::kLinkDown, *f);
  queue_.clear();
  transmitting_ = false;
  ++epoch_;
}

void Interface::CountDrop(DropReason reason, const Frame& frame) {
  const wire::Ipv4Packet* ip = frame.ipv4();
  const DropKey key{reason, ip != nullptr ? ip->header.source : wire::Ipv4Address(),
                    ip != nullptr ? ip->header.destination : wire::Ipv4Address(), index_, 0};
  if (node_.CountDrop(key)) node_.TraceDrop(key);
}

}  // namespace sim::net
