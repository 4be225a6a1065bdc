#include "sim/core/text_table.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace sim::core {

TextTable::TextTable(std::initializer_list<std::string_view> headers) : columns_(headers.size()) { Row(headers); }

TextTable& TextTable::Row(std::initializer_list<std::string_view> cells) {
  if (cells.size() > columns_) throw std::logic_error("TextTable: more cells than columns");
  for (std::string_view c : cells) {
    text_ += c;
    cell_ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
  cell_ends_.insert(cell_ends_.end(), columns_ - cells.size(), static_cast<std::uint32_t>(text_.size()));
  return *this;
}

std::string TextTable::Render() const {
  const std::size_t cells = cell_ends_.size();
  std::vector<std::size_t> width(columns_, 0);
  for (std::size_t i = 0, start = 0; i < cells; start = cell_ends_[i++]) {
    width[i % columns_] = std::max<std::size_t>(width[i % columns_], cell_ends_[i] - start);
  }
  std::size_t line_bytes = 1;
  for (std::size_t w : width) line_bytes += w + 2;
  // Written through a pointer into room made once: no line is longer than line_bytes.
  const std::size_t rows = columns_ == 0 ? 1 : cells / columns_;
  std::string out(line_bytes * rows, '\0');
  char* const begin = out.data();
  char* p = begin;
  const char* text = text_.data();
  std::size_t start = 0;
  for (std::size_t row = 0; row < rows; ++row) {
    char* const line = p;
    for (std::size_t c = 0; c < columns_; ++c) {
      const std::size_t end = cell_ends_[row * columns_ + c];
      std::memcpy(p, text + start, end - start);
      p += end - start;
      if (c + 1 < columns_) {
        const std::size_t pad = width[c] - (end - start) + 2;
        std::memset(p, ' ', pad);
        p += pad;
      }
      start = end;
    }
    // No trailing blanks (empty last cells); a line of blanks becomes empty.
    while (p > line && p[-1] == ' ') --p;
    *p++ = '\n';
  }
  out.resize(static_cast<std::size_t>(p - begin));
  return out;
}

}  // namespace sim::core
