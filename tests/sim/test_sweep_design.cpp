// Sweep designs and parameter distributions: exact structure of every design (grid order,
// one point per Latin-hypercube stratum, Saltelli's matrices against Boost's Sobol sequence
// itself, Morris trajectories on the level grid) and the inverse CDFs at known points.
#include <boost/random/sobol.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/sweep_design.hpp"

using namespace zorgsim::sim;

namespace {

DesignSpec spec(DesignMethod m, int k, int points = 0, int levels = 0, int trajectories = 0, std::uint64_t seed = 0) {
  DesignSpec s;
  s.method = m;
  s.dimensions = k;
  s.points = points;
  s.levels = levels;
  s.trajectories = trajectories;
  s.seed = seed;
  return s;
}

std::vector<double> column(const Design& d, int dim) {
  std::vector<double> c;
  for (std::size_t p = 0; p < d.points(); ++p) c.push_back(d.at(p, dim));
  return c;
}

// The stratum j with j <= u n < j+1 exactly (fma gives the sign of u n - j without
// rounding; floor(u * n) alone could round a value just below a border onto it).
int exact_stratum(double u, int n) {
  int j = static_cast<int>(std::floor(u * n));
  if (std::fma(u, n, -j) < 0) --j;
  if (std::fma(u, n, -(j + 1.0)) >= 0) ++j;
  return j;
}

}  // namespace

TEST_CASE("design methods and distributions have their file names", "[unit][sweep]") {
  CHECK(std::string(method_name(DesignMethod::Grid)) == "grid");
  CHECK(std::string(method_name(DesignMethod::LatinHypercube)) == "lhs");
  CHECK(std::string(method_name(DesignMethod::Sobol)) == "sobol");
  CHECK(std::string(method_name(DesignMethod::Morris)) == "morris");
  CHECK(std::string(distribution_name(Distribution::Uniform)) == "uniform");
  CHECK(std::string(distribution_name(Distribution::LogUniform)) == "log-uniform");
  CHECK(std::string(distribution_name(Distribution::Normal)) == "normal");
  CHECK(std::string(distribution_name(Distribution::Triangular)) == "triangular");
}

