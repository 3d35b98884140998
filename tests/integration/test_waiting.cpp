// Places per catalogue provision in whole-model runs: exact accounting of the waiting lists,
// places respected per provision, and results independent of threads despite the global
// allocation.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <stdexcept>

#include "test_support.hpp"

using namespace zorgsim;

namespace {
using test::col_sum;

const std::vector<std::string> limited = {"run.scale=0.3", "run.end=2026-12", "run.replicates=2",
                                          "youth.capacity_limited=true", "youth.aftercare_share=0"};
// The default catalogue's bespoke youth provisions (configs/almelo.yaml), in catalogue order.
const std::vector<std::string> youth_bespoke = {"ambulant_light", "ambulant_specialist", "dyslexia_care",
                                                "youth_day_care", "foster_care", "family_home",
                                                "residential_care", "closed_youth_care"};

std::vector<std::string> with_places(std::vector<std::string> opts, const std::vector<std::string>& ids,
                                     const std::vector<int>& places) {
  for (std::size_t k = 0; k < ids.size(); ++k)
    opts.push_back("provisions." + ids[k] + ".places=" + std::to_string(places[k]));
  return opts;
}
// Places for some youth provisions; every other bespoke youth provision unlimited.
std::vector<std::string> only_places(const std::vector<std::string>& ids, const std::vector<int>& places) {
  return with_places(with_places(limited, youth_bespoke, std::vector<int>(youth_bespoke.size(), -1)), ids, places);
}

const sim::IndicatorSpec& spec(const sim::RunResult& r, const std::string& name) {
  for (const sim::IndicatorSpec& s : r.indicators)
    if (s.name == name) return s;
  throw std::invalid_argument("no indicator " + name);
}

// Catalogue index of a provision id in a result (the categories of provisions.clients).
int provision_index(const sim::RunResult& r, const std::string& id) {
  const auto& cats = spec(r, "provisions.clients").categories;
  for (std::size_t k = 0; k < cats.size(); ++k)
    if (cats[k] == id) return static_cast<int>(k);
  FAIL("no provision " << id);
  return -1;
}
double provision_value(const sim::RunResult& r, int rep, int m, const std::string& name, const std::string& id) {
  const int p = provision_index(r, id);
  return col_sum(r, rep, m, name, p, p + 1);
}
double provisions_total(const sim::RunResult& r, int rep, int m, const std::string& name) {
  return col_sum(r, rep, m, name, 0, static_cast<int>(spec(r, name).width()));
}
}  // namespace

TEST_CASE("zero places: nobody is admitted and the list grows by the referrals", "[integration][waiting]") {
  const auto opts = with_places(limited, youth_bespoke, std::vector<int>(youth_bespoke.size(), 0));
  const sim::RunResult r = test::run(test::config(opts), 2);
  double referrals = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("month " << m);
      CHECK(col_sum(r, rep, m, "youth.admissions_by_provision", 0, 5) == 0);
      CHECK(provisions_total(r, rep, m, "provisions.admissions") == 0);
      const double grew = col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5) -
                          col_sum(r, rep, m - 1, "youth.waiting_by_provision", 0, 5);
      const double in = col_sum(r, rep, m, "youth.referrals_by_provision", 0, 5);
      const double out = col_sum(r, rep, m, "youth.waiting_exits", 0, 3);
      CHECK(grew == in - out);
      CHECK(col_sum(r, rep, m, "youth.waiting_by_income_class", 0, 4) ==
            col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5));
      // Every waiting child waits for one catalogue provision.
      CHECK(provisions_total(r, rep, m, "provisions.waiting") == col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5));
      referrals += in;
    }
  CHECK(referrals > 100);
}

