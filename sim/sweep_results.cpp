#include "sim/sweep_results.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "sim/sensitivity.hpp"

namespace zorgsim::sim {

bool SweepResults::complete() const {
  return !done.empty() && std::all_of(done.begin(), done.end(), [](std::uint8_t d) { return d != 0; });
}

namespace {

// Per point, the mean over replicates of a target: scenario s's level, or (s - reference).
std::vector<double> target_values(const SweepResults& r, std::size_t s, bool difference, std::size_t c) {
  const std::size_t P = r.points(), C = r.columns.size();
  std::vector<double> y(P, 0.0);
  for (std::size_t p = 0; p < P; ++p) {
    double sum = 0;
    for (int rep = 0; rep < r.replicates; ++rep) {
      double v = r.outputs[r.run_index(p, rep, s) * C + c];
      if (difference) v -= r.outputs[r.run_index(p, rep, 0) * C + c];
      sum += v;
    }
    y[p] = sum / r.replicates;
  }
  return y;
}

}  // namespace

SweepIndices sweep_indices(const SweepResults& r) {
  SweepIndices out;
  struct Target {
    std::size_t scenario;
    bool difference;
  };
  std::vector<Target> targets;
  for (std::size_t s = 0; s < r.scenarios.size(); ++s) {
    targets.push_back({s, false});
    out.targets.push_back(r.scenarios[s]);
  }
  for (std::size_t s = 1; s < r.scenarios.size(); ++s) {
    targets.push_back({s, true});
    out.targets.push_back(r.scenarios[s] + " - " + r.scenarios[0]);
  }
  const std::size_t T = targets.size(), C = r.columns.size(), K = r.parameters.size();
  const bool sobol = r.design.method == DesignMethod::Sobol, morris = r.design.method == DesignMethod::Morris;
  if (!sobol && !morris) return out;
  const std::size_t n = T * C * K;
  if (sobol) {
    for (auto* v : {&out.first, &out.first_low, &out.first_high, &out.total, &out.total_low, &out.total_high})
      v->assign(n, 0.0);
    out.variance.assign(T * C, 0.0);
  } else {
    for (auto* v : {&out.mu, &out.mu_star, &out.sigma}) v->assign(n, 0.0);
  }
  const Design design = morris ? make_design(r.design) : Design{};
  // Each (target, column) is independent and writes its own slots; its bootstrap seed is
  // derived from its position, so the result does not depend on the threads.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, T * C, 1), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t tc = range.begin(); tc != range.end(); ++tc) {
      const Target& t = targets[tc / C];
      const std::vector<double> y = target_values(r, t.scenario, t.difference, tc % C);
      if (sobol) {
        const SobolIndices ix = sobol_indices(y, r.design.points, static_cast<int>(K), r.bootstrap,
                                              r.design.seed * 1000003u + tc, r.level);
        out.variance[tc] = ix.variance;
        for (std::size_t k = 0; k < K; ++k) {
          out.first[tc * K + k] = ix.first[k].estimate;
          out.first_low[tc * K + k] = ix.first[k].low;
          out.first_high[tc * K + k] = ix.first[k].high;
          out.total[tc * K + k] = ix.total[k].estimate;
          out.total_low[tc * K + k] = ix.total[k].low;
          out.total_high[tc * K + k] = ix.total[k].high;
        }
      } else {
        const MorrisIndices ix = morris_indices(design, y);
        for (std::size_t k = 0; k < K; ++k) {
          out.mu[tc * K + k] = ix.mu[k];
          out.mu_star[tc * K + k] = ix.mu_star[k];
          out.sigma[tc * K + k] = ix.sigma[k];
        }
      }
    }
  });
  return out;
}

}  // namespace zorgsim::sim
