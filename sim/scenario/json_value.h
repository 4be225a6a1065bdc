// A JSON document as the scenario loader reads it.
//
// loader.cc builds it from nlohmann/json's SAX events, so that nlohmann stays behind that one
// file while the typing code is split by topic. Unlike nlohmann's DOM it keeps what error
// messages need: object members in file order with duplicate keys kept (a duplicate is an error,
// not a silent overwrite), and every number's source text.
#ifndef MCASTLAB_SIM_SCENARIO_JSON_VALUE_H_
#define MCASTLAB_SIM_SCENARIO_JSON_VALUE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

struct JsonMember;

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type = Type::kNull;
  bool boolean = false;
  std::string text;  // a string's value, or a number as written
  // Numbers. `integral`: written without fraction or exponent and within 64 bits, with the value
  // in negative/magnitude; otherwise only `number` holds it.
  bool integral = false;
  bool negative = false;
  std::uint64_t magnitude = 0;
  double number = 0;
  std::vector<JsonValue> items;     // kArray
  std::vector<JsonMember> members;  // kObject, in file order, duplicates kept

  bool is_object() const { return type == Type::kObject; }
  bool is_array() const { return type == Type::kArray; }
  bool is_string() const { return type == Type::kString; }
  bool is_bool() const { return type == Type::kBool; }
  bool is_number() const { return type == Type::kNumber; }
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// Compact JSON for messages: `"192.0.2.300/24"`, `true`, `[1, 2]`; cut to about `max_chars`
// with "..." so that a wrong 2 kB object does not flood the terminal.
std::string Dump(const JsonValue& v, std::size_t max_chars = 60);

// "an object", "a string", ...
std::string_view TypeName(JsonValue::Type t);

// One JSON Pointer reference token (RFC 6901 §3): "~" -> "~0", "/" -> "~1".
std::string PointerToken(std::string_view key);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_JSON_VALUE_H_
