// `zorgsim sweep` and `zorgsim merge`: a sweep's runs as TBB tasks (or over MPI ranks, or as
// one shard of N), each run recorded durably as it finishes so that --resume loses nothing,
// then one HDF5 file with the design, the kept outputs and the sensitivity indices.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "models/social_domain_model.hpp"
#include "sim/app/sweep.hpp"
#include "sim/app/sweep_file.hpp"
#include "sim/atomic_file.hpp"
#include "sim/app/run_options.hpp"
#include "sim/run_records.hpp"
#include "sim/run_settings.hpp"
#include "sim/simulation.hpp"
#include "sim/sweep_file_io.hpp"

namespace zorgsim::app {

namespace {
namespace zs = zorgsim::sim;

// ---- one run's kept outputs ------------------------------------------------------------

// Where each kept column reads in a run's annual rows.
struct ColumnReader {
  std::vector<std::size_t> cols;  // row columns summed
  bool stock = false;             // a span of stock years is averaged; flows are summed
  int first_year = 0, last_year = 0;
};

std::vector<ColumnReader> column_readers(const zs::SweepResults& r, const std::vector<zs::IndicatorSpec>& inds) {
  std::vector<ColumnReader> out;
  for (const zs::SweepColumn& c : r.columns) {
    ColumnReader cr;
    std::size_t offset = 0;
    for (const zs::IndicatorSpec& spec : inds) {
      if (spec.name == c.indicator) {
        cr.stock = spec.aggregation == zs::Aggregation::Stock;
        for (std::size_t k = 0; k < spec.width(); ++k) {
          const bool wanted = c.categories == "all" || spec.categories.empty() ||
                              ("+" + c.categories + "+").find("+" + spec.categories[k] + "+") != std::string::npos;
          if (wanted) cr.cols.push_back(offset + k);
        }
      }
      offset += spec.width();
    }
    cr.first_year = c.first_year;
    cr.last_year = c.last_year;
    out.push_back(cr);
  }
  return out;
}

std::vector<double> kept_outputs(const std::vector<ColumnReader>& readers, const zs::RunResult& run,
                                 const zs::AnnualResult& a) {
  const std::size_t width = run.width();
  std::vector<double> v;
  for (const ColumnReader& cr : readers) {
    double sum = 0;
    int years = 0;
    for (std::size_t y = 0; y < a.years.size(); ++y) {
      if (a.years[y] < cr.first_year || a.years[y] > cr.last_year) continue;
      ++years;
      for (std::size_t c : cr.cols) sum += a.values[y * width + c];
    }
    v.push_back(cr.stock && years > 0 ? sum / years : sum);
  }
  return v;
}

std::string to_bytes(const std::vector<double>& v) {
  std::string s(v.size() * sizeof(double), '\0');
  std::memcpy(s.data(), v.data(), s.size());
  return s;
}

// ---- the work: items are (point, scenario) pairs; each runs the missing replicates ------

struct Sweep {
  const SweepPlan& plan;
  std::vector<ColumnReader> readers;
  std::size_t S = 0, C = 0;
  int R = 0;

  explicit Sweep(const SweepPlan& p) : plan(p) {
    const zs::SweepResults& r = p.skeleton;
    S = r.scenarios.size();
    C = r.columns.size();
    R = r.replicates;
    const models::SocialDomainModel m(p.base->model, p.base->run.scale,
                                      static_cast<std::uint32_t>(p.base->run.block_households));
    readers = column_readers(r, m.indicators());
  }
  std::size_t items() const { return plan.skeleton.points() * S; }

