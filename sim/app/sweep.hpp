#pragma once
// `zorgsim sweep` and `zorgsim merge` (docs/SWEEPS.md, docs/CLUSTER.md).
#include <string>
#include <vector>

#include "sim/mpi_pool.hpp"

namespace zorgsim::app {

struct SweepOptions {
  std::string file;
  std::string output;               // default outputs/<name>.h5 (a shard: outputs/<name>.shard-i-of-N.h5)
  std::string shard;                // "i/N", or empty
  std::vector<std::string> sets;    // parameter assignments added to the sweep's own
  int threads = 0;                  // 0: every core (under MPI: the cores shared by the node's ranks)
  bool resume = false;
  bool overwrite = false;
  bool quiet = false;
};

/// Runs a sweep (or one shard of it, or over the ranks of `mpi`); returns the exit code.
int cmd_sweep(const SweepOptions& o, const sim::MpiSession& mpi, const std::string& command_line);

struct MergeOptions {
  std::vector<std::string> shards;
  std::string output;
  bool overwrite = false;
  bool quiet = false;
};

/// Combines shard files into the file an unsharded sweep writes.
int cmd_merge(const MergeOptions& o, const std::string& command_line);

}  // namespace zorgsim::app
