// Reads back the JSON that a run writes (events.jsonl lines, topology.json, summary.json): a
// small reader for well-formed documents, since those files come from mcastlab itself. Numbers
// keep their text; nothing here is used to read scenario files (sim/scenario does that).
#ifndef MCASTLAB_SIM_EXPLAIN_JSON_IN_H_
#define MCASTLAB_SIM_EXPLAIN_JSON_IN_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::explain {

struct Json {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  std::string text;  // a string's value, a number's text, "true"/"false"
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;  // in file order

  // The member `key`, or null when absent (or this is not an object).
  const Json* Find(std::string_view key) const;
  // The member's string value, or "" when absent.
  std::string Str(std::string_view key) const;
};

// The document, or nullopt when `text` is not one JSON value (with only spaces around it).
std::optional<Json> ParseJson(std::string_view text);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_JSON_IN_H_
