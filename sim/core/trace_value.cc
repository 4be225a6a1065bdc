#include "sim/core/trace_value.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace sim::core {

namespace {

// Each octet's decimal digits, padded to three, and how many of them count: four loads per
// address instead of four divisions (events.jsonl and the state tables hold millions).
struct OctetText {
  char digits[3];
  char length;
};

constexpr std::array<OctetText, 256> MakeOctetTexts() {
  std::array<OctetText, 256> t{};
  for (int v = 0; v < 256; ++v) {
    OctetText& o = t[static_cast<std::size_t>(v)];
    if (v >= 100) {
      o = {{static_cast<char>('0' + v / 100), static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}, 3};
    } else if (v >= 10) {
      o = {{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10), 0}, 2};
    } else {
      o = {{static_cast<char>('0' + v), 0, 0}, 1};
    }
  }
  return t;
}

constexpr std::array<OctetText, 256> kOctetTexts = MakeOctetTexts();

}  // namespace

char* WriteDottedQuad(std::uint32_t address, char* at) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    const OctetText& o = kOctetTexts[(address >> shift) & 0xff];
    std::memcpy(at, o.digits, 3);
    at += o.length;
    *at++ = '.';
  }
  return at - 1;  // the last dot is not part of the text
}

void AppendDottedQuad(std::uint32_t address, std::string& out) {
  char buf[kDottedQuadRoom];
  out.append(buf, WriteDottedQuad(address, buf));
}

char* WriteEntry(std::uint64_t number, std::uint8_t flags, char* at) {
  *at++ = '(';
  if ((flags & TraceValue::kHasSource) != 0) {
    at = WriteDottedQuad(static_cast<std::uint32_t>(number >> 32), at);
  } else {
    *at++ = '*';
  }
  *at++ = ',';
  at = WriteDottedQuad(static_cast<std::uint32_t>(number), at);
  if ((flags & TraceValue::kRpt) != 0) at = std::copy_n(",rpt", 4, at);
  *at++ = ')';
  return at;
}

char* WriteInteger(std::uint64_t number, std::uint8_t flags, char* at) {
  return (flags & TraceValue::kNegative) != 0
             ? std::to_chars(at, at + kMostIntegerChars, static_cast<std::int64_t>(number)).ptr
             : std::to_chars(at, at + kMostIntegerChars, number).ptr;
}

void TraceValue::AppendText(std::string& out) const {
  char buf[kMostEntryChars];  // the longest of the forms written in place
  static_assert(kMostEntryChars >= kMostIntegerChars && kMostEntryChars >= kMostTimeChars);
  switch (form_) {
    case Form::kInteger:
      out.append(buf, WriteInteger(number_, flags_, buf));
      return;
    case Form::kDuration:
      out += ToString(Duration::FromNanos(static_cast<std::int64_t>(number_)));
      return;
    case Form::kAddress:
      AppendDottedQuad(static_cast<std::uint32_t>(number_), out);
      return;
    case Form::kTime:
      out.append(buf, WriteTime(Time::FromNanos(static_cast<std::int64_t>(number_)), buf));
      return;
    case Form::kEntry:
      out.append(buf, WriteEntry(number_, flags_, buf));
      return;
    case Form::kNamedAddress:
      out += view_;
      out += ' ';
      AppendDottedQuad(static_cast<std::uint32_t>(number_), out);
      return;
    case Form::kText:
    case Form::kName:
    case Form::kBare:
      out += stored_text();
      return;
  }
}

std::string TraceValue::text() const {
  std::string out;
  AppendText(out);
  return out;
}

}  // namespace sim::core
