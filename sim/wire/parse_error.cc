#include "sim/wire/parse_error.h"

namespace sim::wire {

std::string_view ToString(ParseErrorCode code) {
  switch (code) {
    case ParseErrorCode::kTruncated: return "truncated";
    case ParseErrorCode::kBadChecksum: return "bad checksum";
    case ParseErrorCode::kBadVersion: return "bad version";
    case ParseErrorCode::kBadLength: return "bad length";
    case ParseErrorCode::kBadValue: return "bad value";
  }
  return "unknown error";
}

std::string ToString(const ParseError& e) {
  std::string s(ToString(e.code));
  s += " at byte " + std::to_string(e.offset) + " (";
  s += e.what;
  s += ")";
  return s;
}

}  // namespace sim::wire
