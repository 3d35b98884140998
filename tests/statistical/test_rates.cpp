// Rates recovered from large runs of the whole engine, within 4 standard errors.
// Parameters are set so the expected count is exact: the number at risk each month is
// the stock at the end of the previous month (the initial stock for the first month).
#include <catch2/catch.hpp>

#include <cmath>

#include "models/categories.hpp"
#include "models/demography.hpp"
#include "models/frailty.hpp"
#include "test_support.hpp"

using namespace zorgsim;

namespace {
// Sums count(m) and at_risk(m-1) over months and replicates.
void rate_check(const sim::RunResult& r, const std::string& events, std::size_t ev_cat, const std::string& stock,
                std::size_t st_cat, double p) {
  const std::size_t ev = r.column_of(events) + ev_cat, st = r.column_of(stock) + st_cat;
  double observed = 0, at_risk = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      observed += r.value(rep, m, ev);
      at_risk += m == 0 ? r.initial[rep * r.width() + st] : r.value(rep, m - 1, st);
    }
  const double expected = p * at_risk, se = std::sqrt(at_risk * p * (1 - p));
  INFO(events << ": observed " << observed << ", expected " << expected << ", SE " << se);
  CHECK(observed > 100);
  CHECK(std::fabs(observed - expected) <= 4 * se);
}
}  // namespace

TEST_CASE("the monthly death rate is recovered from a whole-model run", "[statistical][rates]") {
  // Deaths are decided first in the month, so everyone counted at the end of the previous
  // month (including last month's arrivals and newborns) is at risk.
  const double q = 0.05;  // the same annual probability at every age, for both sexes
  const std::string all = "[0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]";
  // Nobody in the Wlz (whose clients die more often), so every person dies at q.
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "demography.mortality_male=" + all,
                               "demography.mortality_female=" + all, "wmo.wlz_takeover=[0, 0, 0, 0]",
                               "wmo.wlz_population_share=[0, 0, 0, 0]"});
  const sim::RunResult r = test::run(c, 2);
  rate_check(r, "population.deaths", 0, "population.persons", 0, models::monthly_from_annual_probability(q));
}

TEST_CASE("outside the Wlz the 75+ die at the table's rate / (1 + s (rr - 1))", "[statistical][rates][wlz]") {
  // Nobody is in the Wlz (no takeover), the reference share at 75+ is 0.5 with rr 3, and q is
  // the same at every age: the 75+ die at q / 2, everyone else at q. Deaths ~ Binomial sums.
  const std::string all = "[0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]";
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "demography.mortality_male=" + all,
                               "demography.mortality_female=" + all, "wmo.wlz_takeover=[0, 0, 0, 0]",
                               "wmo.wlz_mortality_rr=3", "wmo.wlz_population_share=[0, 0, 0, 0.5]"});
  const sim::RunResult r = test::run(c, 2);
  const double q = models::monthly_from_annual_probability(0.05), q_old = q / 2;
  double deaths = 0, expected = 0, variance = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      const double old = test::col_sum(r, rep, m - 1, "population.persons_by_age", 6, 7);
      const double rest = test::col_sum(r, rep, m - 1, "population.persons", 0, 1) - old;
      deaths += test::col_sum(r, rep, m, "population.deaths", 0, 1);
      expected += rest * q + old * q_old;
      variance += rest * q * (1 - q) + old * q_old * (1 - q_old);
    }
  // the 75+ are ~9% of inhabitants: without the correction deaths would be ~4.5% (~5 SE) higher
  INFO("deaths: observed " << deaths << ", expected " << expected << ", SE " << std::sqrt(variance));
  CHECK(std::fabs(deaths - expected) <= 4 * std::sqrt(variance));
}

TEST_CASE("Wmo exit rates equal 1/duration in a whole-model run", "[statistical][rates]") {
  // No deaths, nobody moving away and no Wlz takeover, so every end of a provision is an exit
  // at 1/duration.
  const std::string none = "[0, 0, 0, 0, 0, 0, 0, 0, 0]";
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "demography.mortality_male=" + none,
                               "demography.mortality_female=" + none, "migration.departure=[0, 0, 0, 0]",
                               "wmo.wlz_takeover=[0, 0, 0, 0]", "wmo.begeleiding.duration=12"});
  const sim::RunResult r = test::run(c, 2);
  rate_check(r, "wmo.ends_by_provision", 1, "wmo.clients_by_provision", 1, 1.0 / 48);  // household help
  rate_check(r, "wmo.ends_by_provision", 2, "wmo.clients_by_provision", 2, 1.0 / 12);  // begeleiding
}

