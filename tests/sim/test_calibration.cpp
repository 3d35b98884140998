// Calibration targets: parsing with clear errors, and exact evaluation on a known run.
#include <catch2/catch.hpp>

#include <sstream>

#include "sim/calibration.hpp"

using namespace zorgsim::sim;

namespace {
const std::vector<IndicatorSpec> indicators = {
    {"pop.persons", "persons", Aggregation::Stock, "", "", {}},
    {"pop.by_age", "persons", Aggregation::Stock, "", "", {"young", "old"}},
    {"money.cost", "EUR", Aggregation::Flow, "", "", {}},
};

RunResult toy_run() {
  RunResult r;
  r.indicators = indicators;
  r.offsets = {0, 1, 3, 4};
  r.first_month = 2025 * 12;
  r.months = 12;
  r.replicates = 2;
  // initial rows: persons, young, old, cost
  r.initial = {100, 30, 70, 0, 120, 40, 80, 0};
  r.monthly.assign(2 * 12 * 4, 0.0);
  for (int rep = 0; rep < 2; ++rep)
    for (int m = 0; m < 12; ++m) {
      double* row = r.monthly.data() + (rep * 12 + m) * 4;
      row[0] = 100, row[1] = 30, row[2] = 70, row[3] = 1e6 * (rep + 1);  // EUR 12M or 24M a year
    }
  return r;
}
}  // namespace

TEST_CASE("calibration rows are evaluated from indicators exactly", "[unit][calibration]") {
  Diagnostics d;
  const auto targets = parse_calibration_targets("t.yaml", R"(targets:
  - {id: persons, figure: p, value: 110, unit: persons, confidence: M, source: s,
     model: {when: initial, sum: {indicator: pop.persons}}}
  - {id: young_share, figure: y, value: 0.3, unit: share, confidence: EST, source: s,
     model: {when: initial, sum: {indicator: pop.by_age, categories: [young]}, per: {indicator: pop.persons}}}
  - {id: spending, figure: c, value: 20, unit: EUR million, confidence: EST, source: s,
     model: {when: first_year, sum: {indicator: money.cost}, scale: 1.0e-6}}
  - {id: missing, figure: m, value: 1, unit: x, confidence: H, source: s, model: null}
)",
                                                 indicators, d);
  REQUIRE(d.empty());
  REQUIRE(targets.size() == 4);
  const RunResult run = toy_run();
  const auto rows = evaluate_calibration(targets, run, 1.0);
  CHECK(rows[0].model == 110);  // mean of 100 and 120
  CHECK(rows[0].within);        // exactly on target
  CHECK(rows[1].model == Approx((0.3 + 40.0 / 120) / 2));
  CHECK(rows[1].within);        // +5.6% within EST's 10%
  CHECK(rows[2].model == Approx(18));  // (12 + 24) / 2
  CHECK(rows[2].deviation == Approx(-0.1));
  CHECK_FALSE(rows[3].target->modelled);
  std::ostringstream out;
  CHECK(print_calibration(out, rows, "2025-01") == 0);  // -10% exactly is within 10%
  CHECK(out.str().find("not modelled") != std::string::npos);
  CHECK(out.str().find("3 of 4 figures modelled; 0 outside") != std::string::npos);
}

TEST_CASE("bad targets files give positioned errors", "[unit][calibration]") {
  Diagnostics d;
  parse_calibration_targets("bad.yaml", R"(targets:
  - {id: a, figure: f, value: 1, unit: u, confidence: X, source: s,
     model: {when: initial, sum: {indicator: pop.nope}}}
  - {id: a, figure: f, value: 1, unit: u, confidence: H, source: s, colour: red,
     model: {when: later, sum: {indicator: pop.by_age, categories: [middle]}}}
)",
                            indicators, d);
  const std::string all = d.str();
  CHECK(all.find("bad.yaml:2:") != std::string::npos);
  CHECK(all.find("confidence: must be H, M or EST") != std::string::npos);
  CHECK(all.find("unknown indicator 'pop.nope'") != std::string::npos);
  CHECK(all.find("duplicate id 'a'") != std::string::npos);
  CHECK(all.find("colour: unknown key") != std::string::npos);
  CHECK(all.find("when: must be 'initial' or 'first_year'") != std::string::npos);
  CHECK(all.find("'middle' is not a category of pop.by_age") != std::string::npos);
}

TEST_CASE("counts are divided by run.scale, ratios are not; the first twelve months make the year",
          "[unit][calibration]") {
  Diagnostics d;
  const auto targets = parse_calibration_targets("t.yaml", R"(targets:
  - {id: persons, figure: p, value: 220, unit: persons, confidence: M, source: s,
     model: {when: initial, sum: {indicator: pop.persons}}}
  - {id: young_share, figure: y, value: 0.3, unit: share, confidence: EST, source: s,
     model: {when: initial, sum: {indicator: pop.by_age, categories: [young]}, per: {indicator: pop.persons}}}
  - {id: spending, figure: c, value: 36, unit: EUR million, confidence: EST, source: s,
     model: {when: first_year, sum: {indicator: money.cost}, scale: 1.0e-6}}
)",
                                                 indicators, d);
  REQUIRE(d.empty());
  RunResult run = toy_run();
  run.first_month = 2025 * 12 + 6;  // July: the twelve months span two calendar years
  const auto rows = evaluate_calibration(targets, run, 0.5);
  CHECK(rows[0].model == 220);  // 110 at half scale
  CHECK(rows[1].model == Approx((0.3 + 40.0 / 120) / 2));
  CHECK(rows[2].model == Approx(36));  // (12 + 24) / 2, doubled
}

TEST_CASE("malformed model entries and zero targets are positioned errors", "[unit][calibration]") {
  Diagnostics d;
  parse_calibration_targets("m.yaml", R"(targets:
  - {id: a, figure: f, value: 1, unit: u, confidence: H, source: s, model: {when: initial}}
  - {id: b, figure: f, value: 1, unit: u, confidence: H, source: s, model: initial}
  - {id: c, figure: f, value: 1, unit: u, confidence: H, source: s,
     model: {when: initial, sum: {indicator: pop.persons}, scale: lots}}
  - {id: d, figure: f, value: 0, unit: u, confidence: H, source: s, model: null}
)",
                            indicators, d);
  const std::string all = d.str();
  INFO(all);
  CHECK(all.find("targets[0].model.sum: missing") != std::string::npos);
  CHECK(all.find("m.yaml:3:") != std::string::npos);
  CHECK(all.find("targets[1].model: expected a map") != std::string::npos);
  CHECK(all.find("targets[2].model.scale: expected a number") != std::string::npos);
  CHECK(all.find("targets[3].value: must not be 0") != std::string::npos);
}
