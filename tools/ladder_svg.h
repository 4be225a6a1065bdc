// A ladder as an SVG picture, written by hand (no library): the node names on top, a lifeline
// under each, one row per message (an arrow from the sender to each receiver, the time at the
// left and the decoded message at the right) or state change (a dot on the lifeline). Fixed
// sizes and integer coordinates, so the same ladder gives the same bytes.
#ifndef MCASTLAB_TOOLS_LADDER_SVG_H_
#define MCASTLAB_TOOLS_LADDER_SVG_H_

#include <string>

#include "sim/explain/ladder.h"

namespace tools {

std::string LadderSvg(const sim::explain::Ladder& ladder, const std::string& title);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_LADDER_SVG_H_