  // The outputs of the replicates `reps` of one item: [replicate in reps][C], in order.
  std::vector<std::vector<double>> compute(std::size_t item, const std::vector<int>& reps) const {
    const std::size_t p = item / S, s = item % S;
    PointInputs in = point_inputs(plan, p);
    const models::SocialDomainModel model(in.config.model, in.config.run.scale,
                                          static_cast<std::uint32_t>(in.config.run.block_households),
                                          plan_scenario(in.scenarios[s], in.config));
    std::vector<std::vector<double>> out(reps.size());
    tbb::parallel_for(std::size_t{0}, reps.size(), [&](std::size_t k) {
      zs::RunRequest req = zs::run_request(in.config.run);
      req.base.seed = plan.skeleton.seeds[p * static_cast<std::size_t>(R) + static_cast<std::size_t>(reps[k])];
      req.first_replicate = reps[k];
      req.replicates = 1;
      const zs::RunResult run = zs::run(model, req);
      out[k] = kept_outputs(readers, run, zs::aggregate_years(run));
    });
    return out;
  }
};

// ---- progress --------------------------------------------------------------------------

class Progress {
 public:
  Progress(std::string label, std::size_t total, bool quiet)
      : m_label(std::move(label)), m_total(total), m_quiet(quiet || total == 0), m_tty(isatty(STDERR_FILENO)),
        m_start(std::chrono::steady_clock::now()) {}
  void add(std::size_t runs) {
    std::lock_guard g(m_lock);
    m_done += runs;
    if (m_quiet) return;
    const double t = elapsed();
    const double eta = m_done > 0 ? t * static_cast<double>(m_total - m_done) / static_cast<double>(m_done) : 0;
    const int pct = static_cast<int>(100 * m_done / m_total);
    if (m_tty) {
      const int width = 30, filled = static_cast<int>(width * m_done / m_total);
      std::fprintf(stderr, "\r%s [%s%s] %zu/%zu runs %3d%%  %s elapsed, %s to go ", m_label.c_str(),
                   std::string(static_cast<std::size_t>(filled), '#').c_str(),
                   std::string(static_cast<std::size_t>(width - filled), '.').c_str(), m_done, m_total, pct,
                   clock(t).c_str(), clock(eta).c_str());
      if (m_done == m_total) std::fprintf(stderr, "\n");
      std::fflush(stderr);
    } else if (t > 5 && (pct / 10 > m_last_decile || t - m_last_line > 60 || m_done == m_total)) {
      // Logs of cluster jobs: a line per 10% or per minute, once the sweep takes over 5 s.
      m_last_decile = pct / 10;
      m_last_line = t;
      std::fprintf(stderr, "%s: %zu of %zu runs (%d%%), %s elapsed, about %s to go\n", m_label.c_str(), m_done, m_total,
                   pct, clock(t).c_str(), clock(eta).c_str());
    }
  }
  double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }

 private:
  static std::string clock(double s) {
    char buf[32];
    const long x = std::lround(s);
    if (x >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", x / 3600, x / 60 % 60);
    else std::snprintf(buf, sizeof buf, "%ldm%02lds", x / 60, x % 60);
    return buf;
  }
  std::mutex m_lock;
  std::string m_label;
  std::size_t m_total, m_done = 0;
  bool m_quiet, m_tty;
  int m_last_decile = 0;
  double m_last_line = 0;
  std::chrono::steady_clock::time_point m_start;
};

// ---- rank 0's writers ------------------------------------------------------------------

// Rank 0 of an MPI sweep receives results from every rank; each record costs three fsyncs,
// which on a parallel file system take milliseconds. A few writer threads overlap them, so
// recording keeps up with many ranks (docs/CLUSTER.md has the numbers).
class Writers {
 public:
  explicit Writers(int n) {
    for (int i = 0; i < n; ++i) m_threads.emplace_back([this] { loop(); });
  }
  ~Writers() { stop(); }
  Writers(const Writers&) = delete;
  Writers& operator=(const Writers&) = delete;
  void post(std::function<void()> job) {
    {
      std::lock_guard g(m_lock);
      m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
  }
  /// Rethrows the first failure so far, if any.
  void check() {
    std::lock_guard g(m_lock);
    if (m_error) std::rethrow_exception(m_error);
  }
  /// Waits until every posted job is done; rethrows the first failure.
  void finish() {
    stop();
    if (m_error) std::rethrow_exception(m_error);
  }

 private:
  void stop() {
    {
      std::lock_guard g(m_lock);
      m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads)
      if (t.joinable()) t.join();
  }
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock g(m_lock);
        m_wake.wait(g, [&] { return m_stopping || !m_jobs.empty(); });
        if (m_jobs.empty()) return;
        job = std::move(m_jobs.front());
        m_jobs.pop_front();
      }
      try {
        job();
      } catch (...) {
        std::lock_guard g(m_lock);
        if (!m_error) m_error = std::current_exception();
      }
    }
  }
  std::mutex m_lock;
  std::condition_variable m_wake;
  std::deque<std::function<void()>> m_jobs;
  std::vector<std::thread> m_threads;
  std::exception_ptr m_error;
  bool m_stopping = false;
};

