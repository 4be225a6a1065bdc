// A named value of one trace line (events.jsonl): text, or a number or bool the JSON writer
// leaves bare.
//
// The emitter says which it is by the C++ type it passes: an integer is a number, a bool is
// true/false, text is text. The writer never guesses from the characters, so a group
// "239.1.1.1" or an interface "1" stays a string and a TTL of 1 is written `"ttl": 1`.
//
// A number, a span of time, an address, an instant or a route entry may be kept as its number
// and turned into text only when the line is written (on the events writer's thread,
// sim/run/event_record.h), and a name written in the code may be kept as a view: a large run
// makes millions of these values.
#ifndef MCASTLAB_SIM_CORE_TRACE_VALUE_H_
#define MCASTLAB_SIM_CORE_TRACE_VALUE_H_

#include <concepts>
#include <cstdint>
#include <new>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/time.h"

namespace sim::core {

// Integers only: bool and the character types are text of another kind.
template <typename T>
concept TraceNumber = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                      !std::same_as<T, char8_t>;

// "a.b.c.d" of an IPv4 address held as a host-order number, appended to `out`.
void AppendDottedQuad(std::uint32_t address, std::string& out);
// The same written at `at`, which has room for kDottedQuadRoom characters (one more than the
// longest text: a dot is written after each octet, the last one then left out); returns the
// end of the text.
inline constexpr std::size_t kDottedQuadRoom = 16;
char* WriteDottedQuad(std::uint32_t address, char* at);
// The text of a TraceValue::Entry from its number and flags, written at `at`, which has room
// for kMostEntryChars; returns the end of the text.
inline constexpr std::size_t kMostEntryChars = 40;  // "(255.255.255.255,255.255.255.255,rpt)"
char* WriteEntry(std::uint64_t number, std::uint8_t flags, char* at);
// The decimal digits of a TraceValue integer from its number and flags, written at `at`, which
// has room for kMostIntegerChars; returns the end of the text.
inline constexpr std::size_t kMostIntegerChars = 21;  // "-9223372036854775808"
char* WriteInteger(std::uint64_t number, std::uint8_t flags, char* at);

class TraceValue {
 public:
  enum class Form : std::uint8_t {
    kText,     // text_ (a copy)
    kName,     // view_: text with static storage, not copied
    kBare,     // view_ ("true" or "false"), written without quotes
    kInteger,  // number_ (two's complement when flags_ has kNegative), written without quotes
    kDuration, // number_: a span of time in nanoseconds, written as core::ToString(Duration)
    kAddress,  // number_: an IPv4 address, written "a.b.c.d"
    kTime,     // number_: an instant in nanoseconds, written as core::ToString(Time)
    kEntry,    // number_ (source << 32 | group) and flags_: a multicast route entry, written
               // "(S,G)", "(*,G)" or "(S,G,rpt)"
    kNamedAddress,  // view_ and number_: a name and an IPv4 address, written "name a.b.c.d"
  };

  TraceValue(std::string text) : text_(std::move(text)) {}  // NOLINT: implicit by design
  TraceValue(const char* text) : text_(text) {}             // NOLINT
  template <TraceNumber T>
  TraceValue(T n)  // NOLINT
      : view_(), number_(static_cast<std::uint64_t>(n)), form_(Form::kInteger),
        flags_(n < 0 ? kNegative : 0) {}
  // Only a real bool: a pointer must not turn into one.
  template <std::same_as<bool> T>
  TraceValue(T b) : view_(b ? "true" : "false"), form_(Form::kBare) {}  // NOLINT
  TraceValue(Time t)  // NOLINT
      : view_(), number_(static_cast<std::uint64_t>(t.nanos())), form_(Form::kTime) {}
  TraceValue(Duration d)  // NOLINT
      : view_(), number_(static_cast<std::uint64_t>(d.nanos())), form_(Form::kDuration) {}

