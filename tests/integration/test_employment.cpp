// Employment in whole-model runs: the employment rate stays near its configured value, and job
// loss has its consequences (arrears, children's needs) only when they are configured.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace zorgsim;

namespace {
using test::col_sum;
using test::total;
const std::vector<std::string> base = {"run.scale=0.3", "run.end=2027-12", "run.replicates=2"};
}  // namespace

TEST_CASE("the employment rate stays near population.employment_rate", "[integration][employment]") {
  const sim::RunResult r = test::run(test::config(base), 2);
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = -1; m < r.months; m += 12) {
      const double employed = col_sum(r, rep, m, "employment.adults_18_66", 0, 1);
      const double all = col_sum(r, rep, m, "employment.adults_18_66", 0, 2);
      INFO("replicate " << rep << ", month " << m << ": " << employed << " of " << all);
      // The synthesis starts in the stationary state (binomial: SE ~0.4 points at this size);
      // welfare spells take jobs away faster than exits to work return them, so the rate
      // settles about a point lower within the first years: a 3-point band.
      CHECK(employed / all == Approx(0.75).margin(0.03));
    }
  CHECK(total(r, "employment.job_losses", 0, 1) > 100);
  CHECK(total(r, "employment.jobs_found", 0, 1) > 100);
}

TEST_CASE("job loss causes arrears and children's needs only when configured", "[integration][employment]") {
  auto off = base, on = base;
  off.push_back("employment.job_loss_arrears=0");
  off.push_back("youth.job_loss_need=0");
  on.push_back("youth.job_loss_need=0.3");
  const sim::RunResult a = test::run(test::config(off), 2), b = test::run(test::config(on), 2);
  CHECK(total(a, "debts.arrears_after_job_loss", 0, 1) == 0);
  CHECK(total(a, "youth.needs_from_life_events", 3, 4) == 0);
  CHECK(total(b, "debts.arrears_after_job_loss", 0, 1) > 20);
  CHECK(total(b, "youth.needs_from_life_events", 3, 4) > 20);
  // Arrears after job loss are part of all arrears onsets.
  CHECK(total(b, "debts.transitions", 0, 1) > total(b, "debts.arrears_after_job_loss", 0, 1));
}
