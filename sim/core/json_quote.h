// A string as a JSON string literal: quotes, backslash escapes, \u00XX for control bytes.
// Shared by the scenario loader's messages and the run's events.jsonl and summary.json.
#ifndef MCASTLAB_SIM_CORE_JSON_QUOTE_H_
#define MCASTLAB_SIM_CORE_JSON_QUOTE_H_

#include <string>
#include <string_view>

namespace sim::core {

void AppendJsonQuoted(std::string_view s, std::string& out);

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
