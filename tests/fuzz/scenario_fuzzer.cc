// libFuzzer target: any bytes as the text of a scenario file.
// The loader promises never to throw or crash, and to hand back either a scenario or at least
// one error; anything else aborts, so that the fuzzer reports it. tools/fuzz_smoke.sh runs it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sim/scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const sim::scenario::LoadResult r = sim::scenario::LoadScenario(text);
    if (!r.ok() && r.errors().empty()) std::abort();
    if (!r.ok()) {
      for (const sim::scenario::LoadError& e : r.errors()) {
        if (e.message.empty()) std::abort();
      }
    }
  } catch (...) {
    std::abort();
  }
  return 0;
}
