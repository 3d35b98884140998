#pragma once
// Helpers shared by the configuration tests: resolve layers of YAML text (and command-line
// assignments), find a diagnostic, and resolve a configuration's emitted YAML again.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "sim/config_tree.hpp"
#include "sim/parameters.hpp"

namespace zorgsim::test {

/// Resolves (name, text) layers in order, then assignments; stops at parse errors.
inline sim::Diagnostics resolve_layers(sim::ResolvedParams& p, const std::vector<std::pair<std::string, std::string>>& layers,
                                       const std::vector<std::string>& assignments = {}) {
  sim::Diagnostics d;
  sim::ConfigLayers config;
  for (const auto& [name, text] : layers) config.add_text(name, text, d);
  for (const auto& a : assignments) config.add_assignment(a, d);
  if (d.empty()) config.resolve(p, d);
  return d;
}

/// Whether some diagnostic contains `text` (fails the check with all diagnostics if not).
inline bool has(const sim::Diagnostics& d, const std::string& text) {
  for (const auto& item : d.items())
    if (item.str().find(text) != std::string::npos) return true;
  FAIL_CHECK("no diagnostic contains: " << text << "\nhave:\n" << d.str());
  return false;
}

/// Resolves `emitted` (a resolved configuration's YAML) into fresh declarations `q`.
inline void reload(sim::ResolvedParams& q, const std::string& emitted) {
  const sim::Diagnostics d = resolve_layers(q, {{"resolved.yaml", emitted}});
  REQUIRE(d.empty());
}

}  // namespace zorgsim::test
