// What a load may cost: the size limit (checked before reading, or while reading a pipe or
// device), the cap on JSON values, the cap on errors kept, and the cut of long messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/scenario/error_list.h"
#include "sim/scenario/loader.h"
#include "tests/scenario/scenario_test_util.h"

namespace sim::scenario {
namespace {

namespace fs = std::filesystem;
using testing_util::Doc;
using testing_util::Errors;
using testing_util::FirstError;
using testing_util::ReadFixture;

std::string WriteTemp(const std::string& name, const std::string& text) {
  const fs::path p = fs::path(testing::TempDir()) / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::vector<std::string> ErrorsOf(const LoadResult& r) {
  std::vector<std::string> out;
  if (!r.ok()) {
    for (const LoadError& e : r.errors()) out.push_back(ToString(e));
  }
  return out;
}

TEST(LoadLimits, DefaultsAreSixtyFourMebibytesFiftyErrorsAndThreeHundredCharacters) {
  const LoadLimits limits;
  EXPECT_EQ(limits.max_file_bytes, 64u << 20);
  EXPECT_EQ(limits.max_errors, 50u);
  EXPECT_EQ(limits.max_message_chars, 300u);
}

TEST(LoadLimits, AFileOverTheLimitIsRefusedBeforeItIsRead) {
  const std::string minimal = ReadFixture("valid/minimal.json");
  const std::string path = WriteTemp("over-limit.json", minimal + std::string(1000, ' '));
  const std::uint64_t size = fs::file_size(path);
  LoadLimits small;
  small.max_file_bytes = size - 1;
  EXPECT_EQ(ErrorsOf(LoadScenarioFile(path, small)),
            std::vector<std::string>{"scenario file \"" + path + "\" is " + std::to_string(size) +
                                     " bytes, over the limit of " + std::to_string(size - 1) +
                                     " bytes; --max-input-size BYTES raises the limit"});
  small.max_file_bytes = size;
  EXPECT_TRUE(LoadScenarioFile(path, small).ok());
}

TEST(LoadLimits, ADeviceIsReadOnlyUpToTheLimit) {
  LoadLimits limits;
  limits.max_file_bytes = 4u << 20;
  EXPECT_EQ(ErrorsOf(LoadScenarioFile("/dev/zero", limits)),
            std::vector<std::string>{"scenario file \"/dev/zero\" is more than 4194304 bytes, over "
                                     "the limit of 4194304 bytes (4 MiB); --max-input-size BYTES "
                                     "raises the limit"});
}

TEST(LoadLimits, AnEmptyDeviceIsInvalidJson) {
  EXPECT_EQ(ErrorsOf(LoadScenarioFile("/dev/null")).size(), 1u);
}

TEST(LoadLimits, ADirectoryIsACleanError) {
  const std::string dir = testing_util::FixturePath("valid");
  EXPECT_EQ(
      ErrorsOf(LoadScenarioFile(dir)),
      std::vector<std::string>{"cannot read scenario file \"" + dir + "\": it is a directory"});
}

TEST(LoadLimits, TextOverTheLimitIsRefused) {
  LoadLimits limits;
  limits.max_file_bytes = 10;
  EXPECT_EQ(ErrorsOf(LoadScenario("{\"format\": 1}", limits)),
            std::vector<std::string>{"scenario text is 13 bytes, over the limit of 10 bytes; "
                                     "--max-input-size BYTES raises the limit"});
}

TEST(LoadLimits, TooManyJsonValuesAreRefused) {
  LoadLimits limits;
  limits.max_file_bytes = 8192;  // 1024 values
  std::string ones = "[1";
  for (int i = 0; i < 2000; ++i) ones += ",1";
  ones += "]";
  EXPECT_EQ(ErrorsOf(LoadScenario(ones, limits)),
            std::vector<std::string>{"invalid scenario: more than 1024 JSON values (the most a "
                                     "file within the size limit may hold; --max-input-size BYTES "
                                     "raises both)"});
}

// 10,000 switches with a bad name: 50 errors, then the count of the rest.
TEST(LoadLimits, ErrorsPastTheLimitAreCounted) {
  std::string nodes;
  for (int i = 0; i < 10000; ++i) {
    if (i > 0) nodes += ", ";
    nodes += R"({"name": "bad name )" + std::to_string(i) + R"(", "type": "switch", "ports": 1})";
  }
  const std::vector<std::string> errors = Errors(Doc(nodes, ""));
  ASSERT_EQ(errors.size(), 51u);
  EXPECT_EQ(errors[0],
            "/nodes/0/name: \"bad name 0\" is not a name (use only letters, digits, \"_\", \".\" "
            "and \"-\")");
  EXPECT_EQ(errors[49].substr(0, 18), "/nodes/49/name: \"b");
  EXPECT_EQ(errors[50], "and 9950 more errors");
}

// A bad default is found once per node that inherits it, but it is one error.
TEST(LoadLimits, RepeatsPastTheLimitAreNotCounted) {
  LoadLimits limits;
  limits.max_errors = 1;
  std::string nodes;
  for (int i = 0; i < 100; ++i) {
    if (i > 0) nodes += ", ";
    nodes +=
        R"({"name": "r)" + std::to_string(i) +
        R"(", "type": "router", "interfaces": [{"name": "e", "address": "10.0.0.1/24", "cost": 0}]})";
  }
  const std::string doc =
      Doc(nodes, "",
          R"("defaults": {"igmp": {"query_interval": "10s", "query_response_interval": "20s"}})");
  const std::vector<std::string> errors = ErrorsOf(LoadScenario(doc, limits));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "/nodes/0/interfaces/0/cost: 0 is not an integer from 1 to 4294967295");
  // 99 other costs and the bad default, found 100 times.
  EXPECT_EQ(errors[1], "and 100 more errors");
}

TEST(LoadLimits, ALongSyntaxErrorIsCut) {
  const std::string text = std::string(1 << 20, ' ') + "x";
  const std::vector<std::string> errors = Errors(text);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_LE(errors[0].size(), 340u) << errors[0];
  EXPECT_EQ(errors[0].substr(0, 35), "invalid JSON at line 1, column 1048");
}

TEST(LoadLimits, AHugeKeyIsCutInThePathAndInTheMessage) {
  const std::string key(100000, 'k');
  const std::vector<std::string> errors = Errors(Doc("", "", "\"" + key + "\": 1"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "/" + std::string(299, 'k') +
                           "... (99701 more characters): unknown key (expected one of: format, "
                           "name, description, seed, duration, profile, defaults, nodes, links, rp, events, "
                           "expect, capture)");
}

TEST(CutText, CutsOnACharacterBoundaryAndSaysHowMuchIsLeft) {
  std::string s = "ab\xc3\xa9z";  // "abéz": é is two bytes
  CutText(s, 2);
  EXPECT_EQ(s, "ab... (2 more characters)");
  s = "ab\xc3\xa9z";
  CutText(s, 3);
  EXPECT_EQ(s, "ab\xc3\xa9... (1 more characters)");
  std::string short_text = "abc";
  CutText(short_text, 3);
  EXPECT_EQ(short_text, "abc");
}

}  // namespace
}  // namespace sim::scenario
