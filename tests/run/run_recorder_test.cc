#include "sim/run/run_recorder.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "sim/trace/output_error.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_files.h"

namespace sim::run {
namespace {

net::TraceEvent Event(std::int64_t ns, std::string_view node, core::TraceFields fields) {
  return net::TraceEvent{core::Time::FromNanos(ns), node, "test.kind", std::move(fields)};
}

// Lines gather in a chunk of about 1 MiB before they go to the file: a run of more than a
// chunk must come out whole and in order, the last partial chunk included.
TEST(RunRecorder, EventLinesSpanningSeveralChunksComeOutWholeAndInOrder) {
  const auto path = testing_support::TempPath("recorder-events.jsonl");
  std::string expected;
  {
    RunRecorder r;
    r.WriteEventsTo(path.string());
    for (int i = 0; i < 30000; ++i) {
      r.OnEvent(Event(i, "R1", {{"n", i}, {"text", "a \"quoted\" name"}, {"up", true}}));
      expected += "{\"t\": \"0.0000" + std::string(5 - std::to_string(i).size(), '0') + std::to_string(i) +
                  "\", \"node\": \"R1\", \"kind\": \"test.kind\", \"n\": " + std::to_string(i) +
                  ", \"text\": \"a \\\"quoted\\\" name\", \"up\": true}\n";
    }
    r.OnEvent(Event(1, "", {}));  // a line without a node (a link's event)
    expected += "{\"t\": \"0.000000001\", \"kind\": \"test.kind\"}\n";
    r.Close();
    EXPECT_EQ(r.event_count(), 30001u);
  }
  ASSERT_GT(expected.size(), 2u << 20);
  EXPECT_EQ(testing_support::ReadWholeFile(path), expected);
}

// A record goes into what is left of the chunk, or into the next one when it does not fit; a
// record larger than a whole chunk (3 MB of text here) gets a buffer of its own, first or not.
TEST(RunRecorder, RecordsLargerThanAChunkOrThanItsRestComeOutWhole) {
  const auto path = testing_support::TempPath("recorder-large.jsonl");
  const std::string big(3u << 20, 'x');
  const std::string half(600u << 10, 'y');
  const auto line = [](int ns, const std::string& text) {
    return "{\"t\": \"0.00000000" + std::to_string(ns) + "\", \"node\": \"R1\", \"kind\": \"test.kind\", \"text\": \"" +
           text + "\"}\n";
  };
  std::string expected;
  {
    RunRecorder r;
    r.WriteEventsTo(path.string());
    for (int i = 0; i < 6; ++i) {
      const std::string& text = i == 0 || i == 4 ? big : i % 2 == 1 ? half : "small";
      r.OnEvent(Event(i, "R1", {{"text", text}}));
      expected += line(i, text);
    }
    r.Close();
  }
  EXPECT_TRUE(testing_support::ReadWholeFile(path) == expected);
}

TEST(RunRecorder, FullDiskIsAClearErrorAtTheLatestWhenClosing) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  RunRecorder r;
  r.WriteEventsTo("/dev/full");
  r.OnEvent(Event(0, "R1", {{"n", 1}}));
  try {
    r.Close();
    FAIL() << "no error";
  } catch (const trace::OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("/dev/full: No space left on device"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sim::run
