#include "sim/calibration.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <set>

namespace zorgsim::sim {

namespace {

SourcePos at(const std::string& file, const YAML::Node& n) {
  if (!n.IsDefined()) return SourcePos{file, 0, 0};
  return n.Mark().line >= 0 ? SourcePos{file, n.Mark().line + 1, n.Mark().column + 1} : SourcePos{file, 0, 0};
}

const IndicatorSpec* find_indicator(const std::vector<IndicatorSpec>& all, const std::string& name) {
  for (const auto& s : all)
    if (s.name == name) return &s;
  return nullptr;
}

bool parse_sum(const std::string& file, const YAML::Node& n, const std::string& path,
               const std::vector<IndicatorSpec>& indicators, IndicatorSum& out, Diagnostics& diags) {
  if (!n.IsDefined()) {
    diags.add(SourcePos{file, 0, 0}, path, "missing: expected {indicator: NAME, categories: [..]}");
    return false;
  }
  if (!n.IsMap()) {
    diags.add(at(file, n), path, "expected {indicator: NAME, categories: [..]}");
    return false;
  }
  bool ok = true;
  for (const auto& kv : n) {
    const std::string k = kv.first.Scalar();
    if (k != "indicator" && k != "categories") {
      diags.add(at(file, kv.first), path + "." + k, "unknown key (expected indicator, categories)");
      ok = false;
    }
  }
  if (!n["indicator"] || !n["indicator"].IsScalar()) {
    diags.add(at(file, n), path, "needs an indicator name");
    return false;
  }
  out.indicator = n["indicator"].Scalar();
  const IndicatorSpec* spec = find_indicator(indicators, out.indicator);
  if (!spec) {
    diags.add(at(file, n["indicator"]), path + ".indicator", "unknown indicator '" + out.indicator + "'");
    return false;
  }
  if (const YAML::Node cats = n["categories"]) {
    if (!cats.IsSequence()) {
      diags.add(at(file, cats), path + ".categories", "expected a list of category names");
      return false;
    }
    for (const auto& c : cats) {
      const auto it = std::find(spec->categories.begin(), spec->categories.end(), c.Scalar());
      if (it == spec->categories.end()) {
        diags.add(at(file, c), path + ".categories", "'" + c.Scalar() + "' is not a category of " + out.indicator);
        ok = false;
      } else {
        out.categories.push_back(static_cast<int>(it - spec->categories.begin()));
      }
    }
  }
  return ok;
}

}  // namespace

std::vector<CalibrationTarget> parse_calibration_targets(const std::string& name, const std::string& text,
                                                         const std::vector<IndicatorSpec>& indicators,
                                                         Diagnostics& diags) {
  std::vector<CalibrationTarget> out;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diags.add(SourcePos{name, e.mark.line + 1, e.mark.column + 1}, "", "YAML syntax: " + e.msg);
    return out;
  }
  if (!root.IsMap() || !root["targets"] || !root["targets"].IsSequence()) {
    diags.add(SourcePos{name, 1, 1}, "targets", "expected a map with a list 'targets'");
    return out;
  }
  static const std::set<std::string> keys = {"id", "figure", "value", "unit", "confidence", "source", "note",
                                             "model"};
  std::set<std::string> ids;
  for (const auto& item : root["targets"]) {
    CalibrationTarget t;
    const std::string path = "targets[" + std::to_string(out.size()) + "]";
    if (!item.IsMap()) {
      diags.add(at(name, item), path, "expected a map");
      continue;
    }
    for (const auto& kv : item)
      if (!keys.count(kv.first.Scalar()))
        diags.add(at(name, kv.first), path + "." + kv.first.Scalar(), "unknown key");
    try {
      t.id = item["id"].as<std::string>();
      t.figure = item["figure"].as<std::string>();
      t.value = item["value"].as<double>();
      t.unit = item["unit"].as<std::string>();
      t.confidence = item["confidence"].as<std::string>();
      t.source = item["source"].as<std::string>();
      if (item["note"]) t.note = item["note"].as<std::string>();
    } catch (const YAML::Exception&) {
      diags.add(at(name, item), path, "needs id, figure, value (a number), unit, confidence and source");
      continue;
    }
    if (!ids.insert(t.id).second) diags.add(at(name, item["id"]), path + ".id", "duplicate id '" + t.id + "'");
    if (t.confidence != "H" && t.confidence != "M" && t.confidence != "EST")
      diags.add(at(name, item["confidence"]), path + ".confidence", "must be H, M or EST");
    if (t.value == 0) diags.add(at(name, item["value"]), path + ".value", "must not be 0 (deviations are relative)");
    const YAML::Node model = item["model"];
    if (model && !model.IsNull() && !model.IsMap()) {
      diags.add(at(name, model), path + ".model", "expected a map {when, sum, per, scale} or null");
    } else if (model && !model.IsNull()) {
      t.modelled = true;
      for (const auto& kv : model) {
        const std::string k = kv.first.Scalar();
        if (k != "when" && k != "sum" && k != "per" && k != "scale")
          diags.add(at(name, kv.first), path + ".model." + k, "unknown key (expected when, sum, per, scale)");
      }
      const std::string when = model["when"] && model["when"].IsScalar() ? model["when"].Scalar() : "";
      if (when != "initial" && when != "first_year")
        diags.add(at(name, model), path + ".model.when", "must be 'initial' or 'first_year'");
      t.initial = when == "initial";
      parse_sum(name, model["sum"], path + ".model.sum", indicators, t.numerator, diags);
      if (model["per"]) {
        t.has_denominator = true;
        parse_sum(name, model["per"], path + ".model.per", indicators, t.denominator, diags);
      }
      if (model["scale"]) {
        try {
          t.scale = model["scale"].as<double>();
        } catch (const YAML::Exception&) {
          diags.add(at(name, model["scale"]), path + ".model.scale", "expected a number");
        }
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

namespace {
double sum_of(const IndicatorSum& s, const RunResult& run, const double* row) {
  std::size_t ind = 0;
  while (run.indicators[ind].name != s.indicator) ++ind;
  const std::size_t base = run.offsets[ind];
  double total = 0;
  if (s.categories.empty()) {
    for (std::size_t c = base; c < run.offsets[ind + 1]; ++c) total += row[c];
  } else {
    for (int c : s.categories) total += row[base + c];
  }
  return total;
}
}  // namespace

std::vector<CalibrationRow> evaluate_calibration(const std::vector<CalibrationTarget>& targets, const RunResult& run,
                                                 double scale) {
  std::vector<CalibrationRow> rows;
  const std::size_t width = run.width();
  // The first twelve simulated months as one year: stocks at the twelfth month's end, flows summed.
  const int months = std::min(run.months, 12);
  std::vector<double> first_year(static_cast<std::size_t>(run.replicates) * width, 0.0);
  for (int rep = 0; rep < run.replicates; ++rep)
    for (std::size_t i = 0; i < run.indicators.size(); ++i)
      for (std::size_t c = run.offsets[i]; c < run.offsets[i + 1]; ++c) {
        double& v = first_year[rep * width + c];
        if (run.indicators[i].aggregation == Aggregation::Stock) {
          v = run.value(rep, months - 1, c);
        } else {
          for (int m = 0; m < months; ++m) v += run.value(rep, m, c);
        }
      }
  for (const auto& t : targets) {
    CalibrationRow r;
    r.target = &t;
    if (t.modelled) {
      std::vector<double> values;
      for (int rep = 0; rep < run.replicates; ++rep) {
        const double* row = (t.initial ? run.initial.data() : first_year.data()) + rep * width;
        double v = sum_of(t.numerator, run, row);
        // a ratio does not depend on the population's size; a count or an amount does
        if (t.has_denominator) v /= sum_of(t.denominator, run, row);
        else v /= scale;
        values.push_back(v * t.scale);
      }
      double mean = 0, var = 0;
      for (double v : values) mean += v / values.size();
      for (double v : values) var += (v - mean) * (v - mean);
      r.model = mean;
      r.model_se = values.size() > 1 ? std::sqrt(var / (values.size() - 1) / values.size()) : 0;
      r.deviation = (mean - t.value) / t.value;
      r.within = std::fabs(r.deviation) <= t.tolerance();
    }
    rows.push_back(r);
  }
  return rows;
}

int print_calibration(std::ostream& out, const std::vector<CalibrationRow>& rows, const std::string& first_year) {
  char buf[512];
  int outside = 0, modelled = 0;
  std::snprintf(buf, sizeof buf, "%-34s %12s %12s %10s %8s %6s %4s  %s\n", "figure", "target", "model", "+-SE", "dev",
                "tol", "", "source");
  out << buf;
  for (const auto& r : rows) {
    const CalibrationTarget& t = *r.target;
    const std::string label = t.id + " (" + t.confidence + ")";
    if (!t.modelled) {
      std::snprintf(buf, sizeof buf, "%-34s %12.6g %12s %10s %8s %5.0f%% %4s  %s\n", label.c_str(), t.value,
                    "not modelled", "", "", t.tolerance() * 100, "--", t.source.c_str());
    } else {
      ++modelled;
      outside += !r.within;
      std::snprintf(buf, sizeof buf, "%-34s %12.6g %12.6g %10.3g %+7.1f%% %5.0f%% %4s  %s\n", label.c_str(), t.value,
                    r.model, r.model_se, r.deviation * 100, t.tolerance() * 100, r.within ? "ok" : "OFF",
                    t.source.c_str());
    }
    out << buf;
  }
  out << modelled << " of " << rows.size() << " figures modelled; " << outside
      << " outside their tolerance (H/M 5%, EST 10%). +-SE: standard error of the mean over replicates (use more"
      << " replicates when it is large against the tolerance). Stocks are the synthesised population (at the start of "
      << first_year << "); yearly figures are the first twelve simulated months. Counts and amounts are divided by"
      << " run.scale.\n";
  return outside;
}

}  // namespace zorgsim::sim
