#include "sim/scenario/document_order.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <utility>

namespace sim::scenario {
namespace {

// RFC 6901 §4: "~1" -> "/", then "~0" -> "~".
std::string Unescape(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

// The index of the child of `v` that `token` names, if any.
std::optional<std::size_t> ChildIndex(const JsonValue& v, std::string_view token) {
  if (v.is_array()) {
    std::size_t i = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
    if (ec != std::errc() || end != token.data() + token.size() || i >= v.size) {
      return std::nullopt;
    }
    return i;
  }
  if (v.is_object()) {
    const std::string key = Unescape(token);
    std::size_t i = 0;
    for (const JsonValue& m : v.children()) {
      if (m.key() == key) return i;
      ++i;
    }
  }
  return std::nullopt;
}

const JsonValue& Child(const JsonValue& v, std::size_t index) {
  auto it = v.children().begin();
  for (std::size_t i = 0; i < index; ++i) ++it;
  return *it;
}

}  // namespace

std::vector<std::size_t> Locate(const JsonValue& root, std::string_view pointer) {
  std::vector<std::size_t> at;
  const JsonValue* v = &root;
  while (!pointer.empty() && pointer.front() == '/') {
    pointer.remove_prefix(1);
    const std::size_t slash = pointer.find('/');
    const std::string_view token = pointer.substr(0, slash);
    pointer = slash == std::string_view::npos ? std::string_view() : pointer.substr(slash);
    const auto i = ChildIndex(*v, token);
    if (!i) break;
    at.push_back(*i);
    v = &Child(*v, *i);
  }
  return at;
}

void SortInDocumentOrder(const JsonValue& root, std::vector<LoadError>& errors) {
  std::vector<std::pair<std::vector<std::size_t>, LoadError>> keyed;
  keyed.reserve(errors.size());
  for (LoadError& e : errors) keyed.emplace_back(Locate(root, e.path), std::move(e));
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  errors.clear();
  for (auto& [at, e] : keyed) errors.push_back(std::move(e));
}

}  // namespace sim::scenario
