// Typed command-line options for CLI11, read by the project's own parsers: a time is what a
// scenario file accepts ("90s", "10min", values.h ParseTime), a count is a whole number
// (whole_number.h), so the command line and the scenario files agree on every value. Also the
// wording of every refusal: one line that names the argument ("--rate: 'abc' is not a whole
// number from 1 to 1000000000"), since CLI11's own messages name the parser's internals.
//
// CLI11 is used in tools/ only: this file and main.cc.
#ifndef MCASTLAB_TOOLS_CLI_OPTIONS_H_
#define MCASTLAB_TOOLS_CLI_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.h"

namespace tools {

// Any text that does not look like an option (a value "--stats" means the value was forgotten).
CLI::Option* AddText(CLI::App& app, const std::string& flag, std::optional<std::string>* target,
                     const std::string& help);
CLI::Option* AddText(CLI::App& app, const std::string& flag, std::string* target,
                     const std::string& help);

// A whole number from `min` to `max`.
CLI::Option* AddWholeNumber(CLI::App& app, const std::string& flag, std::uint64_t* target,
                            std::uint64_t min, std::uint64_t max, const std::string& help);

// A time such as "90s"; above zero when `positive`.
CLI::Option* AddTime(CLI::App& app, const std::string& flag, sim::core::Duration* target,
                     bool positive, const std::string& help);

// One of `choices`.
CLI::Option* AddChoice(CLI::App& app, const std::string& flag, std::string* target,
                       const std::vector<std::string>& choices, const std::string& help);

// An IPv4 address in dotted quads, kept as text.
CLI::Option* AddIpv4(CLI::App& app, const std::string& flag, std::string* target,
                     const std::string& help);

// The one-line reason for a refused command line.
std::string Describe(const CLI::ParseError& e);

// Why `app` does not take `arg`: "unknown option '--rats' (did you mean '--rate'?)", "unknown
// command 'rnu' (did you mean 'run'?)" or "unexpected argument 'x'".
std::string DescribeUnknown(const CLI::App& app, const std::string& arg);
// The same for the first argument `app` was given and did not take, if any.
std::optional<std::string> DescribeLeftOver(const CLI::App& app);

// The name of the command as typed: "mcastlab gen tree".
std::string CommandPath(const CLI::App& app);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_CLI_OPTIONS_H_
