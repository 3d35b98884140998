#pragma once
// Shared helpers for the tests: configurations, small runs, temporary folders, the CLI.
#include <string>
#include <vector>

#include "sim/app/configuration.hpp"
#include "sim/simulation.hpp"

namespace zorgsim::test {

/// The embedded default plus assignments ("run.scale=0.1").
app::Configuration config(const std::vector<std::string>& assignments = {});

/// Runs a configuration in-process on `threads` threads.
sim::RunResult run(const app::Configuration& c, int threads);

/// Sum of categories [from, to) of an indicator in replicate `rep`, month `m` (-1: the
/// initial state).
double col_sum(const sim::RunResult& r, int rep, int m, const std::string& name, int from, int to);

/// Sum of categories [from, to) of an indicator over all months and replicates.
double total(const sim::RunResult& r, const std::string& name, int from, int to);

/// A local team with limited capacity, every month of every replicate: its assessments
/// (categories 0, 1 of `prefix + "assessments"`) never exceed `capacity`, the capacity output
/// (`prefix + "assessment_capacity"`) equals it, and the lower level (category 0) is assessed
/// only in months when no request of the higher level (category 1 of `prefix + "queue"`) is
/// left waiting. Returns how many months the lower level was assessed in (so a caller can check
/// that the priority check was exercised).
int check_team_capacity(const sim::RunResult& r, const std::string& prefix, double capacity);

/// Runs `c` with one thread and with each of `threads`, checking that every monthly value is
/// bit-identical (the reproducibility rule); returns the one-thread result.
sim::RunResult check_thread_independent(const app::Configuration& c, const std::vector<int>& threads);

/// A fresh, empty temporary folder (removed when the test binary exits is not attempted:
/// it lives under the build tree's Testing/tmp).
std::string temp_dir(const std::string& name);

/// Writes `text` to `dir/name` and returns the path.
std::string write_file(const std::string& dir, const std::string& name, const std::string& text);

struct Command {
  int exit_code = 0;
  std::string out, err;
};
/// Runs the zorgsim binary with arguments (shell-quoted here), capturing stdout and stderr.
Command zorgsim(const std::string& args);

/// Names of the files in a folder.
std::vector<std::string> files_in(const std::string& dir);

}  // namespace zorgsim::test
