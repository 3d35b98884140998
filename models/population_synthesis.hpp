#pragma once
// Synthetic households from a municipality profile: household type, district, members'
// ages and sex, vulnerabilities, welfare, income class, network, debts, and the initial
// care states (drawn from each chain's stationary distribution for the person's covariates).
// Every household draws from its own keyed streams, so a household is the same whatever
// block or thread synthesises it.
#include <cstdint>

#include "models/model_tables.hpp"
#include "models/population.hpp"
#include "sim/rng.hpp"

namespace zorgsim::models {

/// Largest household id + 1 that person ids (household * 16 + member) can represent.
inline constexpr std::uint64_t max_households = std::uint64_t{1} << 40;

/// Fills `block` with households [first_household, first_household + count).
void synthesize_block(const ModelTables& t, const sim::RandomKey& key, int month_index,
                      std::uint64_t first_household, std::uint32_t count, Block& block);

}  // namespace zorgsim::models
