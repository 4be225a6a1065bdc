#include "tests/support/cli_run.h"

#include <gtest/gtest.h>

#include "tests/support/shell.h"

namespace testing_support {

namespace fs = std::filesystem;

CliOutcome RunMcastlab(const std::string& cli, const std::string& args) {
  const ShellResult r = RunShell(cli + " " + args);
  return {r.exit_code, r.out, r.err};
}

fs::path RunShipped(const std::string& cli, const std::string& source_dir, const std::string& name) {
  const std::string test = testing::UnitTest::GetInstance()->current_test_info()->name();
  const fs::path out = fs::path(testing::TempDir()) / ("cli-" + name + "-" + test);
  fs::remove_all(out);
  const CliOutcome r = RunMcastlab(cli, "run " + source_dir + "/topologies/" + name + ".json --out " + out.string());
  EXPECT_LE(r.exit_code, 1) << r.out << r.err;
  return out;
}

}  // namespace testing_support
