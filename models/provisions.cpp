#include "models/provisions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace zorgsim::models {

ProvisionTables prepare_provisions(const std::vector<ProvisionParams>& ps, long long price_base_year,
                                   double default_indexation, double scale) {
  ProvisionTables t;
  t.price_base_year = static_cast<int>(price_base_year);
  for (const ProvisionParams& q : ps) {
    Provision p;
    p.slot = static_cast<int>(std::find(slot_names.begin(), slot_names.end(), q.slot) - slot_names.begin());
    p.law = static_cast<int>(slot_law[p.slot]);
    p.levels = static_cast<int>(q.units.size());
    const double cap = q.max_units > 0 ? q.max_units : std::numeric_limits<double>::infinity();
    double c = 0;
    for (int k = 0; k < p.levels; ++k) {
      p.units[k] = std::min(q.units[k], cap);
      p.capped[k] = q.units[k] > cap;
      c += q.units_probability[k];
      p.cumulative[k] = c;
    }
    p.cumulative[p.levels - 1] = 1.0;  // rounding: the last level takes the rest
    p.tariff = q.tariff;
    p.budget_per_month = q.budget_per_year / 12.0 * scale;  // budgets are for the base-year population
    p.indexation = q.indexation < 0 ? default_indexation : q.indexation;
    p.reevaluation = q.reevaluation_months > 0 ? 1.0 / q.reevaluation_months : 0.0;
    p.renewal = q.indication_months > 0 ? 1.0 / q.indication_months : 0.0;
    p.stop_at_renewal = q.stop_at_renewal;
    p.share = q.share;
    p.min_age = static_cast<int>(q.min_age);
    p.max_age = static_cast<int>(q.max_age);
    p.max_income = static_cast<int>(q.max_income_class);
    if (!(q.household_types.size() == 1 && q.household_types[0] == "all")) {
      p.type_mask = 0;
      for (const std::string& name : q.household_types)
        for (int k = 0; k < household_type_count; ++k)
          if (household_type_names[k] == name) p.type_mask |= static_cast<std::uint8_t>(1u << k);
    }
    p.copayment = q.co_payment == "wmo";
    p.per_member = q.per_member;
    p.places = q.places < 0 ? -1 : static_cast<std::int64_t>(std::llround(q.places * scale));  // base-year population
    t.by_slot[p.slot].push_back(static_cast<int>(t.provisions.size()));
    t.provisions.push_back(p);
  }
  return t;
}

double ProvisionTables::price(int p, int month_index) const {
  return provisions[p].tariff * std::pow(1.0 + provisions[p].indexation, month_index / 12 - price_base_year);
}

int draw_level(const Provision& p, double u) {
  int k = 0;
  while (k + 1 < p.levels && u >= p.cumulative[k]) ++k;
  return k;
}

std::uint8_t choose_provision(const ProvisionTables& t, int slot, const Eligibility& who, double u_variant,
                              double u_level) {
  const std::vector<int>& options = t.by_slot[slot];
  double total = 0;
  for (int p : options)
    if (t.provisions[p].eligible(who)) total += t.provisions[p].share;
  double x = u_variant * total;
  int chosen = -1, last_eligible = -1;
  for (std::size_t v = 0; v < options.size(); ++v) {
    const Provision& p = t.provisions[options[v]];
    if (!p.eligible(who) || p.share <= 0) continue;
    last_eligible = static_cast<int>(v);
    if (x < p.share) {
      chosen = static_cast<int>(v);
      break;
    }
    x -= p.share;
  }
  if (chosen < 0) chosen = last_eligible;  // u_variant * total rounding up to the end
  // Validation requires an open-to-all provision in every holding and event slot, and callers
  // cap ages at 120: reaching this is a bug, never a silent mis-assignment.
  if (chosen < 0) throw std::logic_error("no eligible provision in slot " + std::string(slot_names[slot]));
  return make_care(chosen, draw_level(t.provisions[options[chosen]], u_level));
}

}  // namespace zorgsim::models
