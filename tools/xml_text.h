// Text made safe for an XML document: markup characters escaped, and what XML 1.0 cannot hold
// at all (control bytes, broken UTF-8) replaced, so a report stays well-formed whatever a run
// printed.
#ifndef MCASTLAB_TOOLS_XML_TEXT_H_
#define MCASTLAB_TOOLS_XML_TEXT_H_

#include <string>
#include <string_view>

namespace tools {

// For element content and attribute values alike (quotes are escaped too). Tabs and newlines
// are kept; other control bytes and bytes that are not UTF-8 become '?'.
std::string XmlEscape(std::string_view text);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_XML_TEXT_H_
