// Encode(repr): a fresh buffer holding one message, for codecs that expose BufferLen and Emit.
#ifndef MCASTLAB_SIM_WIRE_ENCODE_H_
#define MCASTLAB_SIM_WIRE_ENCODE_H_

#include "sim/wire/bytes.h"

namespace sim::wire {

template <typename Repr>
Bytes Encode(const Repr& repr) {
  Bytes out(BufferLen(repr));
  Emit(repr, out);
  return out;
}

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_ENCODE_H_
