// The mcastlab command's allocator settings (tools/allocator_settings.cc): huge pages asked of
// jemalloc, and MALLOC_CONF in the environment still winning over them. Read back from
// jemalloc's own statistics, printed at exit, so the kernel's huge-page setting does not matter.
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/child_process.h"

namespace {

// What `mcastlab --version` prints with MALLOC_CONF set to `conf`.
std::string VersionWith(const char* conf) {
  setenv("MALLOC_CONF", conf, 1);
  const testing_support::ChildResult r = testing_support::RunChild({MCASTLAB_CLI, "--version"});
  unsetenv("MALLOC_CONF");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.output;
}

TEST(CliAllocator, AsksJemallocForHugePagesUnlessTheEnvironmentSaysOtherwise) {
  const std::string settings = VersionWith("stats_print:true");
  if (settings.find("jemalloc statistics") == std::string::npos) {
    GTEST_SKIP() << "this build's mcastlab is not linked with jemalloc (sanitizers, or MCASTLAB_JEMALLOC=OFF)";
  }
  EXPECT_NE(settings.find("opt.thp: \"always\""), std::string::npos) << settings;
  EXPECT_NE(settings.find("opt.metadata_thp: \"always\""), std::string::npos) << settings;
  const std::string off = VersionWith("thp:default,metadata_thp:disabled,stats_print:true");
  EXPECT_NE(off.find("opt.thp: \"default\""), std::string::npos) << off;
  EXPECT_NE(off.find("opt.metadata_thp: \"disabled\""), std::string::npos) << off;
}

}  // namespace
