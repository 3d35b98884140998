// The local team's triage in whole-model runs: exact accounting of its queue, capacity
// respected, the most severe needs first, matched vs stepped care in the stated direction,
// no escalation when it is switched off, and results independent of threads.
#include <catch2/catch.hpp>

#include <cmath>

#include "test_support.hpp"

using namespace zorgsim;

namespace {
using test::col_sum;
using test::total;

const std::vector<std::string> base = {"run.scale=0.3", "run.end=2026-12", "run.replicates=2",
                                       "access.triage_limited=true"};

// queue(m) - queue(m-1) == requests - assessments - exits, every month.
void check_queue_accounting(const sim::RunResult& r) {
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO("replicate " << rep << " month " << m);
      const double grew = col_sum(r, rep, m, "wijkteam.queue", 0, 2) - col_sum(r, rep, m - 1, "wijkteam.queue", 0, 2);
      CHECK(grew == col_sum(r, rep, m, "wijkteam.requests", 0, 2) - col_sum(r, rep, m, "wijkteam.assessments", 0, 2) -
                        col_sum(r, rep, m, "wijkteam.queue_exits", 0, 4));
    }
}
}  // namespace

TEST_CASE("a team without capacity assesses nobody; its queue grows by exactly the requests", "[integration][wijkteam]") {
  auto opts = base;
  opts.push_back("access.wijkteam_fte=0");
  const sim::RunResult r = test::run(test::config(opts), 2);
  check_queue_accounting(r);
  CHECK(total(r, "wijkteam.assessments", 0, 2) == 0);
  CHECK(total(r, "wijkteam.indications", 0, 3) == 0);
  CHECK(total(r, "wijkteam.queue_exits", 0, 4) > 0);  // the identity is tested with exits, not trivially
  const double requests = total(r, "wijkteam.requests", 0, 2);
  CHECK(requests > 300);
  // nobody enters a general provision or ambulant care through the team; the queue is what
  // was asked minus what left it
  for (int rep = 0; rep < r.replicates; ++rep) {
    double in = 0, out = 0;
    for (int m = 0; m < r.months; ++m)
      in += col_sum(r, rep, m, "wijkteam.requests", 0, 2), out += col_sum(r, rep, m, "wijkteam.queue_exits", 0, 4);
    CHECK(col_sum(r, rep, r.months - 1, "wijkteam.queue", 0, 2) == in - out);
  }
}

TEST_CASE("limited capacity: never exceeded, moderate needs first, exact accounting", "[integration][wijkteam]") {
  auto opts = base;
  // 96 assessments a month at scale 1 (29 at 0.3): above the moderate requests (~65 a month
  // at scale 1), below all requests (~200): light needs are assessed in some months and pile up
  opts.push_back("access.wijkteam_fte=12");
  const sim::RunResult r = test::run(test::config(opts), 2);
  check_queue_accounting(r);
  // never above capacity; a light need is assessed only when no moderate one is left waiting
  const int months_with_light_assessed = test::check_team_capacity(r, "wijkteam.", std::llround(12 * 8 * 0.3));
  CHECK(total(r, "wijkteam.assessments", 0, 2) > 0);
  CHECK(col_sum(r, 0, r.months - 1, "wijkteam.queue", 0, 1) > 50);  // the light needs pile up
  CHECK(months_with_light_assessed > 0);  // the priority check above was exercised
}

TEST_CASE("a scarce team lets unmet needs escalate into crisis placements", "[integration][wijkteam]") {
  auto scarce = base, ample = base;
  scarce.push_back("access.wijkteam_fte=0");
  scarce.push_back("run.end=2027-12");
  ample.push_back("run.end=2027-12");
  const auto a = test::run(test::config(ample), 2), s = test::run(test::config(scarce), 2);
  // Common random numbers: the same children and draws; only the team differs.
  CHECK(total(s, "youth.escalations_from_unmet_need", 0, 3) > 2 * total(a, "youth.escalations_from_unmet_need", 0, 3));
  CHECK(total(s, "youth.placement_starts", 0, 4) > total(a, "youth.placement_starts", 0, 4));
}