TEST_CASE("households leave the municipality at their configured rate", "[statistical][rates]") {
  // The same departure probability at every head age: departures ~ Binomial(households, p).
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "migration.departure=[0.2, 0.2, 0.2, 0.2]"});
  const sim::RunResult r = test::run(c, 2);
  // households at the end of the previous month are at risk (a household whose members all
  // die this month is gone before it could leave: mortality is small against the tolerance)
  rate_check(r, "population.household_events", 4, "population.households", 0, models::monthly_from_annual_probability(0.2));
}

TEST_CASE("households with problematic debts are evicted at the configured rate", "[statistical][rates]") {
  // No arrivals: everyone at risk was counted at the end of the previous month (households
  // left empty by deaths are a negligible bias against the tolerance).
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "migration.arrivals=0", "debts.eviction=0.01"});
  const sim::RunResult r = test::run(c, 2);
  rate_check(r, "debts.evictions", 0, "households.by_debt_state", 2, 0.01);
}

TEST_CASE("the local team refuses assessed requests at the configured rate", "[statistical][rates]") {
  // Each assessed request is refused with probability access.refusal[level]: refusals ~
  // Binomial(assessments, p), level by level.
  const auto c = test::config({"run.end=2027-12", "run.replicates=2", "access.refusal=[0.3, 0.15]"});
  const sim::RunResult r = test::run(c, 2);
  const std::size_t ref = r.column_of("wijkteam.refusals"), ass = r.column_of("wijkteam.assessments");
  for (int level = 0; level < 2; ++level) {
    const double p = level == 0 ? 0.3 : 0.15;
    double refused = 0, assessed = 0;
    for (int rep = 0; rep < r.replicates; ++rep)
      for (int m = 0; m < r.months; ++m) refused += r.value(rep, m, ref + level), assessed += r.value(rep, m, ass + level);
    const double se = std::sqrt(assessed * p * (1 - p));
    INFO("level " << level << ": refused " << refused << " of " << assessed << ", expected " << p * assessed);
    CHECK(assessed > 1000);
    CHECK(std::fabs(refused - p * assessed) <= 4 * se);
  }
}

TEST_CASE("households with an unmet need ask for help at the configured rate", "[statistical][rates]") {
  // With equal help-seeking for both levels, no stigma and no literacy effect, each child
  // not yet asking at the end of the previous month asks with probability 0.25 (escalation
  // and recovery take other parts of the same uniform). No deaths and nobody leaving; the
  // children turning 18 while unmet are a small bias against the tolerance.
  const std::string none = "[0, 0, 0, 0, 0, 0, 0, 0, 0]";
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "access.help_seeking=[0.25, 0.25]",
                               "access.stigma=0", "access.low_literacy_seeking_rr=1",
                               "demography.mortality_male=" + none, "demography.mortality_female=" + none,
                               "migration.departure=[0, 0, 0, 0]"});
  const sim::RunResult r = test::run(c, 2);
  const std::size_t req = r.column_of("wijkteam.requests"), unmet = r.column_of("youth.unmet_need_by_status");
  const double p = 0.25;
  double asked = 0, at_risk = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      asked += r.value(rep, m, req) + r.value(rep, m, req + 1);
      at_risk += m == 0 ? r.initial[rep * r.width() + unmet] : r.value(rep, m - 1, unmet);  // not_asked
    }
  const double se = std::sqrt(at_risk * p * (1 - p));
  INFO("asked " << asked << ", expected " << p * at_risk << ", SE " << se);
  CHECK(asked > 1000);
  CHECK(std::fabs(asked - p * at_risk) <= 4 * se);
}

TEST_CASE("adults lose their jobs at the configured rate", "[statistical][rates][employment]") {
  // No deaths and no welfare inflow, so everyone employed at the end of a month is at risk in
  // the next, except those turning 67 (about 0.2% a month of the employed: far below the SE).
  const std::string none = "[0, 0, 0, 0, 0, 0, 0, 0, 0]";
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "run.scale=0.5", "demography.mortality_male=" + none,
                               "demography.mortality_female=" + none, "welfare.inflow_by_type=[0, 0, 0, 0, 0]",
                               "employment.job_loss=0.02"});
  const sim::RunResult r = test::run(c, 2);
  rate_check(r, "employment.job_losses", 0, "employment.adults_18_66", 0, 0.02);
}

