#include "sim/core/text_table.h"

#include <algorithm>
#include <stdexcept>

namespace sim::core {

TextTable::TextTable(std::vector<std::string> headers) { rows_.push_back(std::move(headers)); }

TextTable& TextTable::Row(std::vector<std::string> cells) {
  if (cells.size() > rows_[0].size()) throw std::logic_error("TextTable: more cells than columns");
  cells.resize(rows_[0].size());
  rows_.push_back(std::move(cells));
  return *this;
}

std::string TextTable::Render() const {
  std::vector<std::size_t> width(rows_[0].size(), 0);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::size_t line_bytes = 1;
  for (std::size_t w : width) line_bytes += w + 2;
  // Written in place: the end-of-run state dump renders tables of many thousand rows.
  std::string out;
  out.reserve(line_bytes * rows_.size());
  for (const auto& row : rows_) {
    const std::size_t start = out.size();
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += row[c];
      if (c + 1 < row.size()) out.append(width[c] - row[c].size() + 2, ' ');
    }
    // No trailing blanks (empty last cells); a line of blanks becomes empty.
    const std::size_t last = out.find_last_not_of(' ');
    out.resize(last == std::string::npos || last < start ? start : last + 1);
    out += '\n';
  }
  return out;
}

}  // namespace sim::core
