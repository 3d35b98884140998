// Limited youth-care places in whole-model runs: exact accounting of the waiting list,
// capacity respected, and results independent of threads despite the global allocation.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "test_support.hpp"

using namespace zorgsim;

namespace {
using test::col_sum;

const std::vector<std::string> limited = {"run.scale=0.3", "run.end=2026-12", "run.replicates=2",
                                          "youth.capacity_limited=true", "youth.aftercare_share=0"};
}  // namespace

TEST_CASE("zero places: nobody is admitted and the list grows by the referrals", "[integration][waiting]") {
  auto opts = limited;
  opts.push_back("youth.capacity=[0, 0, 0, 0, 0]");
  const sim::RunResult r = test::run(test::config(opts), 2);
  double referrals = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("month " << m);
      CHECK(col_sum(r, rep, m, "youth.admissions_by_provision", 0, 5) == 0);
      const double grew = col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5) -
                          col_sum(r, rep, m - 1, "youth.waiting_by_provision", 0, 5);
      const double in = col_sum(r, rep, m, "youth.referrals_by_provision", 0, 5);
      const double out = col_sum(r, rep, m, "youth.waiting_exits", 0, 3);
      CHECK(grew == in - out);
      CHECK(col_sum(r, rep, m, "youth.waiting_by_income_class", 0, 4) ==
            col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5));
      referrals += in;
    }
  CHECK(referrals > 100);
}

TEST_CASE("limited places: the list's accounting is exact and places are never overfilled", "[integration][waiting]") {
  auto opts = limited;
  opts.push_back("youth.capacity=[150, 12, 4, 8, 2]");
  const sim::RunResult r = test::run(test::config(opts), 2);
  const std::size_t stock = r.column_of("youth.stock_by_state");
  double admitted = 0, waited_long = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("month " << m);
      const double grew = col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5) -
                          col_sum(r, rep, m - 1, "youth.waiting_by_provision", 0, 5);
      CHECK(grew == col_sum(r, rep, m, "youth.referrals_by_provision", 0, 5) -
                        col_sum(r, rep, m, "youth.admissions_by_provision", 0, 5) -
                        col_sum(r, rep, m, "youth.waiting_exits", 0, 3));
      // Ambulant care is entered only through the list (no aftercare here), so it never
      // exceeds its places unless it started above them.
      const double before = m == 0 ? r.initial[rep * r.width() + stock + 2] : r.value(rep, m - 1, stock + 2);
      const double places = std::llround(150 * 0.3);  // youth.capacity x run.scale
      CHECK(r.value(rep, m, stock + 2) <= std::max(places, before));
      admitted += col_sum(r, rep, m, "youth.admissions_by_provision", 0, 5);
      waited_long += col_sum(r, rep, m, "youth.waiting_by_duration", 2, 4);
    }
  CHECK(admitted > 0);
  CHECK(waited_long > 0);  // the places bind: some wait six months or more
}

TEST_CASE("the global allocation keeps results independent of threads", "[integration][waiting][determinism]") {
  auto opts = limited;
  opts.push_back("youth.capacity=[150, 12, 4, 8, 2]");
  opts.push_back("run.block_households=64");
  test::check_thread_independent(test::config(opts), {2, 4});
}

TEST_CASE("waiting longer makes crisis placements more likely", "[integration][waiting]") {
  auto base = limited;
  base.push_back("youth.capacity=[0, 0, 0, 0, 0]");
  base.push_back("run.end=2027-12");
  auto calm = base, harsh = base;
  calm.push_back("youth.waiting_escalation=0");
  harsh.push_back("youth.waiting_escalation=5");
  const auto a = test::run(test::config(calm), 2), b = test::run(test::config(harsh), 2);
  double crisis_a = 0, crisis_b = 0;
  const std::size_t ca = a.column_of("youth.waiting_exits") + 2, cb = b.column_of("youth.waiting_exits") + 2;
  for (int rep = 0; rep < 2; ++rep)
    for (int m = 0; m < a.months; ++m) crisis_a += a.value(rep, m, ca), crisis_b += b.value(rep, m, cb);
  // Common random numbers: the same children, the same draws; only the hazard differs, and
  // with +500% per 6 months the difference is far beyond noise.
  CHECK(crisis_b > 2 * crisis_a + 10);
}

TEST_CASE("Wmo places: zero places admit nobody; the list's accounting is exact; threads do not matter",
          "[integration][waiting][wmo]") {
  const std::vector<std::string> opts = {"run.scale=0.3", "run.end=2026-12", "run.replicates=2",
                                         "run.block_households=64", "wmo.capacity_limited=true",
                                         "wmo.capacity=[0, 300, 0, 600, 40, 10]"};
  const auto c = test::config(opts);
  const sim::RunResult r = test::run(c, 2);
  const std::size_t adm = r.column_of("wmo.admissions_by_provision"), clients = r.column_of("wmo.clients_by_provision");
  double referrals = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("month " << m);
      CHECK(r.value(rep, m, adm + 0) == 0);  // household help: no places
      CHECK(r.value(rep, m, adm + 2) == 0);  // day activities: no places
      const double grew = col_sum(r, rep, m, "wmo.waiting_by_provision", 0, 6) -
                          col_sum(r, rep, m - 1, "wmo.waiting_by_provision", 0, 6);
      CHECK(grew == col_sum(r, rep, m, "wmo.referrals_by_provision", 0, 6) -
                        col_sum(r, rep, m, "wmo.admissions_by_provision", 0, 6) -
                        col_sum(r, rep, m, "wmo.waiting_exits", 0, 1));
      // begeleiding is entered only through the list: never above its places unless it started above
      const double places = std::llround(300 * 0.3);
      const double before = m == 0 ? r.initial[rep * r.width() + clients + 2] : r.value(rep, m - 1, clients + 2);
      CHECK(r.value(rep, m, clients + 2) <= std::max(places, before));
      referrals += col_sum(r, rep, m, "wmo.referrals_by_provision", 0, 6);
    }
  CHECK(referrals > 100);
  const sim::RunResult four = test::run(c, 4);
  CHECK(std::memcmp(four.monthly.data(), r.monthly.data(), r.monthly.size() * sizeof(double)) == 0);
}
