// `zorgsim measures`: the catalogue, checked against a configuration, as text or Markdown.
#include <iostream>
#include <sstream>

#include "sim/app/commands.hpp"
#include "sim/app/configuration.hpp"
#include "sim/app/measure_files.hpp"
#include "sim/month.hpp"

namespace zorgsim::app {

namespace {
namespace zm = zorgsim::models;

std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string op_name(zm::EffectOp op) {
  return op == zm::EffectOp::Multiply ? "x" : op == zm::EffectOp::Add ? "+" : "=";
}

std::string value_text(const zm::Effect& e) {
  using VT = zm::Effect::ValueType;
  switch (e.type) {
    case VT::Number: return number(e.value.real);
    case VT::Boolean: return e.value.boolean ? "true" : "false";
    case VT::Text: return e.value.text;
    case VT::Numbers: {
      std::string s = "[";
      for (std::size_t k = 0; k < e.value.reals.size(); ++k) s += (k ? ", " : "") + number(e.value.reals[k]);
      return s + "]";
    }
  }
  return {};
}

std::string effect_text(const zm::Effect& e) {
  std::string s = e.parameter;
  if (!e.elements.empty()) {
    s += "[";
    for (std::size_t k = 0; k < e.elements.size(); ++k) s += (k ? "," : "") + std::to_string(e.elements[k]);
    s += "]";
  }
  s += " " + op_name(e.op) + " " + value_text(e);
  if (e.type == zm::Effect::ValueType::Number && (e.low != e.value.real || e.high != e.value.real))
    s += " [" + number(e.low) + ", " + number(e.high) + "]";
  return s;
}

std::string target_text(const zm::Measure& m) {
  const zm::Target& t = m.target;
  std::string scope;
  for (std::size_t k = 0; k < t.provisions.size(); ++k) scope += (k ? "," : " (provisions ") + t.provisions[k];
  if (!scope.empty()) scope += ")";
  if (!t.restricts()) return "everyone" + scope;
  std::string s;
  if (t.min_age > 0 || t.max_age < 120) s += "ages " + std::to_string(t.min_age) + "-" + std::to_string(t.max_age);
  const auto names = [](std::uint8_t mask, const auto& all) {
    std::string out;
    for (std::size_t k = 0; k < all.size(); ++k)
      if ((mask >> k) & 1) out += (out.empty() ? "" : ",") + std::string(all[k]);
    return out;
  };
  if (t.income_mask != 0x0F) s += (s.empty() ? "" : "; ") + std::string("income ") + names(t.income_mask, zm::income_class_names);
  if (t.type_mask != 0x1F) s += (s.empty() ? "" : "; ") + names(t.type_mask, zm::household_type_names);
  if (!t.district_names.empty()) {
    s += s.empty() ? "districts " : "; districts ";
    for (std::size_t k = 0; k < t.district_names.size(); ++k) s += (k ? "," : "") + t.district_names[k];
  }
  return s + scope;
}

std::string money_text(const zm::Measure& m, bool sources = false) {
  const auto range = [&](const zm::SizedValue& v) {
    if (!sources) return std::string();
    return " [" + number(v.low) + ", " + number(v.high) + "] (" + v.source + ")";
  };
  std::string s;
  if (m.kind == zm::MeasureKind::Budgetary)
    s = "budget line EUR " + number(m.budget_per_year.value) + "/yr" + range(m.budget_per_year) + " (" +
        std::string(zm::law_names[m.budget_law]) + ")";
  if (m.cost_per_month.value != 0 || m.cost_one_off.value != 0)
    s += (s.empty() ? "" : "; ") + std::string("own cost EUR ") + number(m.cost_per_month.value) + "/month" +
         range(m.cost_per_month) +
         (m.cost_one_off.value != 0 ? " + " + number(m.cost_one_off.value) + " once" + range(m.cost_one_off) : "");
  return s;
}

std::string escape(std::string s) {
  for (std::size_t p = s.find('|'); p != std::string::npos; p = s.find('|', p + 2)) s.replace(p, 1, "\\|");
  return s;
}
}  // namespace

std::string measures_markdown(const std::string& config) {
  const Configuration c = load_configuration(config, {});
  check_catalogue(c);  // every entry binds and validates
  sim::Diagnostics diags;
  const std::vector<zm::Measure> all = embedded_catalogue(diags);
  diags.throw_if_any();
  std::ostringstream out;
  out << "| id | law | Dutch title | kind | from | ramp | target | mechanism; effect sizes [plausible] (source) | money |\n"
         "|---|---|---|---|---|---|---|---|---|\n";
  for (const zm::Measure& m : all) {
    std::string effects;
    for (const zm::Effect& e : m.effects) effects += "<br>`" + effect_text(e) + "` (" + escape(e.source) + ")";
    const std::string kind = m.in_base_year ? "in base year"
                             : m.kind == zm::MeasureKind::Budgetary ? "budgetary"
                                                                    : "behavioural";
    out << "| `" << m.id << "` | " << zm::measure_law_names[m.law] << " | " << escape(m.title_nl) << " | " << kind
        << " | " << sim::Month::from_index(m.start).str() << " | " << m.ramp_months << " | " << target_text(m) << " | "
        << escape(m.mechanism) << effects << " | " << escape(money_text(m, true)) << " |\n";
  }
  return out.str();
}

int cmd_measures(const std::string& config, bool markdown, bool verbose) {
  if (markdown) {
    std::cout << measures_markdown(config);
    return 0;
  }
  const Configuration c = load_configuration(config, {});
  check_catalogue(c);  // every entry binds and validates
  sim::Diagnostics diags;
  const std::vector<zm::Measure> all = embedded_catalogue(diags);
  diags.throw_if_any();
  std::cout << "Measure catalogue: " << all.size() << " measures (every one loads and validates against "
            << (config.empty() ? embedded_default_name : config) << ")\n";
  std::cout << "  kind: behavioural = changes the model's parameters; budgetary = a budget line only (money, no "
               "modelled behaviour); in base year = implemented 2019-2023, part of the calibrated 2024 figures\n\n";
  for (const zm::Measure& m : all) {
    const std::string kind = m.in_base_year ? "in base year"
                             : m.kind == zm::MeasureKind::Budgetary ? "budgetary"
                                                                    : "behavioural";
    std::cout << m.id << "  [" << zm::measure_law_names[m.law] << ", " << kind << ", from "
              << sim::Month::from_index(m.start).str();
    if (m.ramp_months > 0) std::cout << ", full effect after " << m.ramp_months << " months";
    std::cout << "]\n  " << m.title_nl << "\n  " << m.summary << "\n  target: " << target_text(m) << "\n";
    if (const std::string money = money_text(m); !money.empty()) std::cout << "  money: " << money << "\n";
    std::cout << "  mechanism: " << m.mechanism << "\n";
    if (verbose) {
      for (const zm::Effect& e : m.effects) std::cout << "  effect: " << effect_text(e) << "  (" << e.source << ")\n";
    } else {
      for (const zm::Effect& e : m.effects) std::cout << "  effect: " << effect_text(e) << "\n";
    }
    std::cout << "\n";
  }
  return 0;
}

}  // namespace zorgsim::app
