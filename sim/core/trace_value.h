// A named value of one trace line (events.jsonl): text, or a number or bool the JSON writer
// leaves bare.
//
// The emitter says which it is by the C++ type it passes: an integer is a number, a bool is
// true/false, text is text. The writer never guesses from the characters, so a group
// "239.1.1.1" or an interface "1" stays a string and a TTL of 1 is written `"ttl": 1`.
#ifndef MCASTLAB_SIM_CORE_TRACE_VALUE_H_
#define MCASTLAB_SIM_CORE_TRACE_VALUE_H_

#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sim::core {

// Integers only: bool and the character types are text of another kind.
template <typename T>
concept TraceNumber = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                      !std::same_as<T, char8_t>;

class TraceValue {
 public:
  TraceValue(std::string text) : text_(std::move(text)) {}  // NOLINT: implicit by design
  TraceValue(const char* text) : text_(text) {}             // NOLINT
  template <TraceNumber T>
  TraceValue(T n) : text_(std::to_string(n)), bare_(true) {}  // NOLINT
  // Only a real bool: a pointer must not turn into one.
  template <std::same_as<bool> T>
  TraceValue(T b) : text_(b ? "true" : "false"), bare_(true) {}  // NOLINT

  // The value as text: the string, the number's decimal digits, or "true"/"false".
  const std::string& text() const { return text_; }
  // A number or a bool: written without quotes.
  bool is_bare() const { return bare_; }

  friend bool operator==(const TraceValue&, const TraceValue&) = default;

 private:
  std::string text_;
  bool bare_ = false;
};

using TraceField = std::pair<std::string_view, TraceValue>;
using TraceFields = std::vector<TraceField>;

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_TRACE_VALUE_H_
