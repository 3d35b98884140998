#pragma once
// Documentation generated from the parameter declarations and the resolved defaults:
// `zorgsim params` and docs/PARAMETERS.md (a test fails when the committed file drifts).
#include <string>

#include "sim/parameters.hpp"

namespace zorgsim::sim {
std::string parameters_text(const ResolvedParams& params);
std::string parameters_markdown(const ResolvedParams& params);
}  // namespace zorgsim::sim
