// The errors of one load, bounded: a file with millions of mistakes must not take gigabytes to
// report them, nor print them all.
//
// The first `max_kept` distinct errors are kept (repeats, such as a bad default inherited by every
// node, are dropped); the rest are only counted, and Take() ends the list with
// "and K more errors". Each path and message is cut to `max_chars` characters.
#ifndef MCASTLAB_SIM_SCENARIO_ERROR_LIST_H_
#define MCASTLAB_SIM_SCENARIO_ERROR_LIST_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "sim/scenario/load_error.h"

namespace sim::scenario {

// Cuts `text` after `max_chars` UTF-8 characters and appends "... (N more characters)";
// shorter text is left as it is.
void CutText(std::string& text, std::size_t max_chars);

class ErrorList {
 public:
  static constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

  explicit ErrorList(std::size_t max_kept = kUnbounded, std::size_t max_chars = kUnbounded)
      : max_kept_(max_kept), max_chars_(max_chars) {}

  void Add(std::string path, std::string message);
  bool empty() const { return kept_.empty(); }
  // No more errors will be kept: the caller may spare the work of a detailed message.
  bool full() const { return kept_.size() >= max_kept_; }
  // The kept errors, in the order they were added (without the closing count).
  std::vector<LoadError>& kept() { return kept_; }
  // Distinct errors not kept.
  std::size_t more() const;
  // The kept errors, then "and K more errors" when some were not kept.
  std::vector<LoadError> Take();

 private:
  std::size_t max_kept_;
  std::size_t max_chars_;
  std::vector<LoadError> kept_;
  std::vector<std::uint64_t> kept_hashes_;
  // Hashes of the errors past the limit: 8 bytes each, so repeats can still be told apart.
  mutable std::vector<std::uint64_t> more_hashes_;
};

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_ERROR_LIST_H_
