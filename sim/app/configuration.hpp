#pragma once
// Wiring of engine and model configuration: the embedded Almelo default, then a user
// file, then command-line assignments, resolved against both declaration sets and
// validated, all problems reported at once (InputError).
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "sim/parameters.hpp"
#include "sim/run_settings.hpp"

namespace zorgsim::app {

inline constexpr const char* embedded_default_name = "configs/almelo.yaml (embedded)";
/// The embedded default configuration's text.
const char* embedded_default_text();
/// The embedded calibration targets for the default (configs/calibration/almelo-2024.yaml).
inline constexpr const char* embedded_targets_name = "configs/calibration/almelo-2024.yaml (embedded)";
const char* embedded_targets_text();

struct Configuration {
  sim::ResolvedParams params;
  sim::RunSettings run;
  models::ModelParams model;
  std::string resolved_yaml;  // every parameter with value and source
  std::string sha256;         // of resolved_yaml
};

/// `file` may be empty (embedded default only). Throws sim::InputError listing every problem.
Configuration load_configuration(const std::string& file, const std::vector<std::string>& assignments);

}  // namespace zorgsim::app
