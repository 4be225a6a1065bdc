// The typed error every parser returns, with the byte offset where the problem is.
#ifndef MCASTLAB_SIM_WIRE_PARSE_ERROR_H_
#define MCASTLAB_SIM_WIRE_PARSE_ERROR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sim::wire {

enum class ParseErrorCode {
  kTruncated,     // the bytes end before the message does
  kBadChecksum,   // a checksum does not verify
  kBadVersion,    // a version field we do not speak
  kBadLength,     // a length field disagrees with the bytes or with itself
  kBadValue,      // a field holds a value the protocol forbids
};

struct ParseError {
  ParseErrorCode code;
  std::size_t offset;     // byte offset, from the start of the buffer handed to the parser
  std::string_view what;  // the field or rule, a string literal: "ipv4 header checksum"
  friend bool operator==(const ParseError&, const ParseError&) = default;
};

std::string_view ToString(ParseErrorCode code);
// "bad checksum at byte 10 (ipv4 header checksum)"
std::string ToString(const ParseError& e);

// A value or the error that prevented it (std::expected arrives only with C++23).
template <typename T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Expected(ParseError error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const ParseError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, ParseError> v_;
};

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_PARSE_ERROR_H_
