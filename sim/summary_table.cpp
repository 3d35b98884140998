#include "sim/summary_table.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace zorgsim::sim {

SummaryTable make_summary(const RunResult& r, const AnnualResult& a, const std::vector<SummaryColumn>& cols) {
  SummaryTable t;
  t.headers.push_back("year");
  for (const auto& c : cols) t.headers.push_back(c.header), t.decimals.push_back(c.decimals);
  t.years = a.years;
  const std::size_t width = r.width(), ny = a.years.size();
  for (std::size_t yi = 0; yi < ny; ++yi) {
    std::vector<double> row;
    for (const auto& c : cols) {
      const std::size_t base = r.column_of(c.indicator);
      std::size_t ind = 0;
      while (r.offsets[ind] != base) ++ind;
      std::vector<int> cats = c.categories;
      if (cats.empty())
        for (std::size_t k = 0; k < r.indicators[ind].width(); ++k) cats.push_back(static_cast<int>(k));
      double sum = 0;
      for (int rep = 0; rep < r.replicates; ++rep)
        for (int k : cats) sum += a.values[(static_cast<std::size_t>(rep) * ny + yi) * width + base + k];
      row.push_back(sum / r.replicates * c.scale);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

void print_summary(std::ostream& out, const SummaryTable& t) {
  std::vector<std::size_t> w;
  for (const auto& h : t.headers) w.push_back(std::max<std::size_t>(h.size(), 6));
  char buf[64];
  for (std::size_t i = 0; i < t.headers.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%*s", static_cast<int>(w[i]), t.headers[i].c_str());
    out << (i ? "  " : "") << buf;
  }
  out << "\n";
  for (std::size_t y = 0; y < t.years.size(); ++y) {
    std::snprintf(buf, sizeof buf, "%*d", static_cast<int>(w[0]), t.years[y]);
    out << buf;
    for (std::size_t c = 0; c < t.rows[y].size(); ++c) {
      std::snprintf(buf, sizeof buf, "%*.*f", static_cast<int>(w[c + 1]), t.decimals[c], t.rows[y][c]);
      out << "  " << buf;
    }
    out << "\n";
  }
}

}  // namespace zorgsim::sim
