#include "tests/support/tshark.h"

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace testing_support {
namespace {

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

}  // namespace

std::string TsharkPath() { return MCASTLAB_TSHARK; }

std::string RunTshark(const std::string& pcap, const std::vector<std::string>& args) {
  if (TsharkPath().empty()) throw std::runtime_error("tshark not found: run tools/setup.sh");
  std::string cmd = ShellQuote(TsharkPath()) + " -n -r " + ShellQuote(pcap) +
                    " -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE";
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  cmd += " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  if (status != 0) throw std::runtime_error("tshark failed (" + std::to_string(status) + "): " + cmd);
  return out;
}

std::vector<std::vector<std::string>> TsharkFields(const std::string& pcap,
                                                   const std::vector<std::string>& fields) {
  std::vector<std::string> args = {"-T", "fields", "-E", "separator=/t", "-E", "occurrence=a",
                                   "-E", "aggregator=,"};
  for (const auto& f : fields) {
    args.push_back("-e");
    args.push_back(f);
  }
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(RunTshark(pcap, args));
  for (std::string line; std::getline(lines, line);) rows.push_back(Split(line, '\t'));
  return rows;
}

std::vector<std::string> TsharkProblems(const std::string& pcap) {
  // Severity values of Wireshark's expert info: warning 0x00600000, error 0x00800000.
  const std::string filter = "_ws.malformed || _ws.expert.severity >= 0x00600000";
  std::vector<std::string> problems;
  std::istringstream lines(RunTshark(pcap, {"-Y", filter, "-T", "fields", "-e", "frame.number",
                                            "-e", "_ws.col.Protocol", "-e", "_ws.expert.message"}));
  for (std::string line; std::getline(lines, line);) problems.push_back(line);
  return problems;
}

}  // namespace testing_support
