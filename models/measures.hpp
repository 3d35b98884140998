#pragma once
// Policy measures as data: a named, dated, targeted change of named parameters (multiply,
// add or set), with a ramp to full effect, its own cost, and for budgetary measures a budget
// line. This header holds the plain description and the rules that apply it; reading the
// YAML files is the application's job (sim/app/measure_files.*).
#include <bitset>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "models/provisions.hpp"
#include "sim/diagnostics.hpp"
#include "sim/parameters.hpp"

namespace zorgsim::models {

enum class MeasureKind { Behavioural, Budgetary };
enum class EffectOp { Multiply, Add, Set };

/// The law a measure belongs to: the four laws of categories.hpp, or several.
inline constexpr int measure_law_count = 5;
inline constexpr int cross_law = 4;
inline constexpr std::array<std::string_view, 5> measure_law_names = {"jeugdwet", "wmo", "participatiewet",
                                                                      "schuldhulpverlening", "cross-law"};

/// A sized quantity of a measure: its central value, plausible range and source.
struct SizedValue {
  double value = 0;
  double low = 0, high = 0;  // plausible range (low == high == value when not given)
  std::string source;
};

/// Who a measure reaches. A person is inside when every restriction holds; the household's
/// attributes (income class, type, district) are the ones at the start of the month.
struct Target {
  int min_age = 0, max_age = 120;           // years, inclusive
  std::uint8_t income_mask = 0x0F;          // bit k: income class k
  std::uint8_t type_mask = 0x1F;            // bit k: HouseholdType k
  std::bitset<256> districts = ~std::bitset<256>{};  // bit d: district d
  std::vector<std::string> district_names;  // as written (resolved against the configuration)
  sim::SourcePos districts_pos;
  // Provisions the measure is about: a scope, not a filter of persons. Every effect must be a
  // field of one of them (provisions.<id>.<field>), which acts on that provision only.
  std::vector<std::string> provisions;
  sim::SourcePos provisions_pos;
  bool restricts() const {
    return min_age > 0 || max_age < 120 || income_mask != 0x0F || type_mask != 0x1F || !districts.all();
  }
  bool contains(const Eligibility& who) const {
    return who.age >= min_age && who.age <= max_age && ((income_mask >> who.income) & 1) &&
           ((type_mask >> who.household_type) & 1) && districts[static_cast<std::size_t>(who.district)];
  }
  bool operator==(const Target& o) const {
    return min_age == o.min_age && max_age == o.max_age && income_mask == o.income_mask && type_mask == o.type_mask &&
           districts == o.districts;
  }
};

/// One change of one parameter. `spec`, `base`, `record` and `collection` bind the path to
/// the declaration and the value the configuration gave it (bind_effect).
struct Effect {
  enum class ValueType { Number, Boolean, Text, Numbers };
  std::string parameter;          // "youth.to_ambulant", "provisions.steunouder.tariff"
  EffectOp op = EffectOp::Multiply;
  ValueType type = ValueType::Number;
  sim::ParamValue value;          // real (multiply/add/set), boolean, text or reals (set)
  std::vector<int> elements;      // lists: the elements changed (empty: all)
  double low = 0, high = 0;       // plausible range of a real value
  std::string source;
  sim::SourcePos pos;             // where the effect is written
  // Bound:
  const sim::ParamSpec* spec = nullptr;
  sim::ParamValue base;           // the configuration's value
  int record = -1;                // position in its collection (record fields), else -1
  const sim::CollectionSpec* collection = nullptr;
};

struct Measure {
  std::string id;
  int law = 0;                    // index into measure_law_names
  MeasureKind kind = MeasureKind::Behavioural;
  std::string list;               // the seed table it comes from ("perspectiefnota-2026-2029", ...)
  bool in_base_year = false;      // implemented before the base year: part of the calibration
  std::string title_nl, description_nl, summary, mechanism;
  int start = 0;                  // month index of the first month with any effect
  int end = std::numeric_limits<int>::max();  // month index of the last month (inclusive)
  int ramp_months = 0;            // full effect from month start + ramp_months
  Target target;
  std::vector<Effect> effects;
  // The measure's own cost (EUR, base-year prices): once in the start month, and per month
  // while active; booked to `cost_law` (a law of categories.hpp).
  SizedValue cost_one_off, cost_per_month;
  int cost_law = 0;
  // Budgetary measures: the budget line, EUR per year in base-year prices (negative = less
  // spending), booked to `budget_law` from start to end.
  SizedValue budget_per_year;
  int budget_law = 0;
  std::string file;               // where it was read from
  sim::SourcePos pos;             // where its start is written

  /// Share of the full effect in a month: 0 before the start and after the end, then
  /// (k + 1) / (ramp + 1) in the k-th month of the ramp, 1 from start + ramp on.
  double intensity(int month_index) const;
  bool active(int month_index) const { return month_index >= start && month_index <= end; }
};

/// The value an effect gives at intensity `f` in (0, 1] to a parameter whose value is
/// `current`: multiply by 1 + f (v - 1), add f v, set current + f (v - current); a switch
/// (boolean, integer, text, month) takes its set value whenever f > 0. Lists change only
/// `elements` (all when empty).
sim::ParamValue effect_value(const Effect& e, double f, const sim::ParamValue& current);
/// ... applied to the configuration's value.
inline sim::ParamValue effect_value(const Effect& e, double f) { return effect_value(e, f, e.base); }

/// Writes effects at their intensities into `params`, in order. Effects on one parameter
/// compound: each acts on the value the ones before it left (x 0.9 then x 0.95 is x 0.855).
/// Returns the resulting value of each parameter changed, with the last effect on it.
struct ChangedParam {
  sim::ParamValue value;
  const Effect* last = nullptr;
};
std::map<const sim::ParamSpec*, ChangedParam> apply_effects(const std::vector<std::pair<const Effect*, double>>& effects,
                                                          ModelParams& params);

/// Binds an effect to the declaration and value of its parameter; reports an unknown path,
/// an operation the parameter's kind does not allow, or an element out of range.
bool bind_effect(Effect& e, const sim::ResolvedParams& params, sim::Diagnostics& diags);

/// Parameters read once for the whole municipality (capacities, budgets, prices) or when the
/// population changes (demography, migration, the synthesis): a measure that changes them
/// cannot be targeted at part of the population.
bool municipality_wide(const std::string& path);

/// Checks one measure against the configuration: effects bound and within their valid
/// ranges at full effect, cross-parameter checks with the measure at full effect, the
/// horizon, targets on municipality-wide parameters. Problems go to `diags` at the measure's
/// positions.
void validate_measure(Measure& m, const ModelParams& base, const sim::ResolvedParams& params, int first_month,
                      int last_month, sim::Diagnostics& diags);

/// Two measures that `set` the same parameter (element) to different values while both are
/// active contradict each other.
void check_contradictions(const std::vector<const Measure*>& measures, sim::Diagnostics& diags);

/// The measures active together in some month (`first_month` to `last_month`), at full effect
/// and compounded: every changed value within its valid range, and the cross-parameter checks.
void validate_together(const std::vector<const Measure*>& measures, const ModelParams& base,
                       const sim::ResolvedParams& params, int first_month, int last_month, sim::Diagnostics& diags);

}  // namespace zorgsim::models
