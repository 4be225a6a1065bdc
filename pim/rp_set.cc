#include "pim/rp_set.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace pim {

using sim::wire::Ipv4Address;
using sim::wire::Ipv4Prefix;

namespace {

constexpr std::uint32_t MaskOf(std::uint8_t length) {
  return length == 0 ? 0 : ~std::uint32_t{0} << (32 - length);
}

RpEntry Normalised(const RpEntry& e) {
  if (e.group_range.length() > 32) throw std::invalid_argument("RpEntry: prefix length over 32");
  return {e.rp, Ipv4Prefix(e.group_range.network(), e.group_range.length())};
}

}  // namespace

std::uint32_t RpHash(Ipv4Address group, std::uint8_t hash_mask_length, Ipv4Address rp) {
  if (hash_mask_length > 32) throw std::invalid_argument("RpHash: mask length over 32");
  // The low 31 bits of products, sums and XORs depend only on the low 31 bits of their
  // operands, so wrapping 32-bit arithmetic followed by "mod 2^31" is the exact value.
  const std::uint32_t masked = group.value() & MaskOf(hash_mask_length);
  const std::uint32_t inner = 1103515245u * masked + 12345u;
  return (1103515245u * (inner ^ rp.value()) + 12345u) & 0x7fffffffu;
}

RpSet::RpSet(std::vector<RpEntry> entries, std::uint8_t hash_mask_length)
    : hash_mask_length_(hash_mask_length) {
  if (hash_mask_length > 32) throw std::invalid_argument("RpSet: hash mask length over 32");
  for (const RpEntry& e : entries) Add(e);
}

bool RpSet::Add(const RpEntry& entry) {
  const RpEntry e = Normalised(entry);
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), e);
  if (it != entries_.end() && *it == e) return false;
  entries_.insert(it, e);
  return true;
}

bool RpSet::Remove(const RpEntry& entry) {
  const RpEntry e = Normalised(entry);
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), e);
  if (it == entries_.end() || *it != e) return false;
  entries_.erase(it);
  return true;
}

std::optional<Ipv4Address> RpSet::RpFor(Ipv4Address group) const {
  // RFC 7761 §4.7.1, steps 1 to 4 (see the header): among the entries with the longest
  // matching range, the highest hash, then the highest RP address.
  const RpEntry* best = nullptr;
  std::uint32_t best_hash = 0;
  for (const RpEntry& e : entries_) {
    if (!e.group_range.Contains(group)) continue;
    const std::uint32_t hash = RpHash(group, hash_mask_length_, e.rp);
    const auto key = std::tuple(e.group_range.length(), hash, e.rp);
    if (best == nullptr || key > std::tuple(best->group_range.length(), best_hash, best->rp)) {
      best = &e;
      best_hash = hash;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->rp;
}

bool RpSet::IsRp(std::span<const Ipv4Address> own_addresses, Ipv4Address group) const {
  const std::optional<Ipv4Address> rp = RpFor(group);
  return rp && std::find(own_addresses.begin(), own_addresses.end(), *rp) != own_addresses.end();
}

}  // namespace pim
