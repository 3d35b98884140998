#pragma once
// Calendar months as integer indices (months since 0000-01), with "YYYY-MM" text form.
#include <optional>
#include <string>

namespace zorgsim::sim {

struct Month {
  int year = 2025;
  int month = 1;  // 1..12

  int index() const { return year * 12 + (month - 1); }
  static Month from_index(int idx) { return Month{idx / 12, idx % 12 + 1}; }
  std::string str() const;  // "2025-01"
  friend bool operator==(const Month&, const Month&) = default;
};

/// Parses "YYYY-MM" (month 01..12, year 1900..2200); nullopt when malformed.
std::optional<Month> parse_month(const std::string& text);

}  // namespace zorgsim::sim
