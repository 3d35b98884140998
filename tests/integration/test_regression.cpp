// Regression: the annual results of a small scenario against a committed reference
// (tests/data/regression_small.txt). Any change of results — intended or not — fails here;
// accept an intended change with scripts/update-regression.sh and explain it in the commit.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "test_support.hpp"

using namespace zorgsim;

namespace {
const std::string reference = std::string(ZORGSIM_SOURCE_DIR) + "/tests/data/regression_small.txt";

// One line per indicator column and year: "name[category] year value" (replicate means).
std::map<std::string, double> current() {
  const auto c = test::config({"run.scale=0.1", "run.end=2027-12", "run.replicates=2", "run.seed=424242",
                               "youth.capacity_limited=true", "wmo.capacity_limited=true"});
  const sim::RunResult r = test::run(c, 2);
  const sim::AnnualResult a = sim::aggregate_years(r);
  std::map<std::string, double> out;
  const std::size_t ny = a.years.size(), width = r.width();
  for (std::size_t i = 0; i < r.indicators.size(); ++i)
    for (std::size_t k = 0; k < r.indicators[i].width(); ++k)
      for (std::size_t y = 0; y < ny; ++y) {
        double mean = 0;
        for (int rep = 0; rep < r.replicates; ++rep)
          mean += a.values[(rep * ny + y) * width + r.offsets[i] + k] / r.replicates;
        const std::string cat = r.indicators[i].categories.empty() ? "" : "[" + r.indicators[i].categories[k] + "]";
        out[r.indicators[i].name + cat + " " + std::to_string(a.years[y])] = mean;
      }
  return out;
}
}  // namespace

TEST_CASE("a small scenario reproduces the committed reference", "[integration][regression]") {
  const auto now = current();
  if (std::getenv("ZORGSIM_UPDATE_REGRESSION")) {
    std::ofstream f(reference);
    char buf[64];
    for (const auto& [key, value] : now) {
      std::snprintf(buf, sizeof buf, "%.17g", value);
      f << key << " " << buf << "\n";
    }
    WARN("regression reference rewritten: " << reference);
  }
  std::ifstream in(reference);
  REQUIRE(in.good());
  std::map<std::string, double> ref;
  for (std::string line; std::getline(in, line);) {
    const auto last = line.rfind(' ');
    ref[line.substr(0, last)] = std::stod(line.substr(last + 1));
  }
  CHECK(ref.size() == now.size());
  int differences = 0;
  for (const auto& [key, value] : now) {
    const auto it = ref.find(key);
    if (it == ref.end()) {
      UNSCOPED_INFO("new in the results: " << key);
      ++differences;
      continue;
    }
    // Counts must match exactly; money is summed in floating point: allow 1e-12 relative.
    const double tolerance = 1e-12 * std::max(1.0, std::fabs(it->second));
    if (std::fabs(value - it->second) > tolerance) {
      if (differences < 20) UNSCOPED_INFO(key << ": reference " << it->second << ", now " << value);
      ++differences;
    }
  }
  CHECK(differences == 0);
}