TEST_CASE("a grid is the full factorial with the last dimension varying fastest", "[unit][sweep]") {
  const Design d = make_design(spec(DesignMethod::Grid, 3, 0, 3));
  REQUIRE(d.points() == 27);
  REQUIRE(design_points(d.spec) == 27);
  for (std::size_t p = 0; p < 27; ++p) {
    // p = 9 i0 + 3 i1 + i2; coordinate i / (levels - 1), exactly as written here
    CHECK(d.at(p, 0) == static_cast<double>(p / 9) / 2);
    CHECK(d.at(p, 1) == static_cast<double>(p / 3 % 3) / 2);
    CHECK(d.at(p, 2) == static_cast<double>(p % 3) / 2);
  }
  CHECK(d.at(1, 2) == 0.5);  // the second point moves the last dimension
  CHECK(d.at(26, 0) == 1.0);
  CHECK(d.morris_dimension.empty());

  const Design line = make_design(spec(DesignMethod::Grid, 1, 0, 5));
  CHECK(line.unit == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
}

TEST_CASE("a Latin hypercube has exactly one point in each stratum of each dimension", "[unit][sweep]") {
  for (int n : {2, 3, 10, 97, 1000})
    for (int k : {1, 4}) {
      const Design d = make_design(spec(DesignMethod::LatinHypercube, k, n, 0, 0, 12345));
      REQUIRE(d.points() == static_cast<std::size_t>(n));
      for (int dim = 0; dim < k; ++dim) {
        std::vector<int> count(n, 0);
        for (double u : column(d, dim)) {
          REQUIRE(u >= 0);
          REQUIRE(u < 1);
          ++count[exact_stratum(u, n)];
        }
        INFO("n = " << n << ", k = " << k << ", dimension " << dim);
        CHECK(std::all_of(count.begin(), count.end(), [](int c) { return c == 1; }));
      }
    }
}

TEST_CASE("a Latin hypercube is random within and across its strata, keyed by the seed", "[unit][sweep]") {
  const int n = 97;
  const Design d = make_design(spec(DesignMethod::LatinHypercube, 3, n, 0, 0, 7));
  // Positions inside the strata are spread, not centred: with 97 uniform offsets the
  // chance that none is below 0.1 (or above 0.9) is 0.9^97 ~ 4e-5.
  std::vector<double> offset;
  for (double u : column(d, 0)) offset.push_back(u * n - exact_stratum(u, n));
  CHECK(*std::min_element(offset.begin(), offset.end()) < 0.1);
  CHECK(*std::max_element(offset.begin(), offset.end()) > 0.9);
  // Each dimension has its own permutation (equal ones would have probability 1/97!).
  std::vector<int> s0, s1;
  for (double u : column(d, 0)) s0.push_back(exact_stratum(u, n));
  for (double u : column(d, 1)) s1.push_back(exact_stratum(u, n));
  CHECK(s0 != s1);

  CHECK(make_design(d.spec).unit == d.unit);
  DesignSpec other = d.spec;
  other.seed = 8;
  CHECK(make_design(other).unit != d.unit);
  // Keyed by dimension, not by how many there are: a dimension's column does not change
  // when dimensions are added.
  DesignSpec wider = d.spec;
  wider.dimensions = 5;
  const Design w = make_design(wider);
  for (int dim = 0; dim < 3; ++dim) CHECK(column(w, dim) == column(d, dim));
}

TEST_CASE("a long Latin hypercube does not repeat its random positions", "[unit][sweep]") {
  // 3000 positions need 6000 words of one stream: more than a stream that cycles after 1024
  // words could give. 3000 distinct 53-bit offsets collide with probability ~5e-10.
  const int n = 3000;
  const Design d = make_design(spec(DesignMethod::LatinHypercube, 1, n, 0, 0, 3));
  std::set<double> offsets;
  for (double u : d.unit) offsets.insert(u * n - exact_stratum(u, n));
  CHECK(static_cast<int>(offsets.size()) == n);
}

TEST_CASE("sweep draws follow their documented counter layout", "[unit][sweep]") {
  SweepDraws s(5, 9, SweepStream::Bootstrap);
  std::vector<std::uint32_t> words;
  for (std::uint32_t w = 0; w < 2400; ++w) {
    words.push_back(s.next());
    CHECK(words.back() == draw_words(RandomKey{5, w / 4}, 9, 0, 0xA006)[w % 4]);
  }
  // No period of 1024 words (KeyedStream's): equal words 1024 apart have probability 2^-32.
  int repeats = 0;
  for (std::size_t w = 0; w + 1024 < words.size(); ++w) repeats += words[w] == words[w + 1024];
  CHECK(repeats == 0);
  // below(n) is uniform: 30,000 draws of below(3) give each value 10,000 +- 5 binomial sd (408).
  SweepDraws t(1, 2, SweepStream::LhsPermutation);
  int count[3] = {0, 0, 0};
  for (int i = 0; i < 30000; ++i) {
    const std::uint32_t v = t.below(3);
    REQUIRE(v < 3);
    ++count[v];
  }
  for (int c : count) CHECK(std::abs(c - 10000) < 408);
  CHECK(t.below(1) == 0);
}

TEST_CASE("golden values of the sweep's random designs", "[unit][sweep]") {
  // Pins the stream layout and the arithmetic: a change of either shows up here, not as
  // silently different designs for the same seed.
  DesignSpec lhs = spec(DesignMethod::LatinHypercube, 2, 3, 0, 0, 1);
  CHECK(make_design(lhs).unit == std::vector<double>{0x1.e666f2463c0dbp-2, 0x1.19670062df1a3p-2,
                                                     0x1.748e7a255bf84p-1, 0x1.d4b88ee061404p-2,
                                                     0x1.c764001cfaeabp-5, 0x1.7f90bb9c34a1bp-1});
  const Design morris = make_design(spec(DesignMethod::Morris, 2, 0, 4, 2, 1));
  const double third = 1.0 / 3, two_thirds = 2.0 / 3;
  CHECK(morris.unit == std::vector<double>{two_thirds, 0, two_thirds, two_thirds, 0, two_thirds,  //
                                           third, 0, 1, 0, 1, two_thirds});
  CHECK(morris.morris_dimension == std::vector<int>{1, 0, 0, 1});
  CHECK(morris.morris_sign == std::vector<int>{1, -1, 1, 1});
}

TEST_CASE("Boost's Sobol sequence starts after the all-zero point", "[unit][sweep]") {
  // The documented skip: boost::random::sobol never emits the point 0; its first points in
  // two dimensions are (1/2, 1/2), (3/4, 1/4), (1/4, 3/4) (Boost's own documentation).
  boost::random::sobol s(2);
  const double scale = 0x1.0p-64;  // outputs are x / 2^64 (uniform_01 divides by max() + 1)
  CHECK(s() * scale == 0.5);
  CHECK(s() * scale == 0.5);
  CHECK(s() * scale == 0.75);
  CHECK(s() * scale == 0.25);
  CHECK(s() * scale == 0.25);
  CHECK(s() * scale == 0.75);
  const Design d = make_design(spec(DesignMethod::Sobol, 3, 4));
  for (int dim = 0; dim < 3; ++dim) {
    CHECK(d.at(0, dim) == 0.5);  // A's first row
    CHECK(d.at(4, dim) == 0.5);  // B's first row
  }
}

TEST_CASE("a Sobol design is Saltelli's A, B and AB_i from Boost's 2k-dimensional sequence", "[unit][sweep]") {
  for (int k : {1, 3, 6}) {
    const int n = 64;
    const Design d = make_design(spec(DesignMethod::Sobol, k, n));
    REQUIRE(d.points() == static_cast<std::size_t>(n * (k + 2)));
    REQUIRE(design_points(d.spec) == d.points());
    boost::random::sobol s(2 * k);
    for (int j = 0; j < n; ++j) {
      for (int c = 0; c < 2 * k; ++c) {
        const double expected = static_cast<double>(s()) / 0x1.0p64;
        const std::size_t row = c < k ? j : n + j;  // A, then B
        CHECK(d.at(row, c % k) == expected);
      }
      for (int i = 0; i < k; ++i)
        for (int c = 0; c < k; ++c) {
          const std::size_t source = c == i ? n + j : j;  // AB_i: A with column i from B
          CHECK(d.at((2 + i) * n + j, c) == d.at(source, c));
        }
    }
  }
}

TEST_CASE("Morris trajectories move one dimension at a time by Delta on the level grid", "[unit][sweep]") {
  for (int p : {4, 6, 8})
    for (int k : {1, 2, 5}) {
      const int r = 40;
      const Design d = make_design(spec(DesignMethod::Morris, k, 0, p, r, 99));
      REQUIRE(d.points() == static_cast<std::size_t>(r * (k + 1)));
      REQUIRE(d.morris_dimension.size() == static_cast<std::size_t>(r * k));
      REQUIRE(d.morris_sign.size() == static_cast<std::size_t>(r * k));
      const double delta = morris_delta(p);
      CHECK(delta == static_cast<double>(p) / (2 * (p - 1)));
      INFO("p = " << p << ", k = " << k);
      // Every coordinate is exactly a level l / (p - 1).
      for (double u : d.unit) {
        const double level = std::round(u * (p - 1));
        CHECK(u == level / (p - 1));
        CHECK((level >= 0 && level <= p - 1));
      }
      for (int t = 0; t < r; ++t) {
        std::set<int> moved;
        for (int s = 1; s <= k; ++s) {
          const std::size_t row = static_cast<std::size_t>(t * (k + 1) + s);
          const int dim = d.morris_dimension[t * k + s - 1], sign = d.morris_sign[t * k + s - 1];
          int changed = 0;
          for (int c = 0; c < k; ++c) {
            const double step = d.at(row, c) - d.at(row - 1, c);
            if (step == 0) continue;
            ++changed;
            CHECK(c == dim);
            // p/2 levels apart (exact in level units); Delta to the rounding of l / (p-1)
            CHECK(std::round((d.at(row, c) - d.at(row - 1, c)) * (p - 1)) == sign * p / 2);
            CHECK(std::abs(step - sign * delta) < 1e-15);
          }
          CHECK(changed == 1);
          moved.insert(dim);
        }
        CHECK(static_cast<int>(moved.size()) == k);
      }
    }
}

TEST_CASE("Morris trajectories are randomised, keyed by the seed", "[unit][sweep]") {
  const int p = 6, k = 3, r = 200;
  const Design d = make_design(spec(DesignMethod::Morris, k, 0, p, r, 5));
  // Over 200 trajectories every lower level of a step (0..p/2-1), both directions and
  // every dimension as the first to move occur (each missing with probability < 1e-20).
  std::set<int> lower, signs, first;
  for (int t = 0; t < r; ++t)
    for (int s = 1; s <= k; ++s) {
      const std::size_t row = static_cast<std::size_t>(t * (k + 1) + s);
      const int dim = d.morris_dimension[t * k + s - 1];
      lower.insert(static_cast<int>(std::round(std::min(d.at(row, dim), d.at(row - 1, dim)) * (p - 1))));
      signs.insert(d.morris_sign[t * k + s - 1]);
      if (s == 1) first.insert(dim);
    }
  CHECK(lower == std::set<int>{0, 1, 2});
  CHECK(signs == std::set<int>{-1, 1});
  CHECK(first == std::set<int>{0, 1, 2});
  CHECK(make_design(d.spec).unit == d.unit);
  DesignSpec other = d.spec;
  other.seed = 6;
  const Design o = make_design(other);
  CHECK((o.unit != d.unit || o.morris_dimension != d.morris_dimension));
}

TEST_CASE("design specifications are checked field by field", "[unit][sweep]") {
  CHECK(check_design(spec(DesignMethod::Grid, 2, 0, 2)).empty());
  CHECK(check_design(spec(DesignMethod::LatinHypercube, 2, 2)).empty());
  CHECK(check_design(spec(DesignMethod::Sobol, 2, 2)).empty());
  CHECK(check_design(spec(DesignMethod::Morris, 2, 0, 4, 2)).empty());
  const auto starts = [](const std::string& message, const std::string& field) {
    INFO(message);
    return message.rfind(field + ":", 0) == 0;
  };
  CHECK(starts(check_design(spec(DesignMethod::Grid, 0, 0, 2)), "dimensions"));
  CHECK(starts(check_design(spec(DesignMethod::Grid, 2, 0, 1)), "levels"));
  CHECK(starts(check_design(spec(DesignMethod::Grid, 30, 0, 2)), "levels"));  // 2^30 points: too large
  CHECK(starts(check_design(spec(DesignMethod::LatinHypercube, 2, 1)), "points"));
  CHECK(starts(check_design(spec(DesignMethod::Sobol, 2, 1)), "points"));
  CHECK(starts(check_design(spec(DesignMethod::Sobol, 1834, 2)), "dimensions"));  // Boost's table: 3667
  CHECK(check_design(spec(DesignMethod::Sobol, 1833, 2)).empty());
  CHECK(starts(check_design(spec(DesignMethod::Morris, 2, 0, 5, 2)), "levels"));  // odd
  CHECK(starts(check_design(spec(DesignMethod::Morris, 2, 0, 2, 2)), "levels"));  // < 4
  CHECK(starts(check_design(spec(DesignMethod::Morris, 2, 0, 4, 1)), "trajectories"));
  CHECK_THROWS_AS(make_design(spec(DesignMethod::Morris, 2, 0, 4, 1)), std::invalid_argument);
  CHECK_THROWS_AS(design_points(spec(DesignMethod::Grid, 2, 0, 1)), std::invalid_argument);
  CHECK(design_points(spec(DesignMethod::Grid, 4, 0, 3)) == 81);
  CHECK(design_points(spec(DesignMethod::LatinHypercube, 4, 10)) == 10);
  CHECK(design_points(spec(DesignMethod::Sobol, 4, 10)) == 60);
  CHECK(design_points(spec(DesignMethod::Morris, 4, 0, 4, 10)) == 50);
}

namespace {

ParameterRange range(Distribution d, double low, double high, double mean = 0, double sd = 0, double mode = 0) {
  ParameterRange r;
  r.distribution = d;
  r.low = low;
  r.high = high;
  r.mean = mean;
  r.sd = sd;
  r.mode = mode;
  return r;
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

TEST_CASE("every distribution maps 0 to low and 1 to high exactly, monotonically", "[unit][sweep]") {
  const std::vector<ParameterRange> ranges = {
      range(Distribution::Uniform, 0.1, 0.3),
      range(Distribution::LogUniform, 0.001, 7),
      range(Distribution::Normal, 0.1, 0.3, 0.25, 0.05),
      range(Distribution::Normal, -3, 5, 100, 20),  // the range in the lower tail (-5.15 to -4.75 sd)
      range(Distribution::Normal, 4, 4.5, 0, 1),    // ... and in the upper tail
      range(Distribution::Triangular, 0.1, 0.3, 0, 0, 0.12),
      range(Distribution::Triangular, 0.1, 0.3, 0, 0, 0.1),  // mode at an end
      range(Distribution::Triangular, 0.1, 0.3, 0, 0, 0.3),
  };
  for (const ParameterRange& r : ranges) {
    INFO(distribution_name(r.distribution) << " [" << r.low << ", " << r.high << "]");
    REQUIRE(check_range(r).empty());
    CHECK(value_at(r, 0) == r.low);
    CHECK(value_at(r, 1) == r.high);
    double previous = r.low;
    for (int i = 1; i <= 1000; ++i) {
      const double x = value_at(r, i / 1000.0);
      CHECK(x >= previous);
      CHECK(x <= r.high);
      previous = x;
    }
    CHECK(value_at(r, 0.5) > r.low);  // not collapsed onto an end
    CHECK(value_at(r, 0.5) < r.high);
  }
  CHECK_THROWS_AS(value_at(ranges[0], -0.1), std::invalid_argument);
  CHECK_THROWS_AS(value_at(ranges[0], 1.5), std::invalid_argument);
  CHECK_THROWS_AS(value_at(ranges[0], std::nan("")), std::invalid_argument);
}

TEST_CASE("uniform and log-uniform quantiles are the arithmetic and geometric interpolations", "[unit][sweep]") {
  CHECK(value_at(range(Distribution::Uniform, 2, 10), 0.5) == 6);
  CHECK(value_at(range(Distribution::Uniform, 2, 10), 0.25) == 4);
  CHECK(value_at(range(Distribution::Uniform, -1, 3), 0.75) == 2);
  // Log-uniform: the median is the geometric mean; exp and log round, so a few ulps.
  const ParameterRange lu = range(Distribution::LogUniform, 0.01, 100);
  CHECK(value_at(lu, 0.5) == Approx(1.0).epsilon(1e-14));
  CHECK(value_at(lu, 0.25) == Approx(0.1).epsilon(1e-14));
  CHECK(value_at(range(Distribution::LogUniform, 2, 8), 0.5) == Approx(4.0).epsilon(1e-14));
}

TEST_CASE("normal quantiles match known values and the truncated CDF", "[unit][sweep]") {
  // Nearly untruncated (+-50 sd): Phi^-1 at known points (Python's statistics.NormalDist,
  // Wichura's AS241, accurate to ~1e-16); Newton converges to a few ulps.
  const ParameterRange wide = range(Distribution::Normal, -50, 50, 0, 1);
  CHECK(value_at(wide, 0.975) == Approx(1.9599639845400536).epsilon(1e-13));
  CHECK(value_at(wide, 0.025) == Approx(-1.9599639845400536).epsilon(1e-13));
  CHECK(value_at(wide, 1e-10) == Approx(-6.361340902404056).epsilon(1e-13));
  CHECK(value_at(wide, 1 - 1e-10) == Approx(6.361340902404056).epsilon(1e-6));  // 1 - 1e-10 is rounded in u itself
  CHECK(value_at(wide, 1e-300) == Approx(-37.0470962993612).epsilon(1e-12));
  // Symmetric truncation: the median is the mean.
  CHECK(value_at(range(Distribution::Normal, 0.1, 0.3, 0.2, 0.05), 0.5) == Approx(0.2).margin(1e-15));
  CHECK(value_at(range(Distribution::Normal, -7, 13, 3, 40), 0.5) == Approx(3).margin(1e-13));
  // Truncated CDF round trip: (Phi(z) - Phi(a)) / (Phi(b) - Phi(a)) = u at the answer.
  const double mean = 0.25, sd = 0.05, low = 0.1, high = 0.3;
  const ParameterRange r = range(Distribution::Normal, low, high, mean, sd);
  const double a = normal_cdf((low - mean) / sd), b = normal_cdf((high - mean) / sd);
  for (double u : {0.01, 0.2, 0.5, 0.77, 0.999}) {
    const double x = value_at(r, u);
    CHECK((normal_cdf((x - mean) / sd) - a) / (b - a) == Approx(u).margin(1e-12));
  }
  // Far in the upper tail the upper tail masses are what is exact: Q(z) = Q(4) - u (Q(4) - Q(4.5)).
  const ParameterRange tail = range(Distribution::Normal, 4, 4.5, 0, 1);
  const double qa = normal_cdf(-4), qb = normal_cdf(-4.5);
  for (double u : {0.1, 0.5, 0.9}) CHECK(normal_cdf(-value_at(tail, u)) == Approx(qa - u * (qa - qb)).epsilon(1e-12));
}

TEST_CASE("the triangular quantile reaches the mode at F(mode)", "[unit][sweep]") {
  const ParameterRange r = range(Distribution::Triangular, 1, 5, 0, 0, 2);
  CHECK(value_at(r, 0.25) == Approx(2).epsilon(1e-15));  // F(mode) = (2-1)/(5-1)
  // F(x) = (x-1)^2 / ((5-1)(2-1)) below the mode: F(1.5) = 1/16
  CHECK(value_at(r, 1.0 / 16) == Approx(1.5).epsilon(1e-15));
  // 1 - F(x) = (5-x)^2 / ((5-1)(5-2)) above it: x = 4 at 1 - 1/12
  CHECK(value_at(r, 1 - 1.0 / 12) == Approx(4).epsilon(1e-15));
  CHECK(value_at(range(Distribution::Triangular, 0, 1, 0, 0, 0), 0.75) == Approx(0.5).epsilon(1e-15));
}

TEST_CASE("parameter ranges are checked", "[unit][sweep]") {
  CHECK(check_range(range(Distribution::Uniform, 0, 1)).empty());
  CHECK(check_range(range(Distribution::Uniform, 1, 1)) == "low must be < high (got 1 and 1)");
  CHECK(check_range(range(Distribution::Uniform, 2, 1)) == "low must be < high (got 2 and 1)");
  CHECK(!check_range(range(Distribution::Uniform, 0, INFINITY)).empty());
  CHECK(!check_range(range(Distribution::Uniform, std::nan(""), 1)).empty());
  CHECK(check_range(range(Distribution::LogUniform, 0, 1)) == "log-uniform needs low > 0 (got 0)");
  CHECK(check_range(range(Distribution::LogUniform, 0.5, 1)).empty());
  CHECK(check_range(range(Distribution::Normal, 0, 1, 0.5, 0)) == "normal needs sd > 0 (got 0)");
  CHECK(!check_range(range(Distribution::Normal, 0, 1, INFINITY, 1)).empty());
  CHECK(!check_range(range(Distribution::Normal, 100, 101, 0, 1)).empty());  // no mass 100 sd out
  CHECK(check_range(range(Distribution::Normal, 30, 31, 0, 1)).empty());     // tiny but representable
  CHECK(check_range(range(Distribution::Triangular, 0, 1, 0, 0, 2)) ==
        "triangular needs low <= mode <= high (got mode 2)");
  CHECK(check_range(range(Distribution::Triangular, 0, 1, 0, 0, 1)).empty());
}
