#pragma once
// Calibration targets as data (figure, value, confidence, source, and how to compute the
// model's value from indicators), evaluated on a run: `zorgsim calibrate` prints model
// versus target for every row. Generic: targets name indicators, not model internals.
#include <ostream>
#include <string>
#include <vector>

#include "sim/diagnostics.hpp"
#include "sim/model.hpp"
#include "sim/simulation.hpp"

namespace zorgsim::sim {

struct IndicatorSum {
  std::string indicator;
  std::vector<int> categories;  // empty = all
};

struct CalibrationTarget {
  std::string id;
  std::string figure;       // what the row is, in words
  double value = 0;
  std::string unit;
  std::string confidence;   // H (published), M (older or derived), EST (estimate)
  std::string source;
  std::string note;
  bool modelled = false;    // false: the model has no such figure yet (reported as such)
  bool initial = true;      // true: the synthesised population; false: the first twelve simulated months
  IndicatorSum numerator;
  bool has_denominator = false;
  IndicatorSum denominator;
  double scale = 1;
  double tolerance() const { return confidence == "EST" ? 0.10 : 0.05; }  // CALIBRATION.md's rule
};

/// Parses a targets file; problems (unknown keys, unknown indicators or categories) go to diags.
std::vector<CalibrationTarget> parse_calibration_targets(const std::string& name, const std::string& text,
                                                         const std::vector<IndicatorSpec>& indicators,
                                                         Diagnostics& diags);

struct CalibrationRow {
  const CalibrationTarget* target = nullptr;
  double model = 0;      // mean over replicates
  double model_se = 0;   // standard error of that mean (0 with one replicate)
  double deviation = 0;  // (model - target) / target
  bool within = false;
};

/// Evaluates the targets on a run: `initial` rows on the synthesised population, the others on
/// the first twelve simulated months (stocks at the end, flows summed). Rows without a
/// denominator (counts, amounts) are divided by `scale` (run.scale) to be comparable.
std::vector<CalibrationRow> evaluate_calibration(const std::vector<CalibrationTarget>& targets, const RunResult& run,
                                                 double scale);

/// The report; returns the number of modelled rows outside their tolerance. `first_month` is
/// the first simulated month ("YYYY-MM").
int print_calibration(std::ostream& out, const std::vector<CalibrationRow>& rows, const std::string& first_month);

}  // namespace zorgsim::sim
