// `zorgsim compare`, `zorgsim measures` and `run --scenario` end to end: the HDF5 file read
// back (savings equal the runs' cost difference, attribution closes), every embedded
// scenario on a small population, and bad measure and scenario files.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "sim/app/measure_files.hpp"
#include "sim/hdf5_reader.hpp"
#include "test_support.hpp"

using namespace zorgsim;

namespace {
const std::string small = std::string(ZORGSIM_SOURCE_DIR) + "/tests/data/small.yaml";

std::string measure(const std::string& id, const std::string& effects, const std::string& extra = "") {
  return "id: " + id + "\nlaw: jeugdwet\nkind: behavioural\nlist: test\ntitle_nl: t\ndescription_nl: d\nsummary: s\n"
         "mechanism: m\nstart: 2026-01\nramp_months: 0\n" + extra + "effects:\n" + effects;
}
const std::string fewer_ambulant =
    "  - {parameter: youth.to_ambulant, operation: multiply, value: 0.7, plausible: [0.5, 1], source: x}\n";
const std::string shorter_wmo =
    "  - {parameter: wmo.begeleiding.duration, operation: multiply, value: 0.7, plausible: [0.5, 1], source: x}\n";
}  // namespace

TEST_CASE("compare: the comparison group holds exactly the paired differences of the scenario groups", "[integration][compare]") {
  const std::string dir = test::temp_dir("compare_file");
  test::write_file(dir, "a.yaml", measure("fewer-ambulant", fewer_ambulant));
  test::write_file(dir, "b.yaml", measure("shorter-begeleiding", shorter_wmo, "cost: {law: wmo, per_month: {value: 1000, plausible: [0, 2000], source: x}}\n"));
  const std::string scenario = test::write_file(
      dir, "package.yaml", "name: package\nmeasure_files: [a.yaml, b.yaml]\nmeasures: [fewer-ambulant, shorter-begeleiding]\n");
  const std::string file = dir + "/cmp.h5";
  const auto r = test::zorgsim("compare baseline '" + scenario + "' -c '" + small + "' -o '" + file +
                               "' --replicates 3 --attribution --threads 2");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("package versus baseline"));
  CHECK_THAT(r.out, Catch::Contains("Savings, EUR million"));
  CHECK_THAT(r.out, Catch::Contains("Attribution of package"));

  // Savings in the comparison = the cost difference of the two runs, replicate by replicate.
  const auto b = sim::read_dataset(file, "/scenarios/baseline/annual/cost/by_law");
  const auto p = sim::read_dataset(file, "/scenarios/package/annual/cost/by_law");
  const auto mean = sim::read_dataset(file, "/comparison/cost/by_law/mean");
  const auto se = sim::read_dataset(file, "/comparison/cost/by_law/se");
  const auto low = sim::read_dataset(file, "/comparison/cost/by_law/ci_low");
  REQUIRE(b.dims == std::vector<std::uint64_t>{3, 2, 4});
  REQUIRE(mean.dims == std::vector<std::uint64_t>{1, 2, 4});  // [scenario, year, law]
  for (std::size_t y = 0; y < 2; ++y)
    for (std::size_t l = 0; l < 4; ++l) {
      double d = 0;
      for (std::size_t k = 0; k < 3; ++k) d += p.values[(k * 2 + y) * 4 + l] - b.values[(k * 2 + y) * 4 + l];
      INFO("year " << y << " law " << l);
      CHECK(mean.values[y * 4 + l] == d / 3);  // exactly: the same sums in the same order
      CHECK(low.values[y * 4 + l] == Approx(d / 3 - 4.303 * se.values[y * 4 + l]).epsilon(1e-9));
    }
  // 2025: no measure yet, so nothing differs; 2026: the measures act.
  for (std::size_t l = 0; l < 4; ++l) CHECK(mean.values[l] == 0.0);
  CHECK(mean.values[4 + 0] != 0.0);  // Jeugdwet in 2026
  CHECK(mean.values[4 + 1] != 0.0);  // Wmo in 2026
  const auto own = sim::read_dataset(file, "/scenarios/package/annual/measures/own_cost");
  CHECK(own.values[(0 * 2 + 1) * 2 + 1] == Approx(12 * 1000 * 1.03 * 1.03 * 0.05));  // indexed, scaled (x0.05)

  // Attribution: the measures alone plus the interaction give the package, year by year.
  const auto pkg = sim::read_dataset(file, "/attribution/package/cost/net_total/package");
  const auto alone = sim::read_dataset(file, "/attribution/package/cost/net_total/alone");
  const auto inter = sim::read_dataset(file, "/attribution/package/cost/net_total/interaction");
  REQUIRE(alone.dims == std::vector<std::uint64_t>{2, 2});  // [measure, year]
  for (std::size_t y = 0; y < 2; ++y)
    CHECK(alone.values[y] + alone.values[2 + y] + inter.values[y] == Approx(pkg.values[y]).margin(1e-6));
  CHECK(pkg.values[1] == Approx(sim::read_dataset(file, "/comparison/cost/net_total/mean").values[1]).epsilon(1e-12));
  CHECK(sim::read_dataset(file, "/attribution/package/cost/net_total/alone_se").values[2 + 1] > 0);  // 2026, measure 2
  CHECK(sim::read_dataset(file, "/attribution/package/cost/net_total/interaction_se").values.size() == 2);
  CHECK(sim::read_string_attribute(file, "/", "scenario") == "baseline");
}

