// `zorgsim` end to end: run a small configuration, read the HDF5 file back and check it
// against the printed table; provenance; thread-count independence through the file.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "sim/hdf5_reader.hpp"
#include "test_support.hpp"

using namespace zorgsim;

namespace {
const std::string small = std::string(ZORGSIM_SOURCE_DIR) + "/tests/data/small.yaml";

// Rows of the printed summary table: year -> columns.
std::vector<std::vector<double>> table_rows(const std::string& out, std::vector<std::string>& headers) {
  std::istringstream in(out);
  std::vector<std::vector<double>> rows;
  for (std::string line; std::getline(in, line);) {
    std::istringstream ls(line);
    std::string first;
    ls >> first;
    if (first == "year") {
      headers.clear();
      // headers are separated by two spaces and may contain one space
      std::string rest = line.substr(line.find("year") + 4);
      std::size_t pos = 0;
      while ((pos = rest.find_first_not_of(' ', pos)) != std::string::npos) {
        const std::size_t end = rest.find("  ", pos);
        headers.push_back(rest.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
        pos = end;
      }
      continue;
    }
    if (first.size() == 4 && std::isdigit(static_cast<unsigned char>(first[0]))) {
      std::vector<double> row{std::stod(first)};
      for (double x; ls >> x;) row.push_back(x);
      rows.push_back(row);
    }
  }
  return rows;
}

double mean_over_replicates(const sim::DatasetValues& d, std::size_t year, std::size_t category) {
  const std::size_t reps = d.dims[0], years = d.dims[1], cats = d.dims.size() > 2 ? d.dims[2] : 1;
  double s = 0;
  for (std::size_t r = 0; r < reps; ++r) s += d.values[(r * years + year) * cats + category];
  return s / reps;
}
}  // namespace

TEST_CASE("run writes a file whose annual values match the printed table", "[integration][cli]") {
  const std::string dir = test::temp_dir("cli_run");
  const std::string file = dir + "/small.h5";
  const auto c = test::zorgsim("run '" + small + "' -o '" + file + "' --threads 2");
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  CHECK(c.out.find("Results written to " + file) != std::string::npos);
  std::vector<std::string> headers;
  const auto rows = table_rows(c.out, headers);
  REQUIRE(rows.size() == 2);  // 2025 and 2026
  REQUIRE(headers.size() == rows[0].size() - 1);
  const auto column = [&](const std::string& h) {
    for (std::size_t i = 0; i < headers.size(); ++i)
      if (headers[i] == h) return i + 1;
    FAIL("no column " << h);
    return std::size_t{0};
  };
  const auto persons = sim::read_dataset(file, "/annual/population/persons");
  const auto tiers = sim::read_dataset(file, "/annual/youth/persons_by_tier");
  const auto law = sim::read_dataset(file, "/annual/cost/by_law");
  const auto welfare = sim::read_dataset(file, "/annual/welfare/households");
  REQUIRE(persons.dims == std::vector<std::uint64_t>{2, 2});
  REQUIRE(law.dims == std::vector<std::uint64_t>{2, 2, 4});
  for (std::size_t y = 0; y < 2; ++y) {
    CHECK(rows[y][0] == 2025 + y);
    CHECK(std::fabs(rows[y][column("persons")] - mean_over_replicates(persons, y, 0)) <= 0.5);
    CHECK(std::fabs(rows[y][column("J:placed")] - mean_over_replicates(tiers, y, 3)) <= 0.5);
    CHECK(std::fabs(rows[y][column("P:welfare hh")] - mean_over_replicates(welfare, y, 0)) <= 0.5);
    CHECK(std::fabs(rows[y][column("EUR M Jeugd")] - mean_over_replicates(law, y, 0) / 1e6) <= 0.05 + 1e-9);
    CHECK(std::fabs(rows[y][column("EUR M Wmo")] - mean_over_replicates(law, y, 1) / 1e6) <= 0.05 + 1e-9);
  }
  // the annual series are the monthly ones aggregated (stocks: December; flows: sums)
  const auto monthly_deaths = sim::read_dataset(file, "/monthly/population/deaths");
  const auto annual_deaths = sim::read_dataset(file, "/annual/population/deaths");
  const auto monthly_persons = sim::read_dataset(file, "/monthly/population/persons");
  REQUIRE(monthly_deaths.dims == std::vector<std::uint64_t>{2, 24});
  for (std::size_t r = 0; r < 2; ++r)
    for (std::size_t y = 0; y < 2; ++y) {
      double sum = 0;
      for (std::size_t m = 0; m < 12; ++m) sum += monthly_deaths.values[r * 24 + y * 12 + m];
      CHECK(annual_deaths.values[r * 2 + y] == sum);
      CHECK(persons.values[r * 2 + y] == monthly_persons.values[r * 24 + y * 12 + 11]);
    }
}

TEST_CASE("the file carries provenance and self-description", "[integration][cli]") {
  const std::string dir = test::temp_dir("cli_prov");
  const std::string file = dir + "/p.h5";
  REQUIRE(test::zorgsim("run '" + small + "' -q -o '" + file + "' --seed 99").exit_code == 0);
  CHECK(sim::read_string_attribute(file, "/", "schema_version") == "1");
  CHECK(sim::read_string_attribute(file, "/", "seed") == "99");
  CHECK(sim::read_string_attribute(file, "/", "replicates") == "2");
  CHECK(sim::read_string_attribute(file, "/", "config_sha256").size() == 64);
  const std::string yaml = sim::read_string_attribute(file, "/", "config_yaml");
  CHECK(yaml.find("seed: {value: 99") != std::string::npos);
  CHECK(yaml.find("CBS 37360ned") != std::string::npos);  // sources travel with the results
  CHECK(sim::read_string_attribute(file, "/", "library_versions").find("hdf5") != std::string::npos);
  CHECK(sim::read_string_attribute(file, "/", "command_line").find("--seed 99") != std::string::npos);
  for (const auto& ds : sim::list_datasets(file)) {
    INFO(ds);
    CHECK_FALSE(sim::read_string_attribute(file, ds, "units").empty());
    CHECK_FALSE(sim::read_string_attribute(file, ds, "description").empty());
  }
  CHECK(sim::read_string_attribute(file, "/monthly/youth/stock_by_state", "categories").find("foster_care") !=
        std::string::npos);
  // the resolved configuration is itself a valid configuration
  const std::string copy = test::write_file(dir, "resolved.yaml", yaml);
  CHECK(test::zorgsim("validate '" + copy + "'").exit_code == 0);
  // info lists it
  const auto info = test::zorgsim("info '" + file + "'");
  CHECK(info.exit_code == 0);
  CHECK(info.out.find("/monthly/youth/stock_by_state [2x24x7]") != std::string::npos);
}

TEST_CASE("the same run on 1 and 2 threads writes identical datasets", "[integration][cli][determinism]") {
  const std::string dir = test::temp_dir("cli_threads");
  REQUIRE(test::zorgsim("run '" + small + "' -q -o '" + dir + "/t1.h5' --threads 1").exit_code == 0);
  REQUIRE(test::zorgsim("run '" + small + "' -q -o '" + dir + "/t2.h5' --threads 2").exit_code == 0);
  const auto names = sim::list_datasets(dir + "/t1.h5");
  CHECK(names == sim::list_datasets(dir + "/t2.h5"));
  CHECK(names.size() > 60);
  for (const auto& n : names) {
    INFO(n);
    const auto a = sim::read_dataset(dir + "/t1.h5", n), b = sim::read_dataset(dir + "/t2.h5", n);
    CHECK(a.dims == b.dims);
    CHECK(std::memcmp(a.values.data(), b.values.data(), a.values.size() * sizeof(double)) == 0);
  }
}

TEST_CASE("an existing result is not overwritten without --overwrite", "[integration][cli]") {
  const std::string dir = test::temp_dir("cli_overwrite");
  const std::string file = dir + "/o.h5";
  REQUIRE(test::zorgsim("run '" + small + "' -q -o '" + file + "'").exit_code == 0);
  const auto size = std::filesystem::file_size(file);
  const auto again = test::zorgsim("run '" + small + "' -q -o '" + file + "' --seed 5");
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("file exists (use --overwrite") != std::string::npos);
  CHECK(std::filesystem::file_size(file) == size);
  CHECK(test::zorgsim("run '" + small + "' -q -o '" + file + "' --seed 5 --overwrite").exit_code == 0);
  CHECK(sim::read_string_attribute(file, "/", "seed") == "5");
  CHECK(test::files_in(dir).size() == 1);  // no temporary files left
}

