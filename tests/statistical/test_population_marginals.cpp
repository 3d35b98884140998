// The synthetic population reproduces the profile's marginals within sampling error.
// Each share is a binomial proportion: |observed - expected| < 4 standard errors,
// SE = sqrt(p (1 - p) / n). With ~60 comparisons, a false alarm has probability < 0.4%.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "models/model_tables.hpp"
#include "models/population_synthesis.hpp"
#include "test_support.hpp"

using namespace zorgsim;
using namespace zorgsim::models;

namespace {
void check_share(const std::string& what, double count, double n, double p) {
  INFO(what << ": observed " << count / n << " expected " << p << " over " << n);
  REQUIRE(n > 0);
  const double se = std::sqrt(p * (1 - p) / n);
  CHECK(std::fabs(count / n - p) <= 4 * se + 1e-12);
}
}  // namespace

TEST_CASE("synthesised households reproduce the profile's marginals", "[statistical][synthesis]") {
  const auto c = test::config();
  const ModelTables t = prepare_tables(c.model);
  const PopulationParams& p = c.model.population;
  const std::uint32_t households = 100000, per_block = 1000;
  std::vector<double> type(5), district(6), network(3), children(4), income(4);
  std::vector<double> welfare(5), working_age(5), debt_by_income(4), income_total(4);
  double non_welfare = 0, family = 0, persons = 0, lvb = 0, problematic_total = 0, in_help = 0, eligible = 0,
         takes_up = 0, children_total = 0, girls = 0;
  for (std::uint32_t first = 0; first < households; first += per_block) {
    Block b;
    synthesize_block(t, {static_cast<std::uint64_t>(c.run.seed), 0}, c.run.start_month().index(), first, per_block, b);
    const Households& hh = b.households;
    for (std::size_t h = 0; h < hh.count(); ++h) {
      const int ty = hh.type[h];
      ++type[ty], ++district[hh.district[h]], ++network[hh.network[h]];
      if (ty == 2 || ty == 3) ++family, ++children[hh.size[h] - (ty == 2 ? 3 : 2)];
      if (b.persons.age_months[hh.first[h]] < t.welfare.pension_age_months) {
        ++working_age[ty];
        welfare[ty] += hh.welfare[h] > 0;
      }
      if (hh.welfare[h] == 0) ++non_welfare, ++income[hh.income[h]];
      ++income_total[hh.income[h]];
      const bool problematic = hh.debt[h] >= static_cast<int>(DebtState::Problematic);
      debt_by_income[hh.income[h]] += problematic;
      problematic_total += problematic;
      in_help += hh.debt[h] == static_cast<int>(DebtState::ReliefOrGuardianship);
      eligible += hh.income[h] <= 1;
      takes_up += hh.income[h] <= 1 && (hh.flags[h] & household_flags::takes_up_insurance);
    }
    for (std::size_t i = 0; i < b.persons.size(); ++i) {
      ++persons, lvb += (b.persons.traits[i] & trait::lvb) != 0;
      if (trait::role(b.persons.traits[i]) == Role::Child)
        ++children_total, girls += (b.persons.traits[i] & trait::female) != 0;
    }
  }
  for (int i = 0; i < 5; ++i) check_share("household type " + std::to_string(i), type[i], households, p.household_type_share[i]);
  for (int i = 0; i < 6; ++i) check_share("district " + std::to_string(i), district[i], households, p.district_household_share[i]);
  for (int i = 0; i < 3; ++i) check_share("network " + std::to_string(i), network[i], households, p.network_share[i]);
  for (int i = 0; i < 4; ++i) check_share("children " + std::to_string(i + 1), children[i], family, p.children_count_share[i]);
  for (int i = 0; i < 4; ++i) check_share("income (not on welfare) " + std::to_string(i), income[i], non_welfare, p.income_share_non_welfare[i]);
  // Welfare given type: the district factor is normalised to a household-weighted mean of
  // one, so the type's share is reproduced on average over districts.
  for (int i = 0; i < 5; ++i) check_share("welfare, type " + std::to_string(i), welfare[i], working_age[i], p.welfare_share_by_type[i]);
  for (int i = 0; i < 4; ++i)
    check_share("problematic debts, income " + std::to_string(i), debt_by_income[i], income_total[i],
                p.problematic_debt_share_by_income[i]);
  check_share("LVB among persons", lvb, persons, p.lvb_prevalence);
  check_share("girls among children at home", girls, children_total, 1.0 - c.model.demography.male_share_at_birth);
  check_share("in debt help among problematic debts", in_help, problematic_total, c.model.debts.in_help_share);
  check_share("collective insurance among eligible", takes_up, eligible, c.model.debts.insurance_take_up);
}

