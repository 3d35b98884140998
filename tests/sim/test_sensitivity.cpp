// Sensitivity estimators on outputs small enough to compute on paper: the Sobol indices'
// formulas, the bootstrap as "the same estimator on resampled rows", the degenerate cases,
// and Morris's elementary effects on hand-made trajectories and linear functions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "sim/sensitivity.hpp"

using namespace zorgsim::sim;

namespace {

// N = 3, k = 2, rows A, B, AB_1, AB_2:
//   f(A) = 0 2 4, f(B) = 1 3 2, f(AB_1) = 1 2 6, f(AB_2) = 0 5 4.
// The 2N values of f(A), f(B): mean m = 12/6 = 2, deviations -2 0 2 -1 1 0,
// V = (4+0+4+1+1+0)/6 = 5/3.
// S_1: f(B)-m = -1 1 0; f(AB_1)-f(A) = 1 0 2; products -1 0 0; mean -1/3; S_1 = -1/5.
// S_2: f(AB_2)-f(A) = 0 3 0; products 0 3 0; mean 1; S_2 = 3/5.
// ST_1: (f(A)-f(AB_1))^2 = 1 0 4; mean 5/3; / (2V) = 1/2.
// ST_2: (f(A)-f(AB_2))^2 = 0 9 0; mean 3; / (2V) = 9/10.
// (Uncentred, Saltelli 2010 as printed would give S_1 = mean(1*1, 3*0, 2*2) / V = 1: the
// centring by m is what this test pins down.)
const std::vector<double> paper = {0, 2, 4, 1, 3, 2, 1, 2, 6, 0, 5, 4};

// A smooth test output for the bootstrap tests: f(x) = x1 + 2 x2^2 + x1 x2 on N rows of
// a Sobol design with k = 2.
std::vector<double> smooth_output(int n) {
  DesignSpec s;
  s.method = DesignMethod::Sobol;
  s.dimensions = 2;
  s.points = n;
  const Design d = make_design(s);
  std::vector<double> y;
  for (std::size_t p = 0; p < d.points(); ++p) {
    const double x1 = d.at(p, 0), x2 = d.at(p, 1);
    y.push_back(x1 + 2 * x2 * x2 + x1 * x2);
  }
  return y;
}

// y restricted to the given base rows (the rows of A, B and every AB_i together).
std::vector<double> resampled(const std::vector<double>& y, int n, int k, const std::vector<std::size_t>& rows) {
  std::vector<double> out;
  for (int block = 0; block < k + 2; ++block)
    for (std::size_t j : rows) out.push_back(y[static_cast<std::size_t>(block * n) + j]);
  return out;
}

}  // namespace

TEST_CASE("Sobol indices of a tiny output computed on paper", "[unit][sweep]") {
  const SobolIndices s = sobol_indices(paper, 3, 2, 0, 1);
  // Exact fractions; the sums of small integers are exact, the divisions round once or twice.
  CHECK(s.variance == Approx(5.0 / 3).epsilon(1e-15));
  CHECK(s.first[0].estimate == Approx(-0.2).epsilon(1e-14));
  CHECK(s.first[1].estimate == Approx(0.6).epsilon(1e-14));
  CHECK(s.total[0].estimate == Approx(0.5).epsilon(1e-14));
  CHECK(s.total[1].estimate == Approx(0.9).epsilon(1e-14));
  // Without resamples the interval is the estimate itself.
  CHECK(s.first[1].low == s.first[1].estimate);
  CHECK(s.total[0].high == s.total[0].estimate);
}

TEST_CASE("Sobol indices do not change when the output is shifted or scaled", "[unit][sweep]") {
  const SobolIndices s = sobol_indices(paper, 3, 2, 0, 1);
  std::vector<double> shifted = paper, scaled = paper;
  for (double& v : shifted) v += 1234567.891;  // rounds each value by up to 1.2e-10
  for (double& v : scaled) v *= -3;
  const SobolIndices a = sobol_indices(shifted, 3, 2, 0, 1), b = sobol_indices(scaled, 3, 2, 0, 1);
  for (int i = 0; i < 2; ++i) {
    // Relative error of the shifted values' differences ~1e-10: 1e-8 leaves a margin.
    CHECK(a.first[i].estimate == Approx(s.first[i].estimate).margin(1e-8));
    CHECK(a.total[i].estimate == Approx(s.total[i].estimate).margin(1e-8));
    CHECK(b.first[i].estimate == Approx(s.first[i].estimate).epsilon(1e-14));
    CHECK(b.total[i].estimate == Approx(s.total[i].estimate).epsilon(1e-14));
  }
  CHECK(b.variance == Approx(9 * s.variance).epsilon(1e-14));
}

