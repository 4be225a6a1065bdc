#include "sim/run/json_text.h"

#include <cstdio>

#include "sim/core/json_quote.h"

namespace sim::run {


void JsonObject::Key(std::string_view key) {
  if (text_.size() > 1) text_ += ", ";
  core::AppendJsonQuoted(key, text_);
  text_ += ": ";
}

JsonObject& JsonObject::Str(std::string_view key, std::string_view value) {
  Key(key);
  core::AppendJsonQuoted(value, text_);
  return *this;
}

JsonObject& JsonObject::Num(std::string_view key, std::uint64_t value) {
  Key(key);
  text_ += std::to_string(value);
  return *this;
}

JsonObject& JsonObject::Real(std::string_view key, double value) {
  Key(key);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  text_ += buf;
  return *this;
}

JsonObject& JsonObject::Bool(std::string_view key, bool value) {
  Key(key);
  text_ += value ? "true" : "false";
  return *this;
}

JsonObject& JsonObject::Raw(std::string_view key, std::string_view json) {
  Key(key);
  text_ += json;
  return *this;
}

}  // namespace sim::run
