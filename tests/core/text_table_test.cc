#include "sim/core/text_table.h"

#include <gtest/gtest.h>

namespace sim::core {
namespace {

TEST(TextTable, ColumnsAreAsWideAsTheirWidestCellPlusTwo) {
  TextTable t({"Group", "Interface", "Expires"});
  t.Row({"239.1.1.1", "eth0", "3.000"}).Row({"224.0.1.1", "a-very-long-name", "-"});
  EXPECT_EQ(t.Render(),
            "Group      Interface         Expires\n"
            "239.1.1.1  eth0              3.000\n"
            "224.0.1.1  a-very-long-name  -\n");
}

TEST(TextTable, EmptyTableIsItsHeaderAndTrailingBlanksAreTrimmed) {
  TextTable t({"Address", "Iface"});
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.Render(), "Address  Iface\n");
  t.Row({"10.0.0.1"});  // a missing last cell
  EXPECT_FALSE(t.empty());
  EXPECT_EQ(t.Render(), "Address   Iface\n10.0.0.1\n");
}

// Cells live in one string, one after another: empty ones in the middle keep their column, and
// a row of empty cells is an empty line.
TEST(TextTable, EmptyCellsKeepTheirColumnsAndAnEmptyRowIsAnEmptyLine) {
  TextTable t({"A", "Bee", "C"});
  t.Row({"", "", "x"}).Row({}).Row({"long cell", ""});
  EXPECT_EQ(t.Render(),
            "A          Bee  C\n"
            "                x\n"
            "\n"
            "long cell\n");
}

TEST(TextTable, MoreCellsThanColumnsIsAnError) {
  TextTable t({"A"});
  EXPECT_THROW(t.Row({"1", "2"}), std::logic_error);
}

}  // namespace
}  // namespace sim::core
