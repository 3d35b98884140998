#pragma once
// Sweep result files and shard files in HDF5 (layout in docs/OUTPUT.md, "Sweep files").
// Everything that may differ between equal sweeps run differently (command line, threads,
// MPI ranks, shards, host, time) is under the group /provenance; every other object is a
// function of the sweep definition alone, so unsharded, sharded-and-merged and MPI runs give
// identical datasets (`h5diff --exclude-path /provenance` compares them).
#include <string>

#include "sim/sweep_results.hpp"

namespace zorgsim::sim {

inline constexpr int sweep_schema_version = 1;

struct SweepProvenance {
  std::string command_line;
  int threads = 0;
  int ranks = 1;
  std::string how;  // "one process", "MPI, 3 ranks", "shard 2/5", "merged from 5 shards"
};

/// Writes `path` via a temporary file renamed on success. `indices` null: a shard file
/// (kind "sweep-shard", no /sensitivity); otherwise the complete result (kind "sweep").
void write_sweep_file(const std::string& path, const SweepResults& r, const SweepIndices* indices,
                      const SweepProvenance& provenance);

/// Reads a sweep or shard file back (for `zorgsim merge`); throws InputError naming the file
/// when it is not a zorgsim sweep file of this schema version.
SweepResults read_sweep_file(const std::string& path, std::string* kind = nullptr);

}  // namespace zorgsim::sim