TEST_CASE("the share of ambulant youth care continuing under the Zvw at 18/23", "[statistical][rates][cliff]") {
  // The Zvw draw changes nothing else, so with common random numbers the run with share 1 counts
  // every ambulant ending (N) and the run with share 0.3 draws Binomial(N, 0.3) from the same N.
  const auto run = [](const std::string& share) {
    return test::run(test::config({"run.end=2030-12", "run.replicates=4", "youth.ambulant_to_zvw=" + share}), 2);
  };
  const sim::RunResult all = run("1"), part = run("0.3"), none = run("0");
  const std::size_t zvw = all.column_of("youth.transition_at_18") + 5;
  double n = 0, k = 0, zero = 0;
  for (int rep = 0; rep < all.replicates; ++rep)
    for (int m = 0; m < all.months; ++m)
      n += all.value(rep, m, zvw), k += part.value(rep, m, zvw), zero += none.value(rep, m, zvw);
  INFO("ambulant endings " << n << ", to the Zvw at 0.3: " << k);
  CHECK(n > 200);
  CHECK(zero == 0);
  CHECK(std::fabs(k - 0.3 * n) <= 4 * std::sqrt(n * 0.3 * 0.7));
}

TEST_CASE("adult needs: help-seeking, recovery, escalation and refusal at their configured rates",
          "[statistical][rates][adult-need]") {
  // Every adult with an unmet need at the end of month m-1 is at risk in month m (nobody dies,
  // moves or goes to the Wlz); the competing transitions partition one uniform, so each happens with exactly
  // its configured probability: recovery and escalation for every unmet need, help-seeking
  // for those not asked yet, refusal for every assessment. Same rates for both severities.
  const std::string none = "[0, 0, 0, 0, 0, 0, 0, 0, 0]";
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "demography.mortality_male=" + none,
                               "demography.mortality_female=" + none, "migration.departure=[0, 0, 0, 0]",
                               "access.triage_limited=false", "access.stigma=0", "access.low_literacy_seeking_rr=1",
                               "access.wmo_help_seeking=[0.2, 0.2]", "access.wmo_refusal=[0.3, 0.3]",
                               "wmo.need_recovery=[0.05, 0.05]", "wmo.network_recovery_rr=[1, 1, 1]",
                               "wmo.need_escalation=[0.04, 0.04]", "wmo.waiting_escalation=0",
                               "wmo.general_support_escalation_rr=1", "wmo.wlz_takeover=[0, 0, 0, 0]"});
  const sim::RunResult r = test::run(c, 2);
  const auto sum = [&](int rep, int m, const std::string& name, int from, int to) {
    return test::col_sum(r, rep, m, name, from, to);
  };
  double unmet = 0, not_asked = 0, asked = 0, resolved = 0, escalated = 0, assessed = 0, refused = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      unmet += sum(rep, m - 1, "wmo.unmet_need_by_status", 0, 4);
      not_asked += sum(rep, m - 1, "wmo.unmet_need_by_status", 0, 1);
      resolved += sum(rep, m, "wmo.need_ends", 1, 2);
      escalated += sum(rep, m, "wmo.escalations_from_unmet_need", 0, 2);
      asked += sum(rep, m, "wijkteam.wmo_requests", 0, 2);
      assessed += sum(rep, m, "wijkteam.wmo_assessments", 0, 2);
      refused += sum(rep, m, "wijkteam.wmo_refusals", 0, 2);
    }
  const auto binomial = [](const char* what, double observed, double n, double p) {
    const double expected = n * p, se = std::sqrt(n * p * (1 - p));
    INFO(what << ": observed " << observed << ", expected " << expected << ", SE " << se);
    CHECK(observed > 100);
    CHECK(std::fabs(observed - expected) <= 4 * se);
  };
  binomial("recovery", resolved, unmet, 0.05);
  binomial("escalation", escalated, unmet, 0.04);
  binomial("help-seeking", asked, not_asked, 0.2);
  binomial("refusal", refused, assessed, 0.3);
}

