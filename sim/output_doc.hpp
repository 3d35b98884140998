#pragma once
// docs/OUTPUT.md, generated from the writer's layout and the model's indicator
// declarations (`zorgsim outputs --markdown`); a test fails when the committed file drifts.
#include <string>
#include <vector>

#include "sim/model.hpp"

namespace zorgsim::sim {
std::string output_reference_markdown(const std::vector<IndicatorSpec>& indicators);
std::string output_reference_text(const std::vector<IndicatorSpec>& indicators);
}  // namespace zorgsim::sim
