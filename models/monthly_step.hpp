#pragma once
// One month of one block of households: the phases in their fixed order.
#include "models/indicators.hpp"
#include "models/model_tables.hpp"
#include "models/population.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

/// Simulates one month for `block` and adds its indicators to `tally`.
void step_block(const ModelTables& t, Block& block, const sim::StepContext& ctx, Tally& tally);

/// Adds the block's end-of-month stocks and the month's costs to `tally` (also used to
/// record the initial population).
void record(const ModelTables& t, Block& block, const sim::StepContext& ctx, Tally& tally);

}  // namespace zorgsim::models
