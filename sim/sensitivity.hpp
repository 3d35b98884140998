#pragma once
// Sensitivity indices from a sweep's outputs: Sobol' first-order and total indices with
// bootstrap intervals on a Saltelli design, and Morris's elementary-effect screening
// measures on a Morris design. Pure mathematics over one output vector; the bootstrap is
// keyed by its seed (sim/rng.hpp), so the same inputs always give the same intervals.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/sweep_design.hpp"

namespace zorgsim::sim {

struct Interval {
  double estimate = 0, low = 0, high = 0;
};

struct SobolIndices {
  std::vector<Interval> first, total;  // [k]
  double variance = 0;                 // V: variance (divisor 2N) of the 2N values f(A), f(B)
};

/// First-order and total Sobol indices from the outputs `y` of a Sobol design
/// (make_design's row order: A, B, AB_1..AB_k, N rows each, so y.size() == N(k+2)).
///  - first (Saltelli 2010):  S_i  = mean_j (f(B)_j - m) (f(AB_i)_j - f(A)_j) / V
///  - total (Jansen 1999):    ST_i = mean_j (f(A)_j - f(AB_i)_j)^2 / (2V)
/// with m and V the mean and variance (divisor 2N, as SALib) of the 2N values f(A), f(B).
/// Centring f(B) by m makes S_i invariant under a shift of y; without it, the estimator's
/// error grows with the output's mean (a cost of millions varying by thousands would need
/// astronomically many runs); its expectation is unchanged up to O(1/N).
/// Intervals: `resamples` bootstrap resamples of the N base rows with replacement (resample
/// b's rows from bootstrap_rows(seed, b, N)); each resample gets the same estimators,
/// and the interval is the percentile interval at `level` (quantiles (1-level)/2 and
/// (1+level)/2, linear interpolation between order statistics). With 0 resamples the
/// interval is [estimate, estimate].
/// Degenerate cases, without NaN: a constant output (V = 0, or V below the rounding error
/// of its own computation) gives indices 0 with interval [0, 0]; so does a resample whose
/// rows are constant. A non-finite value in y leaves the indices undefined: every estimate
/// and bound is NaN, and so is the variance.
/// Throws std::invalid_argument when N < 2, k < 1, y.size() != N(k+2), resamples < 0 or
/// level is not in (0, 1).
SobolIndices sobol_indices(const std::vector<double>& y, int N, int k, int resamples, std::uint64_t seed,
                           double level = 0.95);

/// The N base rows (with replacement) of bootstrap resample `resample`: N successive
/// SweepDraws(seed, resample, SweepStream::Bootstrap).below(N), each exactly uniform.
std::vector<std::size_t> bootstrap_rows(std::uint64_t seed, int resample, int N);

/// Morris's measures per dimension over the r trajectories of a Morris design, on the unit
/// scale: EE = sign * (y_s - y_{s-1}) / Delta for the dimension that moved at step s;
/// mu = mean EE, mu_star = mean |EE| (Campolongo 2007), sigma = sample standard deviation of
/// EE (divisor r - 1; 0 when r = 1).
/// Throws std::invalid_argument unless `design` is a Morris design and y.size() == its points.
struct MorrisIndices {
  std::vector<double> mu, mu_star, sigma;  // [k]
};
MorrisIndices morris_indices(const Design& design, const std::vector<double>& y);

}  // namespace zorgsim::sim
