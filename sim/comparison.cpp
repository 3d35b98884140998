#include "sim/comparison.hpp"

#include <cmath>
#include <stdexcept>

namespace zorgsim::sim {

double t_quantile_975(int df) {
  if (df < 1) throw std::invalid_argument("t quantile: df must be >= 1");
  // Exact to 3 decimals for small df (standard tables); above 30 the Cornish-Fisher
  // expansion around the normal quantile, accurate to about 1e-4.
  static const double table[31] = {0,      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                   2.201,  2.179,  2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080,
                                   2.074,  2.069,  2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df <= 30) return table[df];
  const double z = 1.959963984540054, n = df;
  return z + (z * z * z + z) / (4 * n) + (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n);
}

namespace {
std::size_t cells(const AnnualResult& a, std::size_t width) { return a.years.size() * width; }

void check_same_layout(const AnnualResult& a, const AnnualResult& b, int replicates, std::size_t width) {
  if (a.years != b.years || a.values.size() != b.values.size() ||
      a.values.size() != static_cast<std::size_t>(replicates) * cells(a, width))
    throw std::invalid_argument("paired comparison: runs of different layout, horizon or replicates");
}

// Standard error over replicates of x(r, k) around mean[k], per cell k (0 for one replicate).
template <class Value>
std::vector<double> standard_error(const std::vector<double>& mean, int replicates, Value x) {
  std::vector<double> se(mean.size(), 0.0);
  if (replicates < 2) return se;
  for (int r = 0; r < replicates; ++r)
    for (std::size_t k = 0; k < mean.size(); ++k) {
      const double e = x(r, k) - mean[k];
      se[k] += e * e;
    }
  for (double& s : se) s = std::sqrt(s / (replicates - 1) / replicates);
  return se;
}

// Mean over replicates of other - reference, per cell.
std::vector<double> mean_difference(const AnnualResult& reference, const AnnualResult& other, int replicates,
                                    std::size_t width) {
  check_same_layout(reference, other, replicates, width);
  const std::size_t n = cells(reference, width);
  std::vector<double> mean(n, 0.0);
  for (int r = 0; r < replicates; ++r)
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t at = static_cast<std::size_t>(r) * n + k;
      mean[k] += other.values[at] - reference.values[at];
    }
  for (double& m : mean) m /= replicates;
  return mean;
}
}  // namespace

PairedDifference paired_difference(const AnnualResult& reference, const AnnualResult& other, int replicates,
                                   std::size_t width) {
  PairedDifference d;
  d.mean = mean_difference(reference, other, replicates, width);
  const std::size_t n = d.mean.size();
  d.se = standard_error(d.mean, replicates, [&](int r, std::size_t k) {
    const std::size_t at = static_cast<std::size_t>(r) * n + k;
    return other.values[at] - reference.values[at];
  });
  const double t = replicates > 1 ? t_quantile_975(replicates - 1) : 0.0;
  d.low.resize(n);
  d.high.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    d.low[k] = d.mean[k] - t * d.se[k];
    d.high[k] = d.mean[k] + t * d.se[k];
  }
  return d;
}

Attribution attribute(const AnnualResult& reference, const AnnualResult& package,
                      const std::vector<const AnnualResult*>& alone, const std::vector<const AnnualResult*>& without,
                      int replicates, std::size_t width) {
  if (alone.size() != without.size()) throw std::invalid_argument("attribution: one 'alone' and one 'without' per measure");
  Attribution a;
  const PairedDifference p = paired_difference(reference, package, replicates, width);
  a.package = p.mean;
  a.package_se = p.se;
  a.interaction = a.package;
  for (std::size_t j = 0; j < alone.size(); ++j) {
    const PairedDifference x = paired_difference(reference, *alone[j], replicates, width);
    const PairedDifference y = paired_difference(*without[j], package, replicates, width);
    a.alone.push_back(x.mean);
    a.alone_se.push_back(x.se);
    a.marginal.push_back(y.mean);
    a.marginal_se.push_back(y.se);
    for (std::size_t k = 0; k < a.interaction.size(); ++k) a.interaction[k] -= x.mean[k];
  }
  // The interaction's standard error from its value per replicate: P - B - sum_j (A_j - B).
  const std::size_t n = a.package.size();
  a.interaction_se = standard_error(a.interaction, replicates, [&](int r, std::size_t k) {
    const std::size_t at = static_cast<std::size_t>(r) * n + k;
    double v = package.values[at] - reference.values[at];
    for (const AnnualResult* x : alone) v -= x->values[at] - reference.values[at];
    return v;
  });
  return a;
}

}  // namespace zorgsim::sim
