// A file written whole or not at all: a reader (a CI system collecting a report) never sees
// half of it, and a failed write leaves the old file as it was.
#ifndef MCASTLAB_TOOLS_ATOMIC_FILE_H_
#define MCASTLAB_TOOLS_ATOMIC_FILE_H_

#include <filesystem>
#include <optional>
#include <string>

namespace tools {

// Writes `text` to a hidden temporary file beside `path` (creating missing parent folders) and
// renames it into place; the error, if it could not.
std::optional<std::string> WriteFileAtomically(const std::filesystem::path& path,
                                               const std::string& text);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_ATOMIC_FILE_H_
