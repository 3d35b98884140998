#pragma once
// Shared helpers for the tests: configurations, small runs, temporary folders, the CLI.
#include <string>
#include <vector>

#include "models/policy_schedule.hpp"
#include "sim/app/configuration.hpp"
#include "sim/simulation.hpp"

namespace zorgsim::test {

/// The embedded default plus assignments ("run.scale=0.1").
app::Configuration config(const std::vector<std::string>& assignments = {});

/// Runs a configuration in-process on `threads` threads (with a scenario's measures).
sim::RunResult run(const app::Configuration& c, int threads, models::PolicyPlan plan = {});

/// The plan of measures written as YAML texts (one measure per text, parsed as
/// `measure<k>.yaml`), validated against `c` (throws InputError); `columns`: the
/// measures.* categories (empty: the measures' own ids).
models::PolicyPlan plan_of(const app::Configuration& c, const std::vector<std::string>& measure_yaml,
                           const std::vector<std::string>& columns = {});

/// Steps one replicate of `c` (with `plan`) month by month on the calling thread and returns
/// the households' digests after each month: [month][household].
std::vector<std::vector<sim::EntityDigest>> digests_by_month(const app::Configuration& c, models::PolicyPlan plan,
                                                            int replicate = 0);

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
