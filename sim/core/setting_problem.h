// A configuration value that breaks a protocol rule, named by its settings key.
//
// Protocols check their own rules (RFC 2236 §8.3, RFC 7761 §4.11...) on the values they are
// given; they know keys, not files. The scenario loader turns the key into the JSON path of the
// line that gave the value.
#ifndef MCASTLAB_SIM_CORE_SETTING_PROBLEM_H_
#define MCASTLAB_SIM_CORE_SETTING_PROBLEM_H_

#include <string>
#include <string_view>

namespace sim::core {

struct SettingProblem {
  std::string_view key;  // the setting to change, as scenario files spell it
  std::string text;
};

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_SETTING_PROBLEM_H_
