// Tables as routers print them (`show ip mroute`, `show ip igmp groups`): a header row and
// left-aligned columns, each as wide as its widest cell plus two spaces, the last one unpadded.
// Cells are never cut, so a long interface or group name widens its column instead.
//
//   TextTable t({"Group", "Interface", "Expires"});
//   t.Row({"239.1.1.1", "eth0", "3.000"});
//   std::string text = t.Render();  // "Group      Interface  Expires\n239.1.1.1  eth0       3.000\n"
#ifndef MCASTLAB_SIM_CORE_TEXT_TABLE_H_
#define MCASTLAB_SIM_CORE_TEXT_TABLE_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sim::core {

class TextTable {
 public:
  explicit TextTable(std::initializer_list<std::string_view> headers);
  // A row with as many cells as headers (missing cells print empty, extra ones are an error).
  // The cells are copied: they may be temporaries.
  TextTable& Row(std::initializer_list<std::string_view> cells);
  // Header and rows, one line each, every line ending in '\n'; trailing spaces trimmed.
  std::string Render() const;
  bool empty() const { return cell_ends_.size() == columns_; }

 private:
  // All cells' text in one string, row after row, the header first: the end-of-run state dump
  // of a large run fills 131,000 rows of `show ip route` alone, and a vector of strings per row
  // cost more than the text itself.
  std::size_t columns_;
  std::string text_;
  std::vector<std::uint32_t> cell_ends_;  // where each cell ends in text_, columns_ per row
};

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_TEXT_TABLE_H_
