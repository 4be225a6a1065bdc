// PIMv2 dispatch: the common header, then the message codec for the type, then the checksum.
#include "sim/wire/pim.h"

#include <utility>

namespace sim::wire {
namespace {

template <typename T>
Expected<PimMessage> Widen(Expected<T> parsed) {
  if (!parsed) return parsed.error();
  return PimMessage(std::move(parsed).value());
}

bool IsDecodedType(std::uint8_t type) {
  switch (static_cast<PimType>(type)) {
    case PimType::kHello:
    case PimType::kRegister:
    case PimType::kRegisterStop:
    case PimType::kJoinPrune:
    case PimType::kAssert:
      return true;
    case PimType::kBootstrap:
      return false;
  }
  return false;
}

Expected<PimMessage> ParseBody(PimType type, ByteSpan bytes) {
  switch (type) {
    case PimType::kHello:
      return Widen(ParsePimHello(bytes));
    case PimType::kRegister:
      return Widen(ParsePimRegister(bytes));
    case PimType::kRegisterStop:
      return Widen(ParsePimRegisterStop(bytes));
    case PimType::kJoinPrune:
      return Widen(ParsePimJoinPrune(bytes));
    case PimType::kAssert:
      return Widen(ParsePimAssert(bytes));
    case PimType::kBootstrap:
      break;
  }
  return ParseError{ParseErrorCode::kBadValue, pim_field::kVersionType, "pim type unsupported"};
}

struct TypeOfVisitor {
  PimType operator()(const PimHello&) const { return PimType::kHello; }
  PimType operator()(const PimRegister&) const { return PimType::kRegister; }
  PimType operator()(const PimRegisterStop&) const { return PimType::kRegisterStop; }
  PimType operator()(const PimJoinPrune&) const { return PimType::kJoinPrune; }
  PimType operator()(const PimAssert&) const { return PimType::kAssert; }
};

}  // namespace

Expected<PimMessage> ParsePim(ByteSpan bytes) {
  if (bytes.size() < kPimHeaderLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "pim header"};
  }
  const std::uint8_t version_type = bytes[pim_field::kVersionType];
  // RFC 7761 §4.9: the PIM version number is 2. Therefore: anything else is not ours.
  if ((version_type >> 4) != kPimVersion) {
    return ParseError{ParseErrorCode::kBadVersion, pim_field::kVersionType, "pim version"};
  }
  const std::uint8_t type = version_type & 0x0f;
  if (!IsDecodedType(type)) {
    return ParseError{ParseErrorCode::kBadValue, pim_field::kVersionType, "pim type unsupported"};
  }
  auto message = ParseBody(static_cast<PimType>(type), bytes);
  if (!message) return message;
  if (!PimChecksumOk(static_cast<PimType>(type), bytes)) {
    return ParseError{ParseErrorCode::kBadChecksum, pim_field::kChecksum, "pim checksum"};
  }
  return message;
}

std::size_t BufferLen(const PimMessage& m) {
  return std::visit([](const auto& body) { return BufferLen(body); }, m);
}

void Emit(const PimMessage& m, MutableByteSpan out) {
  std::visit([out](const auto& body) { Emit(body, out); }, m);
}

std::string ToString(const PimMessage& m) {
  return std::visit([](const auto& body) { return ToString(body); }, m);
}

PimType TypeOf(const PimMessage& m) { return std::visit(TypeOfVisitor{}, m); }

}  // namespace sim::wire
