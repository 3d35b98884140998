#pragma once
// Options shared by the commands that simulate (run, compare, calibrate): what they add to
// the configuration, and the number of threads.
#include <string>
#include <vector>

#include "sim/app/configuration.hpp"
#include "sim/hdf5_writer.hpp"
#include "sim/model.hpp"
#include "sim/simulation.hpp"

namespace zorgsim::app {

struct RunOptions {
  std::string config;
  std::string output;
  std::vector<std::string> sets;
  int threads = 0;
  long long seed = -1;
  long long replicates = -1;
  double scale = -1;
  bool overwrite = false;
  bool quiet = false;
};

/// The --set assignments plus those the options imply (seed, replicates, scale).
std::vector<std::string> assignments_of(const RunOptions& o);
/// A number written exactly ("%.17g"), for assignments.
std::string exact(double x);

/// `requested` threads, or every core when 0.
int thread_count(int requested);

/// What a result file records of how it was made.
sim::Provenance provenance_of(const Configuration& c, const std::string& command_line, int threads,
                              const std::string& scenario, const std::vector<std::string>& measures);

/// Runs on exactly `threads` threads with progress on stderr (a live counter on a terminal;
/// otherwise a line per 10% once the run takes over 5 s, for the logs of cluster jobs),
/// prefixed with `label`.
sim::RunResult run_with_progress(const sim::Model& model, const sim::RunRequest& request, int threads, bool quiet,
                                 const std::string& label);

}  // namespace zorgsim::app
