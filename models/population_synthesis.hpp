#pragma once
// Synthetic households from a municipality profile: household type, district, members'
// ages and sex, vulnerabilities, welfare, income class, network, debts, and the initial
// care states (drawn from each chain's stationary distribution for the person's covariates).
// Every household draws from its own keyed streams, so a household is the same whatever
// block or thread synthesises it.
#include <boost/random/discrete_distribution.hpp>

#include <cstdint>
#include <vector>

#include "models/model_tables.hpp"
#include "models/population.hpp"
#include "sim/rng.hpp"

namespace zorgsim::models {

/// Household ids: initial households 0 .. 2^40 - 1; arrivals 2^44 + month * 2^20 + k;
/// households formed in the simulation (leaving home, separation) 2^50 + a 49-bit hash.
/// Person ids are household * 16 + member (< 2^56, as sim::KeyedStream requires), or
/// marked hashes for persons born or partnered into a household (see population.hpp).
inline constexpr std::uint64_t max_households = std::uint64_t{1} << 40;
inline std::uint64_t arrival_household_id(int month_index, std::uint32_t k) {
  return (std::uint64_t{1} << 44) + (static_cast<std::uint64_t>(month_index) << 20) + k;
}

/// Fills `block` with households [first_household, first_household + count).
void synthesize_block(const ModelTables& t, const sim::RandomKey& key, int month_index,
                      std::uint64_t first_household, std::uint32_t count, Block& block);

/// The profile's distributions, set up once (adult ages differ for arriving households).
struct HouseholdDraws {
  boost::random::discrete_distribution<int> type, children, child_age, adult_group, district, income, network;
  HouseholdDraws(const PopulationParams& p, const std::vector<double>& adult_weights)
      : type(p.household_type_share.begin(), p.household_type_share.end()),
        children(p.children_count_share.begin(), p.children_count_share.end()),
        child_age(p.child_age_weight.begin(), p.child_age_weight.end()),
        adult_group(adult_weights.begin(), adult_weights.end()),
        district(p.district_household_share.begin(), p.district_household_share.end()),
        income(p.income_share_non_welfare.begin(), p.income_share_non_welfare.end()),
        network(p.network_share.begin(), p.network_share.end()) {}
};



enum class Origin {
  Initial,  // the base-year population: care and welfare from stationary distributions
  Arrival,  // moved in: no local care or welfare yet (those start through the model)
};

/// Appends one synthesised household with id `hid` (persons hid * 16 + member) to `block`.
void append_household(const ModelTables& t, HouseholdDraws& d, const sim::RandomKey& key, int month_index,
                      std::uint64_t hid, Origin origin, Block& block);

}  // namespace zorgsim::models
