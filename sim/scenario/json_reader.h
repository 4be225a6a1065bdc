// The loader's reading tools: typed reads of JSON values that report, rather than throw, and an
// object reader that catches missing, unknown and duplicate keys.
//
// Every read takes the JSON Pointer of the value it reads. A wrong value is reported as
// `<path>: <the value as JSON> is not <kind> (<why>)` and read as nothing, so the loader goes on
// and finds the next error too.
#ifndef MCASTLAB_SIM_SCENARIO_JSON_READER_H_
#define MCASTLAB_SIM_SCENARIO_JSON_READER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/time.h"
#include "sim/scenario/error_list.h"
#include "sim/scenario/json_value.h"
#include "sim/scenario/load_error.h"
#include "sim/scenario/values.h"

namespace sim::scenario {

class Reporter {
 public:
  explicit Reporter(ErrorList& out) : out_(out) {}
  void Error(std::string path, std::string message) {
    out_.Add(std::move(path), std::move(message));
  }
  // `<path>: <value> is not <kind> (<detail>)`.
  void Bad(const std::string& path, const JsonValue& v, const ValueError& e) {
    Error(path, Dump(v) + " " + Describe(e));
  }

 private:
  ErrorList& out_;
};

// ` (did you mean "join"?)` or ` (one of: a, b, c)`, for unknown names of a closed set.
std::string SuggestionClause(std::string_view word, const std::vector<std::string_view>& names);

// Typed reads. Each returns nothing, after reporting, if `v` is not a value of its kind.
std::optional<std::string> ReadString(const JsonValue& v, const std::string& path, Reporter& r);
std::optional<std::string> ReadName(const JsonValue& v, const std::string& path, Reporter& r);
// A name that becomes part of a file name (values.h ParseFileName).
std::optional<std::string> ReadFileName(const JsonValue& v, const std::string& path, Reporter& r);
std::optional<bool> ReadBool(const JsonValue& v, const std::string& path, Reporter& r);
// A string "1.5s" or a number of seconds.
std::optional<core::Duration> ReadTime(const JsonValue& v, const std::string& path, Reporter& r);
// A time above zero (every protocol interval).
std::optional<core::Duration> ReadInterval(const JsonValue& v, const std::string& path,
                                           Reporter& r);
std::optional<std::uint64_t> ReadUint(const JsonValue& v, const std::string& path, Reporter& r,
                                      std::uint64_t min, std::uint64_t max);

// A reader of integers in [min, max], for ObjectReader::Read.
inline auto UintIn(std::uint64_t min, std::uint64_t max) {
  return [min, max](const JsonValue& v, const std::string& path, Reporter& r) {
    return ReadUint(v, path, r, min, max);
  };
}

// A reader of strings through a values.h parser, for ObjectReader::Read.
template <typename T>
auto Parsed(ValueOr<T> (*parse)(std::string_view)) {
  return [parse](const JsonValue& v, const std::string& path, Reporter& r) -> std::optional<T> {
    if (!v.is_string()) {
      // Every parser rejects "", which tells us the kind it reads.
      r.Bad(path, v, ValueError{parse("").error().kind, "expected a string"});
      return std::nullopt;
    }
    ValueOr<T> parsed = parse(v.text());
    if (!parsed.ok()) {
      r.Bad(path, v, parsed.error());
      return std::nullopt;
    }
    return parsed.value();
  };
}

// Calls fn(item, item_path) for each item of an array; reports a value that is not one.
void ForEachItem(const JsonValue& v, const std::string& path, Reporter& r,
                 const std::function<void(const JsonValue&, const std::string&)>& fn);

// Reads the members of one JSON object. Each Get/Need/Read names an allowed key; Finish then
// reports the members that no one asked for, with a suggestion.
class ObjectReader {
 public:
  // `what` names the object in the message when `v` is not one: "a node".
  ObjectReader(const JsonValue& v, std::string path, Reporter& r, std::string_view what);

  bool valid() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string PathOf(std::string_view key) const { return path_ + "/" + PointerToken(key); }
  Reporter& reporter() { return r_; }

  const JsonValue* Get(std::string_view key);
  // Like Get, and reports `missing required key "<key>"` when it is absent.
  const JsonValue* Need(std::string_view key);

  // Get or Need, then `read(value, path, reporter)`.
  template <typename Fn>
  auto Read(std::string_view key, Fn read, bool required = false)
      -> decltype(read(std::declval<const JsonValue&>(), std::string(),
                       std::declval<Reporter&>())) {
    const JsonValue* v = required ? Need(key) : Get(key);
    if (v == nullptr) return std::nullopt;
    return read(*v, PathOf(key), r_);
  }

  // A key that is known but not allowed here, reported by Finish as `<reason>`.
  void Misplaced(std::string_view key, std::string reason);
  // Reports duplicate, misplaced and unknown keys.
  void Finish();

 private:
  const JsonValue* object_ = nullptr;
  std::string path_;
  Reporter& r_;
  std::vector<std::string> allowed_;
  std::vector<std::pair<std::string, std::string>> misplaced_;
};

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_JSON_READER_H_
