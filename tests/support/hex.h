// Byte fixtures written as hex in tests: Hex("94 04 00 00").
#ifndef MCASTLAB_TESTS_SUPPORT_HEX_H_
#define MCASTLAB_TESTS_SUPPORT_HEX_H_

#include <string>
#include <string_view>

#include "sim/wire/bytes.h"

namespace testing_support {

// Hex digits, with any spaces, newlines or colons between them ignored. Throws on odd input.
sim::wire::Bytes Hex(std::string_view text);
// "16 00 fa 04 ..." for failure messages.
std::string ToHex(sim::wire::ByteSpan bytes);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_HEX_H_
