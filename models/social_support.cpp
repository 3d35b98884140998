#include "models/social_support.hpp"

#include <cmath>

namespace zorgsim::models {

WmoTables prepare_wmo(const WmoParams& p) {
  WmoTables t;
  for (int k = 0; k < wmo_provision_count; ++k) {
    const WmoProvisionParams& q = p.provision(k);
    for (int b = 0; b < adult_band_count; ++b) t.start[k][b] = q.start[b];
    t.exit[k] = 1.0 / q.duration;
    for (int v = 0; v < 16; ++v) {
      double rr = 1.0;
      for (int bit = 0; bit < vulnerability_count; ++bit)
        if (v & (1 << bit)) rr *= q.vulnerability_rr[bit];
      t.vulnerability_rr[k][v] = rr;
    }
  }
  for (int i = 0; i < income_class_count; ++i) t.income_rr[i] = p.income_rr[i];
  for (int n = 0; n < network_count; ++n) t.network_rr[n] = p.network_rr[n];
  for (int b = 0; b < adult_band_count; ++b) t.home_adaptation[b] = p.home_adaptation[b];
  t.capacity_limited = p.capacity_limited;
  for (int b = 0; b < adult_band_count; ++b)
    for (int v = 0; v < 16; ++v)
      for (int i = 0; i < income_class_count; ++i)
        for (int n = 0; n < network_count; ++n) {
          const double rr = t.income_rr[i] * t.network_rr[n];
          // The same additions in the same order as next_wmo_event, so the shortcut
          // decides exactly as the full loop would.
          double edge = 0;
          for (int k = 0; k < wmo_provision_count; ++k) edge += t.start[k][b] * rr * t.vulnerability_rr[k][v];
          t.total_if_none[b][v][i][n] = edge + t.home_adaptation[b] * rr;
        }
  for (int held = 0; held < 128; ++held) t.tier_of[held] = static_cast<std::uint8_t>(wmo_tier(static_cast<std::uint8_t>(held)));
  return t;
}

WmoEvent next_wmo_event_full(const WmoTables& t, std::uint8_t held, int band, int vulnerabilities,
                             int income, int network, double u) {
  const double rr = t.income_rr[income] * t.network_rr[network];
  double edge = 0;
  for (int k = 0; k < wmo_provision_count; ++k) {
    const double h = (held >> k) & 1 ? t.exit[k] : t.start[k][band] * rr * t.vulnerability_rr[k][vulnerabilities];
    if (u < (edge += h)) return {(held >> k) & 1 ? WmoEvent::End : WmoEvent::Start, k};
  }
  if (u < edge + t.home_adaptation[band] * rr) return {WmoEvent::HomeAdaptation, -1};
  return {};
}

double start_hazard(const WmoTables& t, int p, int band, int vulnerabilities, int income, int network) {
  return t.start[p][band] * t.income_rr[income] * t.network_rr[network] * t.vulnerability_rr[p][vulnerabilities];
}

double initial_holding_probability(const WmoTables& t, const AdultNeedTables& a, int p, int band,
                                   int vulnerabilities, int income, int network, double extra_exit,
                                   double death) {
  const double s = start_hazard(t, p, band, vulnerabilities, income, network);
  const double e = t.exit[p] + extra_exit + death;
  if (p == 0) return s / (s + e);
  const bool low_literate = vulnerabilities & 8;  // trait::vulnerability_index: low literacy is bit 3
  return adult_need_stationary(a, s, e, network, low_literate, death).held;
}

int wmo_tier(std::uint8_t held) {
  int tier = 0;
  for (int k = 0; k < wmo_provision_count; ++k)
    if ((held >> k) & 1 && wmo_provision_tier[k] > tier) tier = wmo_provision_tier[k];
  return tier;
}

}  // namespace zorgsim::models