// ---- shards ----------------------------------------------------------------------------

// Items [first, last) of shard i of n: contiguous, sizes differ by at most one.
std::pair<std::size_t, std::size_t> shard_range(std::size_t items, int i, int n) {
  const auto at = [&](int k) { return items * static_cast<std::size_t>(k) / static_cast<std::size_t>(n); };
  return {at(i), at(i + 1)};
}

bool parse_shard(const std::string& text, int& i, int& n) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t a = 0, b = 0;
    i = std::stoi(text.substr(0, slash), &a);
    n = std::stoi(text.substr(slash + 1), &b);
    return a == slash && b == text.size() - slash - 1 && n >= 1 && i >= 0 && i < n;
  } catch (...) {
    return false;
  }
}

// ---- the printed table -----------------------------------------------------------------

void print_indices(std::ostream& out, const zs::SweepResults& r, const zs::SweepIndices& x) {
  const std::size_t C = r.columns.size(), K = r.parameters.size();
  const bool sobol = !x.first.empty();
  if (x.first.empty() && x.mu.empty()) {
    out << "\nThe " << zs::method_name(r.design.method)
        << " design gives no sensitivity indices (use sobol or morris); the outputs are in the file.\n";
    return;
  }
  // The policy question first: each scenario's difference to the reference, else the levels.
  std::size_t t0 = r.scenarios.size() > 1 ? r.scenarios.size() : 0;
  for (std::size_t t = t0; t < x.targets.size(); ++t)
    for (std::size_t c = 0; c < C; ++c) {
      const std::size_t base = (t * C + c) * K;
      std::vector<std::size_t> order(K);
      for (std::size_t k = 0; k < K; ++k) order[k] = k;
      const auto& key = sobol ? x.total : x.mu_star;
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[base + a] > key[base + b]; });
      out << "\n== " << x.targets[t] << ": " << r.columns[c].name << " (" << r.columns[c].unit << ")";
      char buf[200];
      if (sobol) {
        std::snprintf(buf, sizeof buf, "; sd over the design %.4g\n", std::sqrt(std::max(0.0, x.variance[t * C + c])));
        out << buf;
        std::snprintf(buf, sizeof buf, "  %-4s %-60s %22s %22s\n", "rank", "parameter", "first order S_i",
                      "total ST_i");
        out << buf;
      } else {
        out << "; Morris elementary effects over the whole range\n";
        std::snprintf(buf, sizeof buf, "  %-4s %-60s %12s %12s %12s\n", "rank", "parameter", "mu*", "mu", "sigma");
        out << buf;
      }
      for (std::size_t j = 0; j < K; ++j) {
        const std::size_t k = order[j], at = base + k;
        const std::string name = r.parameters[k].name.substr(0, 60);
        if (sobol)
          std::snprintf(buf, sizeof buf, "  %-4zu %-60s %6.3f [%5.2f,%5.2f] %6.3f [%5.2f,%5.2f]\n", j + 1, name.c_str(),
                        x.first[at], x.first_low[at], x.first_high[at], x.total[at], x.total_low[at], x.total_high[at]);
        else
          std::snprintf(buf, sizeof buf, "  %-4zu %-60s %12.4g %12.4g %12.4g\n", j + 1, name.c_str(), x.mu_star[at],
                        x.mu[at], x.sigma[at]);
        out << buf;
      }
    }
}

std::string default_output(const SweepPlan& plan, bool sharded, int i, int n) {
  std::string out = "outputs/" + plan.def.name;
  if (sharded) out += ".shard-" + std::to_string(i) + "-of-" + std::to_string(n);
  return out + ".h5";
}

