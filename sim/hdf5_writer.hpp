#pragma once
// Writes a run's results to HDF5 (the only code, with hdf5_reader, that includes HDF5).
// Layout and attributes are documented in docs/OUTPUT.md; schema_version changes with it.
#include <cstdint>
#include <string>

#include "sim/comparison.hpp"
#include "sim/simulation.hpp"

namespace zorgsim::sim {

inline constexpr int output_schema_version = 1;

struct Provenance {
  std::string config_name;
  std::string config_yaml;    // the full resolved configuration
  std::string config_sha256;
  std::string command_line;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string scenario;                // the scenario run (empty: none given)
  std::vector<std::string> measures;   // its measures' ids, in order
};

/// Writes `path` via a temporary file renamed on success; nothing is left on failure.
void write_run_file(const std::string& path, const RunResult& run, const AnnualResult& annual,
                    const Provenance& provenance);

/// One scenario of a comparison.
struct ScenarioOutput {
  std::string name, description;
  std::vector<std::string> measures;
  const RunResult* run = nullptr;
  const AnnualResult* annual = nullptr;
};
/// A package's attribution to its measures (comparison.hpp).
struct AttributionOutput {
  std::string scenario;
  std::vector<std::string> measures;
  Attribution attribution;
};
/// Everything `zorgsim compare` writes: each scenario's results under /scenarios/<name>,
/// the paired differences to the reference under /comparison, the attributions under
/// /attribution/<scenario> (layout in docs/OUTPUT.md).
struct ComparisonOutput {
  std::vector<ScenarioOutput> scenarios;       // the reference first
  std::vector<PairedDifference> differences;   // scenarios[1..] - scenarios[0]
  std::vector<AttributionOutput> attributions;
};
void write_comparison_file(const std::string& path, const ComparisonOutput& out, const Provenance& provenance);

/// "hdf5 1.10.8; tbb 2021.8; ..." (compile-time and run-time versions).
std::string library_versions();

}  // namespace zorgsim::sim
