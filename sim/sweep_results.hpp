#pragma once
// What a sweep produced, domain-free: the design (unit-cube points and the parameter values
// they stand for), the seeds, and for every point, replicate and scenario the kept outputs.
// A shard holds some of the runs (`done`); the merged or unsharded result holds all of them
// and its sensitivity indices. Written and read by sweep_file_io.*; layout in docs/OUTPUT.md.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/sweep_design.hpp"

namespace zorgsim::sim {

/// One varied parameter, as the file describes it.
struct SweepParameterInfo {
  std::string name;          // label used in tables ("youth.to_ambulant[0]", "pn-intensity-norms effect 1")
  std::string path;          // the parameter path (for a measure effect: the effect's parameter)
  std::string measure;       // the measure whose effect size this is, or empty
  std::string unit;
  ParameterRange range;
  std::string source;        // where the range comes from ("plausible range in configs/almelo.yaml", "sweep file")
};

/// One kept output column: an indicator's yearly value summed over some categories, for a
/// year or a span of years (flows summed, stocks averaged over the span's year ends).
struct SweepColumn {
  std::string name;          // "jeugdwet_cost 2026"
  std::string output;        // the output's name ("jeugdwet_cost")
  std::string indicator;     // "cost.by_law"
  std::string categories;    // "jeugdwet" or "all"
  std::string unit;
  int first_year = 0, last_year = 0;
};

struct SweepResults {
  // Identity: equal hashes <=> the same runs with the same inputs (shards must agree).
  std::string name, description;
  std::string sweep_sha256;  // of the sweep definition with everything it resolves to
  std::string sweep_yaml;    // the sweep file's text
  std::string config_sha256, config_yaml;  // the base configuration (without sampled values)

  DesignSpec design;
  std::vector<SweepParameterInfo> parameters;  // K
  std::vector<double> unit, values;            // [P][K]
  int replicates = 0;
  std::vector<std::uint64_t> seeds;            // [P][R]: replicate r of point p uses (seeds[p][r], r)
  std::vector<std::string> scenarios;          // S; the first is the reference
  std::vector<std::string> scenario_measures;  // S: the measure ids, comma-separated
  std::vector<SweepColumn> columns;            // C
  std::vector<double> outputs;                 // [P][R][S][C]; NaN where not done
  std::vector<std::uint8_t> done;              // [P][R][S]
  std::string shard;                           // "i/N" in a shard file, else empty
  int bootstrap = 1000;                        // resamples for the Sobol intervals
  double level = 0.95;                         // their coverage

  std::size_t points() const { return parameters.empty() ? 0 : unit.size() / parameters.size(); }
  std::size_t runs() const { return points() * static_cast<std::size_t>(replicates) * scenarios.size(); }
  /// Run number of (point, replicate, scenario): the canonical order of records and shards.
  std::size_t run_index(std::size_t p, int r, std::size_t s) const {
    return (p * static_cast<std::size_t>(replicates) + static_cast<std::size_t>(r)) * scenarios.size() + s;
  }
  bool complete() const;
};

/// Sensitivity indices of every target (each scenario's level, and each other scenario's
/// difference to the reference: the policy effect) for every kept column and parameter.
struct SweepIndices {
  std::vector<std::string> targets;               // T
  // Sobol designs: [T][C][K]; empty otherwise.
  std::vector<double> first, first_low, first_high, total, total_low, total_high;
  std::vector<double> variance;                   // [T][C]
  // Morris designs: [T][C][K]; empty otherwise.
  std::vector<double> mu, mu_star, sigma;
};

/// The indices of a complete result (replicates averaged per point first).
SweepIndices sweep_indices(const SweepResults& r);

}  // namespace zorgsim::sim
