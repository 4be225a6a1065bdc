#include "tools/cli_options.h"

#include <algorithm>
#include <functional>

#include "sim/core/near_name.h"
#include "sim/scenario/values.h"
#include "sim/wire/ipv4_address.h"
#include "tools/whole_number.h"

namespace tools {
namespace {

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Every value option: a value that starts with "--" is the next option, so this one lost its value.
CLI::Validator Checked(std::function<std::string(const std::string&)> check) {
  return CLI::Validator(
      [check = std::move(check)](std::string& value) {
        return value.starts_with("--") ? std::string("needs a value") : check(value);
      },
      "", "");
}

// " (did you mean '--rate'?)" or "".
std::string Near(const std::string& word, const std::vector<std::string>& names) {
  const std::vector<std::string_view> views(names.begin(), names.end());
  const auto near = sim::core::NearestName(word, views);
  return near ? " (did you mean '" + std::string(*near) + "'?)" : "";
}

CLI::Validator NotAnOption() {
  return Checked([](const std::string&) { return std::string(); });
}

}  // namespace

CLI::Option* AddText(CLI::App& app, const std::string& flag, std::optional<std::string>* target,
                     const std::string& help) {
  return app
      .add_option_function<std::string>(
          flag, [target](const std::string& v) { *target = v; }, help)
      ->check(NotAnOption());
}

CLI::Option* AddText(CLI::App& app, const std::string& flag, std::string* target,
                     const std::string& help) {
  return app.add_option(flag, *target, help)->check(NotAnOption());
}

CLI::Option* AddWholeNumber(CLI::App& app, const std::string& flag, std::uint64_t* target,
                            std::uint64_t min, std::uint64_t max, const std::string& help) {
  const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
  return app
      .add_option_function<std::string>(
          flag, [target](const std::string& v) { *target = *ParseWholeNumber(v); }, help)
      ->check(Checked([min, max, range](const std::string& v) {
        const auto n = ParseWholeNumber(v);
        if (!n) return Quote(v) + " is not a whole number " + range;
        if (*n < min || *n > max) return Quote(v) + " is not " + range;
        return std::string();
      }))
      ->default_str(std::to_string(*target));
}

CLI::Option* AddTime(CLI::App& app, const std::string& flag, sim::core::Duration* target,
                     bool positive, const std::string& help) {
  return app
      .add_option_function<std::string>(
          flag, [target](const std::string& v) { *target = sim::scenario::ParseTime(v).value(); },
          help)
      ->check(Checked([positive](const std::string& v) {
        const auto t = sim::scenario::ParseTime(v);
        if (!t.ok()) return Quote(v) + " " + sim::scenario::Describe(t.error());
        if (positive && t.value().nanos() <= 0) return Quote(v) + " is not a time above zero";
        return std::string();
      }));
}

CLI::Option* AddChoice(CLI::App& app, const std::string& flag, std::string* target,
                       const std::vector<std::string>& choices, const std::string& help) {
  std::string list;
  for (const std::string& c : choices) list += (list.empty() ? "" : ", ") + c;
  return app
      .add_option_function<std::string>(
          flag, [target](const std::string& v) { *target = v; }, help)
      ->check(Checked([choices, list](const std::string& v) {
        if (std::find(choices.begin(), choices.end(), v) != choices.end()) return std::string();
        return Quote(v) + " is not one of " + list + Near(v, choices);
      }))
      ->default_str(*target);
}

CLI::Option* AddIpv4(CLI::App& app, const std::string& flag, std::string* target,
                     const std::string& help) {
  return app
      .add_option_function<std::string>(
          flag, [target](const std::string& v) { *target = v; }, help)
      ->check(Checked([](const std::string& v) {
        return sim::wire::Ipv4Address::Parse(v) ? std::string()
                                                : Quote(v) + " is not an IPv4 address";
      }));
}

std::string Describe(const CLI::ParseError& e) {
  const std::string what = e.what();
  // CLI11 words these after its internals ("--rate: 1 required TEXT missing").
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    const std::string flag = what.substr(0, what.find(':'));
    return flag + (what.find("At Most") != std::string::npos ? ": given more than once"
                                                             : ": needs a value");
  }
  return what;
}

std::optional<std::string> DescribeLeftOver(const CLI::App& app) {
  const std::vector<std::string> left = app.remaining();
  if (left.empty()) return std::nullopt;
  return DescribeUnknown(app, left.front());
}

std::string DescribeUnknown(const CLI::App& app, const std::string& arg) {
  if (arg.size() > 1 && arg[0] == '-') {
    const std::string flag = arg.substr(0, arg.find('='));
    std::vector<std::string> flags;
    for (const CLI::Option* o : app.get_options()) {
      for (const std::string& name : o->get_lnames()) flags.push_back("--" + name);
    }
    return "unknown option " + Quote(flag) + Near(flag, flags);
  }
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
  if (!commands.empty()) return "unknown command " + Quote(arg) + Near(arg, commands);
  return "unexpected argument " + Quote(arg);
}

std::string CommandPath(const CLI::App& app) {
  const CLI::App* parent = app.get_parent();
  return parent == nullptr ? app.get_name() : CommandPath(*parent) + " " + app.get_name();
}

}  // namespace tools
