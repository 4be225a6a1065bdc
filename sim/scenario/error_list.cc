#include "sim/scenario/error_list.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace sim::scenario {
namespace {

std::uint64_t HashOf(const std::string& path, const std::string& message) {
  const std::size_t a = std::hash<std::string_view>{}(path);
  const std::size_t b = std::hash<std::string_view>{}(message);
  return static_cast<std::uint64_t>(a) * 0x9e3779b97f4a7c15ULL ^ static_cast<std::uint64_t>(b);
}

}  // namespace

void CutText(std::string& text, std::size_t max_chars) {
  // Counts characters, not bytes: a UTF-8 continuation byte (10xxxxxx) adds none.
  auto starts_char = [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; };
  std::size_t chars = 0;
  std::size_t cut = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_char(text[i])) continue;
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  if (cut == text.size()) return;
  const auto rest = static_cast<std::size_t>(
      std::count_if(text.begin() + static_cast<std::ptrdiff_t>(cut), text.end(), starts_char));
  text.resize(cut);
  text.shrink_to_fit();
  text += "... (" + std::to_string(rest) + " more characters)";
}

void ErrorList::Add(std::string path, std::string message) {
  CutText(path, max_chars_);
  CutText(message, max_chars_);
  const std::uint64_t hash = HashOf(path, message);
  for (std::size_t i = 0; i < kept_.size(); ++i) {
    if (kept_hashes_[i] == hash && kept_[i].path == path && kept_[i].message == message) return;
  }
  if (kept_.size() < max_kept_) {
    kept_.push_back({std::move(path), std::move(message)});
    kept_hashes_.push_back(hash);
    return;
  }
  more_hashes_.push_back(hash);
  // Repeats are merged as they come, so the list holds at most twice the distinct count.
  if (more_hashes_.size() >= 1024 && more_hashes_.size() == more_hashes_.capacity()) more();
}

std::size_t ErrorList::more() const {
  std::sort(more_hashes_.begin(), more_hashes_.end());
  more_hashes_.erase(std::unique(more_hashes_.begin(), more_hashes_.end()), more_hashes_.end());
  return more_hashes_.size();
}

std::vector<LoadError> ErrorList::Take() {
  std::vector<LoadError> out = std::move(kept_);
  if (const std::size_t k = more(); k > 0) {
    out.push_back({"", "and " + std::to_string(k) + " more error" + (k == 1 ? "" : "s")});
  }
  kept_.clear();
  kept_hashes_.clear();
  more_hashes_.clear();
  return out;
}

}  // namespace sim::scenario