TEST_CASE("the bootstrap interval is the percentile of the estimator on resampled rows", "[unit][sweep]") {
  const int n = 32, k = 2;
  const std::vector<double> y = smooth_output(n);
  // B = 11, level 0.8: quantiles 0.1 and 0.9 fall on order statistics 1 and 9 exactly;
  // B = 4, level 0.5: quantiles 0.25 and 0.75 at positions 0.75 and 2.25 interpolate.
  struct Case {
    int resamples;
    double level;
  };
  for (const Case c : {Case{11, 0.8}, Case{4, 0.5}}) {
    const SobolIndices s = sobol_indices(y, n, k, c.resamples, 77, c.level);
    std::vector<std::vector<double>> first(k), total(k);
    for (int b = 0; b < c.resamples; ++b) {
      const SobolIndices r = sobol_indices(resampled(y, n, k, bootstrap_rows(77, b, n)), n, k, 0, 0);
      for (int i = 0; i < k; ++i) first[i].push_back(r.first[i].estimate), total[i].push_back(r.total[i].estimate);
    }
    for (int i = 0; i < k; ++i) {
      std::sort(first[i].begin(), first[i].end());
      std::sort(total[i].begin(), total[i].end());
      // The two computations shift y differently (y[0] versus the resample's own first
      // value): equal up to rounding of values ~1, so 1e-12.
      if (c.resamples == 11) {
        CHECK(s.first[i].low == Approx(first[i][1]).margin(1e-12));
        CHECK(s.first[i].high == Approx(first[i][9]).margin(1e-12));
        CHECK(s.total[i].low == Approx(total[i][1]).margin(1e-12));
        CHECK(s.total[i].high == Approx(total[i][9]).margin(1e-12));
      } else {
        const auto& f = first[i];
        CHECK(s.first[i].low == Approx(f[0] + 0.75 * (f[1] - f[0])).margin(1e-12));
        CHECK(s.first[i].high == Approx(f[2] + 0.25 * (f[3] - f[2])).margin(1e-12));
      }
      CHECK(s.first[i].low < s.first[i].high);  // the resamples differ
    }
  }
}

TEST_CASE("bootstrap rows are keyed by seed and resample", "[unit][sweep]") {
  const auto rows = bootstrap_rows(3, 0, 50);
  REQUIRE(rows.size() == 50);
  CHECK(std::all_of(rows.begin(), rows.end(), [](std::size_t r) { return r < 50; }));
  CHECK(bootstrap_rows(3, 0, 50) == rows);
  CHECK(bootstrap_rows(3, 1, 50) != rows);
  CHECK(bootstrap_rows(4, 0, 50) != rows);
  // With replacement: 50 draws from 50 rows repeat one with probability 1 - 50!/50^50 ~ 1.
  std::vector<std::size_t> sorted = rows;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end());
  CHECK(bootstrap_rows(1, 0, 10) == std::vector<std::size_t>{7, 0, 9, 3, 1, 1, 4, 7, 7, 2});  // golden
  // A long resample does not cycle: rows 1024 apart agree with probability 1/N, ~0.8 times
  // in 3976 pairs (10 or more: Poisson probability ~1e-8).
  const auto long_rows = bootstrap_rows(1, 0, 5000);
  int repeats = 0;
  for (std::size_t j = 0; j + 1024 < long_rows.size(); ++j) repeats += long_rows[j] == long_rows[j + 1024];
  CHECK(repeats < 10);
  const std::vector<double> y = smooth_output(32);
  const SobolIndices a = sobol_indices(y, 32, 2, 20, 1), b = sobol_indices(y, 32, 2, 20, 2);
  CHECK(a.first[0].estimate == b.first[0].estimate);
  CHECK(a.first[0].low != b.first[0].low);
}

