// The static RP set: which Rendezvous Point serves which multicast group (RFC 7761 §4.7).
//
// Each entry maps a group range (a prefix) to an RP address. The group-to-RP mapping follows
// RFC 7761 §4.7.1 step by step:
//   1. "Perform longest match on group-range to obtain a list of RPs."
//   2. "From this list of matching RPs, find the one with highest priority." Static entries
//      carry no priority, so every match has the same one and this step removes nothing.
//   3. "If only one RP remains in the list, use that RP."
//   4. "If multiple RPs are in the list, use the PIM hash function to choose one." (§4.7.2,
//      RpHash below; the highest hash wins, then the highest RP address.)
//
// Why the hash and not simply "the highest RP address" (what Cisco and FRR do with several
// static RPs for one range): §4.7.2 says "The following hash function must be used in each
// router", and that the mechanism supplying the mappings "may supply the value [of the hash
// mask], or else it defaults to a mask with the most significant 30 bits being one for IPv4".
// A static configuration is such a mechanism, so the RFC's rule applies unchanged; it also
// spreads groups over the RPs of a range (four consecutive groups per hash bucket), which is
// the point of listing several. The highest address decides only between equal hashes.
//
// Pure: no timers, no I/O. Entries are kept sorted and without duplicates, so every query is
// independent of the order the configuration listed them in.
#ifndef MCASTLAB_PIM_RP_SET_H_
#define MCASTLAB_PIM_RP_SET_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "sim/wire/ipv4_address.h"

namespace pim {

// RFC 7761 §4.7.2: "a mask with the most significant 30 bits being one for IPv4".
inline constexpr std::uint8_t kDefaultHashMaskLength = 30;

struct RpEntry {
  sim::wire::Ipv4Address rp;
  // The group range: only the bits under the length count (224.1.2.3/16 = 224.1.0.0/16).
  sim::wire::Ipv4Prefix group_range;
  friend auto operator<=>(const RpEntry&, const RpEntry&) = default;
};

// RFC 7761 §4.7.2: Value(G,M,C(i)) = (1103515245 * ((1103515245 * (G&M) + 12345) XOR C(i))
// + 12345) mod 2^31, M being the mask of `hash_mask_length` leading ones (0..32).
std::uint32_t RpHash(sim::wire::Ipv4Address group, std::uint8_t hash_mask_length,
                     sim::wire::Ipv4Address rp);

class RpSet {
 public:
  explicit RpSet(std::vector<RpEntry> entries = {},
                 std::uint8_t hash_mask_length = kDefaultHashMaskLength);

  // Adds an entry; returns false when the same (RP, range) is already there.
  bool Add(const RpEntry& entry);
  // Removes an entry; returns false when it was not there.
  bool Remove(const RpEntry& entry);

  // RP(G) of RFC 7761 §4.7.1; empty when no range covers `group`.
  std::optional<sim::wire::Ipv4Address> RpFor(sim::wire::Ipv4Address group) const;
  // I_am_RP(G): RP(G) is one of `own_addresses`.
  bool IsRp(std::span<const sim::wire::Ipv4Address> own_addresses,
            sim::wire::Ipv4Address group) const;

  // Sorted by RP address, then range; one entry per (RP, normalised range).
  const std::vector<RpEntry>& entries() const { return entries_; }
  std::uint8_t hash_mask_length() const { return hash_mask_length_; }

 private:
  std::vector<RpEntry> entries_;
  std::uint8_t hash_mask_length_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_RP_SET_H_
