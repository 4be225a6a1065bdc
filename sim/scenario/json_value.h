// A JSON document as the scenario loader reads it.
//
// loader.cc builds it from nlohmann/json's SAX events, so that nlohmann stays behind that one
// file while the typing code is split by topic. Unlike nlohmann's DOM it keeps what error
// messages need: object members in file order with duplicate keys kept (a duplicate is an error,
// not a silent overwrite), and the text of every number that is not an integer.
//
// It is also small, because a scenario file is mostly values of a few bytes: the values sit in
// one array in document order (a value's children follow it), sized exactly by a counting pass,
// and strings and keys are views into one buffer. A value costs 40 bytes and its characters, with
// no heap block of its own.
#ifndef MCASTLAB_SIM_SCENARIO_JSON_VALUE_H_
#define MCASTLAB_SIM_SCENARIO_JSON_VALUE_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

struct JsonValue {
  enum class Type : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type = Type::kNull;
  bool boolean = false;
  // Numbers. `integral`: written without fraction or exponent and within 64 bits, with the value
  // in negative/magnitude; otherwise number() holds it and text() the number as written.
  bool integral = false;
  bool negative = false;
  std::uint32_t size = 0;  // items of an array, members of an object
  std::uint32_t span = 1;  // values in this subtree, itself included
  std::uint32_t key_size = 0;
  std::uint32_t text_size = 0;
  std::uint64_t magnitude = 0;  // or, when not integral, the bits of the double
  // The key, then the text: the builder stores them one after the other.
  const char* chars = nullptr;

  std::string_view key() const { return {chars, key_size}; }               // a member's key
  std::string_view text() const { return {chars + key_size, text_size}; }  // a string's value
  double number() const {
    if (!integral) return std::bit_cast<double>(magnitude);
    return negative ? -static_cast<double>(magnitude) : static_cast<double>(magnitude);
  }

  bool is_object() const { return type == Type::kObject; }
  bool is_array() const { return type == Type::kArray; }
  bool is_string() const { return type == Type::kString; }
  bool is_bool() const { return type == Type::kBool; }
  bool is_number() const { return type == Type::kNumber; }

  // The items of an array or the values of an object's members (with their keys), in order.
  class ChildIterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = JsonValue;
    using difference_type = std::ptrdiff_t;
    using pointer = const JsonValue*;
    using reference = const JsonValue&;
    ChildIterator() = default;
    explicit ChildIterator(const JsonValue* at) : at_(at) {}
    const JsonValue& operator*() const { return *at_; }
    const JsonValue* operator->() const { return at_; }
    ChildIterator& operator++() {
      at_ += at_->span;
      return *this;
    }
    ChildIterator operator++(int) {
      ChildIterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const ChildIterator&, const ChildIterator&) = default;

   private:
    const JsonValue* at_ = nullptr;
  };
  struct Children {
    ChildIterator first, last;
    ChildIterator begin() const { return first; }
    ChildIterator end() const { return last; }
  };
  // Only for values inside a JsonDocument, whose children follow them in one array.
  Children children() const { return {ChildIterator(this + 1), ChildIterator(this + span)}; }
};

// The values and the characters of their strings; the root is values.front().
struct JsonDocument {
  std::unique_ptr<JsonValue[]> values;
  std::unique_ptr<char[]> chars;
  const JsonValue& root() const { return values[0]; }
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
