// The provision catalogue: choice among a slot's eligible provisions by share, Q levels and
// the intensity norm, indexation, and the validation of catalogue entries.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/model_tables.hpp"
#include "models/provision_use.hpp"
#include "models/provisions.hpp"
#include "test_support.hpp"

using namespace zorgsim::models;

namespace {
ProvisionParams entry(const std::string& id, const std::string& slot, double share) {
  ProvisionParams p;
  p.id = id;
  p.slot = slot;
  p.share = share;
  p.tariff = 10;
  p.units = {2, 4, 8};
  p.units_probability = {0.25, 0.5, 0.25};
  p.household_types = {"all"};
  p.co_payment = "none";
  return p;
}
}  // namespace

TEST_CASE("a provision is chosen among the eligible ones in proportion to their shares", "[unit][provisions]") {
  ProvisionParams a = entry("a", "youth_ambulant", 3), b = entry("b", "youth_ambulant", 1);
  ProvisionParams dyslexia = entry("dyslexia", "youth_ambulant", 4);
  dyslexia.min_age = 7;
  dyslexia.max_age = 12;
  const ProvisionTables t = prepare_provisions({a, b, dyslexia}, 2024, 0.0, 1.0);
  const int slot = static_cast<int>(Slot::YouthAmbulant);
  const Eligibility child{9, 0, 2}, teen{15, 0, 2};
  // A 9-year-old: weights 3, 1, 4 of 8 -> [0, 0.375) a, [0.375, 0.5) b, [0.5, 1) dyslexia.
  CHECK(care_variant(choose_provision(t, slot, child, 0.374, 0)) == 0);
  CHECK(care_variant(choose_provision(t, slot, child, 0.376, 0)) == 1);
  CHECK(care_variant(choose_provision(t, slot, child, 0.499, 0)) == 1);
  CHECK(care_variant(choose_provision(t, slot, child, 0.501, 0)) == 2);
  CHECK(care_variant(choose_provision(t, slot, child, 0.999999, 0)) == 2);
  // A 15-year-old is not eligible for dyslexia care: weights 3, 1 of 4.
  CHECK(care_variant(choose_provision(t, slot, teen, 0.749, 0)) == 0);
  CHECK(care_variant(choose_provision(t, slot, teen, 0.751, 0)) == 1);
  CHECK(care_variant(choose_provision(t, slot, teen, 0.999999, 0)) == 1);
  CHECK(t.index(slot, choose_provision(t, slot, teen, 0.9, 0)) == 1);
}

TEST_CASE("eligibility by income class and household type", "[unit][provisions]") {
  ProvisionParams p = entry("vouchers", "special_assistance", 0.5);
  p.max_income_class = 0;
  p.household_types = {"couple_with_children", "single_parent"};
  const ProvisionTables t = prepare_provisions({p}, 2024, 0.0, 1.0);
  const Provision& v = t.provisions[0];
  CHECK(v.eligible({30, 0, static_cast<int>(HouseholdType::SingleParent)}));
  CHECK(v.eligible({30, 0, static_cast<int>(HouseholdType::CoupleWithChildren)}));
  CHECK_FALSE(v.eligible({30, 1, static_cast<int>(HouseholdType::SingleParent)}));
  CHECK_FALSE(v.eligible({30, 0, static_cast<int>(HouseholdType::Single)}));
}

TEST_CASE("Q levels follow the distribution; the intensity norm caps them", "[unit][provisions]") {
  ProvisionParams p = entry("help", "household_help", 1);
  p.max_units = 5;
  const ProvisionTables t = prepare_provisions({p}, 2024, 0.0, 1.0);
  const Provision& h = t.provisions[0];
  CHECK(draw_level(h, 0.0) == 0);
  CHECK(draw_level(h, 0.2499) == 0);
  CHECK(draw_level(h, 0.25) == 1);
  CHECK(draw_level(h, 0.7499) == 1);
  CHECK(draw_level(h, 0.75) == 2);
  CHECK(draw_level(h, 0.999999) == 2);
  CHECK(h.units_at(0) == 2);
  CHECK(h.units_at(1) == 4);
  CHECK(h.units_at(2) == 5);  // 8 capped at 5
  CHECK_FALSE(h.capped[1]);
  CHECK(h.capped[2]);
  const std::uint8_t care = choose_provision(t, static_cast<int>(Slot::HouseholdHelp), {80, 3, 0}, 0.5, 0.9);
  CHECK(care_level(care) == 2);
}

