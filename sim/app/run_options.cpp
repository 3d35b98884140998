#include "sim/app/run_options.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace zorgsim::app {

std::string exact(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

sim::Provenance provenance_of(const Configuration& c, const std::string& command_line, int threads,
                              const std::string& scenario, const std::vector<std::string>& measures) {
  sim::Provenance p;
  p.config_name = c.run.name;
  p.config_yaml = c.resolved_yaml;
  p.config_sha256 = c.sha256;
  p.command_line = command_line;
  p.seed = static_cast<std::uint64_t>(c.run.seed);
  p.threads = threads;
  p.scenario = scenario;
  p.measures = measures;
  return p;
}

std::vector<std::string> assignments_of(const RunOptions& o) {
  std::vector<std::string> a = o.sets;
  if (o.seed >= 0) a.push_back("run.seed=" + std::to_string(o.seed));
  if (o.replicates >= 0) a.push_back("run.replicates=" + std::to_string(o.replicates));
  if (o.scale >= 0) a.push_back("run.scale=" + exact(o.scale));
  return a;
}

int thread_count(int requested) {
  const int hw = tbb::info::default_concurrency();
  return requested > 0 ? requested : hw;
}

sim::RunResult run_with_progress(const sim::Model& model, const sim::RunRequest& req, int threads, bool quiet,
                                 const std::string& label) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const bool tty = isatty(STDERR_FILENO) && !quiet;
  std::vector<int> done(static_cast<std::size_t>(req.replicates), 0);
  const long total = static_cast<long>(req.months) * req.replicates;
  const auto started = std::chrono::steady_clock::now();
  long last_decile = 0;
  const auto progress = [&](int r, int months_done) {
    if (quiet) return;
    done[static_cast<std::size_t>(r)] = months_done;
    long sum = 0;
    for (int d : done) sum += d;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (tty) {
      std::fprintf(stderr, "\r%s: %ld of %ld replicate-months (%.0f s)", label.c_str(), sum, total, elapsed);
      std::fflush(stderr);
    } else if (sum * 10 / total > last_decile && elapsed > 5) {
      last_decile = sum * 10 / total;
      std::fprintf(stderr, "%s: %ld%% (%ld of %ld replicate-months, %.0f s, about %.0f s to go)\n", label.c_str(),
                   last_decile * 10, sum, total, elapsed, elapsed * (total - sum) / sum);
    }
  };
  // An arena of exactly `threads` slots: --threads 4 uses 4 threads even on 2 cores.
  sim::RunResult result;
  tbb::task_arena arena(threads);
  arena.execute([&] { result = sim::run(model, req, progress); });
  if (tty) std::fprintf(stderr, "\n");
  return result;
}

}  // namespace zorgsim::app
