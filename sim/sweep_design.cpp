#include "sim/sweep_design.hpp"

#include <boost/random/sobol.hpp>

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <numeric>
#include <stdexcept>


namespace zorgsim::sim {

const char* method_name(DesignMethod m) {
  switch (m) {
    case DesignMethod::Grid: return "grid";
    case DesignMethod::LatinHypercube: return "lhs";
    case DesignMethod::Sobol: return "sobol";
    case DesignMethod::Morris: return "morris";
  }
  return "?";
}

const char* distribution_name(Distribution d) {
  switch (d) {
    case Distribution::Uniform: return "uniform";
    case Distribution::LogUniform: return "log-uniform";
    case Distribution::Normal: return "normal";
    case Distribution::Triangular: return "triangular";
  }
  return "?";
}

namespace {

// The shortest text that reads back as x, for messages.
std::string text(double x) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

// Phi(z), the standard normal CDF. erfc keeps its relative precision in the lower tail
// (down to Phi(-37.5) ~ 5e-308), which is why every tail below is computed as a lower tail.
double normal_cdf(double z) { return 0.5 * std::erfc(-z * 0.70710678118654752440); }

// z <= 0 with Phi(z) = p, for p in (0, 0.5]. Newton's method on g(z) = log Phi(z) - log p:
// Phi is log-concave, so from a start left of the root every Newton step stays left of it
// and moves right, converging monotonically (no bracketing needed). The start
// -sqrt(-2 log p) is left of the root because Phi(-s) <= exp(-s^2/2) / 2 (Chernoff).
// Working with logs keeps the relative precision of p in the far tail.
double lower_normal_quantile(double p) {
  if (!(p > 0)) return -INFINITY;
  constexpr double inv_sqrt_2pi = 0.39894228040143267794;
  const double log_p = std::log(p);
  double z = -std::sqrt(-2 * log_p);
  for (int i = 0; i < 100; ++i) {
    const double cdf = normal_cdf(z);
    const double step = -(std::log(cdf) - log_p) * cdf / (inv_sqrt_2pi * std::exp(-0.5 * z * z));
    if (!(step > 1e-16 * std::max(1.0, std::abs(z)))) break;  // converged (or rounding noise)
    z += step;
  }
  return std::min(z, 0.0);
}

// Quantile u of the standard normal truncated to [a, b]. Both the lower tail mass
// p = Phi(z) and the upper tail mass q = 1 - Phi(z) at the answer are exact mixtures of the
// bounds' tails, so the smaller one is known to full relative precision and is inverted as
// a lower tail: a range far in either tail keeps its precision.
double truncated_normal_quantile(double a, double b, double u) {
  const double p = (1 - u) * normal_cdf(a) + u * normal_cdf(b);
  const double q = (1 - u) * normal_cdf(-a) + u * normal_cdf(-b);
  const double z = p <= q ? lower_normal_quantile(p) : -lower_normal_quantile(q);
  return std::clamp(z, a, b);
}

// Phi(b) - Phi(a) without cancellation when both lie in the same tail.
double normal_mass(double a, double b) {
  if (a >= 0) return normal_cdf(-a) - normal_cdf(-b);
  if (b <= 0) return normal_cdf(b) - normal_cdf(a);
  return 1 - normal_cdf(a) - normal_cdf(-b);
}

double triangular_quantile(const ParameterRange& r, double u) {
  const double width = r.high - r.low;
  const double at_mode = (r.mode - r.low) / width;  // F(mode)
  if (u < at_mode) return r.low + std::sqrt(u * width * (r.mode - r.low));
  return r.high - std::sqrt((1 - u) * width * (r.high - r.mode));
}

}  // namespace

double value_at(const ParameterRange& r, double u) {
  if (!(u >= 0 && u <= 1)) throw std::invalid_argument("value_at: u must be in [0, 1] (got " + text(u) + ")");
  // The ends are returned exactly: rounding in the formulas below could miss them by an ulp.
  if (u == 0) return r.low;
  if (u == 1) return r.high;
  double x = 0;
  switch (r.distribution) {
    case Distribution::Uniform: return std::lerp(r.low, r.high, u);  // exact ends, monotone
    case Distribution::LogUniform: x = std::exp(std::lerp(std::log(r.low), std::log(r.high), u)); break;
    case Distribution::Normal:
      x = r.mean + r.sd * truncated_normal_quantile((r.low - r.mean) / r.sd, (r.high - r.mean) / r.sd, u);
      break;
    case Distribution::Triangular: x = triangular_quantile(r, u); break;
  }
  return std::clamp(x, r.low, r.high);
}

std::string check_range(const ParameterRange& r) {
  if (!std::isfinite(r.low) || !std::isfinite(r.high)) return "low and high must be finite numbers";
  if (!(r.low < r.high)) return "low must be < high (got " + text(r.low) + " and " + text(r.high) + ")";
  switch (r.distribution) {
    case Distribution::Uniform: break;
    case Distribution::LogUniform:
      if (!(r.low > 0)) return "log-uniform needs low > 0 (got " + text(r.low) + ")";
      break;
    case Distribution::Normal:
      if (!std::isfinite(r.mean)) return "normal needs a finite mean";
      if (!(r.sd > 0) || !std::isfinite(r.sd)) return "normal needs sd > 0 (got " + text(r.sd) + ")";
      // Beyond ~37 sd the normal has no probability a double can hold: no distribution left.
      if (!(normal_mass((r.low - r.mean) / r.sd, (r.high - r.mean) / r.sd) >= DBL_MIN))
        return "normal: [low, high] lies too far in the tail of N(mean, sd) to hold any probability";
      break;
    case Distribution::Triangular:
      if (!(r.low <= r.mode && r.mode <= r.high))
        return "triangular needs low <= mode <= high (got mode " + text(r.mode) + ")";
      break;
  }
  return "";
}

namespace {

std::size_t as_size(int n) { return static_cast<std::size_t>(n); }

// levels^k, or 0 when it exceeds max_design_values (no overflow on the way).
std::size_t grid_points(int levels, int k) {
  std::size_t n = 1;
  for (int i = 0; i < k; ++i) {
    if (n > max_design_values / as_size(levels)) return 0;
    n *= as_size(levels);
  }
  return n;
}

// "" when points x k coordinates fit max_design_values.
std::string check_size(const char* field, std::size_t points, int k) {
  if (points == 0 || points > max_design_values / as_size(k))
    return std::string(field) + ": the design would hold more than 2^27 coordinates (points x dimensions)";
  return "";
}

// The Sobol design needs 2k dimensions of Boost's table.
constexpr int max_sobol_dimensions = static_cast<int>(boost::random::default_sobol_table::max_dimension) / 2;

std::size_t points_of_valid(const DesignSpec& d) {
  const std::size_t k = as_size(d.dimensions);
  switch (d.method) {
    case DesignMethod::Grid: return grid_points(d.levels, d.dimensions);
    case DesignMethod::LatinHypercube: return as_size(d.points);
    case DesignMethod::Sobol: return as_size(d.points) * (k + 2);
    case DesignMethod::Morris: return as_size(d.trajectories) * (k + 1);
  }
  return 0;
}

}  // namespace

std::string check_design(const DesignSpec& d) {
  if (d.dimensions < 1) return "dimensions: must be >= 1 (got " + std::to_string(d.dimensions) + ")";
  switch (d.method) {
    case DesignMethod::Grid:
      if (d.levels < 2) return "levels: grid needs >= 2 levels per dimension (got " + std::to_string(d.levels) + ")";
      return check_size("levels", grid_points(d.levels, d.dimensions), d.dimensions);
    case DesignMethod::LatinHypercube:
      if (d.points < 2) return "points: lhs needs >= 2 points (got " + std::to_string(d.points) + ")";
      return check_size("points", points_of_valid(d), d.dimensions);
    case DesignMethod::Sobol:
      if (d.points < 2) return "points: sobol needs a base sample of >= 2 (got " + std::to_string(d.points) + ")";
      if (d.dimensions > max_sobol_dimensions)
        return "dimensions: sobol supports at most " + std::to_string(max_sobol_dimensions) + " (got " +
               std::to_string(d.dimensions) + ")";
      return check_size("points", points_of_valid(d), d.dimensions);
    case DesignMethod::Morris:
      if (d.levels < 4 || d.levels % 2 != 0)
        return "levels: morris needs an even number of levels >= 4 (got " + std::to_string(d.levels) + ")";
      if (d.trajectories < 2)
        return "trajectories: morris needs >= 2 trajectories (got " + std::to_string(d.trajectories) + ")";
      return check_size("trajectories", points_of_valid(d), d.dimensions);
  }
  return "method: unknown design method";
}

std::size_t Design::points() const { return spec.dimensions > 0 ? unit.size() / as_size(spec.dimensions) : 0; }

double Design::at(std::size_t point, int dim) const { return unit[point * as_size(spec.dimensions) + as_size(dim)]; }

double morris_delta(int levels) { return levels / (2.0 * (levels - 1)); }

namespace {

// A uniformly random permutation of 0..n-1 (Fisher-Yates).
std::vector<int> permutation(SweepDraws& s, int n) {
  std::vector<int> p(as_size(n));
  std::iota(p.begin(), p.end(), 0);
  for (std::size_t i = p.size() - 1; i > 0; --i) std::swap(p[i], p[s.below(static_cast<std::uint32_t>(i + 1))]);
  return p;
}

// (j + v) / n for v in [0,1), nudged by ulps so that j <= u n < j+1 holds exactly (fma gives
// the sign of u n - j without rounding): j + v and the division can round onto the border.
double in_stratum(int j, double v, int n) {
  const double dn = n;
  double u = (j + v) / dn;
  while (std::fma(u, dn, -j) < 0) u = std::nextafter(u, 1.0);
  while (std::fma(u, dn, -(j + 1.0)) >= 0) u = std::nextafter(u, 0.0);
  return u;
}

void fill_grid(Design& d) {
  const std::size_t k = as_size(d.spec.dimensions), levels = as_size(d.spec.levels);
  const std::size_t n = grid_points(d.spec.levels, d.spec.dimensions);
  for (std::size_t p = 0; p < n; ++p) {
    std::size_t rest = p;  // p written in base `levels`, last dimension = least significant digit
    for (std::size_t dim = k; dim-- > 0;) {
      d.unit[p * k + dim] = static_cast<double>(rest % levels) / static_cast<double>(levels - 1);
      rest /= levels;
    }
  }
}

void fill_latin_hypercube(Design& d) {
  const int n = d.spec.points, k = d.spec.dimensions;
  for (int dim = 0; dim < k; ++dim) {
    SweepDraws order(d.spec.seed, as_size(dim), SweepStream::LhsPermutation);
    SweepDraws position(d.spec.seed, as_size(dim), SweepStream::LhsPosition);
    const std::vector<int> stratum = permutation(order, n);
    for (int i = 0; i < n; ++i)
      d.unit[as_size(i) * as_size(k) + as_size(dim)] = in_stratum(stratum[as_size(i)], position.uniform01(), n);
  }
}

void fill_sobol(Design& d) {
  const std::size_t n = as_size(d.spec.points), k = as_size(d.spec.dimensions);
  boost::random::sobol sequence(2 * k);
  // Boost's outputs are 64-bit integers x standing for x / 2^64 (its uniform_01 divides by
  // max() + 1 = 2^64). The first 2^53 points have at most 53 significant bits, so this is exact.
  const auto next = [&sequence] { return std::ldexp(static_cast<double>(sequence()), -64); };
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t c = 0; c < k; ++c) d.unit[j * k + c] = next();        // A
    for (std::size_t c = 0; c < k; ++c) d.unit[(n + j) * k + c] = next();  // B
  }
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      double* row = &d.unit[((2 + i) * n + j) * k];  // AB_i: A with column i from B
      std::copy_n(&d.unit[j * k], k, row);
      row[i] = d.unit[(n + j) * k + i];
    }
}

