// Adult (Wmo) needs on the access ladder in whole-model runs: exact accounting of needs and
// of the team's Wmo queue, capacity respected with severe needs first, escalation switched
// off, a scarce team or scarce places causing crises, matched vs stepped care in the stated
// direction, bridging care, and results independent of threads.
#include <catch2/catch.hpp>

#include <cmath>

#include "test_support.hpp"

using namespace zorgsim;

namespace {
using test::col_sum;
using test::total;

const std::vector<std::string> base = {"run.scale=0.3", "run.end=2026-12", "run.replicates=2",
                                       "access.triage_limited=true"};

// Nobody dies, moves away or goes to the Wlz, so a need or a queued request leaves only by its
// own dynamics.
const std::vector<std::string> closed = {"demography.mortality_male=[0, 0, 0, 0, 0, 0, 0, 0, 0]",
                                         "demography.mortality_female=[0, 0, 0, 0, 0, 0, 0, 0, 0]",
                                         "migration.departure=[0, 0, 0, 0]", "wmo.wlz_takeover=[0, 0, 0, 0]"};

std::vector<std::string> with(std::vector<std::string> opts, const std::vector<std::string>& more) {
  opts.insert(opts.end(), more.begin(), more.end());
  return opts;
}

// unmet(m) - unmet(m-1) == onsets - ends, every month (all paths in and out are counted).
void check_need_accounting(const sim::RunResult& r) {
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("replicate " << rep << " month " << m);
      const double grew = col_sum(r, rep, m, "wmo.unmet_need_by_status", 0, 4) -
                          col_sum(r, rep, m - 1, "wmo.unmet_need_by_status", 0, 4);
      CHECK(grew == col_sum(r, rep, m, "wmo.need_onsets", 0, 6) - col_sum(r, rep, m, "wmo.need_ends", 0, 6));
      CHECK(col_sum(r, rep, m, "wmo.unmet_need_by_provision", 0, 6) == col_sum(r, rep, m, "wmo.unmet_need_by_status", 0, 4));
      CHECK(col_sum(r, rep, m, "wmo.unmet_need_by_income_class", 0, 4) ==
            col_sum(r, rep, m, "wmo.unmet_need_by_status", 0, 4));
      CHECK(col_sum(r, rep, m, "wijkteam.wmo_queue", 0, 2) == col_sum(r, rep, m, "wmo.unmet_need_by_status", 1, 2));
    }
}
}  // namespace

TEST_CASE("adult needs: every need that arises is counted when it ends", "[integration][adult-need]") {
  auto opts = with(base, {"wmo.capacity_limited=true", "access.wmo_fte=10"});
  const sim::RunResult r = test::run(test::config(opts), 2);
  check_need_accounting(r);
  for (int k = 0; k < 6; ++k) {  // every way out is taken (the identity is not vacuous)
    INFO("need end " << k);
    if (k == 2) continue;  // stepped care is off in the default
    CHECK(total(r, "wmo.need_ends", k, k + 1) > 0);
  }
  CHECK(total(r, "wmo.escalations_from_unmet_need", 0, 2) > 0);
  CHECK(total(r, "wmo.waiting_by_provision", 0, 6) > 0);  // needs waited for places too
}

TEST_CASE("a Wmo team without capacity assesses nobody; its queue grows by exactly the requests",
          "[integration][adult-need][extreme]") {
  // No recovery, no escalation, no deaths or moves: nothing leaves the queue.
  auto opts = with(base, closed);
  opts = with(opts, {"access.wmo_fte=0", "wmo.need_recovery=[0, 0]", "wmo.need_escalation=[0, 0]"});
  const sim::RunResult r = test::run(test::config(opts), 2);
  check_need_accounting(r);
  CHECK(total(r, "wijkteam.wmo_assessments", 0, 2) == 0);
  CHECK(total(r, "wijkteam.wmo_indications", 0, 2) == 0);
  CHECK(total(r, "wmo.need_ends", 0, 6) == 0);  // no need is met, resolved or escalated
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("replicate " << rep << " month " << m);
      CHECK(col_sum(r, rep, m, "wijkteam.wmo_queue", 0, 2) - col_sum(r, rep, m - 1, "wijkteam.wmo_queue", 0, 2) ==
            col_sum(r, rep, m, "wijkteam.wmo_requests", 0, 2));
    }
  CHECK(total(r, "wijkteam.wmo_requests", 0, 2) > 300);
  // bespoke provisions start only by other paths (eviction into shelter, youth care at 18)
  for (int k = 1; k <= 4; ++k) CHECK(total(r, "wmo.starts_by_provision", k, k + 1) == 0);
}

