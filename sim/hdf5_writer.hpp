#pragma once
// Writes a run's results to HDF5 (the only code, with hdf5_reader, that includes HDF5).
// Layout and attributes are documented in docs/OUTPUT.md; schema_version changes with it.
#include <cstdint>
#include <string>

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
};

/// Writes `path` via a temporary file renamed on success; nothing is left on failure.
void write_run_file(const std::string& path, const RunResult& run, const AnnualResult& annual,
                    const Provenance& provenance);

/// "hdf5 1.10.8; tbb 2021.8; ..." (compile-time and run-time versions).
std::string library_versions();

}  // namespace zorgsim::sim
