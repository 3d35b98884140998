#pragma once
// One month of one block of households: the phases in their fixed order.
#include "models/indicators.hpp"
#include "models/model_tables.hpp"
#include "models/policy_schedule.hpp"
#include "models/population.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

/// The month of one block, in two halves around the municipality-wide allocation of
/// youth-care places (waiting_lists.hpp): everything up to the requests for places ...
void step_block_first(const PolicyMonth& pm, Block& block, const sim::StepContext& ctx, Tally& tally);
/// ... then admissions, the commit of household changes, and the record of stocks and costs.
void step_block_second(const PolicyMonth& pm, Block& block, const sim::StepContext& ctx, Tally& tally);

/// `pm` holds the month's tables per measure cell (policy_schedule.hpp).
/// Adds the block's end-of-month stocks and the month's costs to `tally` (also used to
/// record the initial population).
void record(const PolicyMonth& pm, Block& block, const sim::StepContext& ctx, Tally& tally);

}  // namespace zorgsim::models
