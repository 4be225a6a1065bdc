// A whole number written in a command-line argument: digits only, within 64 bits. Callers check
// their own range, so every command reads numbers alike.
#ifndef MCASTLAB_TOOLS_WHOLE_NUMBER_H_
#define MCASTLAB_TOOLS_WHOLE_NUMBER_H_

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tools {

inline std::optional<std::uint64_t> ParseWholeNumber(std::string_view text) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace tools

#endif  // MCASTLAB_TOOLS_WHOLE_NUMBER_H_