TEST_CASE("limited Wmo capacity: never exceeded, severe needs first", "[integration][adult-need]") {
  // 40 assessments a month at scale 1 (12 at 0.3), against ~200 requests: the queue builds up
  auto opts = with(base, {"access.wmo_fte=5"});
  const sim::RunResult r = test::run(test::config(opts), 2);
  check_need_accounting(r);
  // never above capacity; a moderate need is assessed only when no severe one is left waiting
  const int months_with_moderate_assessed = test::check_team_capacity(r, "wijkteam.wmo_", std::llround(5 * 8 * 0.3));
  CHECK(col_sum(r, 0, r.months - 1, "wijkteam.wmo_queue", 0, 1) > 100);  // moderate needs pile up
  CHECK(months_with_moderate_assessed > 0);  // the priority check was exercised
}

TEST_CASE("zero escalation: an unmet adult need never worsens, whatever the queue",
          "[integration][adult-need][extreme]") {
  auto opts = with(base, {"access.wmo_fte=0", "wmo.need_escalation=[0, 0]"});
  const sim::RunResult r = test::run(test::config(opts), 2);
  CHECK(total(r, "wmo.escalations_from_unmet_need", 0, 2) == 0);
  CHECK(total(r, "wmo.need_ends", 3, 4) == 0);  // no crisis
  CHECK(total(r, "wmo.need_ends", 1, 2) > 0);   // needs still resolve
}

TEST_CASE("a scarce Wmo team, or scarce places, let needs escalate into crises", "[integration][adult-need]") {
  // Common random numbers: the same adults and draws; only the team or the places differ.
  const auto ample = with(base, {"run.end=2027-12"});
  const auto scarce_team = with(ample, {"access.wmo_fte=0"});
  const auto scarce_places = with(ample, {"wmo.capacity_limited=true", "provisions.begeleiding.places=0"});
  const auto a = test::run(test::config(ample), 2), t = test::run(test::config(scarce_team), 2),
             p = test::run(test::config(scarce_places), 2);
  CHECK(total(t, "wmo.escalations_from_unmet_need", 1, 2) > 2 * total(a, "wmo.escalations_from_unmet_need", 1, 2));
  // an unmet need for begeleiding ends in protected living (wmo.crisis_provision)
  CHECK(total(t, "wmo.starts_by_provision", 5, 6) > total(a, "wmo.starts_by_provision", 5, 6));
  CHECK(total(p, "wmo.escalations_from_unmet_need", 1, 2) > total(a, "wmo.escalations_from_unmet_need", 1, 2));
  CHECK(total(p, "wmo.starts_by_provision", 5, 6) > total(a, "wmo.starts_by_provision", 5, 6));
  CHECK(total(p, "wmo.starts_by_provision", 2, 3) < total(a, "wmo.starts_by_provision", 2, 3) / 10);  // crises only
}

