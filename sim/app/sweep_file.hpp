#pragma once
// Sweep files (configs/sweeps/*.yaml, docs/SWEEPS.md): the scenarios to compare, the
// parameters to vary with their ranges, the design, the replicates and the outputs to keep.
// parse_sweep checks the file's structure (file:line:column); bind_sweep checks it against the
// configuration, the scenarios' measures and the model's indicators, and fills in every
// default (a parameter's range is its plausible range unless the file gives one).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/app/measure_files.hpp"
#include "sim/diagnostics.hpp"
#include "sim/sweep_design.hpp"
#include "sim/sweep_results.hpp"

namespace zorgsim::app {

struct SweepParameter {
  std::string path;          // a model parameter, or empty for a measure's effect
  int element = -1;          // a list parameter's element
  std::string measure;       // a measure id (its effect `effect` is varied)
  int effect = -1;
  std::string name;          // label (default derived)
  bool has_range = false;
  sim::ParameterRange range; // when has_range, or after binding
  sim::SourcePos pos;
};

struct SweepOutput {
  std::string name;                     // default: indicator[categories]
  std::string indicator;
  std::vector<std::string> categories;  // summed; empty = all
  std::vector<std::pair<int, int>> years;  // (first, last): one year, or a span "2026-2035"
  sim::SourcePos pos;
};

struct SweepDefinition {
  std::string file, text;
  std::string name, description;
  std::string config;                    // a configuration file (relative to the sweep file), or empty
  std::vector<std::string> sets;         // assignments as --set
  std::vector<std::string> scenarios;    // names or files; the first is the reference
  std::vector<sim::SourcePos> scenario_pos;
  long long seed = 1;
  int replicates = 2;
  bool common_seeds = true;              // every point uses the same seeds (seeds: common | per-point)
  sim::DesignSpec design;
  bool design_seed_given = false;
  int bootstrap = 1000;
  double level = 0.95;
  std::vector<SweepParameter> parameters;
  std::vector<SweepOutput> outputs;
};

/// Reads and checks a sweep file's structure; throws InputError listing every problem.
SweepDefinition parse_sweep(const std::string& file);

/// A sweep bound to its configuration and scenarios: everything needed to run any point.
struct SweepPlan {
  SweepDefinition def;
  std::vector<std::string> base_assignments;   // the file's sets (plus the command line's)
  std::shared_ptr<const Configuration> base;   // the configuration without sampled values
  std::vector<ResolvedScenario> scenarios;
  sim::SweepResults skeleton;                  // metadata, design, seeds; outputs NaN, nothing done
};

/// Binds and validates (the centre of the design and every parameter at both ends of its
/// range with the others at the centre); throws InputError listing every problem.
SweepPlan bind_sweep(const SweepDefinition& def, const std::vector<std::string>& extra_sets = {});

/// The configuration and scenarios of one design point (throws InputError naming the point
/// and its values when they are invalid together).
struct PointInputs {
  Configuration config;
  std::vector<ResolvedScenario> scenarios;
};
PointInputs point_inputs(const SweepPlan& plan, std::size_t point);

}  // namespace zorgsim::app
