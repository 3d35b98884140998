#include "sim/app/configuration.hpp"

#include <cmath>

#include "models/population_synthesis.hpp"

#include "sim/config_tree.hpp"
#include "sim/sha256.hpp"

namespace zorgsim {
extern const char* const embedded_almelo_yaml;
extern const char* const embedded_almelo_targets_yaml;
}

namespace zorgsim::app {

const char* embedded_default_text() { return embedded_almelo_yaml; }
const char* embedded_targets_text() { return embedded_almelo_targets_yaml; }

Configuration load_configuration(const std::string& file, const std::vector<std::string>& assignments) {
  Configuration c;
  const int run_group = c.params.add_group(sim::declare_run_settings());
  const int model_group = c.params.add_group(models::declare_model_parameters());
  sim::Diagnostics diags;
  sim::ConfigLayers layers;
  layers.add_text(embedded_default_name, embedded_default_text(), diags);
  if (!file.empty()) layers.add_file(file, diags);
  for (const auto& a : assignments) layers.add_assignment(a, diags);
  diags.throw_if_any();  // unparsable input: nothing to resolve
  layers.resolve(c.params, diags);
  diags.throw_if_any();  // typed values are needed for the cross checks
  c.run = c.params.build<sim::RunSettings>(run_group);
  c.model = c.params.build<models::ModelParams>(model_group);
  sim::validate(c.run, c.params, diags);
  models::validate(c.model, c.params, diags);
  const double households = std::round(c.model.population.households * c.run.scale);
  if (households < 1)
    diags.add(c.params.where("run.scale"), "run.scale",
              "population.households x run.scale rounds to no household at all");
  if (households >= static_cast<double>(models::max_households))
    diags.add(c.params.where("run.scale"), "run.scale", "too many households (ids are 40 bits)");
  diags.throw_if_any();
  c.resolved_yaml = sim::emit_resolved_yaml(c.params);
  c.sha256 = sim::sha256_hex(c.resolved_yaml);
  return c;
}

}  // namespace zorgsim::app