TEST_CASE("tariffs are indexed yearly from the price base year; budgets scale with the population", "[unit][provisions]") {
  ProvisionParams p = entry("x", "begeleiding", 1), q = entry("y", "begeleiding", 1);
  q.indexation = 0.1;  // its own indexation overrides the default
  p.budget_per_year = 1200;
  const ProvisionTables t = prepare_provisions({p, q}, 2024, 0.03, 0.5);
  const int jan2024 = 2024 * 12, dec2026 = 2026 * 12 + 11;
  CHECK(t.price(0, jan2024) == 10);
  CHECK(t.price(0, dec2026) == Approx(10 * 1.03 * 1.03).epsilon(1e-15));
  CHECK(t.price(1, dec2026) == Approx(10 * 1.1 * 1.1).epsilon(1e-15));
  CHECK(t.provisions[0].budget_per_month == 50);  // 1200 / 12 x scale 0.5
}

TEST_CASE("catalogue entries are validated with their positions", "[unit][provisions][config]") {
  using zorgsim::test::config;
  CHECK_THROWS_WITH(config({"provisions.steunouder.slot=youth_generl"}), Catch::Contains("unknown slot \"youth_generl\""));
  CHECK_THROWS_WITH(config({"provisions.steunouder.law=wmo"}),
                    Catch::Contains("provisions.steunouder.law: slot youth_general_provision is financed under jeugdwet"));
  CHECK_THROWS_WITH(config({"provisions.steunouder.tier=2"}), Catch::Contains("has tier 1 (got 2)"));
  CHECK_THROWS_WITH(config({"provisions.household_help.units_probability=[0.5, 0.5, 0.5]"}),
                    Catch::Contains("provisions.household_help.units_probability: probabilities must sum to 1"));
  CHECK_THROWS_WITH(config({"provisions.household_help.units_probability=[0.5, 0.5]"}),
                    Catch::Contains("needs one probability per element of units (3)"));
  CHECK_THROWS_WITH(config({"provisions.household_help.max_income_class=1"}),
                    Catch::Contains("slot household_help needs a provision with share > 0 open to everyone"));
  CHECK_THROWS_WITH(config({"provisions.bijstand.indication_months=12"}),
                    Catch::Contains("indications and re-evaluations apply to provisions that persons hold"));
  CHECK_THROWS_WITH(config({"provisions.clothing_vouchers.household_types=[families]"}),
                    Catch::Contains("unknown household type \"families\""));
  CHECK_THROWS_WITH(config({"provisions.aids.co_payment=income"}), Catch::Contains("must be \"none\" or \"wmo\""));
  CHECK_THROWS_WITH(config({"provisions.reintegration.share=2"}), Catch::Contains("a reach slot's share is a probability"));
  CHECK_THROWS_WITH(config({"provisions.bijstand.places=100"}),
                    Catch::Contains("provisions.bijstand.places: places apply to bespoke youth care"));
  CHECK_THROWS_WITH(config({"provisions.begeleiding.places=-0.5"}),
                    Catch::Contains("provisions.begeleiding.places: must be -1 (unlimited) or a number of places >= 0"));
  CHECK_THROWS_WITH(config({"provisions.new_thing.tariff=3"}),
                    Catch::Contains("provisions.new_thing.slot: the record has no value for this required field"));
}

TEST_CASE("the Wmo co-payment: flat, then by income class from its month, indexed like tariffs", "[unit][provisions]") {
  const auto c = zorgsim::test::config({"wmo.income_dependent_copayment=true", "wmo.income_dependent_copayment_from=2027-01",
                                        "wmo.copayment_by_income_class=[10, 19, 45, 110]", "money.indexation_per_year=0.03"});
  const ModelTables t = prepare_tables(c.model);
  const double i2026 = 1.03 * 1.03, i2027 = i2026 * 1.03;  // price base year 2024
  CHECK(copayment(t, 3, 2026 * 12 + 11) == Approx(19 * i2026).epsilon(1e-14));
  CHECK(copayment(t, 0, 2026 * 12 + 11) == Approx(19 * i2026).epsilon(1e-14));
  CHECK(copayment(t, 3, 2027 * 12) == Approx(110 * i2027).epsilon(1e-14));
  CHECK(copayment(t, 0, 2027 * 12) == Approx(10 * i2027).epsilon(1e-14));
  const ModelTables flat = prepare_tables(zorgsim::test::config().model);
  CHECK(copayment(flat, 3, 2030 * 12) == Approx(19 * std::pow(1 + flat.params.money.indexation_per_year, 6)).epsilon(1e-14));
}
