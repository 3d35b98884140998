#include <catch2/catch.hpp>

#include <cmath>

#include "models/demography.hpp"
#include "models/population.hpp"
#include "sim/rng.hpp"

using namespace zorgsim::models;

namespace {
DemographyParams params() {
  DemographyParams p;
  p.mortality_male = {0.01, 0.001, 0.001, 0.001, 0.001, 0.001, 0.01, 0.05, 0.2};
  p.mortality_female = {0.005, 0.001, 0.001, 0.001, 0.001, 0.001, 0.01, 0.04, 0.15};
  p.fertility = {0.0, 0.02, 0.06, 0.12, 0.06, 0.01, 0.0};
  p.male_share_at_birth = 0.5;
  return p;
}
}  // namespace

TEST_CASE("annual to monthly conversions", "[unit][demography]") {
  CHECK(monthly_from_annual_probability(0.0) == 0.0);
  CHECK(monthly_from_annual_probability(1.0) == 1.0);
  const double m = monthly_from_annual_probability(0.2);
  CHECK(1 - std::pow(1 - m, 12) == Approx(0.2).epsilon(1e-12));
  CHECK(monthly_from_annual_rate(0.12) == Approx(1 - std::exp(-0.01)).epsilon(1e-12));
}

TEST_CASE("death and birth use disjoint ends of one word", "[unit][demography]") {
  const DemographyTables t = prepare_demography(params());
  const std::uint32_t death85m = t.death[0][90];
  CHECK(death85m == zorgsim::sim::probability_threshold(monthly_from_annual_probability(0.2)));
  CHECK(dies(t, false, 90, death85m - 1));
  CHECK_FALSE(dies(t, false, 90, death85m));
  CHECK(t.death[1][0] < t.death[0][0]);  // women die less often in the first year
  // ages beyond the table use its last row
  CHECK(dies(t, true, 130, t.death[1][127] - 1));
  // births: only ages 15-49, top of the word
  CHECK_FALSE(gives_birth(t, 14, 0xFFFFFFFFu));
  CHECK_FALSE(gives_birth(t, 50, 0xFFFFFFFFu));
  CHECK(gives_birth(t, 31, 0xFFFFFFFFu));
  CHECK_FALSE(gives_birth(t, 31, 0xFFFFFFFFu - t.birth[31]));
  CHECK(gives_birth(t, 31, 0xFFFFFFFFu - t.birth[31] + 1));
  // a word cannot both kill and give birth at these rates
  CHECK(t.death[1][31] < 0xFFFFFFFFu - t.birth[31]);
}

TEST_CASE("newborn ids are stable, marked and below 2^56", "[unit][demography]") {
  const auto a = newborn_id(77, 24300), b = newborn_id(77, 24300), c = newborn_id(77, 24301), d = newborn_id(78, 24300);
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a != d);
  for (auto id : {a, c, d}) {
    CHECK(id < (std::uint64_t{1} << 56));
    CHECK((id >> 55) == 1u);
  }
}
