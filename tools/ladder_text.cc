#include "tools/ladder_text.h"

#include <algorithm>

#include "sim/explain/run_record.h"

namespace tools {
namespace {

namespace ex = sim::explain;

class Layout {
 public:
  explicit Layout(const ex::Ladder& ladder) : columns_(ladder.columns) {
    for (const std::string& c : columns_) width_ = std::max(width_, c.size() + 2);
    // "123.000000000" and a space at least; the last row has the longest time.
    if (!ladder.rows.empty()) time_width_ = std::max(time_width_, ex::EventTimeString(ladder.rows.back().t).size() + 1);
  }

  std::string Header() const {
    std::string line = Pad("time", time_width_);
    for (const std::string& c : columns_) line += Pad(c, width_);
    return Trim(line);
  }

  std::string Row(const ex::LadderRow& row) const {
    std::string cells(columns_.size() * width_, ' ');
    for (std::size_t k = 0; k < columns_.size(); ++k) cells[k * width_] = '|';
    const auto col = [&](const std::string& n) {
      return std::find(columns_.begin(), columns_.end(), n) - columns_.begin();
    };
    const std::ptrdiff_t none = static_cast<std::ptrdiff_t>(columns_.size());
    std::string text;
    if (!row.message) {
      if (col(row.node) != none) cells[static_cast<std::size_t>(col(row.node)) * width_] = '*';
      text = (row.node.empty() ? "" : row.node + " ") + row.text;
    } else {
      const std::ptrdiff_t from = col(row.node);
      std::vector<std::ptrdiff_t> ends;
      if (from != none) ends.push_back(from);
      for (const std::string& n : row.receivers) ends.push_back(col(n));
      const auto [lo, hi] = std::minmax_element(ends.begin(), ends.end());
      for (std::size_t x = static_cast<std::size_t>(*lo) * width_; x <= static_cast<std::size_t>(*hi) * width_; ++x) {
        cells[x] = '-';
      }
      if (from != none) cells[static_cast<std::size_t>(from) * width_] = 'o';
      for (const std::string& n : row.receivers) {
        cells[static_cast<std::size_t>(col(n)) * width_] = from == none || col(n) > from ? '>' : '<';
      }
      text = "[" + row.link + "] " + (from == none ? "from " + row.node + ": " : "") + row.text;
    }
    return Trim(Pad(ex::EventTimeString(row.t), time_width_) + cells + "  " + text);
  }

 private:
  static std::string Pad(const std::string& s, std::size_t w) {
    return s.size() >= w ? s + " " : s + std::string(w - s.size(), ' ');
  }
  static std::string Trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  }

  const std::vector<std::string>& columns_;
  std::size_t width_ = 6;
  std::size_t time_width_ = 14;
};

}  // namespace

std::string LadderText(const ex::Ladder& ladder) {
  const Layout layout(ladder);
  std::string out = layout.Header() + "\n";
  for (const ex::LadderRow& row : ladder.rows) out += layout.Row(row) + "\n";
  return out;
}

}  // namespace tools
