// JSON text -> JsonDocument (nlohmann/json's SAX parser, in two passes: count, then fill; the only
// use of nlohmann in mcastlab) ->
// typed Scenario (load_*.cc) -> cross-reference checks (validate.cc) -> errors in document order.
#include "sim/scenario/loader.h"

#include <algorithm>
#include <bit>
#include <nlohmann/json.hpp>
#include <optional>

#include "sim/scenario/document_order.h"
#include "sim/scenario/error_list.h"
#include "sim/scenario/file_text.h"
#include "sim/scenario/json_reader.h"
#include "sim/scenario/json_value.h"
#include "sim/scenario/load_internal.h"
#include "sim/scenario/validate.h"

namespace sim::scenario {
namespace {

using Json = nlohmann::json;

// Scenario files nest about six levels; the limit keeps hostile input from exhausting the stack
// of the recursive passes that follow.
constexpr std::size_t kMaxDepth = 64;

// A JSON value can be two bytes of text ("1,") but takes 64 in the tree, so the text size alone
// does not bound the memory. Written scenarios (and `mcastlab gen` output) spend over 10 bytes per
// value; capping the count at one per 8 bytes of the size limit bounds the tree to 8 times the
// limit and its characters, whatever the text.
constexpr std::uint64_t kMinBytesPerValue = 8;

std::uint64_t MaxValues(const LoadLimits& limits) {
  const std::uint64_t by_size =
      std::max<std::uint64_t>(limits.max_file_bytes / kMinBytesPerValue, 1024);
  return std::min<std::uint64_t>(by_size, UINT32_MAX - 1);  // JsonValue::span is 32 bits
}

// 1-based line and column (in bytes) of the byte at `offset`.
std::pair<std::size_t, std::size_t> LineColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  const std::size_t last_newline = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t line_start =
      (last_newline == std::string_view::npos || last_newline >= offset) ? 0 : last_newline + 1;
  return {line, offset - line_start + 1};
}

// Pass 1 over the SAX events: checks the syntax, the depth and the number of values, and counts
// the values and the characters of strings, keys and non-integer numbers, so that pass 2 can
// allocate exactly once.
class Counter {
 public:
  Counter(std::string_view text, std::uint64_t max_values) : text_(text), max_values_(max_values) {}

  bool null() { return Value(); }
  bool boolean(bool /*b*/) { return Value(); }
  bool number_integer(Json::number_integer_t /*n*/) { return Value(); }
  bool number_unsigned(Json::number_unsigned_t /*n*/) { return Value(); }
  bool number_float(Json::number_float_t /*d*/, const Json::string_t& text) {
    return Chars(text) && Value();
  }
  bool string(Json::string_t& s) { return Chars(s) && Value(); }
  bool binary(Json::binary_t& /*b*/) { return Value(); }  // not produced by JSON text
  bool start_object(std::size_t /*elements*/) { return Open(); }
  bool key(Json::string_t& k) { return Chars(k); }
  bool end_object() { return Close(); }
  bool start_array(std::size_t /*elements*/) { return Open(); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const Json::exception& e) {
    // nlohmann counts the offending character as read, so it sits at position - 1.
    const auto [line, column] = LineColumn(text_, position == 0 ? 0 : position - 1);
    // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 9: <reason>";
    // keep only the reason.
    std::string reason = e.what();
    const std::size_t column_at = reason.find("column ");
    const std::size_t colon = reason.find(": ", column_at == std::string::npos ? 0 : column_at);
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    error = "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
            ": " + reason;
    return false;
  }

  std::uint64_t values = 0;
  std::uint64_t chars = 0;
  std::string error;

 private:
  bool Chars(const std::string& s) {
    chars += s.size();
    if (s.size() <= UINT32_MAX) return true;
    error = "invalid scenario: a string of " + std::to_string(s.size()) + " bytes (at most " +
            std::to_string(UINT32_MAX) + ")";
    return false;
  }
  bool Value() {
    if (++values <= max_values_) return true;
    error = "invalid scenario: more than " + std::to_string(max_values_) +
            " JSON values (the most a file within the size limit may hold; --max-input-size "
            "BYTES raises both)";
    return false;
  }
  bool Open() {
    if (++depth_ > kMaxDepth) {
      error = "invalid scenario: JSON nested deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    return Value();
  }
  bool Close() {
    --depth_;
    return true;
  }

  std::string_view text_;
  std::uint64_t max_values_;
  std::size_t depth_ = 0;
};

// Pass 2: fills a JsonDocument sized by the Counter, keeping member order, duplicates and the text
// of non-integer numbers. Runs only on text that pass 1 accepted.
class TreeBuilder {
 public:
  TreeBuilder(std::uint64_t values, std::uint64_t chars) {
    doc_.values = std::make_unique<JsonValue[]>(values);
    doc_.chars = std::make_unique<char[]>(chars);
  }

