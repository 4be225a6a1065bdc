#include "sim/scenario/json_reader.h"

#include <algorithm>

#include "sim/core/near_name.h"

namespace sim::scenario {
namespace {

std::string Join(const std::vector<std::string_view>& names) {
  std::string s;
  for (std::string_view n : names) {
    if (!s.empty()) s += ", ";
    s += n;
  }
  return s;
}

}  // namespace

std::string SuggestionClause(std::string_view word, const std::vector<std::string_view>& names) {
  if (std::string near = core::DidYouMean(word, names); !near.empty()) return near;
  if (names.empty()) return "";
  return " (expected one of: " + Join(names) + ")";
}

std::optional<std::string> ReadString(const JsonValue& v, const std::string& path, Reporter& r) {
  if (!v.is_string()) {
    r.Error(path, Dump(v) + " is not a string");
    return std::nullopt;
  }
  return std::string(v.text());
}

std::optional<std::string> ReadName(const JsonValue& v, const std::string& path, Reporter& r) {
  return Parsed(ParseName)(v, path, r);
}

std::optional<std::string> ReadFileName(const JsonValue& v, const std::string& path,
                                        Reporter& r) {
  return Parsed(ParseFileName)(v, path, r);
}

std::optional<bool> ReadBool(const JsonValue& v, const std::string& path, Reporter& r) {
  if (!v.is_bool()) {
    r.Error(path, Dump(v) + " is not a boolean (true or false)");
    return std::nullopt;
  }
  return v.boolean;
}

std::optional<core::Duration> ReadTime(const JsonValue& v, const std::string& path, Reporter& r) {
  if (v.is_string()) return Parsed(ParseTime)(v, path, r);
  if (!v.is_number()) {
    r.Bad(path, v, {"a time", "expected a string such as \"1.5s\" or a number of seconds"});
    return std::nullopt;
  }
  if (v.integral && v.negative) {
    r.Bad(path, v, {"a time", "negative"});
    return std::nullopt;
  }
  // Integers are exact; a fraction ("0.005") is rounded to the nearest nanosecond.
  const ValueOr<core::Duration> t =
      v.integral ? TimeFromSeconds(v.magnitude) : TimeFromSeconds(v.number());
  if (!t.ok()) {
    r.Bad(path, v, t.error());
    return std::nullopt;
  }
  return t.value();
}

std::optional<core::Duration> ReadInterval(const JsonValue& v, const std::string& path,
                                           Reporter& r) {
  auto t = ReadTime(v, path, r);
  if (t && *t == core::Duration::Zero()) {
    r.Bad(path, v, {"an interval", "must be more than 0"});
    return std::nullopt;
  }
  return t;
}

std::optional<std::uint64_t> ReadUint(const JsonValue& v, const std::string& path, Reporter& r,
                                      std::uint64_t min, std::uint64_t max) {
  const bool in_range = v.is_number() && v.integral && (!v.negative || v.magnitude == 0) &&
                        v.magnitude >= min && v.magnitude <= max;
  if (!in_range) {
    const std::string range = max == UINT64_MAX
                                  ? "of at least " + std::to_string(min)
                                  : "from " + std::to_string(min) + " to " + std::to_string(max);
    r.Error(path, Dump(v) + " is not an integer " + range);
    return std::nullopt;
  }
  return v.magnitude;
}

void ForEachItem(const JsonValue& v, const std::string& path, Reporter& r,
                 const std::function<void(const JsonValue&, const std::string&)>& fn) {
  if (!v.is_array()) {
    r.Error(path, Dump(v) + " is not an array");
    return;
  }
  std::size_t i = 0;
  for (const JsonValue& item : v.children()) fn(item, path + "/" + std::to_string(i++));
}

ObjectReader::ObjectReader(const JsonValue& v, std::string path, Reporter& r, std::string_view what)
    : path_(std::move(path)), r_(r) {
  if (v.is_object()) {
    object_ = &v;
  } else {
    r_.Error(path_, Dump(v) + " is not " + std::string(what) + " (expected a JSON object)");
  }
}

const JsonValue* ObjectReader::Get(std::string_view key) {
  if (std::find(allowed_.begin(), allowed_.end(), key) == allowed_.end()) {
    allowed_.emplace_back(key);
  }
  if (object_ == nullptr) return nullptr;
  for (const JsonValue& m : object_->children()) {
    if (m.key() == key) return &m;
  }
  return nullptr;
}

const JsonValue* ObjectReader::Need(std::string_view key) {
  const JsonValue* v = Get(key);
  if (v == nullptr && object_ != nullptr) {
    r_.Error(path_, "missing required key \"" + std::string(key) + "\"");
  }
  return v;
}

void ObjectReader::Misplaced(std::string_view key, std::string reason) {
  misplaced_.emplace_back(std::string(key), std::move(reason));
}

void ObjectReader::Finish() {
  if (object_ == nullptr) return;
  const std::vector<std::string_view> allowed(allowed_.begin(), allowed_.end());
  std::vector<std::string_view> seen;
  for (const JsonValue& m : object_->children()) {
    const std::string path = PathOf(m.key());
    if (std::find(seen.begin(), seen.end(), m.key()) != seen.end()) {
      r_.Error(path, "duplicate key (an object may give each key once)");
      continue;
    }
    seen.push_back(m.key());
    if (std::find(allowed.begin(), allowed.end(), m.key()) != allowed.end()) continue;
    const auto misplaced = std::find_if(misplaced_.begin(), misplaced_.end(),
                                        [&m](const auto& p) { return p.first == m.key(); });
    if (misplaced != misplaced_.end()) {
      r_.Error(path, misplaced->second);
    } else {
      r_.Error(path, "unknown key" + SuggestionClause(m.key(), allowed));
    }
  }
}

}  // namespace sim::scenario
