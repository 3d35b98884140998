#pragma once
// Paired comparison of runs that share their random numbers (common random numbers):
// replicate r of every scenario uses the same seed and replicate number, so the difference
// of two scenarios in replicate r is the effect of policy on the same simulated households.
// The mean, standard error and 95% interval of that difference are taken over replicates.
// Knows nothing of the model: it works on the annual rows of any indicators.
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace zorgsim::sim {

/// Statistics of a paired difference (scenario - reference) over replicates, per year and
/// column of the annual rows: [year][column].
struct PairedDifference {
  std::vector<double> mean, se, low, high;  // low/high: mean -+ t(0.975, R-1) x se
};

/// Two-sided 97.5% quantile of Student's t with `df` degrees of freedom (df >= 1).
double t_quantile_975(int df);

/// Per year and column: d_r = other_r - reference_r; mean = sum_r d_r / R; se = sd / sqrt(R)
/// (0 for one replicate). Both results must have the same layout and replicates.
PairedDifference paired_difference(const AnnualResult& reference, const AnnualResult& other, int replicates,
                                   std::size_t width);

/// Attribution of a package's effect to its measures, per year and column (means over
/// replicates of paired differences, all against the same reference):
///   package     = P - B
///   alone[j]    = (B + measure j) - B
///   marginal[j] = P - (P without measure j)
///   interaction = package - sum_j alone[j]   (so sum_j alone[j] + interaction = package)
/// Each term has its standard error over replicates (`*_se`, same layout).
struct Attribution {
  std::vector<double> package, package_se;                 // [year][column]
  std::vector<std::vector<double>> alone, alone_se;         // [measure][year][column]
  std::vector<std::vector<double>> marginal, marginal_se;   // [measure][year][column]
  std::vector<double> interaction, interaction_se;         // [year][column]
};
Attribution attribute(const AnnualResult& reference, const AnnualResult& package,
                      const std::vector<const AnnualResult*>& alone, const std::vector<const AnnualResult*>& without,
                      int replicates, std::size_t width);

}  // namespace zorgsim::sim
