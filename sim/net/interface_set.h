// A set of interface indexes: the MFIB's outgoing interfaces, and PIM's olists and the like
// (joins, pim_include, prunes). A PIM router recomputes them for every entry it re-derives,
// hundreds of thousands of times in a large run, and programs the MFIB with the result; most
// hold a few interfaces: a sorted vector with room for eight in place (Boost.Container's
// flat_set on a small_vector) allocates nothing for those, where a std::set allocated a node
// per interface.
#ifndef MCASTLAB_SIM_NET_INTERFACE_SET_H_
#define MCASTLAB_SIM_NET_INTERFACE_SET_H_

#include <cstdint>
#include <functional>

#include <boost/container/flat_set.hpp>
#include <boost/container/small_vector.hpp>

namespace sim::net {

using InterfaceSet =
    boost::container::flat_set<std::uint32_t, std::less<std::uint32_t>, boost::container::small_vector<std::uint32_t, 8>>;

// Adds every interface of `from` to `into` (a union).
inline void InsertAll(InterfaceSet& into, const InterfaceSet& from) {
  into.insert(boost::container::ordered_unique_range, from.begin(), from.end());
}

// Removes the interfaces for which `drop` is true.
template <typename Predicate>
void EraseIf(InterfaceSet& set, Predicate drop) {
  for (auto it = set.begin(); it != set.end();) it = drop(*it) ? set.erase(it) : it + 1;
}

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_INTERFACE_SET_H_
