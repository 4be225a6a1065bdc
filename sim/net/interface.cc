#include "sim/net/interface.h"

#include "sim/net/link.h"
#include "sim/net/node.h"

namespace sim::net {

Interface::Interface(Node& node, std::uint32_t index, std::string name, wire::MacAddress mac)
    : node_(node), index_(index), mac_(mac), name_(std::move(name)) {}

bool Interface::up() const { return link_ != nullptr && link_->up() && node_.powered(); }

std::string Interface::FullName() const { return node_.name() + ":" + name_; }

void Interface::Send(FramePtr frame) {
  if (!up()) {
    ++counters_.down_drops;
    return;
  }
  if (queue_.size() >= queue_limit_) {
    ++counters_.queue_drops;
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
  counters_.down_drops += queue_.size();
  queue_.clear();
  transmitting_ = false;
  ++epoch_;
}

}  // namespace sim::net