TEST_CASE("a constant output has indices 0 with intervals [0, 0]", "[unit][sweep]") {
  const std::vector<double> y(5 * (3 + 2), 0.1);  // N = 5, k = 3; 0.1 is not exact in binary
  const SobolIndices s = sobol_indices(y, 5, 3, 100, 1);
  CHECK(s.variance == 0);
  for (const auto* v : {&s.first, &s.total})
    for (const Interval& i : *v) {
      CHECK(i.estimate == 0);
      CHECK(i.low == 0);
      CHECK(i.high == 0);
    }
}

TEST_CASE("resamples whose rows are constant give 0, not NaN", "[unit][sweep]") {
  // N = 2, k = 1: A = 1 3, B = 1 3, AB_1 = 2 5. A resample of one row twice has
  // f(A) = f(B) constant (probability 1/2 per resample).
  // Full sample: m = 2, V = 1; S_1 = mean((1-2)(2-1), (3-2)(5-3)) = 1/2;
  // ST_1 = mean(1, 4) / 2 = 5/4.
  const std::vector<double> y = {1, 3, 1, 3, 2, 5};
  const SobolIndices s = sobol_indices(y, 2, 1, 200, 9);
  CHECK(s.variance == 1);
  CHECK(s.first[0].estimate == 0.5);
  CHECK(s.total[0].estimate == 1.25);
  for (double v : {s.first[0].low, s.first[0].high, s.total[0].low, s.total[0].high}) CHECK(std::isfinite(v));
  // A resample is rows {0,0} or {1,1} (constant: 0) or {0,1} (the full sample), each half
  // of the time; with 200 resamples both kinds fill more than 2.5% (all-one-kind: 2^-199).
  CHECK(s.first[0].low == 0);
  CHECK(s.total[0].low == 0);
  CHECK(s.first[0].high == Approx(0.5).epsilon(1e-15));
  CHECK(s.total[0].high == Approx(1.25).epsilon(1e-15));
}

TEST_CASE("a non-finite output leaves the Sobol indices undefined", "[unit][sweep]") {
  std::vector<double> y = paper;
  y[7] = std::nan("");
  const SobolIndices s = sobol_indices(y, 3, 2, 10, 1);
  CHECK(std::isnan(s.variance));
  CHECK(std::isnan(s.first[0].estimate));
  CHECK(std::isnan(s.total[1].high));
  y[7] = INFINITY;
  CHECK(std::isnan(sobol_indices(y, 3, 2, 10, 1).first[1].low));
}

