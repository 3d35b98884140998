#pragma once
// Changes of household composition in a month: the events (leaving the municipality,
// separation, a partner moving in, children leaving home) and the commit that rebuilds a
// block's arrays after births, deaths, moves and arrivals.
#include <vector>

#include "models/block_access.hpp"
#include "models/model_tables.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

/// Decides the month's household events; moves and partners are applied at commit.
void household_events(const ModelTables& t, Block& b, const sim::StepContext& ctx,
                      const std::vector<HouseholdFacts>& facts, Tally& tally);

/// Rebuilds the block's arrays after the month's demographic events (see the .cpp).
void commit_household_changes(const ModelTables& t, Block& b, const sim::StepContext& ctx, Persons& spare,
                              Tally& tally);

}  // namespace zorgsim::models