  bool null() { return Place(JsonValue::Type::kNull) != nullptr; }
  bool boolean(bool b) {
    Place(JsonValue::Type::kBool)->boolean = b;
    return true;
  }
  bool number_integer(Json::number_integer_t n) {
    const bool negative = n < 0;
    // Magnitude of a negative int64 without overflowing on INT64_MIN.
    Integer(negative, negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
    return true;
  }
  bool number_unsigned(Json::number_unsigned_t n) {
    Integer(false, n);
    return true;
  }
  bool number_float(Json::number_float_t d, const Json::string_t& text) {
    JsonValue* v = Place(JsonValue::Type::kNumber);
    v->magnitude = std::bit_cast<std::uint64_t>(d);
    v->text_size = Keep(text);
    return true;
  }
  bool string(Json::string_t& s) {
    JsonValue* v = Place(JsonValue::Type::kString);  // before Keep: the text follows the key
    v->text_size = Keep(s);
    return true;
  }
  bool binary(Json::binary_t& /*b*/) { return Place(JsonValue::Type::kNull) != nullptr; }
  bool start_object(std::size_t /*elements*/) { return Open(JsonValue::Type::kObject); }
  bool key(Json::string_t& k) {
    key_at_ = doc_.chars.get() + chars_;
    key_size_ = Keep(k);
    return true;
  }
  bool end_object() { return Close(); }
  bool start_array(std::size_t /*elements*/) { return Open(JsonValue::Type::kArray); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const Json::exception& /*e*/) {
    return false;  // pass 1 saw the same text
  }

  JsonDocument Take() { return std::move(doc_); }

 private:
  // Appends to the characters; returns the size, which JsonValue keeps in 32 bits (the text is
  // within the size limit, and a larger string is refused by pass 1).
  std::uint32_t Keep(const std::string& s) {
    std::copy(s.begin(), s.end(), doc_.chars.get() + chars_);
    chars_ += s.size();
    return static_cast<std::uint32_t>(s.size());
  }
  void Integer(bool negative, std::uint64_t magnitude) {
    JsonValue* v = Place(JsonValue::Type::kNumber);
    v->integral = true;
    v->negative = negative;
    v->magnitude = magnitude;
  }
  // The next value, in document order: a child of the open container, if any. Its key, if it has
  // one, was the last thing kept, so its own text follows it.
  JsonValue* Place(JsonValue::Type type) {
    JsonValue* v = &doc_.values[next_++];
    v->type = type;
    v->chars = key_at_ != nullptr ? key_at_ : doc_.chars.get() + chars_;
    v->key_size = key_size_;
    key_at_ = nullptr;
    key_size_ = 0;
    if (!open_.empty()) ++doc_.values[open_.back()].size;
    return v;
  }
  bool Open(JsonValue::Type type) {
    Place(type);
    open_.push_back(next_ - 1);
    return true;
  }
  bool Close() {
    doc_.values[open_.back()].span = static_cast<std::uint32_t>(next_ - open_.back());
    open_.pop_back();
    return true;
  }

  JsonDocument doc_;
  std::size_t next_ = 0;
  std::size_t chars_ = 0;
  const char* key_at_ = nullptr;
  std::uint32_t key_size_ = 0;
  std::vector<std::size_t> open_;
};

// Refuses what no scenario could need before anything is built from it.
std::optional<std::string> TooLarge(std::string_view text, const LoadLimits& limits) {
  if (text.size() <= limits.max_file_bytes) return std::nullopt;
  return TooLargeMessage("scenario text", text.size(), true, limits.max_file_bytes);
}

LoadResult Failure(const std::string& message, const LoadLimits& limits) {
  ErrorList errors(limits.max_errors, limits.max_message_chars);
  errors.Add("", message);
  return LoadResult(errors.Take());
}

// `owned`, when given, holds `text` and is freed as soon as the tree is built.
LoadResult Load(std::string_view text, const LoadLimits& limits, std::string* owned) {
  if (auto message = TooLarge(text, limits)) return Failure(*message, limits);
  Counter counter(text, MaxValues(limits));
  if (!Json::sax_parse(text.begin(), text.end(), &counter)) {
    return Failure(counter.error.empty() ? "invalid JSON" : counter.error, limits);
  }
  TreeBuilder builder(counter.values, counter.chars);
  Json::sax_parse(text.begin(), text.end(), &builder);
  const JsonDocument doc = builder.Take();
  if (owned != nullptr) std::string().swap(*owned);
  ErrorList errors(limits.max_errors, limits.max_message_chars);
  Reporter reporter(errors);
  Scenario s = ReadScenario(doc.root(), reporter);
  if (errors.empty()) Validate(s, errors);
  if (errors.empty()) return LoadResult(std::move(s));
  s = Scenario();
  SortInDocumentOrder(doc.root(), errors.kept());
  return LoadResult(errors.Take());
}

// Nothing above throws by design; this keeps the promise if something (bad_alloc) does.
template <typename Fn>
LoadResult Guarded(Fn load) {
  try {
    return load();
  } catch (const std::exception& e) {
    return LoadResult(
        std::vector<LoadError>{{"", std::string("internal error while loading: ") + e.what()}});
  }
}

}  // namespace

std::string ToString(const LoadError& e) {
  if (e.path.empty()) return e.message;
  return e.path + ": " + e.message;
}

std::string NotBuilt(std::string_view what, std::string_view needs) {
  return std::string(what) + " needs " + std::string(needs) + ", not built yet";
}

LoadResult LoadScenario(std::string_view json_text, const LoadLimits& limits) {
  return Guarded([&] { return Load(json_text, limits, nullptr); });
}

LoadResult LoadScenarioFile(const std::string& path, const LoadLimits& limits) {
  return Guarded([&] {
    FileText file = ReadFileText(path, limits.max_file_bytes);
    if (!file.error.empty()) return Failure(file.error, limits);
    return Load(file.text, limits, &file.text);
  });
}

}  // namespace sim::scenario