TEST_CASE("sobol_indices rejects malformed arguments", "[unit][sweep]") {
  CHECK_THROWS_AS(sobol_indices(paper, 3, 3, 0, 1), std::invalid_argument);  // size is not N(k+2)
  CHECK_THROWS_AS(sobol_indices(paper, 1, 10, 0, 1), std::invalid_argument);  // N < 2
  CHECK_THROWS_AS(sobol_indices(paper, 3, 2, -1, 1), std::invalid_argument);
  CHECK_THROWS_AS(sobol_indices(paper, 3, 2, 10, 1, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sobol_indices(paper, 3, 2, 10, 1, 0.0), std::invalid_argument);
}

namespace {

DesignSpec morris_spec(int k, int levels, int trajectories, std::uint64_t seed) {
  DesignSpec s;
  s.method = DesignMethod::Morris;
  s.dimensions = k;
  s.levels = levels;
  s.trajectories = trajectories;
  s.seed = seed;
  return s;
}

}  // namespace

TEST_CASE("Morris measures of two hand-made trajectories computed on paper", "[unit][sweep]") {
  // k = 2, p = 4, Delta = 4 / 6 = 2/3.
  Design d;
  d.spec = morris_spec(2, 4, 2, 0);
  d.unit = {0, 1.0 / 3, 2.0 / 3, 1.0 / 3, 2.0 / 3, 1,   // dimension 0 up, then 1 up
            1, 2.0 / 3, 1, 0,             1.0 / 3, 0};  // dimension 1 down, then 0 down
  d.morris_dimension = {0, 1, 1, 0};
  d.morris_sign = {1, 1, -1, -1};
  const std::vector<double> y = {1, 3, 2, 4, 3, 5};
  // Trajectory 0: EE_0 = (3-1)/(2/3) = 3, EE_1 = (2-3)/(2/3) = -1.5.
  // Trajectory 1: EE_1 = -(3-4)/(2/3) = 1.5, EE_0 = -(5-3)/(2/3) = -3.
  // Dimension 0: {3, -3}: mu 0, mu* 3, sigma = sqrt(((3)^2 + (-3)^2) / 1) = sqrt(18).
  // Dimension 1: {-1.5, 1.5}: mu 0, mu* 1.5, sigma = sqrt(4.5).
  const MorrisIndices m = morris_indices(d, y);
  CHECK(m.mu[0] == Approx(0).margin(1e-15));
  CHECK(m.mu[1] == Approx(0).margin(1e-15));
  CHECK(m.mu_star[0] == Approx(3).epsilon(1e-15));
  CHECK(m.mu_star[1] == Approx(1.5).epsilon(1e-15));
  CHECK(m.sigma[0] == Approx(std::sqrt(18.0)).epsilon(1e-15));
  CHECK(m.sigma[1] == Approx(std::sqrt(4.5)).epsilon(1e-15));
}

TEST_CASE("Morris measures of a linear function are its coefficients", "[unit][sweep]") {
  // f = sum c_i x_i: every elementary effect of x_i is c_i (the step is +-Delta on the unit
  // scale and the sign undoes the direction), so mu = c_i, mu* = |c_i|, sigma = 0, up to the
  // rounding of l/(p-1) and of the sums (1e-12 for |c| <= 3).
  const std::vector<double> c = {2, -3, 0.5, 0, -0.25};
  for (int p : {4, 10}) {
    const Design d = make_design(morris_spec(5, p, 30, 11));
    std::vector<double> y;
    for (std::size_t row = 0; row < d.points(); ++row) {
      double f = 0;
      for (int i = 0; i < 5; ++i) f += c[static_cast<std::size_t>(i)] * d.at(row, i);
      y.push_back(f);
    }
    const MorrisIndices m = morris_indices(d, y);
    for (std::size_t i = 0; i < c.size(); ++i) {
      CHECK(m.mu[i] == Approx(c[i]).margin(1e-12));
      CHECK(m.mu_star[i] == Approx(std::abs(c[i])).margin(1e-12));
      CHECK(m.sigma[i] == Approx(0).margin(1e-12));
    }
  }
}

TEST_CASE("Morris measures of f = -c x have mu = -c and mu* = c", "[unit][sweep]") {
  const Design d = make_design(morris_spec(1, 6, 8, 3));
  std::vector<double> y;
  for (std::size_t row = 0; row < d.points(); ++row) y.push_back(-4 * d.at(row, 0));
  const MorrisIndices m = morris_indices(d, y);
  CHECK(m.mu[0] == Approx(-4).margin(1e-12));
  CHECK(m.mu_star[0] == Approx(4).margin(1e-12));
  CHECK(m.sigma[0] == Approx(0).margin(1e-12));
}

TEST_CASE("morris_indices needs a Morris design and one output per point", "[unit][sweep]") {
  const Design d = make_design(morris_spec(2, 4, 3, 1));
  CHECK_THROWS_AS(morris_indices(d, std::vector<double>(8)), std::invalid_argument);
  CHECK_NOTHROW(morris_indices(d, std::vector<double>(9)));
  Design broken = d;
  broken.morris_dimension[1] = broken.morris_dimension[0];  // one dimension twice
  CHECK_THROWS_AS(morris_indices(broken, std::vector<double>(9)), std::invalid_argument);
  DesignSpec s;
  s.method = DesignMethod::LatinHypercube;
  s.dimensions = 2;
  s.points = 9;
  CHECK_THROWS_AS(morris_indices(make_design(s), std::vector<double>(9)), std::invalid_argument);
}
