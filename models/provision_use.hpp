#pragma once
// Who uses which catalogue provision (provisions.hpp), at what intensity, and what it costs.
// The model's mechanisms move people between slots (care states, holdings); this part gives
// each holder a provision of their slot when they enter it, reviews indications, and turns
// holdings into clients, units, cost and co-payments per provision.
#include "models/model_tables.hpp"
#include "models/policy_schedule.hpp"
#include "models/population.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

/// The provision that person (or household) `entity` gets on entering `slot` this month: one of
/// the eligible provisions by share, with its Q, drawn from keys (entity, month, 200 + slot), so
/// the same entry gets the same provision in every scenario (common random numbers).
std::uint8_t draw_provision(const ModelTables& t, int slot, const Eligibility& who, std::uint64_t entity,
                            const sim::StepContext& ctx);

/// A holder's provision in `slot`: drawn now when it has none (a start, counted), else kept.
std::uint8_t assign_provision(const ModelTables& t, std::uint8_t& care, int slot, const Eligibility& who,
                              std::uint64_t entity, const sim::StepContext& ctx, Tally& tally);

/// Reviews the indications of persons' provisions once a month (after the month's
/// transitions): re-evaluation of Q, the end of an indication (renewed with a new Q, or stopped
/// although the need remains), and the escalation of youth care whose Q is capped by the
/// intensity norm (a crisis placement).
void review_indications(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, Tally& tally);

/// Records clients, units and cost per provision, cost per care type and law, and the Wmo
/// co-payment; a holder without a provision gets one first (counted as a start, except in
/// the initial record). Returns the month's gross cost of the catalogue (EUR, nominal).
double record_provisions(const PolicyMonth& pm, Block& b, const sim::StepContext& ctx, Tally& tally);

/// A one-off event (a home adaptation) of person i in household h: chooses its provision and
/// books its cost P x Q.
void provision_event(const ModelTables& t, Block& b, std::size_t h, std::size_t i, int slot,
                     const sim::StepContext& ctx, Tally& tally);

/// The Wmo co-payment of a household in a month (EUR, nominal): flat, or by income class from
/// the configured month when the income-dependent co-payment is on.
double copayment(const ModelTables& t, int income, int month_index);

}  // namespace zorgsim::models