TEST_CASE("compare files are identical for 1 and 3 threads", "[integration][compare][determinism]") {
  const std::string dir = test::temp_dir("compare_threads");
  for (int threads : {1, 3}) {
    const auto r = test::zorgsim("compare baseline budget-ceiling -c '" + small + "' -o '" + dir + "/t" +
                                 std::to_string(threads) + ".h5' --replicates 2 -q --set run.end=2027-12 --threads " +
                                 std::to_string(threads));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  for (const char* d : {"/comparison/cost/net_total/mean", "/comparison/cost/net_total/se",
                        "/scenarios/budget-ceiling/monthly/youth/stock_by_state",
                        "/scenarios/budget-ceiling/monthly/budget_ceiling/admission_stop"}) {
    INFO(d);
    CHECK(sim::read_dataset(dir + "/t1.h5", d).values == sim::read_dataset(dir + "/t3.h5", d).values);
  }
}

TEST_CASE("every embedded scenario runs end to end on a small population", "[integration][compare]") {
  const std::string dir = test::temp_dir("compare_all");
  const std::string file = dir + "/all.h5";
  // Until 2027-12: the income-dependent co-payment starts 2027-01 (a measure outside the
  // horizon is an error).
  const auto r = test::zorgsim("compare baseline perspectiefnota-2026-2029 adviesraad budget-ceiling -c '" + small +
                               "' -o '" + file + "' --replicates 1 --threads 2 --set run.end=2027-12");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* s : {"baseline", "perspectiefnota-2026-2029", "adviesraad", "budget-ceiling"})
    CHECK(sim::read_dataset(file, std::string("/scenarios/") + s + "/annual/cost/net_total").values.size() == 3);
  const auto stop = sim::read_dataset(file, "/scenarios/budget-ceiling/monthly/budget_ceiling/admission_stop");
  double months_stopped = 0;
  for (double v : stop.values) months_stopped += v;
  CHECK(months_stopped > 0);  // the ceiling binds in the warning's scenario

  const auto run = test::zorgsim("run '" + small + "' --scenario adviesraad --set run.end=2027-12 -o '" + dir + "/adv.h5' -q");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(sim::read_string_attribute(dir + "/adv.h5", "/", "scenario") == "adviesraad");
}

TEST_CASE("the example scenario with measures of its own runs", "[integration][compare][examples]") {
  const std::string dir = test::temp_dir("compare_example");
  const std::string scenario = std::string(ZORGSIM_SOURCE_DIR) + "/configs/examples/scenarios/own-measures.yaml";
  const auto r = test::zorgsim("compare baseline '" + scenario + "' -c '" + small + "' -o '" + dir +
                               "/own.h5' --replicates 1 --set run.end=2028-12");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("package-with-own-measures versus baseline"));
  // The steunouder measure is the example's (twice the catalogue's cost), once; the pilot is added last.
  const auto s = app::resolve_scenario(scenario);
  int steunouder = 0;
  for (const auto& m : s.measures)
    if (m.id == "steunouder") {
      ++steunouder;
      CHECK(m.cost_per_month.value == 10000);
    }
  CHECK(steunouder == 1);
  CHECK(s.measures.back().id == "district-pilot");
  CHECK(s.measures.size() == app::resolve_scenario("perspectiefnota-2026-2029").measures.size() + 1);
}

