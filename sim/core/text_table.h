// Tables as routers print them (`show ip mroute`, `show ip igmp groups`): a header row and
// left-aligned columns, each as wide as its widest cell plus two spaces, the last one unpadded.
// Cells are never cut, so a long interface or group name widens its column instead.
//
//   TextTable t({"Group", "Interface", "Expires"});
//   t.Row({"239.1.1.1", "eth0", "3.000"});
//   std::string text = t.Render();  // "Group      Interface  Expires\n239.1.1.1  eth0       3.000\n"
#ifndef MCASTLAB_SIM_CORE_TEXT_TABLE_H_
#define MCASTLAB_SIM_CORE_TEXT_TABLE_H_

#include <string>
#include <vector>

namespace sim::core {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);
  // A row with as many cells as headers (missing cells print empty, extra ones are an error).
  TextTable& Row(std::vector<std::string> cells);
  // Header and rows, one line each, every line ending in '\n'; trailing spaces trimmed.
  std::string Render() const;
  bool empty() const { return rows_.size() == 1; }

 private:
  std::vector<std::vector<std::string>> rows_;  // rows_[0] is the header
};

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_TEXT_TABLE_H_
