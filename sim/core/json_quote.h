// A string as a JSON string literal: quotes, backslash escapes, \u00XX for control bytes.
// Shared by the scenario loader's messages and the run's events.jsonl and summary.json.
#ifndef MCASTLAB_SIM_CORE_JSON_QUOTE_H_
#define MCASTLAB_SIM_CORE_JSON_QUOTE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sim::core {

void AppendJsonQuoted(std::string_view s, std::string& out);
// The most characters `s` of `size` bytes takes quoted: each byte may become \u00XX.
constexpr std::size_t JsonQuotedRoom(std::size_t size) { return 6 * size + 2; }
// The same as AppendJsonQuoted, written at `at`, which has room for JsonQuotedRoom(s.size());
// returns the end of the text.
char* WriteJsonQuoted(std::string_view s, char* at);

// True when `s` quoted is `s` between two quotes: no quote, backslash or control byte (most
// names, addresses and times). Checked 8 bytes at a time.
bool IsJsonPlain(std::string_view s);

inline std::string JsonQuote(std::string_view s) {
  std::string out;
  AppendJsonQuoted(s, out);
  return out;
}

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_JSON_QUOTE_H_