TEST_CASE("measures lists the catalogue: law, kind, and every entry validates", "[integration][compare]") {
  const auto r = test::zorgsim("measures");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("steunouder  [jeugdwet, behavioural, from 2026-01"));
  CHECK_THAT(r.out, Catch::Contains("vat-exemption-debt-help  [participatiewet, budgetary"));
  CHECK_THAT(r.out, Catch::Contains("household-help-norms  [wmo, in base year"));
  const auto md = test::zorgsim("measures --markdown");
  REQUIRE(md.exit_code == 0);
  CHECK_THAT(md.out, Catch::StartsWith("| id | law | Dutch title |"));
}

TEST_CASE("bad measure and scenario files: file:line:column, exit 2, no output", "[integration][compare][bad-input]") {
  const std::string dir = test::temp_dir("compare_bad");
  const std::string out = dir + "/out.h5";
  const auto check = [&](const std::string& name, const std::string& text, const std::string& message) {
    const std::string scenario = test::write_file(dir, name, text);
    const auto r = test::zorgsim("compare baseline '" + scenario + "' -c '" + small + "' -o '" + out + "'");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(message));
    CHECK_FALSE(std::filesystem::exists(out));
    for (const std::string& f : test::files_in(dir)) CHECK(f.find(".h5") == std::string::npos);  // no temporary left
  };
  test::write_file(dir, "unknown-param.yaml",
                   measure("bad", "  - {parameter: youth.to_nowhere, operation: multiply, value: 0.7, plausible: [0.5, 1], source: x}\n"));
  check("s1.yaml", "name: s1\nmeasure_files: [unknown-param.yaml]\nmeasures: [bad]\n",
        "unknown-param.yaml:12:5: youth.to_nowhere: no such model parameter");
  check("s2.yaml", "name: s2\nmeasures: [steunouder, no-such-measure]\n", "s2.yaml:2:24: no-such-measure: unknown measure 'no-such-measure'");
  check("s9.yaml", "name: s9\nmeasure_files: [nowhere.yaml]\nmeasures: [x]\n", "nowhere.yaml: cannot read the file");
  check("s10.yaml", "name: s10\nmeasures: [steunouder\n", "s10.yaml:3:1: YAML syntax");
  check("s8.yaml", "name: s8\ninclude: baseline\nremove:\n  - steunouder\n", "s8.yaml:4:5: steunouder: scenario 's8' removes measure 'steunouder', which it does not have");
  test::write_file(dir, "late.yaml", "id: late\nlaw: wmo\nkind: budgetary\nlist: x\ntitle_nl: t\ndescription_nl: d\n"
                                     "summary: s\nmechanism: m\nstart: 2031-01\nbudget: {per_year: {value: -1, source: x}}\n");
  check("s3.yaml", "name: s3\nmeasure_files: [late.yaml]\nmeasures: [late]\n", "late.yaml:9:8: late: starts 2031-01, outside the run's horizon");
  check("s4.yaml", "name: s4\nmeasures: [steunouder]\ncolour: red\n", "s4.yaml:3:1: colour: unknown key");
  check("s5.yaml", "name: s5\ninclude: s5.yaml\n", "includes itself");
  check("s6.yaml", "name: s6\nmeasures: [household-help-norms]\n", "part of the calibrated 2024 figures");
  test::write_file(dir, "twice-a.yaml", measure("twice-a", "  - {parameter: youth.ambulant_duration, operation: set, value: 6, plausible: [5, 7], source: x}\n"));
  test::write_file(dir, "twice-b.yaml", measure("twice-b", "  - {parameter: youth.ambulant_duration, operation: set, value: 8, plausible: [7, 9], source: x}\n"));
  check("s7.yaml", "name: s7\nmeasure_files: [twice-a.yaml, twice-b.yaml]\nmeasures: [twice-a, twice-b]\n",
        "measures 'twice-a' and 'twice-b' set this parameter to different values");
  const auto r = test::zorgsim("compare baseline nowhere -c '" + small + "' -o '" + out + "'");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown scenario 'nowhere'"));
}