// A finished output of the same sweep: --resume has nothing left to do.
// A finished output of this very sweep (and of this shard, for a shard): --resume has nothing
// left to do. Anything else at the path is not ours to replace without --overwrite.
bool already_complete(const std::string& path, const std::string& hash, const std::string& shard) {
  if (!std::filesystem::exists(path)) return false;
  try {
    std::string kind;
    const zs::SweepResults r = zs::read_sweep_file(path, &kind);
    return r.sweep_sha256 == hash && kind == (shard.empty() ? "sweep" : "sweep-shard") && r.shard == shard;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int cmd_sweep(const SweepOptions& o, const zs::MpiSession& mpi, const std::string& command_line) {
  const bool root = mpi.rank() == 0;
  int shard = 0, shards = 1;
  if (!o.shard.empty() && !parse_shard(o.shard, shard, shards))
    throw zs::InputError("--shard: expected i/N with 0 <= i < N (got '" + o.shard + "')");
  if (!o.shard.empty() && mpi.active()) throw zs::InputError("--shard and MPI: use one or the other");
  // Every rank reads and binds the sweep; they must all succeed and agree before any waits on
  // another (a rank that failed alone would leave the others waiting in a collective).
  std::optional<SweepPlan> bound;
  std::exception_ptr bind_error;
  try {
    bound.emplace(bind_sweep(parse_sweep(o.file), o.sets));
  } catch (...) {
    bind_error = std::current_exception();
  }
  const bool agreed = mpi.all_agree(bind_error ? "failed" : bound->skeleton.sweep_sha256);
  if (bind_error && (!mpi.active() || root || !agreed)) std::rethrow_exception(bind_error);  // rank 0 says it once
  if (bind_error) return 2;
  if (!agreed) {
    if (root) std::cerr << "zorgsim: error: the MPI ranks could not all read the same sweep (same files on every node?)\n";
    return 2;
  }
  const SweepPlan& plan = *bound;
  const SweepDefinition& def = plan.def;
  const std::string output = o.output.empty() ? default_output(plan, !o.shard.empty(), shard, shards) : o.output;
  const int threads = o.threads > 0 ? o.threads : std::max(1, thread_count(0) / std::max(1, mpi.local_size()));
  zs::SweepResults r = plan.skeleton;
  if (!o.shard.empty() && shards > 1) r.shard = o.shard;
  const Sweep sweep(plan);
  auto [first, last] = shard_range(sweep.items(), shard, shards);

  // Rank 0 alone owns the records and the output.
  std::unique_ptr<zs::RecordStore> store;
  std::vector<std::size_t> todo;
  std::size_t todo_runs = 0;
  // Every rank learns whether rank 0 could start (bad output path, foreign records, nothing to do).
  std::exception_ptr failure;
  bool nothing_to_do = false;
  if (root) {
    try {
      nothing_to_do = o.resume && already_complete(output, r.sweep_sha256, shards > 1 ? o.shard : "");
      if (!nothing_to_do) {
        zs::check_output_path(output, o.overwrite);
        const zs::RecordMode mode = o.resume ? zs::RecordMode::Resume : o.overwrite ? zs::RecordMode::Overwrite : zs::RecordMode::Fresh;
        store = std::make_unique<zs::RecordStore>(output + ".records", r.sweep_sha256, mode);
        std::vector<std::string> messages;
        std::size_t kept = 0;
        for (const auto& [run, payload] : store->load(messages)) {
          if (run >= r.runs() || payload.size() != sweep.C * sizeof(double)) {
            messages.push_back("record " + std::to_string(run) + " does not fit this sweep; it will be recomputed");
            continue;
          }
          std::memcpy(&r.outputs[run * sweep.C], payload.data(), payload.size());
          r.done[run] = 1;
          ++kept;
        }
        for (const std::string& m : messages) std::cerr << "zorgsim: " << m << "\n";
        if (o.resume && !o.quiet) std::cerr << "resuming: " << kept << " finished runs verified in " << store->dir() << "\n";
        for (std::size_t item = first; item < last; ++item) {
          const std::size_t p = item / sweep.S, s = item % sweep.S;
          std::size_t missing = 0;
          for (int rep = 0; rep < sweep.R; ++rep) missing += r.done[r.run_index(p, rep, s)] ? 0 : 1;
          if (missing) todo.push_back(item), todo_runs += missing;
        }
        if (!o.quiet)
          std::cerr << "sweep " << def.name << ": " << r.points() << " points x " << sweep.R
                    << (sweep.R == 1 ? " replicate x " : " replicates x ") << sweep.S
                    << (sweep.S == 1 ? " scenario = " : " scenarios = ") << r.runs() << " runs"
                    << (shards > 1 ? "; shard " + o.shard + " has items " + std::to_string(first) + ".." + std::to_string(last) : "")
                    << "; " << todo_runs << " to compute on " << (mpi.active() ? std::to_string(mpi.size()) + " ranks x " : "")
                    << threads << " threads\n";
      }
    } catch (...) {
      failure = std::current_exception();
    }
  }
  const bool go = mpi.all_agree(failure ? "failed" : nothing_to_do ? "done" : "go");
  if (failure) std::rethrow_exception(failure);
  if (nothing_to_do) {
    // Killed after the result was written but before its records were removed.
    if (root && std::filesystem::exists(output + ".records"))
      zs::RecordStore(output + ".records", r.sweep_sha256, zs::RecordMode::Resume).remove_all();
    if (!o.quiet && root) std::cerr << output << " is already complete; nothing to do\n";
    return 0;
  }
  if (!go) return 0;  // another rank: rank 0 stopped and says why

  // Which replicates an item still needs (rank 0 knows; other ranks recompute what they are sent).
  const auto missing_of = [&](std::size_t item) {
    std::vector<int> reps;
    const std::size_t p = item / sweep.S, s = item % sweep.S;
    for (int rep = 0; rep < sweep.R; ++rep)
      if (!root || !r.done[r.run_index(p, rep, s)]) reps.push_back(rep);
    return reps;
  };
  Progress progress("sweep " + def.name, todo_runs, o.quiet || !root);
  std::mutex lock;
  // Stores one item's fresh runs: records first (durable), then the in-memory result.
  const auto finish = [&](std::size_t item, const std::vector<int>& reps, const std::vector<std::vector<double>>& outs) {
    const std::size_t p = item / sweep.S, s = item % sweep.S;
    for (std::size_t k = 0; k < reps.size(); ++k) {
      const std::size_t run = r.run_index(p, reps[k], s);
      store->put(run, to_bytes(outs[k]));
      std::lock_guard g(lock);
      std::copy(outs[k].begin(), outs[k].end(), r.outputs.begin() + static_cast<std::ptrdiff_t>(run * sweep.C));
      r.done[run] = 1;
    }
    progress.add(reps.size());
  };
  tbb::task_arena arena(threads);
  if (mpi.active()) {
    // Workers compute every replicate of an item (rank 0 filters on arrival: a resumed item's
    // finished replicates are not stored twice). Items are pure functions of their number.
    const auto compute = [&](std::size_t item) {
      std::vector<int> all(static_cast<std::size_t>(sweep.R));
      for (int rep = 0; rep < sweep.R; ++rep) all[static_cast<std::size_t>(rep)] = rep;
      std::vector<std::vector<double>> outs;
      arena.execute([&] { outs = sweep.compute(item, root ? missing_of(item) : all); });
      std::vector<double> flat;
      for (const auto& v : outs) flat.insert(flat.end(), v.begin(), v.end());
      return to_bytes(flat);
    };
    std::unique_ptr<Writers> writers;
    const auto done = [&](std::size_t item, const std::string& bytes) {
      const std::vector<int> reps = missing_of(item);
      const std::size_t n = bytes.size() / sizeof(double) / sweep.C;
      std::vector<std::vector<double>> outs(n, std::vector<double>(sweep.C));
      for (std::size_t k = 0; k < n; ++k) std::memcpy(outs[k].data(), bytes.data() + k * sweep.C * sizeof(double), sweep.C * sizeof(double));
      if (n == static_cast<std::size_t>(sweep.R) && reps.size() < n) {  // a worker's full item: keep the missing ones
        std::vector<std::vector<double>> sel;
        for (int rep : reps) sel.push_back(outs[static_cast<std::size_t>(rep)]);
        outs.swap(sel);
      }
      writers->check();  // a record that could not be written stops the sweep now, not at the end
      writers->post([&finish, item, reps, outs = std::move(outs)] { finish(item, reps, outs); });
    };
    try {
      if (root) writers = std::make_unique<Writers>(4);
      zs::run_pool(mpi, todo, compute, done);
      if (writers) writers->finish();
    } catch (const std::exception& e) {
      if (writers) writers.reset();  // records of the results that arrived are still written
      std::cerr << "zorgsim: error: " << e.what() << "\n";
      return 2;
    }
    if (!root) return 0;
  } else {
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, todo.size(), 1), [&](const tbb::blocked_range<std::size_t>& b) {
        for (std::size_t k = b.begin(); k != b.end(); ++k) {
          const std::vector<int> reps = missing_of(todo[k]);
          auto outs = sweep.compute(todo[k], reps);
          // Another item failed: this one's nested loops may have skipped work without an
          // error (TBB cancels the whole group). Never record a run that may be partial.
          if (tbb::is_current_task_group_canceling()) return;
          finish(todo[k], reps, outs);
        }
      });
    });
  }

  zs::SweepProvenance prov{command_line, threads, mpi.size(),
                           mpi.active() ? "MPI, " + std::to_string(mpi.size()) + " ranks"
                           : shards > 1 ? "shard " + o.shard
                                        : "one process"};
  if (shards > 1) {
    zs::write_sweep_file(output, r, nullptr, prov);
  } else {
    const zs::SweepIndices x = zs::sweep_indices(r);
    zs::write_sweep_file(output, r, &x, prov);
    if (!o.quiet) print_indices(std::cout, r, x);
  }
  store->remove_all();
  if (!o.quiet) std::cerr << "sweep " << def.name << ": " << todo_runs << " runs in " << std::lround(progress.elapsed()) << " s\n";
  std::cout << "wrote " << output << "\n";
  return 0;
}

