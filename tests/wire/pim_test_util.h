// Checks the PIM codec tests share: the error a message is rejected with, and a round trip.
#ifndef MCASTLAB_TESTS_WIRE_PIM_TEST_UTIL_H_
#define MCASTLAB_TESTS_WIRE_PIM_TEST_UTIL_H_

#include <gtest/gtest.h>

#include "sim/wire/pim.h"
#include "tests/support/hex.h"

namespace sim::wire {

// The error ParsePim rejects `bytes` with; a test failure when it accepts them.
inline ParseError ErrorOf(const Bytes& bytes) {
  auto m = ParsePim(bytes);
  EXPECT_FALSE(m) << ToString(*m);
  return m ? ParseError{} : m.error();
}

// Emits into a buffer pre-filled with 0xa5, parses back, and expects the same message.
inline void ExpectRoundTrip(const PimMessage& m) {
  Bytes out(BufferLen(m), 0xa5);
  Emit(m, out);
  auto back = ParsePim(out);
  ASSERT_TRUE(back) << ToString(back.error()) << " in " << testing_support::ToHex(out);
  EXPECT_EQ(*back, m) << ToString(*back);
}

}  // namespace sim::wire

#endif  // MCASTLAB_TESTS_WIRE_PIM_TEST_UTIL_H_
