// The provision catalogue in whole-model runs: cost per provision is exactly P x Q plus the
// budget; clients per provision add up to the model's stocks; a new provision from
// configuration alone takes its share; the intensity norm caps Q and causes escalations;
// indications are renewed or stopped at their configured rates; the income-dependent
// co-payment starts exactly in its month; all of it independent of threads.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/indicators.hpp"
#include "models/provisions.hpp"
#include "test_support.hpp"

using namespace zorgsim;
using models::Slot;

namespace {
using test::col_sum;

int category(const sim::RunResult& r, const std::string& indicator, const std::string& name) {
  for (const auto& spec : r.indicators)
    if (spec.name == indicator)
      for (std::size_t k = 0; k < spec.categories.size(); ++k)
        if (spec.categories[k] == name) return static_cast<int>(k);
  FAIL("no category " << name << " in " << indicator);
  return -1;
}

// Category k of an indicator in month m (-1: the initial state).
double at(const sim::RunResult& r, int rep, int m, const std::string& indicator, int k) {
  return col_sum(r, rep, m, indicator, k, k + 1);
}

double over_run(const sim::RunResult& r, const std::string& indicator, int k) {
  double s = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) s += at(r, rep, m, indicator, k);
  return s;
}

const std::vector<std::string> small = {"run.scale=0.25", "run.end=2026-12", "run.replicates=2"};
std::vector<std::string> with(std::vector<std::string> opts, const std::vector<std::string>& more) {
  opts.insert(opts.end(), more.begin(), more.end());
  return opts;
}
}  // namespace

TEST_CASE("cost per provision is units x indexed tariff plus the indexed budget, exactly", "[integration][provisions]") {
  const auto c = test::config(small);
  const sim::RunResult r = test::run(c, 2);
  const auto& cat = c.model.provisions;
  REQUIRE(cat.size() >= 30);
  for (std::size_t k = 0; k < cat.size(); ++k) {
    const double idx_rate = cat[k].indexation < 0 ? c.model.money.indexation_per_year : cat[k].indexation;
    for (int rep = 0; rep < r.replicates; ++rep)
      for (int m = 0; m < r.months; ++m) {
        const int year = (r.first_month + m) / 12;
        const double index = std::pow(1 + idx_rate, year - c.model.money.price_base_year);
        const double expected = at(r, rep, m, "provisions.units", static_cast<int>(k)) * cat[k].tariff * index +
                                cat[k].budget_per_year / 12 * c.run.scale * index;
        INFO(cat[k].id << " month " << m);
        CHECK(at(r, rep, m, "cost.by_provision", static_cast<int>(k)) == Approx(expected).epsilon(1e-12));
      }
  }
}

TEST_CASE("clients per provision add up to the model's stocks", "[integration][provisions]") {
  const auto c = test::config(small);
  const sim::RunResult r = test::run(c, 2);
  const auto& cat = c.model.provisions;
  const auto slot_clients = [&](int rep, int m, const std::string& slot) {
    double s = 0;
    for (std::size_t k = 0; k < cat.size(); ++k)
      if (cat[k].slot == slot) s += at(r, rep, m, "provisions.clients", static_cast<int>(k));
    return s;
  };
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = -1; m < r.months; ++m) {
      INFO("month " << m);
      for (int s = 1; s < models::youth_state_count; ++s)
        CHECK(slot_clients(rep, m, std::string(models::slot_names[models::slot_of_youth_state(s)])) ==
              at(r, rep, m, "youth.stock_by_state", s));
      for (int k = 0; k < models::wmo_provision_count; ++k)
        CHECK(slot_clients(rep, m, std::string(models::slot_names[models::slot_of_wmo(k)])) ==
              at(r, rep, m, "wmo.clients_by_provision", k));
      CHECK(slot_clients(rep, m, "welfare_benefit") == at(r, rep, m, "welfare.households", 0));
      CHECK(slot_clients(rep, m, "child_protection") == col_sum(r, rep, m, "youth.child_protection", 0, 2));
      CHECK(slot_clients(rep, m, "debt_help") == at(r, rep, m, "households.by_debt_state", 3));
      CHECK(slot_clients(rep, m, "collective_health_insurance") ==
            at(r, rep, m, "debts.collective_insurance_households", 0));
    }
}

TEST_CASE("a provision added by configuration alone takes its share of new clients", "[integration][provisions]") {
  // Household help delivered by the municipality itself, weight 0.25 against 1: a fifth of
  // new clients. Starts are binomial given the total: 4 standard errors.
  const auto c = test::config(with({"run.scale=0.5", "run.end=2028-12", "run.replicates=2"},
                                   {"provisions.own_help.name_nl=Huishoudelijke ondersteuning (gemeente)",
                                    "provisions.own_help.law=wmo", "provisions.own_help.slot=household_help",
                                    "provisions.own_help.tier=2", "provisions.own_help.share=0.25",
                                    "provisions.own_help.tariff=30", "provisions.own_help.unit=hour",
                                    "provisions.own_help.units=[8]", "provisions.own_help.units_probability=[1]"}));
  const sim::RunResult r = test::run(c, 2);
  const double own = over_run(r, "provisions.starts", category(r, "provisions.starts", "own_help"));
  const double other = over_run(r, "provisions.starts", category(r, "provisions.starts", "household_help"));
  const double n = own + other, p = 0.2;
  REQUIRE(n > 500);
  CHECK(std::fabs(own / n - p) < 4 * std::sqrt(p * (1 - p) / n));
}

