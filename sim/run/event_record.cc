#include "sim/run/event_record.h"

#include <cassert>
#include <cstdint>
#include <cstring>

#include "sim/core/json_quote.h"

namespace sim::run {
namespace {

// A record: time (int64 ns), node, kind, field count (uint32), then per field its name, one
// byte (1: a number or bool, written bare) and its text. Each string is a uint32 length and
// its bytes.
using Length = std::uint32_t;

std::size_t StringSize(std::string_view s) { return sizeof(Length) + s.size(); }

char* Put(char* p, const void* data, std::size_t n) {
  std::memcpy(p, data, n);
  return p + n;
}

char* PutString(char* p, std::string_view s) {
  const auto n = static_cast<Length>(s.size());
  p = Put(p, &n, sizeof n);
  return Put(p, s.data(), s.size());
}

// Reads what AppendEventRecord wrote, in order.
class RecordReader {
 public:
  explicit RecordReader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  bool done() const { return p_ >= end_; }
  template <typename T>
  T Get() {
    T v;
    std::memcpy(&v, p_, sizeof v);
    p_ += sizeof v;
    return v;
  }
  std::string_view String() {
    const auto n = Get<Length>();
    const std::string_view s(p_, n);
    p_ += n;
    return s;
  }

 private:
  const char* p_;
  const char* end_;
};

// Kinds and field names are names written in the code, never user text: nothing to escape
// (checked where assertions are on, as in the sanitizer build).
void AppendCodeName(std::string_view name, std::string& out) {
  assert(core::IsJsonPlain(name));
  out += '"';
  out += name;
  out += '"';
}

}  // namespace

void AppendEventRecord(const net::TraceEvent& e, std::string& records) {
  // One resize and plain copies: this is all the run's thread does per line.
  std::size_t size = sizeof(std::int64_t) + StringSize(e.node) + StringSize(e.kind) + sizeof(Length);
  for (const auto& [k, v] : e.fields) size += StringSize(k) + 1 + StringSize(v.text());
  const std::size_t at = records.size();
  records.resize(at + size);
  char* p = records.data() + at;
  const std::int64_t ns = e.at.nanos();
  p = Put(p, &ns, sizeof ns);
  p = PutString(p, e.node);
  p = PutString(p, e.kind);
  const auto count = static_cast<Length>(e.fields.size());
  p = Put(p, &count, sizeof count);
  for (const auto& [k, v] : e.fields) {
    p = PutString(p, k);
    *p++ = v.is_bare() ? 1 : 0;
    p = PutString(p, v.text());
  }
  assert(p == records.data() + records.size());
}

void AppendEventLines(std::string_view records, std::string& lines) {
  RecordReader r(records);
  while (!r.done()) {
    const core::Time at = core::Time::FromNanos(r.Get<std::int64_t>());
    const std::string_view node = r.String();
    const std::string_view kind = r.String();
    lines += "{\"t\": \"";
    lines += core::ToString(at);  // digits and a point
    lines += '"';
    if (!node.empty()) {
      lines += ", \"node\": ";
      core::AppendJsonQuoted(node, lines);
    }
    lines += ", \"kind\": ";  // fields may use "event" for the trigger of a transition
    AppendCodeName(kind, lines);
    for (auto n = r.Get<Length>(); n > 0; --n) {
      const std::string_view key = r.String();
      const bool bare = r.Get<char>() != 0;
      const std::string_view value = r.String();
      lines += ", ";
      AppendCodeName(key, lines);
      lines += ": ";
      if (bare) {
        lines += value;  // the emitter passed an integer or a bool (sim/core/trace_value.h)
      } else {
        core::AppendJsonQuoted(value, lines);
      }
    }
    lines += "}\n";
  }
}

}  // namespace sim::run
