#pragma once
// Designs of a sensitivity sweep: where in the unit cube [0,1]^k the model is run, and how a
// parameter's unit coordinate becomes a value (its distribution's inverse CDF). Pure
// mathematics: no files, no threads. Randomness (Latin hypercube, Morris) is keyed by the
// design's seed through sim/rng.hpp, so a design is a pure function of its specification.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/rng.hpp"

namespace zorgsim::sim {

enum class DesignMethod { Grid, LatinHypercube, Sobol, Morris };
/// "grid", "lhs", "sobol", "morris".
const char* method_name(DesignMethod m);

enum class Distribution { Uniform, LogUniform, Normal, Triangular };
/// "uniform", "log-uniform", "normal", "triangular".
const char* distribution_name(Distribution d);

/// How a parameter's unit-cube coordinate u in [0,1] becomes a value: the inverse CDF.
struct ParameterRange {
  Distribution distribution = Distribution::Uniform;
  double low = 0, high = 1;  // support; Normal is truncated to [low, high]; LogUniform needs low > 0
  double mean = 0, sd = 0;   // Normal only
  double mode = 0;           // Triangular only (low <= mode <= high)
};

/// The value at quantile u of `r` (which must pass check_range): u = 0 gives exactly low,
/// u = 1 exactly high, and the map is non-decreasing in u. Throws std::invalid_argument when
/// u is not in [0,1] (NaN included): a coordinate outside the cube is a caller's bug.
double value_at(const ParameterRange& r, double u);

/// "" when `r` is usable, else what is wrong ("low must be < high (got 3 and 2)").
std::string check_range(const ParameterRange& r);

struct DesignSpec {
  DesignMethod method = DesignMethod::LatinHypercube;
  int dimensions = 1;      // k >= 1
  int points = 0;          // lhs: number of points (>= 2); sobol: base sample N (rows of A and of B, >= 2)
  int levels = 0;          // grid: levels per dimension (>= 2); morris: p levels (even, >= 4)
  int trajectories = 0;    // morris: r (>= 2)
  std::uint64_t seed = 0;  // lhs and morris randomness
};

/// Largest design accepted, in stored coordinates (points x dimensions): 2^27 doubles, 1 GiB.
inline constexpr std::size_t max_design_values = std::size_t{1} << 27;

/// "" when `d` can be built, else a message that starts with the offending field
/// ("levels: morris needs an even number of levels >= 4 (got 5)"). Fields the method does
/// not use are ignored.
std::string check_design(const DesignSpec& d);

struct Design {
  DesignSpec spec;
  std::vector<double> unit;  // [point][dimension], row-major, each in [0,1]
  std::size_t points() const;
  double at(std::size_t point, int dim) const;
  // Morris only: for trajectory t, step s (1..k), element [t*k + s-1]: which dimension changed
  // between rows t*(k+1)+s-1 and t*(k+1)+s, and whether it increased (+1) or decreased (-1).
  std::vector<int> morris_dimension, morris_sign;
};

/// Builds the design. Throws std::invalid_argument (with check_design's message) when the
/// specification is invalid.
///  - Grid: full factorial, levels^k points, coordinates i/(levels-1), the last dimension
///    varying fastest.
///  - LatinHypercube: n points; in every dimension each stratum [j/n, (j+1)/n) holds exactly
///    one point (a random permutation of the strata per dimension, a uniform position inside).
///  - Sobol: Saltelli's design from the first N points of Boost's 2k-dimensional Sobol
///    sequence (boost::random::sobol, which never emits the all-zero point: its first point
///    is (1/2, ..., 1/2)). A = the first k coordinates, B = the last k; rows A (N), B (N),
///    then AB_1 ... AB_k (N each), AB_i = A with column i from B: N(k+2) points.
///    A power of two for N keeps the sequence's balance properties; it is not required.
///  - Morris: r trajectories of k+1 points on the grid {0, 1/(p-1), ..., 1} with
///    Delta = p/(2(p-1)); Campolongo's randomised orientation (random base point, dimension
///    order and direction per dimension); every dimension moves exactly once by +-Delta.
Design make_design(const DesignSpec& spec);

/// The number of points make_design(spec) would give; throws like make_design.
std::size_t design_points(const DesignSpec& spec);

/// Morris's step Delta = p / (2(p-1)) on the unit scale, for p levels.
double morris_delta(int levels);

/// Stream ids of the sweep's draws (see SweepDraws). Entity: the dimension (lhs), the
/// trajectory (morris), the bootstrap resample (sensitivity). Never renumber: it would change
/// every design and interval.
enum class SweepStream : std::uint32_t {
  LhsPermutation = 0xA001,   // which stratum each point takes
  LhsPosition = 0xA002,      // where inside its stratum
  MorrisBase = 0xA003,       // the base point's level per dimension
  MorrisOrder = 0xA004,      // the order in which the dimensions move
  MorrisDirection = 0xA005,  // up or down per dimension
  Bootstrap = 0xA006,        // the rows of a bootstrap resample
};

/// The random words of one sweep process for one entity, keyed by (seed, entity, stream):
/// word w is word w % 4 of draw_words({seed, w / 4}, entity, 0, stream). The block counter
/// lives in the 32-bit replicate word, so a sequence has 2^34 words before it repeats.
/// (KeyedStream is not used: its block counter has 8 bits, so it repeats after 1024 words,
/// fewer than a bootstrap of N rows or a Latin hypercube of n points needs.) Month 0 is no
/// simulated month (those are calendar indices near 24,000) and the stream ids are the
/// sweep's own, so these counters never meet a model draw's, even under the same seed.
class SweepDraws {
 public:
  SweepDraws(std::uint64_t seed, std::uint64_t entity, SweepStream stream)
      : m_seed(seed), m_entity(entity), m_stream(static_cast<std::uint32_t>(stream)) {}
  std::uint32_t next() {
    if (m_used == 4) {
      m_words = draw_words(RandomKey{m_seed, m_block++}, m_entity, 0, m_stream);
      m_used = 0;
    }
    return m_words[static_cast<std::size_t>(m_used++)];
  }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform01() {
    const std::uint64_t hi = next() >> 5, lo = next() >> 6;  // 27 + 26 bits
    return static_cast<double>((hi << 26) | lo) * 0x1.0p-53;
  }
  /// Exactly uniform on {0, ..., n-1}, n >= 1: Lemire's multiply-and-reject (one word,
  /// rarely more).
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = std::uint64_t{next()} * n;
    if (static_cast<std::uint32_t>(m) < n) {
      const std::uint32_t reject_below = (0u - n) % n;  // 2^32 mod n
      while (static_cast<std::uint32_t>(m) < reject_below) m = std::uint64_t{next()} * n;
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

 private:
  std::uint64_t m_seed;
  std::uint64_t m_entity;
  std::uint32_t m_stream;
  std::uint32_t m_block = 0;
  Words4 m_words{};
  int m_used = 4;
};

}  // namespace zorgsim::sim