TEST_CASE("matched vs stepped care for adults: stepped care gives general support first", "[integration][adult-need]") {
  const auto a = test::run(test::config(with(base, {"access.care_model=matched"})), 2),
             b = test::run(test::config(with(base, {"access.care_model=stepped"})), 2);
  CHECK(total(a, "wijkteam.wmo_indications", 1, 2) == 0);
  CHECK(total(b, "wijkteam.wmo_indications", 1, 2) > 100);
  CHECK(total(b, "wmo.need_ends", 2, 3) > 0);  // some needs are met by general support after all
  CHECK(total(b, "wmo.unmet_need_by_status", 3, 4) > 0);
  // more general support, less begeleiding at the end of the run
  const std::size_t ca = a.column_of("wmo.clients_by_provision"), cb = b.column_of("wmo.clients_by_provision");
  double gen_a = 0, gen_b = 0, beg_a = 0, beg_b = 0;
  for (int rep = 0; rep < 2; ++rep) {
    gen_a += a.value(rep, a.months - 1, ca), gen_b += b.value(rep, b.months - 1, cb);
    beg_a += a.value(rep, a.months - 1, ca + 2), beg_b += b.value(rep, b.months - 1, cb + 2);
  }
  CHECK(gen_b > gen_a);
  CHECK(beg_b < beg_a);
  // aids have no general alternative (wmo.general_first 0): they start as under matched care
  CHECK(total(b, "wmo.starts_by_provision", 4, 5) == Approx(total(a, "wmo.starts_by_provision", 4, 5)).epsilon(0.1));
}

TEST_CASE("bridging care: general support while waiting for a Wmo place slows escalation", "[integration][adult-need]") {
  const auto off = with(base, {"run.end=2027-12", "wmo.capacity_limited=true", "provisions.begeleiding.places=0"});
  const auto on = with(off, {"wmo.bridging_general=true"});
  const auto a = test::run(test::config(off), 2), b = test::run(test::config(on), 2);
  CHECK(total(b, "wmo.starts_by_provision", 0, 1) > total(a, "wmo.starts_by_provision", 0, 1));
  CHECK(total(b, "wmo.escalations_from_unmet_need", 0, 2) < total(a, "wmo.escalations_from_unmet_need", 0, 2));
}

TEST_CASE("adult triage, stepped care and Wmo places keep results independent of threads",
          "[integration][adult-need][determinism]") {
  auto opts = with(base, {"access.wmo_fte=5", "access.care_model=stepped", "wmo.capacity_limited=true",
                          "wmo.bridging_general=true", "run.block_households=64"});
  const sim::RunResult one = test::check_thread_independent(test::config(opts), {2, 3});
  CHECK(total(one, "wijkteam.wmo_queue", 0, 2) > 0);
  CHECK(total(one, "wijkteam.wmo_indications", 1, 2) > 0);
}

TEST_CASE("the Wlz: stock(t) - stock(t-1) = takeovers - exits; no takeover, no Wlz", "[integration][wlz]") {
  const sim::RunResult r = test::run(test::config(base), 2);
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("replicate " << rep << " month " << m);
      CHECK(col_sum(r, rep, m, "wlz.persons_by_age_band", 0, 4) - col_sum(r, rep, m - 1, "wlz.persons_by_age_band", 0, 4) ==
            col_sum(r, rep, m, "wlz.takeovers_by_age_band", 0, 4) - col_sum(r, rep, m, "wlz.exits", 0, 2));
    }
  CHECK(total(r, "wlz.takeovers_by_age_band", 0, 4) > 0);
  CHECK(total(r, "wlz.exits", 0, 1) > 0);
  CHECK(col_sum(r, 0, -1, "wlz.persons_by_age_band", 2, 4) > 0);  // a stationary Wlz population at the start
  CHECK(col_sum(r, 0, -1, "wlz.persons_by_age_band", 0, 2) == 0);  // only 65+ in the default
  const sim::RunResult none = test::run(test::config(with(base, {"wmo.wlz_takeover=[0, 0, 0, 0]"})), 2);
  CHECK(total(none, "wlz.takeovers_by_age_band", 0, 4) == 0);
  CHECK(total(none, "wlz.persons_by_age_band", 0, 4) == 0);
  CHECK(col_sum(none, 0, -1, "wlz.persons_by_age_band", 0, 4) == 0);
  // Without the Wlz, more older adults hold Wmo home care (the Wlz comes first)
  CHECK(col_sum(none, 0, none.months - 1, "wmo.clients_by_provision", 1, 2) >
        col_sum(r, 0, r.months - 1, "wmo.clients_by_provision", 1, 2));
}