// Campolongo's randomised trajectory t in level units: per dimension a pair of levels
// {l, l + p/2} with l uniform on 0..p/2-1 and a random direction (start at the low end and go
// up, or the reverse), then the dimensions move one at a time in a random order.
void fill_trajectory(Design& d, int t) {
  const std::size_t k = as_size(d.spec.dimensions), first_row = as_size(t) * (k + 1), first_step = as_size(t) * k;
  const int half = d.spec.levels / 2;
  const double top = d.spec.levels - 1;
  SweepDraws base(d.spec.seed, as_size(t), SweepStream::MorrisBase);
  SweepDraws direction(d.spec.seed, as_size(t), SweepStream::MorrisDirection);
  SweepDraws order_draws(d.spec.seed, as_size(t), SweepStream::MorrisOrder);
  std::vector<int> level(k), sign(k);
  for (std::size_t dim = 0; dim < k; ++dim) {
    const int low = static_cast<int>(base.below(static_cast<std::uint32_t>(half)));
    sign[dim] = (direction.next() >> 31) == 0 ? 1 : -1;
    level[dim] = sign[dim] > 0 ? low : low + half;
  }
  const std::vector<int> order = permutation(order_draws, static_cast<int>(k));
  for (std::size_t s = 0; s <= k; ++s) {
    if (s > 0) {
      const std::size_t dim = as_size(order[s - 1]);
      level[dim] += sign[dim] * half;
      d.morris_dimension[first_step + s - 1] = static_cast<int>(dim);
      d.morris_sign[first_step + s - 1] = sign[dim];
    }
    for (std::size_t dim = 0; dim < k; ++dim) d.unit[(first_row + s) * k + dim] = level[dim] / top;
  }
}

void fill_morris(Design& d) {
  d.morris_dimension.resize(as_size(d.spec.trajectories) * as_size(d.spec.dimensions));
  d.morris_sign.resize(d.morris_dimension.size());
  for (int t = 0; t < d.spec.trajectories; ++t) fill_trajectory(d, t);
}

}  // namespace

std::size_t design_points(const DesignSpec& spec) {
  const std::string problem = check_design(spec);
  if (!problem.empty()) throw std::invalid_argument("design: " + problem);
  return points_of_valid(spec);
}

Design make_design(const DesignSpec& spec) {
  Design d;
  d.spec = spec;
  d.unit.assign(design_points(spec) * as_size(spec.dimensions), 0.0);
  switch (spec.method) {
    case DesignMethod::Grid: fill_grid(d); break;
    case DesignMethod::LatinHypercube: fill_latin_hypercube(d); break;
    case DesignMethod::Sobol: fill_sobol(d); break;
    case DesignMethod::Morris: fill_morris(d); break;
  }
  return d;
}

}  // namespace zorgsim::sim
