#include <catch2/catch.hpp>

#include "models/social_support.hpp"

using namespace zorgsim::models;

namespace {
WmoParams params() {
  WmoParams p;
  WmoProvisionParams* all[] = {&p.general, &p.household_help, &p.begeleiding, &p.day_activities,
                               &p.aids, &p.protected_living, &p.shelter};
  double base = 0.001;
  for (auto* q : all) {
    q->start = {base, base * 2, base * 3, base * 4};
    q->duration = 10;
    q->vulnerability_rr = {2, 3, 4, 5};
    base += 0.001;
  }
  p.income_rr = {2, 1.5, 1.2, 1};
  p.network_rr = {1.5, 1, 0.5};
  p.home_adaptation = {0.001, 0.001, 0.001, 0.001};
  p.copayment_per_month = 19;
  return p;
}
}  // namespace

TEST_CASE("a person without provisions: starts in provision order, then home adaptation", "[unit][wmo]") {
  const WmoTables t = prepare_wmo(params());
  // band 0, no vulnerabilities, income class 3, medium network: rr = 1
  // starts: 0.001, 0.002, ..., 0.007 (sum 0.028), then home adaptation 0.001
  CHECK(next_wmo_event(t, 0, 0, 0, 3, 1, 0.0009).kind == WmoEvent::Start);
  CHECK(next_wmo_event(t, 0, 0, 0, 3, 1, 0.0009).provision == 0);
  CHECK(next_wmo_event(t, 0, 0, 0, 3, 1, 0.0011).provision == 1);
  CHECK(next_wmo_event(t, 0, 0, 0, 3, 1, 0.0279).provision == 6);
  CHECK(next_wmo_event(t, 0, 0, 0, 3, 1, 0.0285).kind == WmoEvent::HomeAdaptation);
  CHECK(next_wmo_event(t, 0, 0, 0, 3, 1, 0.0291).kind == WmoEvent::None);
}

TEST_CASE("holders exit at 1/duration; vulnerabilities and income scale starts", "[unit][wmo]") {
  const WmoTables t = prepare_wmo(params());
  const std::uint8_t held = 1u << 1;  // household help
  // provision 0 start 0.001, then provision 1 exit 0.1
  CHECK(next_wmo_event(t, held, 0, 0, 3, 1, 0.0005).provision == 0);
  const WmoEvent e = next_wmo_event(t, held, 0, 0, 3, 1, 0.05);
  CHECK(e.kind == WmoEvent::End);
  CHECK(e.provision == 1);
  // lvb (rr 2) and low income (rr 2): provision 0 start = 0.001 * 2 * 2
  CHECK(next_wmo_event(t, 0, 0, 1, 0, 1, 0.0039).provision == 0);
  CHECK(next_wmo_event(t, 0, 0, 1, 0, 1, 0.0041).provision == 1);
}

TEST_CASE("the shortcut for holders of nothing agrees with the full loop", "[unit][wmo]") {
  const WmoTables t = prepare_wmo(params());
  for (int band = 0; band < 4; ++band)
    for (int v = 0; v < 16; ++v)
      for (int i = 0; i < 4; ++i)
        for (int n = 0; n < 3; ++n) {
          const double total = t.total_if_none[band][v][i][n];
          // just below and at the boundary
          const double below = std::nextafter(total, 0.0);
          CHECK(next_wmo_event(t, 0, band, v, i, n, below).kind == next_wmo_event_full(t, 0, band, v, i, n, below).kind);
          CHECK(next_wmo_event(t, 0, band, v, i, n, total).kind == next_wmo_event_full(t, 0, band, v, i, n, total).kind);
          CHECK(next_wmo_event_full(t, 0, band, v, i, n, total).kind == WmoEvent::None);
          CHECK(next_wmo_event_full(t, 0, band, v, i, n, below).kind != WmoEvent::None);
        }
}

TEST_CASE("tiers, co-payment and initial holding", "[unit][wmo]") {
  CHECK(wmo_tier(0) == 0);
  CHECK(wmo_tier(1u << 0) == 1);
  CHECK(wmo_tier((1u << 0) | (1u << 2)) == 2);
  CHECK(wmo_tier(1u << 6) == 3);
  CHECK(pays_copayment(1u << 1));
  CHECK_FALSE(pays_copayment(1u << 0));  // general support: no co-payment
  CHECK_FALSE(pays_copayment(1u << 5));  // protected living: not the flat rate
  const WmoTables t = prepare_wmo(params());
  AdultNeedTables a;
  a.help_seeking = {0.5, 0.8};
  a.refusal = {0.2, 0.0};
  a.recovery = {0.1, 0.0};
  a.network_recovery_rr = {1, 1, 1};
  // general support starts at once: the two-state chain
  CHECK(initial_holding_probability(t, a, 0, 0, 0, 3, 1) == Approx(0.001 / (0.001 + 0.1)));
  // household help (s = 0.002, e = 0.1) through an unmet need: none -> unmet at s, unmet ->
  // held at a = 0.5 x 0.8 = 0.4, unmet -> none at r = 0.1, held -> none at e
  const double s = 0.002, e = 0.1, reach = 0.4, r = 0.1;
  const double unmet = s / (reach + r), held = unmet * reach / e;
  CHECK(initial_holding_probability(t, a, 1, 0, 0, 3, 1) == Approx(held / (1 + unmet + held)));
  // death (q) ends an unmet need and a holding alike; the takeover (w) only the holding
  const double q = 0.01, w = 0.02;
  const double unmet_d = s / (reach + r + q), held_d = unmet_d * reach / (e + w + q);
  CHECK(initial_holding_probability(t, a, 1, 0, 0, 3, 1, w, q) == Approx(held_d / (1 + unmet_d + held_d)));
  CHECK(initial_holding_probability(t, a, 0, 0, 0, 3, 1, 0, q) == Approx(0.001 / (0.001 + 0.1 + q)));
}