TEST_CASE("indications end at their rate and are renewed or stopped; stopped care leaves an unmet need",
          "[integration][provisions]") {
  // ambulant_light: indications of 12 months on average, re-evaluated every 6; every
  // indication that ends is stopped. Reviewed client-months: clients at the review = clients
  // recorded, minus those who started this month (chosen at the record), plus those stopped.
  const auto opts = with(small, {"provisions.ambulant_light.stop_at_renewal=1"});
  const auto c = test::config(opts);
  const sim::RunResult r = test::check_thread_independent(c, {2, 3});
  const int k = category(r, "provisions.clients", "ambulant_light");
  double reviewed = 0, ended = 0, reevaluated = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      const double stops = at(r, rep, m, "provisions.stopped_at_renewal", k);
      reviewed += at(r, rep, m, "provisions.clients", k) - at(r, rep, m, "provisions.starts", k) + stops;
      ended += stops + at(r, rep, m, "provisions.renewals", k);
      reevaluated += at(r, rep, m, "provisions.reevaluations", k);
      CHECK(at(r, rep, m, "provisions.renewals", k) == 0);  // stop_at_renewal = 1
    }
  REQUIRE(reviewed > 2000);
  const auto within = [&](double events, double p) {
    INFO("rate " << events / reviewed << " expected " << p << " over " << reviewed << " client-months");
    CHECK(std::fabs(events / reviewed - p) < 4 * std::sqrt(p * (1 - p) / reviewed));
  };
  within(ended, 1.0 / 12);
  within(reevaluated, 1.0 / 6);
  // The stopped children's needs are unmet again: more unmet need than without stopping.
  const sim::RunResult base = test::run(test::config(small), 2);
  const auto unmet = [](const sim::RunResult& x) {
    double s = 0;
    for (int rep = 0; rep < x.replicates; ++rep) s += col_sum(x, rep, x.months - 1, "youth.unmet_need_by_status", 0, 4);
    return s;
  };
  CHECK(unmet(r) > unmet(base) + 10);
}

TEST_CASE("the intensity norm caps Q; capped youth care escalates only when configured", "[integration][provisions]") {
  const auto capped = test::config(with(small, {"provisions.ambulant_specialist.max_units=12"}));
  const sim::RunResult r = test::check_thread_independent(capped, {2});
  const sim::RunResult base = test::run(test::config(small), 2);
  const int k = category(r, "provisions.clients", "ambulant_specialist");
  const int crisis = static_cast<int>(models::Escalation::UnderIntensityToCrisis);
  double capped_months = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      capped_months += at(r, rep, m, "provisions.capped_clients", k);
      CHECK(at(base, rep, m, "provisions.capped_clients", k) == 0);
      CHECK(at(base, rep, m, "youth.escalations_from_unmet_need", crisis) == 0);
      // Units never exceed the norm.
      CHECK(at(r, rep, m, "provisions.units", k) <= 12 * at(r, rep, m, "provisions.clients", k));
    }
  CHECK(capped_months > 100);
  CHECK(over_run(r, "youth.escalations_from_unmet_need", crisis) > 0);
  CHECK(over_run(r, "provisions.units", k) < over_run(base, "provisions.units", k));
  const sim::RunResult off =
      test::run(test::config(with(small, {"provisions.ambulant_specialist.max_units=12", "youth.under_intensity_escalation=0"})), 2);
  CHECK(over_run(off, "youth.escalations_from_unmet_need", crisis) == 0);
}

TEST_CASE("the income-dependent co-payment changes revenue from its month on, and nothing else", "[integration][provisions]") {
  const auto base = test::config(small);
  const auto later = test::config(with(small, {"wmo.income_dependent_copayment=true", "wmo.income_dependent_copayment_from=2026-01"}));
  const sim::RunResult a = test::run(base, 2), b = test::run(later, 2);
  const std::size_t rev = a.column_of("revenue.copayment"), net = a.column_of("cost.net_total");
  for (int rep = 0; rep < a.replicates; ++rep)
    for (int m = 0; m < a.months; ++m) {
      for (std::size_t col = 0; col < a.width(); ++col) {
        if (m >= 12 && (col == rev || col == net)) continue;
        CHECK(a.value(rep, m, col) == b.value(rep, m, col));
      }
      if (m >= 12) CHECK(b.value(rep, m, rev) > a.value(rep, m, rev));  // classes above 115% pay more
    }
}
