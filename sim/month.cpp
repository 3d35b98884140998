#include "sim/month.hpp"

#include <cstdio>
#include <regex>

namespace zorgsim::sim {

std::string Month::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::optional<Month> parse_month(const std::string& text) {
  static const std::regex pattern(R"(^(\d{4})-(\d{2})$)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  const int y = std::stoi(m[1].str());
  const int mo = std::stoi(m[2].str());
  if (mo < 1 || mo > 12 || y < 1900 || y > 2200) return std::nullopt;
  return Month{y, mo};
}

}  // namespace zorgsim::sim
