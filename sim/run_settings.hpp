#pragma once
// The engine's own settings (section `run:` of a configuration): horizon, seed,
// replicates, scale and block size. They describe how to run, not the model, so they
// need no data source.
#include <string>
#include <vector>

#include "sim/month.hpp"
#include "sim/parameters.hpp"

namespace zorgsim::sim {

struct RunSettings {
  std::string name;         // short name of the configuration (used for the output file name)
  std::string description;
  std::string start;        // first simulated month, YYYY-MM
  std::string end;          // last simulated month, YYYY-MM
  long long seed = 1;
  long long replicates = 1;
  double scale = 1.0;
  long long block_households = 1024;

  Month start_month() const { return *parse_month(start); }
  Month end_month() const { return *parse_month(end); }
  int months() const { return end_month().index() - start_month().index() + 1; }
};

struct RunRequest;
/// What the engine runs for these settings (seed, horizon, replicates).
RunRequest run_request(const RunSettings& r);

std::vector<ParamSpec> declare_run_settings();
void validate(const RunSettings& r, const ResolvedParams& where, Diagnostics& diags);

}  // namespace zorgsim::sim
