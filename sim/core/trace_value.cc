#include "sim/core/trace_value.h"

#include <charconv>

namespace sim::core {

void AppendDottedQuad(std::uint32_t address, std::string& out) {
  // Into one buffer: events.jsonl writes millions of addresses.
  char buf[16];
  char* p = buf;
  for (int shift = 24; shift >= 0; shift -= 8) {
    p = std::to_chars(p, buf + sizeof buf, (address >> shift) & 0xff).ptr;
    if (shift != 0) *p++ = '.';
  }
  out.append(buf, p);
}

void AppendEntry(std::uint64_t number, std::uint8_t flags, std::string& out) {
  out += '(';
  if ((flags & TraceValue::kHasSource) != 0) {
    AppendDottedQuad(static_cast<std::uint32_t>(number >> 32), out);
  } else {
    out += '*';
  }
  out += ',';
  AppendDottedQuad(static_cast<std::uint32_t>(number), out);
  if ((flags & TraceValue::kRpt) != 0) out += ",rpt";
  out += ')';
}

void AppendInteger(std::uint64_t number, std::uint8_t flags, std::string& out) {
  char buf[24];
  const auto end = (flags & TraceValue::kNegative) != 0
                       ? std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(number)).ptr
                       : std::to_chars(buf, buf + sizeof buf, number).ptr;
  out.append(buf, end);
}

void TraceValue::AppendText(std::string& out) const {
  switch (form_) {
    case Form::kInteger:
      AppendInteger(number_, flags_, out);
      return;
    case Form::kDuration:
      out += ToString(Duration::FromNanos(static_cast<std::int64_t>(number_)));
      return;
    case Form::kAddress:
      AppendDottedQuad(static_cast<std::uint32_t>(number_), out);
      return;
    case Form::kTime:
      out += ToString(Time::FromNanos(static_cast<std::int64_t>(number_)));
      return;
    case Form::kEntry:
      AppendEntry(number_, flags_, out);
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
