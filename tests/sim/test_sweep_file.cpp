// Sweep files bound to the configuration and the scenarios: default ranges are the plausible
// ranges next to the parameters, a measure's effect size is replaced in every scenario that
// has the measure, list elements and whole numbers are applied as such, seeds are common or
// per point, and the sweep's hash changes with anything that changes its runs.
#include <catch2/catch.hpp>

#include <set>

#include "sim/app/sweep_file.hpp"
#include "test_support.hpp"

using namespace zorgsim;

namespace {
const std::string small_sweep = std::string(ZORGSIM_SOURCE_DIR) + "/tests/data/sweep-small.yaml";

const models::Measure* measure_in(const app::ResolvedScenario& s, const std::string& id) {
  for (const models::Measure& m : s.measures)
    if (m.id == id) return &m;
  return nullptr;
}
}  // namespace

TEST_CASE("sweep binding: ranges default to the plausible ranges; columns, runs and seeds", "[unit][sweep]") {
  const app::SweepPlan plan = app::bind_sweep(app::parse_sweep(small_sweep));
  const sim::SweepResults& r = plan.skeleton;
  REQUIRE(r.parameters.size() == 3);
  // youth.ambulant_duration: plausible [6, 15] in configs/almelo.yaml.
  CHECK(r.parameters[0].name == "youth.ambulant_duration");
  CHECK(r.parameters[0].range.low == 6);
  CHECK(r.parameters[0].range.high == 15);
  CHECK(r.parameters[0].unit == "months");
  CHECK_THAT(r.parameters[0].source, Catch::Contains("plausible range"));
  CHECK(r.parameters[1].range.low == 0.0004);
  CHECK(r.parameters[1].range.high == 0.002);
  // max-q-norms effect 0: provisions.ambulant_light.max_units set 13, plausible [12, 18].
  CHECK(r.parameters[2].name == "max-q-norms: provisions.ambulant_light.max_units");
  CHECK(r.parameters[2].measure == "max-q-norms");
  CHECK(r.parameters[2].range.low == 12);
  CHECK(r.parameters[2].range.high == 18);

  // Morris, 3 trajectories x (3 + 1) points; 2 replicates; 2 scenarios.
  CHECK(r.points() == 12);
  CHECK(r.runs() == 48);
  CHECK(r.scenarios == std::vector<std::string>{"baseline", "perspectiefnota-2026-2029"});
  CHECK(r.scenario_measures[0].empty());
  CHECK_THAT(r.scenario_measures[1], Catch::Contains("max-q-norms"));
  REQUIRE(r.columns.size() == 4);
  CHECK(r.columns[0].name == "jeugdwet_cost 2029");
  CHECK(r.columns[1].name == "jeugdwet_cost 2026-2029");
  CHECK((r.columns[1].first_year == 2026 && r.columns[1].last_year == 2029));
  CHECK(r.columns[2].name == "youth.persons_by_tier[tier3_heavy] 2029");
  CHECK(r.columns[3].categories == "all");
  CHECK(r.seeds == std::vector<std::uint64_t>(24, 11));  // seeds: common (the default)
  for (std::size_t p = 0; p < r.points(); ++p)
    for (std::size_t k = 0; k < 3; ++k) {
      const double v = r.values[p * 3 + k];
      CHECK(v == sim::value_at(r.parameters[k].range, r.unit[p * 3 + k]));
      CHECK((v >= r.parameters[k].range.low && v <= r.parameters[k].range.high));
    }
  CHECK(std::all_of(r.done.begin(), r.done.end(), [](std::uint8_t d) { return d == 0; }));
}

