#include "sim/bench.hpp"

#include "sim/run_records.hpp"
#include "sim/simulation.hpp"

#include <sys/resource.h>
#include <unistd.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <cstdio>

namespace zorgsim::sim {

namespace {
BenchResult bench_in_arena(const Model& model, const RandomKey& key, int first_month, int months, int threads);
}

BenchResult bench_once(const Model& model, const RandomKey& key, int first_month, int months, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  tbb::task_arena arena(threads);
  BenchResult result;
  arena.execute([&] { result = bench_in_arena(model, key, first_month, months, threads); });
  return result;
}

namespace {
BenchResult bench_in_arena(const Model& model, const RandomKey& key, int first_month, int months, int threads) {
  std::size_t width = 0;
  for (const auto& s : model.indicators()) width += s.width();
  BenchResult r;
  r.threads = threads;
  r.months = months;
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  auto world = model.create_world(key, first_month);
  const std::size_t blocks = world->block_count();
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const auto& rg) {
    for (std::size_t b = rg.begin(); b != rg.end(); ++b) world->init_block(b);
  });
  const auto t1 = clock::now();
  r.persons = world->person_count();
  std::vector<double> partial, row(width);
  const std::vector<PhaseKind> phases = world->month_phases();
  double person_months = 0;
  for (int m = 0; m < months; ++m) {
    person_months += static_cast<double>(world->person_count());
    step_month(*world, phases, StepContext{first_month + m, m, key}, partial, width, row.data());
  }
  const auto t2 = clock::now();
  r.synthesis_seconds = std::chrono::duration<double>(t1 - t0).count();
  r.step_seconds = std::chrono::duration<double>(t2 - t1).count();
  r.person_months_per_second = person_months / r.step_seconds;
  r.state_bytes = world->state_bytes();
  return r;
}
}  // namespace

std::size_t peak_rss_bytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<std::size_t>(u.ru_maxrss) * 1024;  // Linux reports KiB
}

void print_bench(std::ostream& out, const std::string& label, const std::vector<BenchResult>& rows) {
  char buf[256];
  out << label << "\n";
  out << "  threads     persons  months  synth s   step s   person-months/s  per thread    state B/person\n";
  for (const auto& r : rows) {
    std::snprintf(buf, sizeof buf, "  %7d  %10zu  %6d  %7.2f  %7.2f  %15.3e  %10.3e  %16.1f\n", r.threads, r.persons,
                  r.months, r.synthesis_seconds, r.step_seconds, r.person_months_per_second,
                  r.person_months_per_second / r.threads, static_cast<double>(r.state_bytes) / r.persons);
    out << buf;
  }
}

double bench_records(const std::string& dir, int n, std::size_t bytes) {
  const std::string folder = dir + "/zorgsim-bench-records-" + std::to_string(::getpid());
  RecordStore store(folder, std::string(64, 'a'), RecordMode::Fresh);
  std::string payload(bytes, '\0');
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    payload[static_cast<std::size_t>(i) % bytes] = static_cast<char>(i);
    store.put(static_cast<std::uint64_t>(i), payload);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  store.remove_all();
  return n / s;
}

}  // namespace zorgsim::sim
