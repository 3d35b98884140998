#include "sim/simulation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <stdexcept>

namespace zorgsim::sim {

std::size_t RunResult::column_of(const std::string& indicator) const {
  for (std::size_t i = 0; i < indicators.size(); ++i)
    if (indicators[i].name == indicator) return offsets[i];
  throw std::invalid_argument("unknown indicator: " + indicator);
}

namespace {

// Sums per-block tallies in block order: the same additions in the same order whatever
// thread computed each block, so floating-point sums are bit-identical.
void reduce_in_block_order(const std::vector<double>& partial, std::size_t blocks, std::size_t width,
                           double* out) {
  std::fill(out, out + width, 0.0);
  for (std::size_t b = 0; b < blocks; ++b) {
    const double* row = partial.data() + b * width;
    for (std::size_t c = 0; c < width; ++c) out[c] += row[c];
  }
}

std::size_t width_of(const Model& model) {
  std::size_t w = 0;
  for (const auto& spec : model.indicators()) w += spec.width();
  return w;
}

}  // namespace

void step_month(World& world, const std::vector<PhaseKind>& phases, const StepContext& ctx, std::vector<double>& partial,
                std::size_t width, double* out) {
  const std::size_t blocks = world.block_count();
  partial.assign((blocks + 1) * width, 0.0);  // one row per block, then the global row
  for (std::size_t p = 0; p < phases.size(); ++p) {
    const int phase = static_cast<int>(p);
    if (phases[p] == PhaseKind::Global) {
      world.step_global(phase, ctx, partial.data() + blocks * width);
      continue;
    }
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const tbb::blocked_range<std::size_t>& r) {
      for (std::size_t b = r.begin(); b != r.end(); ++b) world.step_block(b, phase, ctx, partial.data() + b * width);
    });
  }
  reduce_in_block_order(partial, blocks + 1, width, out);
}

void run_replicate(const Model& model, const RandomKey& key, int first_month, int months, double* initial_row,
                   double* monthly_rows, std::size_t* persons, const std::function<void(int)>& after_month) {
  const std::size_t width = width_of(model);
  auto world = model.create_world(key, first_month);
  const std::size_t blocks = world->block_count();
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b) world->init_block(b);
  });
  if (persons) *persons = world->person_count();
  std::vector<double> partial(blocks * width);
  // The initial stocks, recorded as at the end of the month before the first.
  const StepContext initial{first_month - 1, -1, key};
  std::fill(partial.begin(), partial.end(), 0.0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t b = r.begin(); b != r.end(); ++b) world->record_block(b, initial, partial.data() + b * width);
  });
  reduce_in_block_order(partial, blocks, width, initial_row);
  const std::vector<PhaseKind> phases = world->month_phases();
  for (int m = 0; m < months; ++m) {
    step_month(*world, phases, StepContext{first_month + m, m, key}, partial, width,
               monthly_rows + static_cast<std::size_t>(m) * width);
    if (after_month) after_month(m + 1);
  }
}

RunResult run(const Model& model, const RunRequest& req, const Progress& progress) {
  RunResult res;
  res.indicators = model.indicators();
  res.offsets.push_back(0);
  for (const auto& spec : res.indicators) res.offsets.push_back(res.offsets.back() + spec.width());
  res.first_month = req.first_month;
  res.months = req.months;
  res.replicates = req.replicates;
  const std::size_t width = res.width();
  res.initial.assign(static_cast<std::size_t>(req.replicates) * width, 0.0);
  res.monthly.assign(static_cast<std::size_t>(req.replicates) * req.months * width, 0.0);
  res.initial_persons.assign(req.replicates, 0);
  const auto t0 = std::chrono::steady_clock::now();
  std::mutex progress_mutex;
  // Replicates are independent worlds: run them as parallel tasks (each nests its own
  // block loops). Results land in fixed slots, so order of completion does not matter.
  tbb::parallel_for(0, req.replicates, [&](int r) {
    RandomKey key = req.base;
    key.replicate = static_cast<std::uint32_t>(req.first_replicate + r);
    run_replicate(model, key, req.first_month, req.months, res.initial.data() + r * width,
                  res.monthly.data() + static_cast<std::size_t>(r) * req.months * width, &res.initial_persons[r],
                  [&](int done) {
                    if (!progress) return;
                    std::lock_guard<std::mutex> lock(progress_mutex);
                    progress(r, done);
                  });
  });
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

AnnualResult aggregate_years(const RunResult& r) {
  AnnualResult a;
  const int last = r.first_month + r.months - 1;
  for (int y = r.first_month / 12; y <= last / 12; ++y) {
    a.years.push_back(y);
    const int from = std::max(r.first_month, y * 12), to = std::min(last, y * 12 + 11);
    a.months_in_year.push_back(to - from + 1);
  }
  const std::size_t width = r.width();
  const std::size_t ny = a.years.size();
  a.values.assign(static_cast<std::size_t>(r.replicates) * ny * width, 0.0);
  for (int rep = 0; rep < r.replicates; ++rep)
    for (std::size_t yi = 0; yi < ny; ++yi) {
      double* out = a.values.data() + (static_cast<std::size_t>(rep) * ny + yi) * width;
      const int from = std::max(r.first_month, a.years[yi] * 12) - r.first_month;
      const int to = std::min(last, a.years[yi] * 12 + 11) - r.first_month;
      for (std::size_t i = 0; i < r.indicators.size(); ++i)
        for (std::size_t c = r.offsets[i]; c < r.offsets[i + 1]; ++c) {
          if (r.indicators[i].aggregation == Aggregation::Stock) {
            out[c] = r.value(rep, to, c);
          } else {
            double s = 0;
            for (int m = from; m <= to; ++m) s += r.value(rep, m, c);
            out[c] = s;
          }
        }
    }
  return a;
}

}  // namespace zorgsim::sim
