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
  std::string out;
  for (const auto& row : rows_) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] - row[c].size() + 2, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

}  // namespace sim::core
