#pragma once
// The local team (wijkteam): the gate of the access ladder. Once a month, for the whole
// municipality, the team assesses the households that asked for help for a child, and --
// with its own FTE (access.wmo_fte) -- the adults who asked for a bespoke Wmo provision. With
// access.triage_limited it assesses at most FTE x assessments-per-FTE requests, the most
// severe needs first, then the longest unmet (months since the need arose), ties by person id -- so who is assessed
// does not depend on blocks or threads. An assessed request is refused (gatekeeping) or gets
// an indication: matched or stepped care (youth_care.hpp, triage_outcome). Requests not
// assessed stay in the queue, where their need can still resolve or escalate.
#include <vector>

#include "models/indicators.hpp"
#include "models/model_tables.hpp"
#include "models/policy_schedule.hpp"
#include "models/population.hpp"
#include "sim/model.hpp"

namespace zorgsim::models {

/// The global phase: decides which requests of all blocks are assessed and their outcome
/// (a keyed draw per person and month), turns indications for ambulant care into place
/// requests when places are limited, and books the team's monthly cost.
void triage(const PolicyMonth& pm, std::vector<Block>& blocks, const sim::StepContext& ctx, Tally& tally);

/// The same for adults' requests for bespoke Wmo provisions (adult_need.hpp), with the
/// team's Wmo capacity (access.wmo_fte): severe needs first, then months unmet, ties by id.
void triage_adults(const PolicyMonth& pm, std::vector<Block>& blocks, const sim::StepContext& ctx, Tally& tally);

/// A child leaves the queue without an assessment (the flag is cleared; counted by reason).
inline void leave_triage_queue(Persons& ps, std::size_t i, QueueExit why, Tally& tally) {
  if (!(ps.youth_need[i] & youth_need_bits::asked)) return;
  ps.youth_need[i] &= static_cast<std::uint8_t>(~youth_need_bits::asked);
  tally.add(Ind::TriageQueueExits, static_cast<int>(why), 1);
}

/// Second half of the month, per block: assessed requests (adults' and children's) take their outcome.
void apply_triage(const ModelTables& t, Block& b, Tally& tally);

}  // namespace zorgsim::models
