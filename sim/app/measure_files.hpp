#pragma once
// Measure and scenario files (configs/measures/*.yaml, configs/scenarios/*.yaml): the
// embedded catalogue, user files, and a scenario resolved into the validated, bound
// measures of a run (models::PolicyPlan). Every problem is reported with file:line:column.
#include <string>
#include <vector>

#include "models/measures.hpp"
#include "models/policy_schedule.hpp"
#include "sim/app/configuration.hpp"
#include "sim/diagnostics.hpp"

namespace zorgsim::app {

/// A scenario: a name, an optional scenario it includes, measures added and removed.
struct Scenario {
  std::string name;
  std::string description;
  std::string include;               // another scenario (name or file), or empty
  std::vector<std::string> measures; // ids added, in order
  std::vector<std::string> remove;   // ids removed (from what the include gave)
  std::vector<sim::SourcePos> measures_pos, remove_pos;  // where each id is written
  std::vector<std::string> measure_files;  // user measure files (paths relative to the scenario file)
  std::string file;
  sim::SourcePos pos;
};

/// Parses one measure file's text (`name` is what positions show). Structure only: the
/// parameter paths are bound and checked by plan_scenario / check_catalogue.
models::Measure parse_measure(const std::string& name, const std::string& text, sim::Diagnostics& diags);
Scenario parse_scenario(const std::string& name, const std::string& text, sim::Diagnostics& diags);

/// The embedded catalogue (configs/measures/*.yaml) and scenarios (configs/scenarios/*.yaml).
std::vector<models::Measure> embedded_catalogue(sim::Diagnostics& diags);
std::vector<Scenario> embedded_scenarios(sim::Diagnostics& diags);

/// A scenario given by name (embedded) or by a path ending in .yaml; throws InputError.
Scenario find_scenario(const std::string& name_or_file, const std::vector<Scenario>& embedded);

/// A scenario's measures in order (includes followed, removals applied), as ids with the
/// catalogue they come from (embedded plus the scenarios' measure files).
struct ResolvedScenario {
  std::string name;
  std::string description;
  std::vector<models::Measure> measures;  // unbound copies, in the scenario's order
};
ResolvedScenario resolve_scenario(const std::string& name_or_file);

/// The validated and bound measures of a scenario for a configuration's horizon; throws
/// InputError listing every problem. `columns`: the measures.* categories (empty: its own).
models::PolicyPlan plan_scenario(const ResolvedScenario& s, const Configuration& c,
                                 const std::vector<std::string>& columns = {});

/// Loads and validates every embedded measure against the configuration (as if it were in
/// a scenario whose horizon contains it; measures of the base year are checked for their
/// parameters only). Throws InputError listing every problem.
void check_catalogue(const Configuration& c);

}  // namespace zorgsim::app
