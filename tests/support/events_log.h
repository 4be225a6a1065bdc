// What tests read of a run's events.jsonl: its lines, and the value of a key on one of them.
#ifndef MCASTLAB_TESTS_SUPPORT_EVENTS_LOG_H_
#define MCASTLAB_TESTS_SUPPORT_EVENTS_LOG_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace testing_support {

// The lines of `out`/events.jsonl, in file order (none when it cannot be read).
std::vector<std::string> EventLines(const std::filesystem::path& out);

// The value of `key` on one line, without quotes (a string or a number alike); empty when the
// line has no such key. Enough for the names, addresses and times the tests compare.
std::string EventField(std::string_view line, std::string_view key);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_EVENTS_LOG_H_
