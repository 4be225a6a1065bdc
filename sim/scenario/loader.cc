// JSON text -> JsonValue (nlohmann/json's SAX parser; the only use of nlohmann in mcastlab) ->
// typed Scenario (load_*.cc) -> cross-reference checks (validate.cc) -> errors in document order.
#include "sim/scenario/loader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

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

// Builds a JsonValue from nlohmann's SAX events, keeping member order, duplicates and number text.
class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view text) : text_(text) {}

  bool null() { return Place(JsonValue{}); }
  bool boolean(bool b) {
    JsonValue v;
    v.type = JsonValue::Type::kBool;
    v.boolean = b;
    return Place(std::move(v));
  }
  bool number_integer(Json::number_integer_t n) {
    const bool negative = n < 0;
    // Magnitude of a negative int64 without overflowing on INT64_MIN.
    const auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    return Place(Integer(negative, magnitude, std::to_string(n)));
  }
  bool number_unsigned(Json::number_unsigned_t n) {
    return Place(Integer(false, n, std::to_string(n)));
  }
  bool number_float(Json::number_float_t d, const Json::string_t& text) {
    JsonValue v;
    v.type = JsonValue::Type::kNumber;
    v.number = d;
    v.text = text;
    return Place(std::move(v));
  }
  bool string(Json::string_t& s) {
    JsonValue v;
    v.type = JsonValue::Type::kString;
    v.text = std::move(s);
    return Place(std::move(v));
  }
  bool binary(Json::binary_t& /*b*/) { return Place(JsonValue{}); }  // not produced by JSON text
  bool start_object(std::size_t /*elements*/) { return Open(JsonValue::Type::kObject); }
  bool key(Json::string_t& k) {
    stack_.back()->members.push_back(JsonMember{std::move(k), JsonValue{}});
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t /*elements*/) { return Open(JsonValue::Type::kArray); }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
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
    error_ = "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
             ": " + reason;
    return false;
  }

  JsonValue& root() { return root_; }
  const std::string& error() const { return error_; }

 private:
  static JsonValue Integer(bool negative, std::uint64_t magnitude, std::string text) {
    JsonValue v;
    v.type = JsonValue::Type::kNumber;
    v.integral = true;
    v.negative = negative;
    v.magnitude = magnitude;
    v.number = negative ? -static_cast<double>(magnitude) : static_cast<double>(magnitude);
    v.text = std::move(text);
    return v;
  }

  // Where the next value goes: the root, the end of the open array, or the open object's last key.
  JsonValue* Slot() {
    if (stack_.empty()) return &root_;
    JsonValue* top = stack_.back();
    if (top->is_array()) {
      top->items.emplace_back();
      return &top->items.back();
    }
    return &top->members.back().value;
  }
  bool Place(JsonValue v) {
    *Slot() = std::move(v);
    return true;
  }
  bool Open(JsonValue::Type type) {
    if (stack_.size() >= kMaxDepth) {
      error_ = "invalid scenario: JSON nested deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    JsonValue* slot = Slot();
    slot->type = type;
    // The slot lives in its parent's vector, which does not grow while this value is open.
    stack_.push_back(slot);
    return true;
  }

  std::string_view text_;
  JsonValue root_;
  std::vector<JsonValue*> stack_;
  std::string error_;
};

// Position of every value in document order, keyed by its JSON Pointer.
void IndexPaths(const JsonValue& v, const std::string& path,
                std::map<std::string, std::size_t>& out) {
  out.emplace(path, out.size());
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    IndexPaths(v.items[i], path + "/" + std::to_string(i), out);
  }
  for (const JsonMember& m : v.members) IndexPaths(m.value, path + "/" + PointerToken(m.key), out);
}

// Stable-sorts errors by where their path is in the document, and drops repeats (a bad default
// is found once per node that inherits it).
void PutInDocumentOrder(const JsonValue& root, std::vector<LoadError>& errors) {
  std::map<std::string, std::size_t> order;
  IndexPaths(root, "", order);
  auto position = [&order](std::string path) {
    while (true) {
      if (auto it = order.find(path); it != order.end()) return it->second;
      const std::size_t slash = path.rfind('/');
      if (slash == std::string::npos) return std::size_t{0};
      path.resize(slash);
    }
  };
  std::vector<std::pair<std::size_t, LoadError>> keyed;
  for (LoadError& e : errors) keyed.emplace_back(position(e.path), std::move(e));
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  errors.clear();
  std::set<std::pair<std::string, std::string>> seen;
  for (auto& [pos, e] : keyed) {
    if (seen.insert({e.path, e.message}).second) errors.push_back(std::move(e));
  }
}

LoadResult Load(std::string_view text) {
  TreeBuilder builder(text);
  if (!Json::sax_parse(text.begin(), text.end(), &builder)) {
    const std::string message = builder.error().empty() ? "invalid JSON" : builder.error();
    return LoadResult(std::vector<LoadError>{{"", message}});
  }
  std::vector<LoadError> errors;
  Reporter reporter(errors);
  Scenario s = ReadScenario(builder.root(), reporter);
  if (errors.empty()) errors = Validate(s);
  if (errors.empty()) return LoadResult(std::move(s));
  PutInDocumentOrder(builder.root(), errors);
  return LoadResult(std::move(errors));
}

}  // namespace

std::string ToString(const LoadError& e) {
  if (e.path.empty()) return e.message;
  return e.path + ": " + e.message;
}

LoadResult LoadScenario(std::string_view json_text) {
  try {
    return Load(json_text);
  } catch (const std::exception& e) {
    // Nothing above throws by design; this keeps the promise if something (bad_alloc) does.
    return LoadResult(
        std::vector<LoadError>{{"", std::string("internal error while loading: ") + e.what()}});
  }
}

LoadResult LoadScenarioFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  auto fail = [&path](int err) {
    return LoadResult(std::vector<LoadError>{
        {"", "cannot read scenario file \"" + path + "\": " + std::strerror(err)}});
  };
  if (f == nullptr) return fail(errno);
  std::string text;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  const bool failed = std::ferror(f) != 0;
  const int err = errno;
  std::fclose(f);
  if (failed) return fail(err);
  return LoadScenario(text);
}

}  // namespace sim::scenario
