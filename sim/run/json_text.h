// Just enough JSON output for events.jsonl and summary.json: quoted strings and objects built
// field by field, in the order written (so output is deterministic).
#ifndef MCASTLAB_SIM_RUN_JSON_TEXT_H_
#define MCASTLAB_SIM_RUN_JSON_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace sim::run {

class JsonObject {
 public:
  JsonObject& Str(std::string_view key, std::string_view value);
  JsonObject& Num(std::string_view key, std::uint64_t value);
  JsonObject& Real(std::string_view key, double value);
  JsonObject& Bool(std::string_view key, bool value);
  JsonObject& Raw(std::string_view key, std::string_view json);  // an already-encoded value
  std::string Close() const { return text_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string text_ = "{";
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_JSON_TEXT_H_
