#pragma once
// `zorgsim bench`: person-months per second and bytes per person of a model, measured
// on one thread and on all threads. A benchmark, not a test: it asserts nothing.
#include <ostream>
#include <string>
#include <vector>

#include "sim/model.hpp"

namespace zorgsim::sim {

struct BenchResult {
  int threads = 0;
  std::size_t persons = 0;
  int months = 0;
  double synthesis_seconds = 0;
  double step_seconds = 0;
  double person_months_per_second = 0;
  std::size_t state_bytes = 0;
};

BenchResult bench_once(const Model& model, const RandomKey& key, int first_month, int months, int threads);

/// Peak resident memory of this process so far, in bytes.
std::size_t peak_rss_bytes();

void print_bench(std::ostream& out, const std::string& label, const std::vector<BenchResult>& rows);

/// How fast a sweep's runs can be recorded durably in `dir` (docs/CLUSTER.md): `n` records of
/// `bytes` each through a RecordStore, one at a time as rank 0 of an MPI sweep stores them.
/// Returns records per second; the folder it makes is removed.
double bench_records(const std::string& dir, int n, std::size_t bytes);

}  // namespace zorgsim::sim