TEST_CASE("a household is the same whatever block synthesises it", "[statistical][synthesis]") {
  const auto c = test::config();
  const ModelTables t = prepare_tables(c.model);
  Block whole, part;
  synthesize_block(t, {static_cast<std::uint64_t>(c.run.seed), 0}, 24300, 0, 64, whole);
  synthesize_block(t, {static_cast<std::uint64_t>(c.run.seed), 0}, 24300, 40, 24, part);
  const std::size_t first_whole = whole.households.first[40];
  REQUIRE(part.persons.size() == whole.persons.size() - first_whole);
  for (std::size_t i = 0; i < part.persons.size(); ++i) {
    CHECK(part.persons.id[i] == whole.persons.id[first_whole + i]);
    CHECK(part.persons.age_months[i] == whole.persons.age_months[first_whole + i]);
    CHECK(part.persons.traits[i] == whole.persons.traits[first_whole + i]);
    CHECK(part.persons.youth[i] == whole.persons.youth[first_whole + i]);
    CHECK(part.persons.wmo[i] == whole.persons.wmo[first_whole + i]);
  }
}

TEST_CASE("the derived debt onset balances arrears in the synthesised population", "[statistical][debts]") {
  // Expected monthly flows into and out of arrears over a synthesised population, computed
  // exactly from each household's hazards (no sampling). The onset is derived with an
  // approximate mean relative risk (vulnerable adults ~ 1 - (1 - lvb - psych)^1.8) and net of an
  // approximate inflow through job loss (employed adults x job loss x job_loss_arrears, here
  // counted exactly), so the two flows agree only approximately: within 10% per income class.
  // Job loss is made a large part of the inflow above the welfare class (asserted below), so
  // that leaving it out of the derivation would fail the 10% check.
  const auto c = test::config({"employment.job_loss=0.01", "employment.job_loss_arrears=0.4"});
  const ModelTables t = prepare_tables(c.model);
  std::vector<double> into(4), out_of(4), through_job_loss(4);
  for (std::uint32_t first = 0; first < 60000; first += 1000) {
    Block b;
    synthesize_block(t, {static_cast<std::uint64_t>(c.run.seed), 0}, c.run.start_month().index(), first, 1000, b);
    const Households& hh = b.households;
    for (std::size_t h = 0; h < hh.count(); ++h) {
      bool vulnerable_adult = false;
      int employed = 0;
      for (std::size_t i = hh.first[h]; i < hh.first[h] + hh.size[h]; ++i) {
        vulnerable_adult |= b.persons.age_months[i] >= 18 * 12 &&
                            (b.persons.traits[i] & (trait::lvb | trait::psychiatric));
        employed += (b.persons.traits[i] & trait::employed) != 0;
      }
      const int income = hh.income[h];
      const bool uninsured = income <= t.debts.insurance_limit && !(hh.flags[h] & household_flags::takes_up_insurance);
      if (hh.debt[h] == 0) {
        double hazard = t.debts.onset[income];
        if (vulnerable_adult) hazard *= t.debts.vulnerable_adult_rr;
        if (uninsured) hazard *= t.debts.uninsured_rr;
        // P(at least one job loss) x job_loss_arrears ~ employed x job loss x job_loss_arrears
        const double job_loss = (1 - std::pow(1 - t.employment.job_loss, employed)) * t.employment.job_loss_arrears;
        into[income] += hazard + job_loss;
        through_job_loss[income] += job_loss;
      } else if (hh.debt[h] == 1) {
        out_of[income] += t.debts.arrears_recovery + t.debts.to_problematic;
      }
    }
  }
  for (int i = 0; i < 4; ++i) {
    INFO("income class " << i << ": into " << into[i] << ", out of " << out_of[i]);
    CHECK(into[i] == Approx(out_of[i]).epsilon(0.10));
    // Above the 10% tolerance, so omitting the netting would fail (class 0: mostly welfare, no jobs).
    if (i >= 1) CHECK(through_job_loss[i] > 0.12 * into[i]);
  }
}
