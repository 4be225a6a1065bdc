#include "sim/core/near_name.h"

#include <algorithm>
#include <cctype>

namespace sim::core {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// neighbours each cost 1 ("dealy" is one step from "delay").
std::size_t EditDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

bool SameButCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

}  // namespace

std::optional<std::string_view> NearestName(std::string_view word,
                                            const std::vector<std::string_view>& candidates) {
  // "rx" for "RX" is the likeliest slip, yet two edits away; it wins over any spelling.
  for (std::string_view c : candidates) {
    if (SameButCase(word, c)) return c;
  }
  if (word.size() > 64) return std::nullopt;  // no name is that long; spare the quadratic table
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (std::string_view c : candidates) {
    const std::size_t d = EditDistance(word, c);
    // Words of two letters are all within 2 of each other: such a "suggestion" would be noise.
    if (d < best_distance && d < c.size()) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (auto s = NearestName(word, candidates)) return " (did you mean \"" + std::string(*s) + "\"?)";
  return "";
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  return DidYouMean(word, std::vector<std::string_view>(candidates.begin(), candidates.end()));
}

}  // namespace sim::core
