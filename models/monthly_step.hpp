#pragma once
// One month of one block of households: the phases in their fixed order.
#include "models/indicators.hpp"
#include "models/model_tables.hpp"
#include "models/population.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

/// The month of one block, in two halves around the municipality-wide allocation of
/// youth-care places (waiting_lists.hpp): everything up to the requests for places ...
void step_block_first(const ModelTables& t, Block& block, const sim::StepContext& ctx, Tally& tally);
/// ... then admissions, the commit of household changes, and the record of stocks and costs.
void step_block_second(const ModelTables& t, Block& block, const sim::StepContext& ctx, Tally& tally);

/// Adds the block's end-of-month stocks and the month's costs to `tally` (also used to
/// record the initial population).
void record(const ModelTables& t, Block& block, const sim::StepContext& ctx, Tally& tally);

}  // namespace zorgsim::models
