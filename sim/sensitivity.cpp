#include "sim/sensitivity.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>


namespace zorgsim::sim {

namespace {

std::size_t as_size(int n) { return static_cast<std::size_t>(n); }

// Every estimator of a resample is a function of sums over its base rows of a few per-row
// terms, so the terms are computed once and a bootstrap resample costs one pass of additions
// over N rows (no allocation, no re-evaluation of products). Per row j, with y shifted by
// y[0] (a shift changes no index; it keeps the one-pass variance below free of cancellation
// and makes a constant output exactly 0):
//   a, b, a^2, b^2, then per dimension i: d_i = f(AB_i) - a, b d_i, d_i^2.
constexpr std::size_t fixed_terms = 4;
std::size_t term_width(std::size_t k) { return fixed_terms + 3 * k; }

std::vector<double> row_terms(const std::vector<double>& y, std::size_t n, std::size_t k) {
  const std::size_t width = term_width(k);
  const double shift = y[0];
  std::vector<double> terms(n * width);
  for (std::size_t j = 0; j < n; ++j) {
    double* t = &terms[j * width];
    const double a = y[j] - shift, b = y[n + j] - shift;
    t[0] = a, t[1] = b, t[2] = a * a, t[3] = b * b;
    for (std::size_t i = 0; i < k; ++i) {
      const double d = y[(2 + i) * n + j] - y[j];
      t[fixed_terms + 3 * i] = d, t[fixed_terms + 3 * i + 1] = b * d, t[fixed_terms + 3 * i + 2] = d * d;
    }
  }
  return terms;
}

// The estimators from the term sums over n rows; returns V (0 for a constant output).
double estimate(const std::vector<double>& sums, std::size_t n, std::size_t k, std::vector<double>& first,
                std::vector<double>& total) {
  const double rows = static_cast<double>(n);
  const double mean = (sums[0] + sums[1]) / (2 * rows), mean_square = (sums[2] + sums[3]) / (2 * rows);
  const double variance = mean_square - mean * mean;
  // The one-pass variance carries a rounding error of a few ulps of mean_square; anything
  // below that is a constant output, not variance (and dividing by it would give garbage).
  if (!(variance > 64 * DBL_EPSILON * mean_square)) {
    std::fill(first.begin(), first.end(), 0.0);
    std::fill(total.begin(), total.end(), 0.0);
    return 0;
  }
  for (std::size_t i = 0; i < k; ++i) {
    const double d = sums[fixed_terms + 3 * i], bd = sums[fixed_terms + 3 * i + 1], dd = sums[fixed_terms + 3 * i + 2];
    first[i] = (bd - mean * d) / rows / variance;
    total[i] = dd / (2 * rows) / variance;
  }
  return variance;
}

SweepDraws bootstrap_draws(std::uint64_t seed, int resample) {
  return SweepDraws(seed, as_size(resample), SweepStream::Bootstrap);
}

// Quantile q of sorted values: linear interpolation between order statistics (type 7, as
// numpy's and R's defaults).
double quantile(const double* sorted, std::size_t n, double q) {
  const double h = q * static_cast<double>(n - 1);
  const std::size_t low = std::min(static_cast<std::size_t>(h), n - 1);
  if (low + 1 >= n) return sorted[low];
  return sorted[low] + (h - static_cast<double>(low)) * (sorted[low + 1] - sorted[low]);
}

// Percentile interval of each dimension's bootstrap values, stored [dimension][resample].
void fill_intervals(std::vector<double>& values, std::size_t resamples, double level, std::vector<Interval>& out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    double* v = values.data() + i * resamples;
    std::sort(v, v + resamples);
    out[i].low = quantile(v, resamples, (1 - level) / 2);
    out[i].high = quantile(v, resamples, (1 + level) / 2);
  }
}

void check_sobol_arguments(const std::vector<double>& y, int n, int k, int resamples, double level) {
  if (n < 2) throw std::invalid_argument("sobol_indices: N must be >= 2 (got " + std::to_string(n) + ")");
  if (k < 1) throw std::invalid_argument("sobol_indices: k must be >= 1 (got " + std::to_string(k) + ")");
  if (y.size() != as_size(n) * (as_size(k) + 2))
    throw std::invalid_argument("sobol_indices: y has " + std::to_string(y.size()) + " values, the design N(k+2) = " +
                                std::to_string(as_size(n) * (as_size(k) + 2)));
  if (resamples < 0) throw std::invalid_argument("sobol_indices: resamples must be >= 0");
  if (!(level > 0 && level < 1)) throw std::invalid_argument("sobol_indices: level must be in (0, 1)");
}

}  // namespace

std::vector<std::size_t> bootstrap_rows(std::uint64_t seed, int resample, int N) {
  SweepDraws s = bootstrap_draws(seed, resample);
  std::vector<std::size_t> rows(as_size(N));
  for (auto& r : rows) r = s.below(static_cast<std::uint32_t>(N));
  return rows;
}