  TraceValue(const TraceValue& o) : number_(o.number_), form_(o.form_), flags_(o.flags_) {
    if (form_ == Form::kText) {
      new (&text_) std::string(o.text_);
    } else {
      view_ = o.view_;
    }
  }
  TraceValue(TraceValue&& o) noexcept : number_(o.number_), form_(o.form_), flags_(o.flags_) {
    if (form_ == Form::kText) {
      new (&text_) std::string(std::move(o.text_));
    } else {
      view_ = o.view_;
    }
  }
  TraceValue& operator=(const TraceValue& o) {
    if (this != &o) *this = TraceValue(o);  // the copy first: it may throw, the move does not
    return *this;
  }
  TraceValue& operator=(TraceValue&& o) noexcept {
    if (this != &o) {
      this->~TraceValue();
      new (this) TraceValue(std::move(o));
    }
    return *this;
  }
  ~TraceValue() {
    if (form_ == Form::kText) text_.~basic_string();
  }

  // A name from the code (a state, an event, a reason): the text must outlive the Trace call
  // that takes the value. String literals and tables of them do.
  static TraceValue Name(std::string_view text) { return TraceValue(text, Form::kName); }
  // An IPv4 address as a host-order number (wire::Ipv4Address::value()).
  static TraceValue Address(std::uint32_t address) {
    TraceValue v{std::string_view(), Form::kAddress};
    v.number_ = address;
    return v;
  }

  // A name from the code and an IPv4 address (host order), written "join 10.0.0.2". The name
  // must outlive the Trace call, as for Name.
  static TraceValue NamedAddress(std::string_view name, std::uint32_t address) {
    TraceValue v{name, Form::kNamedAddress};
    v.number_ = address;
    return v;
  }

  // A multicast route entry: "(S,G)", or "(*,G)" without a source; "(S,G,rpt)" with `rpt`.
  static TraceValue Entry(std::optional<std::uint32_t> source, std::uint32_t group, bool rpt = false) {
    TraceValue v{std::string_view(), Form::kEntry};
    v.number_ = (std::uint64_t{source.value_or(0)} << 32) | group;
    v.flags_ = static_cast<std::uint8_t>((source ? kHasSource : 0) | (rpt ? kRpt : 0));
    return v;
  }

  // The value as text: the string, the number's decimal digits, "true"/"false", the span, the
  // address, the instant or the entry.
  std::string text() const;
  // Appends text() to `out` (without quotes).
  void AppendText(std::string& out) const;
  // A number or a bool: written without quotes.
  bool is_bare() const { return form_ == Form::kBare || form_ == Form::kInteger; }

  Form form() const { return form_; }
  // The text of kText, kName and kBare values, and the name of kNamedAddress ones.
  std::string_view stored_text() const { return form_ == Form::kText ? std::string_view(text_) : view_; }
  // The number of kInteger, kDuration, kAddress, kTime, kEntry and kNamedAddress values, and
  // the flags of kInteger and kEntry ones.
  std::uint64_t number() const { return number_; }
  std::uint8_t flags() const { return flags_; }
  static constexpr std::uint8_t kHasSource = 1;  // of kEntry values
  static constexpr std::uint8_t kRpt = 2;
  static constexpr std::uint8_t kNegative = 1;  // of kInteger values

  friend bool operator==(const TraceValue& a, const TraceValue& b) {
    return a.is_bare() == b.is_bare() && a.text() == b.text();
  }
  // For test failures: the text, quoted unless bare.
  friend void PrintTo(const TraceValue& v, std::ostream* os) {
    *os << (v.is_bare() ? v.text() : "\"" + v.text() + "\"");
  }

 private:
  TraceValue(std::string_view view, Form form) : view_(view), form_(form) {}

  // Only a kText value owns a string: the other forms, millions in a large run, are built,
  // moved and destroyed without one.
  union {
    std::string text_;       // kText
    std::string_view view_;  // kName, kBare, kNamedAddress; unused by the number forms
  };
  std::uint64_t number_ = 0;
  Form form_ = Form::kText;
  std::uint8_t flags_ = 0;
};

using TraceField = std::pair<std::string_view, TraceValue>;
using TraceFields = std::vector<TraceField>;

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_TRACE_VALUE_H_