TEST_CASE("zero escalation: unmet need never worsens, whatever the queue", "[integration][wijkteam][extreme]") {
  auto opts = base;
  opts.push_back("access.wijkteam_fte=0");
  opts.push_back("youth.unmet_escalation=[0, 0, 0]");
  const sim::RunResult r = test::run(test::config(opts), 2);
  CHECK(total(r, "youth.escalations_from_unmet_need", 0, 3) == 0);
  CHECK(total(r, "wijkteam.queue_exits", 1, 2) == 0);  // no crisis placements from the queue
  CHECK(total(r, "youth.unmet_need_resolved_without_care", 0, 2) > 0);
}

TEST_CASE("matched vs stepped care: stepped care starts moderate needs lower", "[integration][wijkteam]") {
  auto matched = base, stepped = base;
  matched.push_back("access.care_model=matched");
  stepped.push_back("access.care_model=stepped");
  const auto a = test::run(test::config(matched), 2), b = test::run(test::config(stepped), 2);
  CHECK(total(a, "wijkteam.indications", 2, 3) == 0);  // matched: no general provision for a moderate need
  CHECK(total(b, "wijkteam.indications", 1, 2) == 0);  // stepped: no ambulant care straight from the team
  CHECK(total(b, "wijkteam.indications", 2, 3) > 100);
  CHECK(total(b, "youth.stepped_care_outcomes", 0, 2) > 0);
  // fewer children in ambulant care at the end of the run, more in general provisions
  const std::size_t sa = a.column_of("youth.stock_by_state"), sb = b.column_of("youth.stock_by_state");
  double amb_a = 0, amb_b = 0, gen_a = 0, gen_b = 0;
  for (int rep = 0; rep < 2; ++rep) {
    amb_a += a.value(rep, a.months - 1, sa + 2), amb_b += b.value(rep, b.months - 1, sb + 2);
    gen_a += a.value(rep, a.months - 1, sa + 1), gen_b += b.value(rep, b.months - 1, sb + 1);
  }
  CHECK(amb_b < amb_a);
  CHECK(gen_b > gen_a);
}

TEST_CASE("triage keeps results independent of threads", "[integration][wijkteam][determinism]") {
  auto opts = base;
  opts.push_back("access.wijkteam_fte=5");
  opts.push_back("youth.capacity_limited=true");
  opts.push_back("run.block_households=64");
  const sim::RunResult one = test::check_thread_independent(test::config(opts), {2, 3});
  CHECK(total(one, "wijkteam.queue", 0, 2) > 0);  // the triage queue was in play
}

TEST_CASE("life events give children needs only when configured", "[integration][wijkteam][life-events]") {
  auto off = base, on = base;
  for (const char* k : {"youth.separation_need", "youth.bereavement_need", "youth.vulnerable_birth_need"}) {
    off.push_back(std::string(k) + "=0");
    on.push_back(std::string(k) + "=1");
  }
  const auto a = test::run(test::config(off), 2), b = test::run(test::config(on), 2);
  for (int e = 0; e < 3; ++e) {
    INFO("life event " << e);
    CHECK(total(a, "youth.needs_from_life_events", e, e + 1) == 0);
    CHECK(total(b, "youth.needs_from_life_events", e, e + 1) > 0);
  }
  // the events' needs are part of all onsets (light)
  CHECK(total(b, "youth.need_onsets", 0, 1) - total(a, "youth.need_onsets", 0, 1) > 0);
}

TEST_CASE("needs arising at 18-22 end at 23 and leave the queue counted", "[integration][wijkteam]") {
  auto opts = base;
  opts.push_back("access.wijkteam_fte=0");  // nobody assessed: needs wait until they age out
  opts.push_back("youth.to_general=[0.006, 0.009, 0.008, 0.02]");
  opts.push_back("run.end=2027-12");
  const sim::RunResult r = test::run(test::config(opts), 2);
  check_queue_accounting(r);
  CHECK(total(r, "wijkteam.queue_exits", 3, 4) > 0);  // aged out (at 18, and at 23 for needs from 18-22)
}
