#include "sim/trace/background_writer.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sim/trace/output_error.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_files.h"

namespace sim::trace {
namespace {

TEST(BackgroundWriter, ChunksReachTheFileWholeAndInOrder) {
  const auto path = testing_support::TempPath("background.txt");
  std::string expected;
  {
    BackgroundWriter w(path.string());
    std::string chunk;
    for (int i = 0; i < 200; ++i) {
      // Chunks of different sizes, some empty, the buffer handed back reused each time.
      for (int k = 0; k < i % 7; ++k) chunk += "chunk " + std::to_string(i) + " line " + std::to_string(k) + "\n";
      expected += chunk;
      w.Write(chunk);
      EXPECT_TRUE(chunk.empty());
    }
    w.Close();
    w.Close();  // closing twice is harmless
  }
  EXPECT_EQ(testing_support::ReadWholeFile(path), expected);
}

TEST(BackgroundWriter, AFolderThatIsNotThereIsAClearError) {
  try {
    BackgroundWriter w("/nonexistent-folder/events.jsonl");
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_STREQ(e.what(), "cannot create /nonexistent-folder/events.jsonl: No such file or directory");
  }
}

TEST(BackgroundWriter, FullDiskIsReportedByALaterWriteOrByClose) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  BackgroundWriter w("/dev/full");
  try {
    for (int i = 0; i < 100; ++i) {
      std::string chunk(4096, 'x');
      w.Write(chunk);
    }
    w.Close();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_STREQ(e.what(), "cannot write /dev/full: No space left on device");
  }
}

// A run that fails elsewhere destroys its writer without Close: the thread still writes what
// was handed over, reports nothing, and the destructor returns (nothing waits for ever).
TEST(BackgroundWriter, DestroyedWithoutCloseWritesWhatWasHandedOverAndStops) {
  const auto path = testing_support::TempPath("background-abandoned.txt");
  {
    BackgroundWriter w(path.string());
    std::string chunk = "something\n";
    w.Write(chunk);
  }
  EXPECT_EQ(testing_support::ReadWholeFile(path), "something\n");
}

}  // namespace
}  // namespace sim::trace
