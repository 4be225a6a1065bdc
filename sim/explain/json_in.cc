#include "sim/explain/json_in.h"

#include <cctype>

namespace sim::explain {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::optional<Json> Document() {
    auto v = Value(0);
    Space();
    if (!v || pos_ != s_.size()) return std::nullopt;
    return v;
  }

 private:
  static constexpr int kMaxDepth = 64;

  void Space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    Space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Word(std::string_view w) {
    if (s_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }

  std::optional<Json> Value(int depth) {
    if (depth > kMaxDepth) return std::nullopt;
    Space();
    if (pos_ >= s_.size()) return std::nullopt;
    Json v;
    const char c = s_[pos_];
    if (c == '{') return Object(depth);
    if (c == '[') return Array(depth);
    if (c == '"') {
      auto str = String();
      if (!str) return std::nullopt;
      v.type = Json::Type::kString;
      v.text = std::move(*str);
      return v;
    }
    if (Word("true") || Word("false")) {
      v.type = Json::Type::kBool;
      v.text = c == 't' ? "true" : "false";
      return v;
    }
    if (Word("null")) return v;
    const std::size_t start = pos_;
    while (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || std::string_view("+-.eE").find(s_[pos_]) != std::string_view::npos)) ++pos_;
    if (pos_ == start) return std::nullopt;
    v.type = Json::Type::kNumber;
    v.text = std::string(s_.substr(start, pos_ - start));
    return v;
  }

  std::optional<Json> Object(int depth) {
    ++pos_;
    Json v;
    v.type = Json::Type::kObject;
    if (Eat('}')) return v;
    do {
      Space();
      auto key = String();
      if (!key || !Eat(':')) return std::nullopt;
      auto value = Value(depth + 1);
      if (!value) return std::nullopt;
      v.members.emplace_back(std::move(*key), std::move(*value));
    } while (Eat(','));
    if (!Eat('}')) return std::nullopt;
    return v;
  }

  std::optional<Json> Array(int depth) {
    ++pos_;
    Json v;
    v.type = Json::Type::kArray;
    if (Eat(']')) return v;
    do {
      auto item = Value(depth + 1);
      if (!item) return std::nullopt;
      v.items.push_back(std::move(*item));
    } while (Eat(','));
    if (!Eat(']')) return std::nullopt;
    return v;
  }

  // A string with its escapes; \uXXXX below 0x80 only (mcastlab writes nothing else).
  std::optional<std::string> String() {
    if (pos_ >= s_.size() || s_[pos_] != '"') return std::nullopt;
    ++pos_;
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      char c = s_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) return std::nullopt;
      c = s_[pos_++];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          const auto code = Hex4();
          if (!code) return std::nullopt;
          out += *code < 0x80 ? static_cast<char>(*code) : '?';
          break;
        }
        case '"': case '\\': case '/': out += c; break;
        default: return std::nullopt;  // JSON has no other escape
      }
    }
    if (pos_ >= s_.size()) return std::nullopt;
    ++pos_;
    return out;
  }

  // Exactly four hex digits after \u (std::stoul would take a sign, spaces or fewer digits).
  std::optional<unsigned> Hex4() {
    if (pos_ + 4 > s_.size()) return std::nullopt;
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      const int digit = h >= '0' && h <= '9' ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
      if (digit < 0) return std::nullopt;
      code = code * 16 + static_cast<unsigned>(digit);
    }
    return code;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

const Json* Json::Find(std::string_view key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string Json::Str(std::string_view key) const {
  const Json* v = Find(key);
  return v != nullptr ? v->text : std::string();
}

std::optional<Json> ParseJson(std::string_view text) { return Reader(text).Document(); }

}  // namespace sim::explain
