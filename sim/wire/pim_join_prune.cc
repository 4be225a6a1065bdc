// PIM Join/Prune (RFC 7761 §4.9.5): parse, emit, print.
#include "sim/wire/pim_join_prune.h"

#include <optional>
#include <stdexcept>

namespace sim::wire {
namespace {

constexpr std::size_t kMaxGroups = 0xff;
constexpr std::size_t kMaxSources = 0xffff;
// The smallest group record: an Encoded-Group and the two counts, with no sources.
constexpr std::size_t kMinGroupLen = pim_join_prune_field::kGroupSources;

// Reads `count` Encoded-Sources; the caller has checked that they fit.
std::optional<ParseError> ReadSources(ByteReader& r, std::size_t count,
                                      std::vector<EncodedSource>& out) {
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto s = ReadEncodedSource(r);
    if (!s) return s.error();
    out.push_back(*s);
  }
  return std::nullopt;
}

// One group record (§4.9.5): Encoded-Group, joined count, pruned count, then the sources.
std::optional<ParseError> ReadGroup(ByteReader& r, PimJoinPruneGroup& g) {
  auto group = ReadEncodedGroup(r);
  if (!group) return group.error();
  g.group = *group;
  const std::size_t counts_at = r.offset();
  const std::size_t joined = r.U16();
  const std::size_t pruned = r.U16();
  if (!r.ok()) {
    return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim join/prune source counts"};
  }
  if (joined * kPimEncodedSourceLen > r.remaining()) {
    return ParseError{ParseErrorCode::kBadLength, counts_at, "pim join/prune joined count"};
  }
  if ((joined + pruned) * kPimEncodedSourceLen > r.remaining()) {
    return ParseError{ParseErrorCode::kBadLength, counts_at + 2, "pim join/prune pruned count"};
  }
  if (auto e = ReadSources(r, joined, g.joins)) return e;
  return ReadSources(r, pruned, g.prunes);
}

void CheckCounts(const PimJoinPrune& jp) {
  if (jp.groups.size() > kMaxGroups) throw std::invalid_argument("pim join/prune over 255 groups");
  for (const PimJoinPruneGroup& g : jp.groups) {
    if (g.joins.size() > kMaxSources || g.prunes.size() > kMaxSources) {
      throw std::invalid_argument("pim join/prune over 65535 sources in a list");
    }
  }
}

std::string SourceList(const std::vector<EncodedSource>& sources) {
  if (sources.empty()) return " -";
  std::string s;
  for (const EncodedSource& src : sources) s += " " + ToString(src);
  return s;
}

}  // namespace

Expected<PimJoinPrune> ParsePimJoinPrune(ByteSpan message) {
  ByteReader r(message);
  r.Skip(pim_join_prune_field::kUpstreamNeighbor);
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim header"};
  PimJoinPrune jp;
  auto upstream = ReadEncodedUnicast(r);
  if (!upstream) return upstream.error();
  jp.upstream_neighbor = *upstream;
  r.Skip(1);  // reserved
  const std::size_t num_groups = r.U8();
  jp.holdtime_s = r.U16();
  if (!r.ok()) {
    return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim join/prune header"};
  }
  if (num_groups * kMinGroupLen > r.remaining()) {
    return ParseError{ParseErrorCode::kBadLength, pim_join_prune_field::kNumGroups,
                      "pim join/prune group count"};
  }
  jp.groups.resize(num_groups);
  for (PimJoinPruneGroup& g : jp.groups) {
    if (auto e = ReadGroup(r, g)) return *e;
  }
  // §4.9.5: the message is exactly its groups. Therefore: anything after the last is malformed.
  if (r.remaining() != 0) {
    return ParseError{ParseErrorCode::kBadLength, r.offset(), "pim join/prune trailing bytes"};
  }
  return jp;
}

std::size_t BufferLen(const PimJoinPrune& jp) {
  std::size_t n = pim_join_prune_field::kGroups;
  for (const PimJoinPruneGroup& g : jp.groups) {
    n += kMinGroupLen + (g.joins.size() + g.prunes.size()) * kPimEncodedSourceLen;
  }
  return n;
}

void Emit(const PimJoinPrune& jp, MutableByteSpan out) {
  CheckCounts(jp);
  ByteWriter w(out);
  WritePimHeader(w, PimType::kJoinPrune);
  WriteEncodedUnicast(w, jp.upstream_neighbor);
  w.U8(0);  // reserved
  w.U8(static_cast<std::uint8_t>(jp.groups.size()));
  w.U16(jp.holdtime_s);
  for (const PimJoinPruneGroup& g : jp.groups) {
    WriteEncodedGroup(w, g.group);
    w.U16(static_cast<std::uint16_t>(g.joins.size()));
    w.U16(static_cast<std::uint16_t>(g.prunes.size()));
    for (const EncodedSource& s : g.joins) WriteEncodedSource(w, s);
    for (const EncodedSource& s : g.prunes) WriteEncodedSource(w, s);
  }
  StorePimChecksum(PimType::kJoinPrune, out.first(w.offset()));
}

std::string ToString(const PimJoinPrune& jp) {
  std::string s = "pim join/prune upstream " + ToString(jp.upstream_neighbor) + " holdtime " +
                  std::to_string(jp.holdtime_s);
  if (jp.groups.empty()) return s + " no groups";
  for (const PimJoinPruneGroup& g : jp.groups) {
    s += " " + ToString(g.group) + " join" + SourceList(g.joins) + " prune" + SourceList(g.prunes);
  }
  return s;
}

}  // namespace sim::wire