SobolIndices sobol_indices(const std::vector<double>& y, int N, int k, int resamples, std::uint64_t seed,
                           double level) {
  check_sobol_arguments(y, N, k, resamples, level);
  const std::size_t n = as_size(N), dims = as_size(k), width = term_width(dims), boots = as_size(resamples);
  SobolIndices out;
  out.first.resize(dims);
  out.total.resize(dims);
  if (!std::all_of(y.begin(), y.end(), [](double v) { return std::isfinite(v); })) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::fill(out.first.begin(), out.first.end(), Interval{nan, nan, nan});
    std::fill(out.total.begin(), out.total.end(), Interval{nan, nan, nan});
    out.variance = nan;
    return out;
  }
  const std::vector<double> terms = row_terms(y, n, dims);
  std::vector<double> sums(width, 0.0), first(dims), total(dims);
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t c = 0; c < width; ++c) sums[c] += terms[j * width + c];
  out.variance = estimate(sums, n, dims, first, total);
  for (std::size_t i = 0; i < dims; ++i) {
    out.first[i] = {first[i], first[i], first[i]};
    out.total[i] = {total[i], total[i], total[i]};
  }
  if (out.variance == 0 || boots == 0) return out;  // constant: every resample is constant too

  std::vector<double> boot_first(dims * boots), boot_total(dims * boots);  // [dimension][resample]
  for (std::size_t b = 0; b < boots; ++b) {
    std::fill(sums.begin(), sums.end(), 0.0);
    SweepDraws s = bootstrap_draws(seed, static_cast<int>(b));
    for (std::size_t j = 0; j < n; ++j) {
      const double* t = &terms[s.below(static_cast<std::uint32_t>(n)) * width];
      for (std::size_t c = 0; c < width; ++c) sums[c] += t[c];
    }
    estimate(sums, n, dims, first, total);
    for (std::size_t i = 0; i < dims; ++i) {
      boot_first[i * boots + b] = first[i];
      boot_total[i * boots + b] = total[i];
    }
  }
  fill_intervals(boot_first, boots, level, out.first);
  fill_intervals(boot_total, boots, level, out.total);
  return out;
}

namespace {

// The elementary effects [dimension][trajectory]; checks that the design is a Morris design
// whose steps move every dimension exactly once per trajectory.
std::vector<double> elementary_effects(const Design& design, const std::vector<double>& y) {
  const DesignSpec& spec = design.spec;
  if (spec.method != DesignMethod::Morris) throw std::invalid_argument("morris_indices: not a Morris design");
  const std::size_t k = as_size(spec.dimensions), r = as_size(spec.trajectories);
  if (design.points() != r * (k + 1) || y.size() != design.points() || design.morris_dimension.size() != r * k ||
      design.morris_sign.size() != r * k)
    throw std::invalid_argument("morris_indices: y, the design's points and its steps do not agree in size");
  const double delta = morris_delta(spec.levels);
  std::vector<double> ee(k * r);
  std::vector<std::size_t> moved(k);
  for (std::size_t t = 0; t < r; ++t) {
    for (std::size_t s = 1; s <= k; ++s) {
      const int dim = design.morris_dimension[t * k + s - 1];
      if (dim < 0 || as_size(dim) >= k || moved[as_size(dim)] != t)
        throw std::invalid_argument("morris_indices: a trajectory does not move every dimension exactly once");
      ++moved[as_size(dim)];
      const std::size_t row = t * (k + 1) + s;
      ee[as_size(dim) * r + t] = design.morris_sign[t * k + s - 1] * (y[row] - y[row - 1]) / delta;
    }
  }
  return ee;
}

}  // namespace

MorrisIndices morris_indices(const Design& design, const std::vector<double>& y) {
  const std::vector<double> ee = elementary_effects(design, y);
  const std::size_t k = as_size(design.spec.dimensions), r = as_size(design.spec.trajectories);
  MorrisIndices out;
  out.mu.resize(k);
  out.mu_star.resize(k);
  out.sigma.resize(k);
  for (std::size_t i = 0; i < k; ++i) {
    const double* e = &ee[i * r];
    double sum = 0, sum_abs = 0;
    for (std::size_t t = 0; t < r; ++t) sum += e[t], sum_abs += std::abs(e[t]);
    const double mean = sum / static_cast<double>(r);
    double squares = 0;  // two passes: the effects can share a large common value
    for (std::size_t t = 0; t < r; ++t) squares += (e[t] - mean) * (e[t] - mean);
    out.mu[i] = mean;
    out.mu_star[i] = sum_abs / static_cast<double>(r);
    out.sigma[i] = r > 1 ? std::sqrt(squares / static_cast<double>(r - 1)) : 0.0;
  }
  return out;
}

}  // namespace zorgsim::sim
