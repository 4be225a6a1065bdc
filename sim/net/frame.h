// A frame on the wire: immutable bytes, encoded once and shared by every receiver.
#ifndef MCASTLAB_SIM_NET_FRAME_H_
#define MCASTLAB_SIM_NET_FRAME_H_

#include <memory>

#include "sim/wire/bytes.h"

namespace sim::net {

using FramePtr = std::shared_ptr<const wire::Bytes>;

inline FramePtr MakeFrame(wire::Bytes bytes) {
  return std::make_shared<const wire::Bytes>(std::move(bytes));
}

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_FRAME_H_
