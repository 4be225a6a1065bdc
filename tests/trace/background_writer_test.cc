#include "sim/trace/background_writer.h"

#include <filesystem>
#include <new>
#include <string>
#include <string_view>

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

// With a size, only that many bytes of the chunk are written, and the buffer handed back keeps
// the size and bytes it had: the caller writes over it from the start.
TEST(BackgroundWriter, AChunkWithASizeWritesThatManyBytesAndComesBackAtItsSize) {
  const auto path = testing_support::TempPath("background-sized.txt");
  std::string expected;
  {
    BackgroundWriter w(path.string());
    std::string chunk(64, '.');
    for (int i = 0; i < 50; ++i) {
      const std::string text = "line " + std::to_string(i) + "\n";
      ASSERT_GE(chunk.size(), text.size());
      text.copy(chunk.data(), text.size());
      expected += text;
      w.Write(chunk, text.size());
      // The first two come back empty (the buffers the writer starts with); then at full size.
      if (chunk.size() < 64) chunk.resize(64, '.');
      EXPECT_EQ(chunk.size(), 64u);
    }
    w.Close();
  }
  EXPECT_EQ(testing_support::ReadWholeFile(path), expected);
}

// The transform runs on the thread, a chunk at a time, and its output is what the file gets.
TEST(BackgroundWriter, ATransformedChunkIsWhatReachesTheFile) {
  const auto path = testing_support::TempPath("background-transformed.txt");
  {
    BackgroundWriter w(path.string(), [](std::string_view chunk, std::string& out) {
      for (char c : chunk) out += std::string(2, c);
      out += '|';
    });
    std::string chunk = "ab";
    w.Write(chunk);
    chunk = "c";
    w.Write(chunk);
    w.Close();
  }
  EXPECT_EQ(testing_support::ReadWholeFile(path), "aabb|cc|");
}

// A transform that runs out of memory is a write that failed: the run hears of it, it does
// not end in std::terminate on the thread.
TEST(BackgroundWriter, ATransformOutOfMemoryIsAClearError) {
  const auto path = testing_support::TempPath("background-no-memory.txt");
  BackgroundWriter w(path.string(), [](std::string_view, std::string&) { throw std::bad_alloc(); });
  std::string chunk = "x";
  w.Write(chunk);
  try {
    w.Close();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write " + path.string() + ": Cannot allocate memory");
  }
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
