#include "sim/scenario/json_value.h"

#include <string>

#include "sim/core/json_quote.h"

namespace sim::scenario {
namespace {

// Appends until `out` is longer than `budget`; the caller cuts the tail.
void DumpInto(const JsonValue& v, std::size_t budget, std::string& out) {
  if (out.size() > budget) return;
  switch (v.type) {
    case JsonValue::Type::kNull:
      out += "null";
      break;
    case JsonValue::Type::kBool:
      out += v.boolean ? "true" : "false";
      break;
    case JsonValue::Type::kNumber:
      if (v.integral) {
        if (v.negative) out += '-';
        out += std::to_string(v.magnitude);
      } else {
        out += v.text();
      }
      break;
    case JsonValue::Type::kString:
      core::AppendJsonQuoted(v.text(), out);
      break;
    case JsonValue::Type::kArray:
      out += '[';
      for (const JsonValue& item : v.children()) {
        if (out.size() > budget) break;
        if (&item != &*v.children().begin()) out += ", ";
        DumpInto(item, budget, out);
      }
      out += ']';
      break;
    case JsonValue::Type::kObject:
      out += '{';
      for (const JsonValue& member : v.children()) {
        if (out.size() > budget) break;
        if (&member != &*v.children().begin()) out += ", ";
        core::AppendJsonQuoted(member.key(), out);
        out += ": ";
        DumpInto(member, budget, out);
      }
      out += '}';
      break;
  }
}

}  // namespace

std::string Dump(const JsonValue& v, std::size_t max_chars) {
  std::string out;
  DumpInto(v, max_chars, out);
  if (out.size() > max_chars) {
    // Cut on a UTF-8 character boundary.
    std::size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

std::string_view TypeName(JsonValue::Type t) {
  switch (t) {
    case JsonValue::Type::kNull:
      return "null";
    case JsonValue::Type::kBool:
      return "a boolean";
    case JsonValue::Type::kNumber:
      return "a number";
    case JsonValue::Type::kString:
      return "a string";
    case JsonValue::Type::kArray:
      return "an array";
    case JsonValue::Type::kObject:
      return "an object";
  }
  return "?";
}

std::string PointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace sim::scenario
