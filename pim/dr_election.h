// The Designated Router election of one interface (RFC 7761 §4.3.2), as a pure function of
// this router's address and priority and of what its neighbors advertised.
//
// RFC 7761 §4.3.2 (pseudocode, abridged):
//   DR(I) { dr = me; for each neighbor a on I { if (dr_is_better(a, dr, I)) dr = a }; return dr }
//   dr_is_better(a, b, I) {
//     if (there is a neighbor n on I for which n.dr_priority_present == false)
//       return primary_ip_address(a) > primary_ip_address(b)
//     else
//       return (a.dr_priority > b.dr_priority) OR
//              (a.dr_priority == b.dr_priority AND primary_ip_address(a) > primary_ip_address(b))
//   }
// This router always advertises a priority (§4.3.1: "The DR Priority Option SHOULD be included
// in every Hello message"), so only the neighbors decide between the two rules.
#ifndef MCASTLAB_PIM_DR_ELECTION_H_
#define MCASTLAB_PIM_DR_ELECTION_H_

#include <cstdint>
#include <optional>
#include <span>

#include "sim/wire/ipv4_address.h"

namespace pim {

// One neighbor as the election sees it: its address and the DR Priority option of its last
// Hello, empty when the option was absent.
struct DrCandidate {
  sim::wire::Ipv4Address address;
  std::optional<std::uint32_t> dr_priority;
};

struct DrElection {
  sim::wire::Ipv4Address dr;
  // True when priorities were compared (every neighbor sent the option); false when the
  // election fell back to the highest address alone.
  bool by_priority = true;
};

// RFC 7761 §4.3.2 DR(I), this router (`me`, `my_priority`) included. Order of `neighbors`
// does not matter.
DrElection ElectDr(sim::wire::Ipv4Address me, std::uint32_t my_priority,
                   std::span<const DrCandidate> neighbors);

}  // namespace pim

#endif  // MCASTLAB_PIM_DR_ELECTION_H_