TEST_CASE("places per provision: exact accounting, no provision overfilled, unlimited ones admit at once",
          "[integration][waiting]") {
  // Ambulant light and specialist care have places; dyslexia care and youth day care do not.
  const auto opts = only_places({"ambulant_light", "ambulant_specialist", "foster_care"}, {60, 40, 15});
  const sim::RunResult r = test::run(test::config(opts), 2);
  double admitted = 0, waited_long = 0, unlimited_admitted = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("month " << m);
      const double grew = col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5) -
                          col_sum(r, rep, m - 1, "youth.waiting_by_provision", 0, 5);
      CHECK(grew == col_sum(r, rep, m, "youth.referrals_by_provision", 0, 5) -
                        col_sum(r, rep, m, "youth.admissions_by_provision", 0, 5) -
                        col_sum(r, rep, m, "youth.waiting_exits", 0, 3));
      CHECK(provisions_total(r, rep, m, "provisions.admissions") == col_sum(r, rep, m, "youth.admissions_by_provision", 0, 5));
      CHECK(provisions_total(r, rep, m, "provisions.waiting") == col_sum(r, rep, m, "youth.waiting_by_provision", 0, 5));
      // Ambulant care is entered only through the list (no aftercare here), so a provision with
      // places never exceeds them unless it started above them.
      for (const auto& [id, places] : {std::pair<std::string, int>{"ambulant_light", 60}, {"ambulant_specialist", 40}}) {
        const double cap = std::llround(places * 0.3);  // places x run.scale
        const double before = provision_value(r, rep, m - 1, "provisions.clients", id);
        CHECK(provision_value(r, rep, m, "provisions.clients", id) <= std::max(cap, before));
      }
      // A provision without places never has a waiting list.
      for (const char* id : {"dyslexia_care", "youth_day_care", "family_home", "residential_care"})
        CHECK(provision_value(r, rep, m, "provisions.waiting", id) == 0);
      unlimited_admitted += provision_value(r, rep, m, "provisions.admissions", "dyslexia_care") +
                            provision_value(r, rep, m, "provisions.admissions", "youth_day_care");
      admitted += provision_value(r, rep, m, "provisions.admissions", "ambulant_light");
      waited_long += col_sum(r, rep, m, "youth.waiting_by_duration", 2, 4);
    }
  CHECK(admitted > 0);
  CHECK(unlimited_admitted > 0);
  CHECK(waited_long > 0);  // the places bind: some wait six months or more
}

TEST_CASE("the global allocation keeps results independent of threads", "[integration][waiting][determinism]") {
  auto opts = only_places({"ambulant_light", "ambulant_specialist", "foster_care"}, {60, 40, 15});
  opts.push_back("run.block_households=64");
  test::check_thread_independent(test::config(opts), {2, 4});
}

TEST_CASE("waiting longer makes crisis placements more likely", "[integration][waiting]") {
  auto base = with_places(limited, youth_bespoke, std::vector<int>(youth_bespoke.size(), 0));
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

TEST_CASE("limits switched on with unlimited places change nothing but the list's counters",
          "[integration][waiting]") {
  // Every bespoke provision unlimited: each request is admitted in its month with the provision
  // the unlimited run gives at entry (the same keyed draw), so stocks and money are identical.
  // Child protection starts depend on the care state mid-month (before admissions): off here.
  auto on = with_places(limited, youth_bespoke, std::vector<int>(youth_bespoke.size(), -1));
  on.push_back("youth.protection_onset=[0, 0, 0]");
  auto off = on;
  off[3] = "youth.capacity_limited=false";
  const sim::RunResult a = test::run(test::config(on), 2), b = test::run(test::config(off), 2);
  for (const char* name : {"youth.stock_by_state", "provisions.clients", "cost.by_provision", "youth.placement_starts"}) {
    const std::size_t c = a.column_of(name), w = spec(a, name).width();
    for (int rep = 0; rep < 2; ++rep)
      for (int m = 0; m < a.months; ++m)
        for (std::size_t k = 0; k < w; ++k) {
          INFO(name << "[" << k << "] month " << m);
          CHECK(a.value(rep, m, c + k) == b.value(rep, m, c + k));
        }
  }
}

TEST_CASE("Wmo places: zero places admit nobody; the list's accounting is exact; threads do not matter",
          "[integration][waiting][wmo]") {
  auto opts = with_places({"run.scale=0.3", "run.end=2026-12", "run.replicates=2", "run.block_households=64",
                           "wmo.capacity_limited=true"},
                          {"household_help", "begeleiding", "day_activities", "aids", "protected_living", "shelter"},
                          {0, 1400, 0, 2700, 40, 10});
  const auto c = test::config(opts);
  const sim::RunResult r = test::run(c, 2);
  const std::size_t adm = r.column_of("wmo.admissions_by_provision");
  double referrals = 0, admitted_begeleiding = 0, admitted_aids = 0;
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
      CHECK(provisions_total(r, rep, m, "provisions.waiting") == col_sum(r, rep, m, "wmo.waiting_by_provision", 0, 6));
      admitted_begeleiding += r.value(rep, m, adm + 1);
      admitted_aids += r.value(rep, m, adm + 3);
      // begeleiding is entered only through the list: never above its places unless it started above
      const double places = std::llround(1400 * 0.3);
      const double before = provision_value(r, rep, m - 1, "provisions.clients", "begeleiding");
      CHECK(provision_value(r, rep, m, "provisions.clients", "begeleiding") <= std::max(places, before));
      referrals += col_sum(r, rep, m, "wmo.referrals_by_provision", 0, 6);
    }
  CHECK(referrals > 100);
  // Places near the clients: the list admits and also makes people wait.
  CHECK(admitted_begeleiding > 20);
  CHECK(admitted_aids > 20);
  const sim::RunResult four = test::run(c, 4);
  CHECK(std::memcmp(four.monthly.data(), r.monthly.data(), r.monthly.size() * sizeof(double)) == 0);
}