TEST_CASE("the Wlz takes over home care and its clients die at their configured rates", "[statistical][rates][wlz]") {
  // Household help is the only home care (begeleiding and day activities never start), the
  // takeover is the same at every age, and nobody moves away. Takeovers in month m ~
  // Binomial(household-help clients at the end of m-1, w); with mortality the same at every
  // age, deaths in the Wlz ~ Binomial(Wlz clients at the end of m-1, q x rr) (deaths come first).
  const std::string flat = "[0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04]";
  const double w = 0.01, rr = 4;
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "demography.mortality_male=" + flat,
                               "demography.mortality_female=" + flat, "migration.departure=[0, 0, 0, 0]",
                               "wmo.begeleiding.start=[0, 0, 0, 0]", "wmo.day_activities.start=[0, 0, 0, 0]",
                               "wmo.wlz_takeover=[0.01, 0.01, 0.01, 0.01]", "wmo.wlz_mortality_rr=4",
                               "wmo.wlz_population_share=[0, 0, 0, 0]"});  // the tables' q outside the Wlz
  const sim::RunResult r = test::run(c, 2);
  double holders = 0, takeovers = 0, in_wlz = 0, died = 0, holders_now = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      holders_now = test::col_sum(r, rep, m - 1, "wmo.clients_by_provision", 1, 2);
      // a holder who dies this month cannot be taken over: subtract the expected deaths
      holders += holders_now * (1 - models::monthly_from_annual_probability(0.04));
      takeovers += test::col_sum(r, rep, m, "wlz.takeovers_by_age_band", 0, 4);
      in_wlz += test::col_sum(r, rep, m - 1, "wlz.persons_by_age_band", 0, 4);
      died += test::col_sum(r, rep, m, "wlz.exits", 0, 1);
    }
  const auto binomial = [](const char* what, double observed, double n, double p) {
    const double expected = n * p, se = std::sqrt(n * p * (1 - p));
    INFO(what << ": observed " << observed << ", expected " << expected << ", SE " << se);
    CHECK(observed > 100);
    CHECK(std::fabs(observed - expected) <= 4 * se);
  };
  binomial("takeover", takeovers, holders, w);
  binomial("death in the Wlz", died, in_wlz, rr * models::monthly_from_annual_probability(0.04));
}

TEST_CASE("adults acquire physical limitations at birthdays at the derived onset rate", "[statistical][rates][frailty]") {
  // The prevalence by band is chosen so that the derived onset is the same f = 0.02 at every
  // birthday from 23 (the band means of the path 1 - 0.98^(age - 22)). Nobody dies or moves,
  // so each month a twelfth of the adults 23+ without a limitation has a birthday, plus those
  // turning 23 (a sixtieth of the 20-24 group, none with a limitation: an approximation, ~2% of
  // those at risk). Onsets ~ Binomial(at risk, f).
  const double f = 0.02;
  std::vector<double> p = {0};
  for (const auto& [lo, hi] : {std::pair{23, 64}, std::pair{65, 74}, std::pair{75, 75 + models::frailty_last_band_years - 1}}) {
    double sum = 0;
    for (int y = lo; y <= hi; ++y) sum += 1 - std::pow(1 - f, y - 22);
    p.push_back(sum / (hi - lo + 1));
  }
  const models::FrailtyTables t = models::prepare_frailty(p);
  for (int b = 1; b < 4; ++b) REQUIRE(t.onset[static_cast<std::size_t>(b)] == Approx(f).epsilon(1e-9));
  const std::string prevalence = "population.physical_limitation_by_adult_band=[0, " + std::to_string(p[1]) + ", " +
                                 std::to_string(p[2]) + ", " + std::to_string(p[3]) + "]";
  const auto c = test::config({"run.end=2026-12", "run.replicates=2", "demography.mortality_male=[0, 0, 0, 0, 0, 0, 0, 0, 0]",
                               "demography.mortality_female=[0, 0, 0, 0, 0, 0, 0, 0, 0]", "migration.departure=[0, 0, 0, 0]",
                               "migration.arrivals=0", "demography.partnering=[0, 0, 0]", prevalence});
  const sim::RunResult r = test::run(c, 2);
  const int g = models::age_group_count;
  double at_risk = 0, onsets = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      const double adults = test::col_sum(r, rep, m - 1, "population.persons_by_age", 4, 7);
      const double limited = test::col_sum(r, rep, m - 1, "population.physical_limitation_by_adult_band", 1, 4);
      const double g20 = test::col_sum(r, rep, m - 1, "population.persons_by_sex_and_age_group", 4, 5) +
                         test::col_sum(r, rep, m - 1, "population.persons_by_sex_and_age_group", g + 4, g + 5);
      at_risk += (adults - limited) / 12 + g20 / 60;
      onsets += test::col_sum(r, rep, m, "population.physical_limitation_onsets", 0, 4);
    }
  const double expected = at_risk * f, se = std::sqrt(at_risk * f * (1 - f));
  INFO("onsets: observed " << onsets << ", expected " << expected << ", SE " << se);
  CHECK(onsets > 1000);
  CHECK(std::fabs(onsets - expected) <= 4 * se);
}
