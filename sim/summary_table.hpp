#pragma once
// The per-year summary printed by `zorgsim run`: the model's summary columns, averaged
// over replicates.
#include <ostream>
#include <vector>

#include "sim/model.hpp"
#include "sim/simulation.hpp"

namespace zorgsim::sim {

struct SummaryTable {
  std::vector<std::string> headers;   // "year" first
  std::vector<int> years;
  std::vector<std::vector<double>> rows;  // [year][column], means over replicates, scaled
  std::vector<int> decimals;
};

SummaryTable make_summary(const RunResult& r, const AnnualResult& a, const std::vector<SummaryColumn>& cols);
void print_summary(std::ostream& out, const SummaryTable& t);

}  // namespace zorgsim::sim
