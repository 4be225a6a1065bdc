#include "sim/run/event_record.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>

#include "sim/core/json_quote.h"
#include "sim/core/time.h"
#include "sim/core/trace_value.h"

namespace sim::run {
namespace {

// A record: time (int64 ns), node, kind, field count (uint32), then per field its name, its
// form (core::TraceValue::Form, one byte) and its value: the text for text, names and bools,
// the address (uint32), a name and an address, the instant or the span (int64 ns), or the
// integer or the entry (uint64 and a flags byte).
// Each string is a uint32 length and its bytes.
using Length = std::uint32_t;

std::size_t StringSize(std::string_view s) { return sizeof(Length) + s.size(); }

using Form = core::TraceValue::Form;

char* Put(char* p, const void* data, std::size_t n) {
  std::memcpy(p, data, n);
  return p + n;
}

// Copies 1 to 2 words' worth: the first and the last word of the range, which may overlap.
// Every read and write stays inside both ranges.
template <typename Word>
void CopyHeadAndTail(char* p, const char* s, std::size_t n) {
  Word head;
  Word tail;
  std::memcpy(&head, s, sizeof head);
  std::memcpy(&tail, s + n - sizeof tail, sizeof tail);
  std::memcpy(p, &head, sizeof head);
  std::memcpy(p + n - sizeof tail, &tail, sizeof tail);
}

// Most strings of a record are a few bytes long (names, states, interfaces): copied without a
// call to memcpy.
[[gnu::always_inline]] inline char* PutBytes(char* p, const char* s, std::size_t n) {
  if (n > 16) return Put(p, s, n);
  if (n >= 8) {
    CopyHeadAndTail<std::uint64_t>(p, s, n);
  } else if (n >= 4) {
    CopyHeadAndTail<std::uint32_t>(p, s, n);
  } else {
    for (std::size_t i = 0; i < n; ++i) p[i] = s[i];
  }
  return p + n;
}

[[gnu::always_inline]] inline char* PutString(char* p, std::string_view s) {
  const auto n = static_cast<Length>(s.size());
  p = Put(p, &n, sizeof n);
  return PutBytes(p, s.data(), s.size());
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
char* PutCodeName(char* p, std::string_view name) {
  assert(core::IsJsonPlain(name));
  *p++ = '"';
  p = PutBytes(p, name.data(), name.size());
  *p++ = '"';
  return p;
}

char* PutText(char* p, std::string_view text) { return PutBytes(p, text.data(), text.size()); }

// The lines go straight into room made ahead in `out`, through a pointer: a line was about
// twenty appends to a string, each checking its capacity, and the writer thread spent most of
// its time there. The room is made (and zero-filled) 64 KiB at a time, then written over.
class LineWriter {
 public:
  explicit LineWriter(std::string& out) : out_(out), used_(out.size()) {}
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;
  ~LineWriter() { out_.resize(used_); }

  // Where the next `n` bytes go; Wrote says how far they reached.
  char* Room(std::size_t n) {
    if (out_.size() - used_ < n) out_.resize(used_ + std::max(n, kGrowth));
    return out_.data() + used_;
  }
  void Wrote(const char* end) { used_ = static_cast<std::size_t>(end - out_.data()); }

 private:
  static constexpr std::size_t kGrowth = 64 * 1024;
  std::string& out_;
  std::size_t used_;
};

}  // namespace

char* WriteEventRecord(const net::TraceEvent& e, char* p, std::size_t room) {
  // Plain copies: this is all the run's thread does per line. The room is checked on the way,
  // part by part, instead of sizing the record in a pass of its own.
  const auto fits = [&room](std::size_t n) {
    if (n > room) return false;
    room -= n;
    return true;
  };
  if (!fits(sizeof(std::int64_t) + StringSize(e.node) + StringSize(e.kind) + sizeof(Length))) return nullptr;
  const std::int64_t at_ns = e.at.nanos();
  p = Put(p, &at_ns, sizeof at_ns);
  p = PutString(p, e.node);
  p = PutString(p, e.kind);
  const auto count = static_cast<Length>(e.fields.size());
  p = Put(p, &count, sizeof count);
  for (const auto& [k, v] : e.fields) {
    // The field's name and form, then its value.
    const std::size_t head = StringSize(k) + 1;
    const auto put_head = [&p, &k = k, form = v.form()] {
      p = PutString(p, k);
      *p++ = static_cast<char>(form);
    };
    switch (v.form()) {
      case Form::kText:
      case Form::kName:
      case Form::kBare: {
        const std::string_view text = v.stored_text();
        if (!fits(head + StringSize(text))) return nullptr;
        put_head();
        p = PutString(p, text);
        break;
      }
      case Form::kAddress: {
        const auto address = static_cast<std::uint32_t>(v.number());
        if (!fits(head + sizeof address)) return nullptr;
        put_head();
        p = Put(p, &address, sizeof address);
        break;
      }
      case Form::kNamedAddress: {
        const std::string_view name = v.stored_text();
        const auto address = static_cast<std::uint32_t>(v.number());
        if (!fits(head + StringSize(name) + sizeof address)) return nullptr;
        put_head();
        p = PutString(p, name);
        p = Put(p, &address, sizeof address);
        break;
      }
      case Form::kInteger:
      case Form::kEntry: {
        const std::uint64_t number = v.number();
        if (!fits(head + sizeof number + 1)) return nullptr;
        put_head();
        p = Put(p, &number, sizeof number);
        *p++ = static_cast<char>(v.flags());
        break;
      }
      case Form::kTime:
      case Form::kDuration: {
        const std::uint64_t nanos = v.number();
        if (!fits(head + sizeof nanos)) return nullptr;
        put_head();
        p = Put(p, &nanos, sizeof nanos);
        break;
      }
    }
  }
  return p;
}

void AppendEventRecord(const net::TraceEvent& e, std::string& records) {
  const std::size_t at = records.size();
  for (std::size_t room = 256;; room *= 2) {
    records.resize(at + room);
    if (const char* end = WriteEventRecord(e, records.data() + at, room)) {
      records.resize(static_cast<std::size_t>(end - records.data()));
      return;
    }
  }
}

void AppendEventLines(std::string_view records, std::string& lines) {
  RecordReader r(records);
  LineWriter w(lines);
  while (!r.done()) {
    const core::Time at = core::Time::FromNanos(r.Get<std::int64_t>());
    const std::string_view node = r.String();
    const std::string_view kind = r.String();
    char* p = w.Room(40 + core::kMostTimeChars + core::JsonQuotedRoom(node.size()) + kind.size());
    p = PutText(p, "{\"t\": \"");
    p = core::WriteTime(at, p);  // digits and a point
    *p++ = '"';
    if (!node.empty()) {
      p = PutText(p, ", \"node\": ");
      p = core::WriteJsonQuoted(node, p);
    }
    p = PutText(p, ", \"kind\": ");  // fields may use "event" for the trigger of a transition
    p = PutCodeName(p, kind);
    w.Wrote(p);
    for (auto n = r.Get<Length>(); n > 0; --n) {
      const std::string_view key = r.String();
      const auto form = static_cast<Form>(r.Get<char>());
      // ", "key": " and then the value, in room for the most it can take.
      const auto field = [&w, key](std::size_t value_room) {
        char* f = w.Room(key.size() + 8 + value_room);
        f = PutText(f, ", ");
        f = PutCodeName(f, key);
        return PutText(f, ": ");
      };
      switch (form) {
        case Form::kBare: {  // the emitter passed a bool (sim/core/trace_value.h)
          const std::string_view text = r.String();
          p = PutText(field(text.size()), text);
          break;
        }
        case Form::kInteger: {
          const auto number = r.Get<std::uint64_t>();
          const auto flags = static_cast<std::uint8_t>(r.Get<char>());
          p = core::WriteInteger(number, flags, field(core::kMostIntegerChars));
          break;
        }
        case Form::kDuration: {  // digits and unit letters: nothing to escape
          const std::string text = core::ToString(core::Duration::FromNanos(r.Get<std::int64_t>()));
          p = field(text.size() + 2);
          *p++ = '"';
          p = PutText(p, text);
          *p++ = '"';
          break;
        }
        case Form::kText:
        case Form::kName: {
          const std::string_view text = r.String();
          p = core::WriteJsonQuoted(text, field(core::JsonQuotedRoom(text.size())));
          break;
        }
        case Form::kAddress: {  // digits and dots: nothing to escape
          const auto address = r.Get<std::uint32_t>();
          p = field(core::kDottedQuadRoom + 2);
          *p++ = '"';
          p = core::WriteDottedQuad(address, p);
          *p++ = '"';
          break;
        }
        case Form::kNamedAddress: {  // a name from the code, then digits and dots
          const std::string_view name = r.String();
          assert(core::IsJsonPlain(name));
          const auto address = r.Get<std::uint32_t>();
          p = field(name.size() + core::kDottedQuadRoom + 3);
          *p++ = '"';
          p = PutText(p, name);
          *p++ = ' ';
          p = core::WriteDottedQuad(address, p);
          *p++ = '"';
          break;
        }
        case Form::kTime: {
          const core::Time t = core::Time::FromNanos(r.Get<std::int64_t>());
          p = field(core::kMostTimeChars + 2);
          *p++ = '"';
          p = core::WriteTime(t, p);
          *p++ = '"';
          break;
        }
        case Form::kEntry: {  // addresses, '*', commas, parentheses: nothing to escape
          const auto entry = r.Get<std::uint64_t>();
          const auto flags = static_cast<std::uint8_t>(r.Get<char>());
          p = field(core::kMostEntryChars + 2);
          *p++ = '"';
          p = core::WriteEntry(entry, flags, p);
          *p++ = '"';
          break;
        }
      }
      w.Wrote(p);
    }
    p = w.Room(2);
    *p++ = '}';
    *p++ = '\n';
    w.Wrote(p);
  }
}

}  // namespace sim::run
