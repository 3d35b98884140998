#pragma once
// Runs a model: replicates in parallel, blocks in parallel within a month, and the
// reduction of block tallies in block order, so results do not depend on threads.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sim/model.hpp"

namespace zorgsim::sim {

/// Everything one run produced: per replicate, the initial stocks and a row of indicator
/// values per month (flows during the month, stocks at its end).
struct RunResult {
  std::vector<IndicatorSpec> indicators;
  std::vector<std::size_t> offsets;  // offset of each indicator in a row; back() = width
  int first_month = 0;               // Month::index()
  int months = 0;
  int replicates = 0;
  std::vector<double> initial;       // [replicate][width]
  std::vector<double> monthly;       // [replicate][month][width]
  std::vector<std::size_t> initial_persons;  // per replicate
  double seconds = 0;                // wall time of synthesis + simulation

  std::size_t width() const { return offsets.back(); }
  double value(int r, int m, std::size_t column) const {
    return monthly[(static_cast<std::size_t>(r) * months + m) * width() + column];
  }
  std::size_t column_of(const std::string& indicator) const;  // throws if unknown
};

/// Years covered by a run and each indicator's yearly value (see Aggregation).
struct AnnualResult {
  std::vector<int> years;
  std::vector<int> months_in_year;   // 12 except for partial first/last years
  std::vector<double> values;        // [replicate][year][width]
};
AnnualResult aggregate_years(const RunResult& r);

/// Called after each simulated month of each replicate (from worker threads, serialised).
using Progress = std::function<void(int replicate, int months_done)>;

struct RunRequest {
  RandomKey base;          // seed; the replicate number is filled in per replicate
  int first_month = 0;
  int months = 0;
  int replicates = 1;
  int first_replicate = 0; // replicate numbers first_replicate .. first_replicate + replicates - 1
};

RunResult run(const Model& model, const RunRequest& request, const Progress& progress = {});

/// One month of a world: its phases in order, then the block rows and the global row
/// summed in that order into `out` (`partial` is scratch).
void step_month(World& world, const std::vector<PhaseKind>& phases, const StepContext& ctx,
                std::vector<double>& partial, std::size_t width, double* out);

/// One replicate, stepped on the calling thread's task arena (used by run and by bench).
void run_replicate(const Model& model, const RandomKey& key, int first_month, int months,
                   double* initial_row, double* monthly_rows, std::size_t* persons,
                   const std::function<void(int)>& after_month = {});

}  // namespace zorgsim::sim
