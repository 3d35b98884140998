#include "sim/month.hpp"

#include <cctype>
#include <cstdio>

namespace zorgsim::sim {

std::string Month::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::optional<Month> parse_month(const std::string& text) {
  // Exactly "YYYY-MM".
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  const int y = std::stoi(text.substr(0, 4));
  const int mo = std::stoi(text.substr(5, 2));
  if (mo < 1 || mo > 12 || y < 1900 || y > 2200) return std::nullopt;
  return Month{y, mo};
}

}  // namespace zorgsim::sim
