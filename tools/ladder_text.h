// A ladder as text for a terminal: the time, one lifeline per column, an arrow from the sender
// to each receiver, then the link and the decoded message; a state change is a '*' on its
// node's lifeline with the change written after.
#ifndef MCASTLAB_TOOLS_LADDER_TEXT_H_
#define MCASTLAB_TOOLS_LADDER_TEXT_H_

#include <string>

#include "sim/explain/ladder.h"

namespace tools {

std::string LadderText(const sim::explain::Ladder& ladder);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_LADDER_TEXT_H_