TEST_CASE("sweep binding: a point's values reach the configuration and every scenario with the measure",
          "[unit][sweep]") {
  const app::SweepPlan plan = app::bind_sweep(app::parse_sweep(small_sweep));
  for (std::size_t p : {0u, 5u, 11u}) {
    const app::PointInputs in = app::point_inputs(plan, p);
    INFO("point " << p);
    CHECK(in.config.model.youth.ambulant_duration == plan.skeleton.values[p * 3 + 0]);
    CHECK(in.config.model.youth.ambulant_to_placement == plan.skeleton.values[p * 3 + 1]);
    CHECK(measure_in(in.scenarios[0], "max-q-norms") == nullptr);
    const models::Measure* m = measure_in(in.scenarios[1], "max-q-norms");
    REQUIRE(m != nullptr);
    CHECK(m->effects[0].value.real == plan.skeleton.values[p * 3 + 2]);
    CHECK(m->effects[1].value.real == 18);  // the other effects keep their values
    // The base configuration is untouched.
    CHECK(plan.base->model.youth.ambulant_duration == 9);
  }
}

TEST_CASE("sweep binding: list elements, whole numbers, per-point seeds", "[unit][sweep]") {
  const std::string dir = test::temp_dir("sweep_binding");
  const std::string file = test::write_file(
      dir, "s.yaml",
      "name: s\nset: [\"run.scale=0.02\"]\nscenarios: [baseline]\nseed: 3\nseeds: per-point\nreplicates: 2\n"
      "design: {method: lhs, points: 5}\n"
      "parameters:\n  - {path: youth.unmet_escalation, element: 1}\n"
      "  - {path: provisions.dyslexia_care.max_age, range: [10, 15]}\n"
      "outputs:\n  - {indicator: cost.net_total, years: [2026]}\n");
  const app::SweepPlan plan = app::bind_sweep(app::parse_sweep(file));
  const sim::SweepResults& r = plan.skeleton;
  // youth.unmet_escalation element 1: plausible [0, 0.006] (per element in configs/almelo.yaml).
  CHECK(r.parameters[0].name == "youth.unmet_escalation[1]");
  CHECK(r.parameters[0].range.low == 0);
  CHECK(r.parameters[0].range.high == 0.006);
  const std::vector<double> base = plan.base->model.youth.unmet_escalation;
  std::set<std::uint64_t> seeds;
  for (std::size_t p = 0; p < r.points(); ++p) {
    CHECK(r.values[p * 2 + 1] == std::round(r.values[p * 2 + 1]));  // a whole-number parameter
    const app::PointInputs in = app::point_inputs(plan, p);
    std::vector<double> expect = base;
    expect[1] = r.values[p * 2 + 0];
    CHECK(in.config.model.youth.unmet_escalation == expect);  // only element 1 changed
    CHECK(r.seeds[p * 2] == r.seeds[p * 2 + 1]);              // replicates differ by their number, not seed
    seeds.insert(r.seeds[p * 2]);
  }
  CHECK(seeds.size() == r.points());  // per-point seeds differ
  CHECK(seeds.count(3) == 0);
}

TEST_CASE("sweep binding: the hash changes with the file, the assignments and the scenarios", "[unit][sweep]") {
  const std::string dir = test::temp_dir("sweep_hash");
  const std::string text =
      "name: h\nset: [\"run.scale=0.02\"]\nscenarios: [baseline]\ndesign: {method: lhs, points: 3}\n"
      "parameters:\n  - {path: youth.ambulant_duration}\noutputs:\n  - {indicator: cost.net_total, years: [2026]}\n";
  const auto hash = [&](const std::string& t, const std::vector<std::string>& sets = {}) {
    return app::bind_sweep(app::parse_sweep(test::write_file(dir, "h.yaml", t)), sets).skeleton.sweep_sha256;
  };
  const std::string h0 = hash(text);
  CHECK(h0.size() == 64);
  CHECK(hash(text) == h0);
  CHECK(hash(text + "# a comment\n") != h0);  // the text itself: conservative on purpose
  CHECK(hash(text, {"youth.general_duration=7"}) != h0);
  std::string with_package = text;
  with_package.replace(with_package.find("[baseline]"), 10, "[baseline, adviesraad]");
  CHECK(hash(with_package) != h0);
}