int cmd_merge(const MergeOptions& o, const std::string& command_line) {
  if (o.shards.empty()) throw zs::InputError("merge: name the shard files");
  zs::check_output_path(o.output, o.overwrite);
  zs::SweepResults all;
  std::vector<std::string> seen_by(0);
  std::size_t n = 0;
  for (const std::string& file : o.shards) {
    std::string kind;
    zs::SweepResults s = zs::read_sweep_file(file, &kind);
    if (n == 0) {
      all = std::move(s);
      seen_by.assign(all.runs(), file);
      for (std::size_t run = 0; run < all.runs(); ++run)
        if (!all.done[run]) seen_by[run].clear();
    } else {
      if (s.sweep_sha256 != all.sweep_sha256 || s.runs() != all.runs() || s.columns.size() != all.columns.size())
        throw zs::InputError(file + ": a shard of another sweep (sweep_sha256 " + s.sweep_sha256.substr(0, 16) + ", " +
                             o.shards[0] + " has " + all.sweep_sha256.substr(0, 16) + ")");
      const std::size_t C = all.columns.size();
      for (std::size_t run = 0; run < all.runs(); ++run) {
        if (!s.done[run]) continue;
        if (all.done[run] && std::memcmp(&all.outputs[run * C], &s.outputs[run * C], C * sizeof(double)) != 0)
          throw zs::InputError(file + ": run " + std::to_string(run) + " differs from the same run in " + seen_by[run]);
        std::copy(s.outputs.begin() + static_cast<std::ptrdiff_t>(run * C), s.outputs.begin() + static_cast<std::ptrdiff_t>((run + 1) * C),
                  all.outputs.begin() + static_cast<std::ptrdiff_t>(run * C));
        all.done[run] = 1;
        seen_by[run] = file;
      }
    }
    ++n;
  }
  std::size_t missing = 0;
  for (std::uint8_t d : all.done) missing += d ? 0 : 1;
  if (missing)
    throw zs::InputError("merge: " + std::to_string(missing) + " of " + std::to_string(all.runs()) +
                         " runs are in none of the shards (is a shard missing or unfinished?)");
  const zs::SweepIndices x = zs::sweep_indices(all);
  all.shard.clear();  // the merged file is the unsharded result
  zs::write_sweep_file(o.output, all, &x, {command_line, 0, 1, "merged from " + std::to_string(n) + " shards"});
  if (!o.quiet) print_indices(std::cout, all, x);
  std::cout << "wrote " << o.output << "\n";
  return 0;
}

}  // namespace zorgsim::app
