// DOT text to SVG or PNG by Graphviz's `dot` (Debian graphviz), run as a child process through
// child_pool.h, the one place tools/ start processes. dot reads and writes files in a private
// temporary folder, removed afterwards; the caller writes the picture where it belongs.
#ifndef MCASTLAB_TOOLS_DOT_RENDER_H_
#define MCASTLAB_TOOLS_DOT_RENDER_H_

#include <string>
#include <variant>

namespace tools {

struct RenderError {
  std::string message;
};

// `format` is "svg" or "png". The picture's bytes, or why dot could not make it (not
// installed, or it failed: then its own message).
std::variant<std::string, RenderError> RenderDot(const std::string& dot, const std::string& format);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_DOT_RENDER_H_