TEST_CASE("validate, params and --version", "[integration][cli]") {
  const auto v = test::zorgsim("validate '" + small + "'");
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("valid") != std::string::npos);
  const auto p = test::zorgsim("params");
  CHECK(p.exit_code == 0);
  CHECK(p.out.find("youth.ambulant_duration = 9") != std::string::npos);
  CHECK(p.out.find("source: CALIBRATION") != std::string::npos);
  const auto ver = test::zorgsim("--version");
  CHECK(ver.exit_code == 0);
  CHECK(ver.out.find("zorgsim 0.1.0") != std::string::npos);
  CHECK(test::zorgsim("").exit_code == 2);  // a subcommand is required
}

TEST_CASE("every example configuration validates and runs", "[integration][cli][examples]") {
  namespace fs = std::filesystem;
  const std::string dir = test::temp_dir("examples");
  int n = 0;
  for (const auto& e : fs::directory_iterator(std::string(ZORGSIM_SOURCE_DIR) + "/configs/examples")) {
    if (e.path().extension() != ".yaml") continue;
    ++n;
    const std::string cfg = e.path().string();
    INFO(cfg);
    const auto v = test::zorgsim("validate '" + cfg + "'");
    CHECK(v.exit_code == 0);
    // Run each at a small scale and short horizon, so CI stays fast.
    const auto r = test::zorgsim("run '" + cfg + "' -q --scale 0.05 --replicates 1 --set run.end=2025-12 -o '" + dir +
                                 "/" + e.path().stem().string() + ".h5'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
  CHECK(n >= 4);
}

TEST_CASE("edge values inside the valid ranges run", "[integration][cli]") {
  const std::string dir = test::temp_dir("cli_edges");
  // zero-width age ranges (Boost's uniform_real_distribution would never return)
  const auto a = test::zorgsim("run '" + small + "' -q -o '" + dir + "/a.h5' --set population.partner_age_gap_max=0" +
                               " --set population.parent_age_at_oldest_child_min=30" +
                               " --set population.parent_age_at_oldest_child_max=30");
  INFO(a.err);
  CHECK(a.exit_code == 0);
  // the largest documented seed
  const auto b = test::zorgsim("run '" + small + "' -q -o '" + dir + "/b.h5' --seed 9007199254740991");
  INFO(b.err);
  CHECK(b.exit_code == 0);
  CHECK(sim::read_string_attribute(dir + "/b.h5", "/", "seed") == "9007199254740991");
  // more threads than cores
  CHECK(test::zorgsim("run '" + small + "' -q -o '" + dir + "/c.h5' --threads 5").exit_code == 0);
  CHECK(sim::read_string_attribute(dir + "/c.h5", "/", "threads") == "5");
}

TEST_CASE("calibrate prints every target and --check reports misses", "[integration][cli][calibration]") {
  const auto c = test::zorgsim("calibrate --replicates 1");
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  CHECK(c.out.find("inhabitants (M)") != std::string::npos);
  CHECK(c.out.find("child_protection (H)") != std::string::npos);
  CHECK(c.out.find("figures modelled;") != std::string::npos);
  const std::string dir = test::temp_dir("calibrate");
  const std::string ok = test::write_file(dir, "ok.yaml", R"(targets:
  - {id: households, figure: h, value: 34000, unit: households, confidence: H, source: config,
     model: {when: initial, sum: {indicator: population.households}}}
)");
  const std::string off = test::write_file(dir, "off.yaml", R"(targets:
  - {id: households, figure: h, value: 50000, unit: households, confidence: H, source: config,
     model: {when: initial, sum: {indicator: population.households}}}
)");
  CHECK(test::zorgsim("calibrate --replicates 1 --check --targets '" + ok + "'").exit_code == 0);
  const auto miss = test::zorgsim("calibrate --replicates 1 --check --targets '" + off + "'");
  CHECK(miss.exit_code == 3);
  CHECK(miss.out.find("OFF") != std::string::npos);
  const std::string bad = test::write_file(dir, "bad.yaml", "targets:\n  - {id: x}\n");
  CHECK(test::zorgsim("calibrate --targets '" + bad + "'").exit_code == 2);
}
