// zorgsim command line: run, validate, info, params, bench.
#include <CLI/CLI.hpp>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>

#include "models/indicators.hpp"
#include "models/social_domain_model.hpp"
#include "sim/app/configuration.hpp"
#include "sim/atomic_file.hpp"
#include "sim/bench.hpp"
#include "sim/build_info.hpp"
#include "sim/calibration.hpp"
#include "sim/diagnostics.hpp"
#include "sim/hdf5_reader.hpp"
#include "sim/hdf5_writer.hpp"
#include "sim/output_doc.hpp"
#include "sim/parameters_doc.hpp"
#include "sim/simulation.hpp"
#include "sim/summary_table.hpp"

namespace zs = zorgsim::sim;
namespace zm = zorgsim::models;
using zorgsim::app::Configuration;

namespace {

struct RunOptions {
  std::string config;
  std::string output;
  std::vector<std::string> sets;
  int threads = 0;
  long long seed = -1;
  long long replicates = -1;
  double scale = -1;
  bool overwrite = false;
  bool quiet = false;
};

std::string exact(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
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

std::unique_ptr<zm::SocialDomainModel> make_model(const Configuration& c) {
  return std::make_unique<zm::SocialDomainModel>(c.model, c.run.scale,
                                                 static_cast<std::uint32_t>(c.run.block_households));
}

int cmd_run(const RunOptions& o, const std::string& command_line) {
  const Configuration c = zorgsim::app::load_configuration(o.config, assignments_of(o));
  std::string out = o.output;
  if (out.empty()) {
    out = "outputs/" + c.run.name + ".h5";
    std::filesystem::create_directories("outputs");
  }
  zs::check_output_path(out, o.overwrite);  // before any work: fail fast
  const int threads = thread_count(o.threads);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const auto model = make_model(c);

  const zs::RunRequest req = zs::run_request(c.run);
  // Progress: a live counter on a terminal; otherwise a line per 10% once a run is long
  // enough (> 5 s) for it to matter (logs of cluster jobs).
  const bool tty = isatty(STDERR_FILENO) && !o.quiet;
  std::vector<int> done(req.replicates, 0);
  const long total = static_cast<long>(req.months) * req.replicates;
  const auto started = std::chrono::steady_clock::now();
  long last_decile = 0;
  const auto progress = [&](int r, int months_done) {
    if (o.quiet) return;
    done[r] = months_done;
    long sum = 0;
    for (int d : done) sum += d;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (tty) {
      std::fprintf(stderr, "\rsimulating: %ld of %ld replicate-months (%.0f s)", sum, total, elapsed);
      std::fflush(stderr);
    } else if (sum * 10 / total > last_decile && elapsed > 5) {
      last_decile = sum * 10 / total;
      std::fprintf(stderr, "simulating: %ld%% (%ld of %ld replicate-months, %.0f s, about %.0f s to go)\n",
                   last_decile * 10, sum, total, elapsed, elapsed * (total - sum) / sum);
    }
  };
  // An arena of exactly `threads` slots: --threads 4 uses 4 threads even on 2 cores.
  zs::RunResult result;
  tbb::task_arena arena(threads);
  arena.execute([&] { result = zs::run(*model, req, progress); });
  if (tty) std::fprintf(stderr, "\n");
  const zs::AnnualResult annual = zs::aggregate_years(result);

  zs::Provenance prov;
  prov.config_name = c.run.name;
  prov.config_yaml = c.resolved_yaml;
  prov.config_sha256 = c.sha256;
  prov.command_line = command_line;
  prov.seed = static_cast<std::uint64_t>(c.run.seed);
  prov.threads = threads;
  zs::write_run_file(out, result, annual, prov);

  if (!o.quiet) {
    std::cout << "Per year (mean over " << result.replicates << " replicate(s); stocks at year end, flows and EUR"
              << " summed over the year; J = Jeugdwet, W = Wmo, P = Participatiewet):\n";
    zs::print_summary(std::cout, zs::make_summary(result, annual, model->summary_columns()));
    std::cout << "Simulated " << result.initial_persons[0] << " persons for " << result.months << " months x "
              << result.replicates << " replicate(s) in " << result.seconds << " s.\n";
  }
  std::cout << "Results written to " << out << "\n";
  return 0;
}

struct CalibrateOptions {
  RunOptions run;
  std::string targets;
  bool check = false;
};

// Simulates the first year of a configuration and compares it with calibration targets.
int cmd_calibrate(const CalibrateOptions& o) {
  std::vector<std::string> sets = assignments_of(o.run);
  Configuration probe = zorgsim::app::load_configuration(o.run.config, sets);
  // Twelve months from the start suffice.
  sets.push_back("run.end=" + zs::Month::from_index(probe.run.start_month().index() + 11).str());
  const Configuration c = zorgsim::app::load_configuration(o.run.config, sets);
  std::string name = zorgsim::app::embedded_targets_name, text = zorgsim::app::embedded_targets_text();
  if (!o.targets.empty()) {
    std::ifstream in(o.targets);
    if (!in) throw zs::InputError(o.targets + ": cannot open the targets file");
    std::stringstream ss;
    ss << in.rdbuf();
    name = o.targets, text = ss.str();
  }
  zs::Diagnostics diags;
  const auto targets = zs::parse_calibration_targets(name, text, zm::indicator_specs(), diags);
  diags.throw_if_any();
  const int threads = thread_count(o.run.threads);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const auto model = make_model(c);
  const zs::RunRequest req = zs::run_request(c.run);
  zs::RunResult result;
  tbb::task_arena arena(threads);
  arena.execute([&] { result = zs::run(*model, req); });
  std::cout << "Calibration of " << c.run.name << " against " << name << " (" << result.replicates
            << " replicate(s), seed " << c.run.seed << "):\n";
  const int outside = zs::print_calibration(std::cout, zs::evaluate_calibration(targets, result, c.run.scale),
                                            c.run.start);
  return o.check && outside > 0 ? 3 : 0;
}

int cmd_validate(const std::string& config, const std::vector<std::string>& sets) {
  const Configuration c = zorgsim::app::load_configuration(config, sets);
  const zm::SocialDomainModel model(c.model, c.run.scale, static_cast<std::uint32_t>(c.run.block_households));
  std::cout << (config.empty() ? zorgsim::app::embedded_default_name : config) << ": valid ("
            << c.params.all().size() << " parameters, " << model.household_count() << " households, "
            << c.run.start << " to " << c.run.end << ", config sha256 " << c.sha256.substr(0, 16) << ")\n";
  return 0;
}

int cmd_params(bool markdown) {
  const Configuration c = zorgsim::app::load_configuration("", {});
  std::cout << (markdown ? zs::parameters_markdown(c.params) : zs::parameters_text(c.params));
  return 0;
}

int cmd_bench(double scale, int months, int threads) {
  std::vector<std::string> sets = {"run.scale=" + exact(scale)};
  const Configuration c = zorgsim::app::load_configuration("", sets);
  const auto model = make_model(c);
  const int first = c.run.start_month().index();
  const int all = thread_count(threads);
  std::vector<zs::BenchResult> rows;
  rows.push_back(zs::bench_once(*model, {1, 0}, first, months, 1));
  if (all > 1) rows.push_back(zs::bench_once(*model, {1, 0}, first, months, all));
  char label[200];
  std::snprintf(label, sizeof label, "zorgsim bench: %s x %.0f (%llu households), %d months, %s build",
                c.run.name.c_str(), scale, static_cast<unsigned long long>(model->household_count()), months,
                zs::build_type());
  zs::print_bench(std::cout, label, rows);
  std::printf("  peak resident memory: %.1f MB = %.1f bytes per person\n", zs::peak_rss_bytes() / 1e6,
              static_cast<double>(zs::peak_rss_bytes()) / rows.front().persons);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);

  CLI::App app{"zorgsim: agent-based simulation of households, care and policy in a Dutch municipality"};
  app.set_version_flag("--version", std::string("zorgsim ") + zs::version() + " (" + zs::git_commit() + ")");
  app.require_subcommand(1);

  RunOptions ro;
  auto* run = app.add_subcommand("run", "Simulate a configuration (default: the embedded Almelo baseline)");
  run->add_option("config", ro.config, "Configuration YAML (overrides the embedded default)");
  run->add_option("-o,--output", ro.output, "Output HDF5 file (default outputs/<run.name>.h5)");
  run->add_option("--threads", ro.threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 4096));
  run->add_option("--seed", ro.seed, "Random seed (overrides run.seed)")->check(CLI::Range(0LL, 9007199254740991LL));
  run->add_option("--replicates", ro.replicates, "Replicates (overrides run.replicates)")->check(CLI::Range(1, 100000));
  run->add_option("--scale", ro.scale, "Multiply the number of households (overrides run.scale)")
      ->check(CLI::Range(1e-4, 1e4));
  run->add_option("--set", ro.sets, "Set a parameter: --set youth.ambulant_duration=8 (repeatable)");
  run->add_flag("--overwrite", ro.overwrite, "Replace an existing output file");
  run->add_flag("-q,--quiet", ro.quiet, "Print only where the results went");

  std::string vconfig;
  std::vector<std::string> vsets;
  auto* validate = app.add_subcommand("validate", "Check a configuration completely without simulating");
  validate->add_option("config", vconfig, "Configuration YAML")->required();
  validate->add_option("--set", vsets, "Set a parameter (repeatable)");

  CalibrateOptions co;
  auto* calibrate = app.add_subcommand("calibrate", "Print the model's base-year figures against calibration targets");
  calibrate->add_option("config", co.run.config, "Configuration YAML (default: the embedded Almelo baseline)");
  calibrate->add_option("--targets", co.targets, "Targets YAML (default: the embedded Almelo 2024 targets)");
  calibrate->add_option("--replicates", co.run.replicates, "Replicates (overrides run.replicates)")->check(CLI::Range(1, 100000));
  calibrate->add_option("--seed", co.run.seed, "Random seed")->check(CLI::Range(0LL, 9007199254740991LL));
  calibrate->add_option("--threads", co.run.threads, "Worker threads")->check(CLI::Range(1, 4096));
  calibrate->add_option("--set", co.run.sets, "Set a parameter (repeatable)");
  calibrate->add_flag("--check", co.check, "Exit with code 3 when a modelled figure is outside its tolerance");

  std::string info_file;
  auto* info = app.add_subcommand("info", "Show what is in a result file");
  info->add_option("file", info_file, "HDF5 result file")->required();

  bool markdown = false;
  auto* params = app.add_subcommand("params", "List every parameter with default, unit, range and source");
  params->add_flag("--markdown", markdown, "Print as the Markdown table of docs/PARAMETERS.md");

  bool outputs_markdown = false;
  auto* outputs = app.add_subcommand("outputs", "List every recorded indicator with unit and description");
  outputs->add_flag("--markdown", outputs_markdown, "Print docs/OUTPUT.md");

  double bscale = 1;
  int bmonths = 132, bthreads = 0;
  auto* bench = app.add_subcommand("bench", "Measure person-months per second and bytes per person");
  bench->add_option("--scale", bscale, "Multiply the number of households (e.g. 100)")->check(CLI::Range(0.01, 1000.0));
  bench->add_option("--months", bmonths, "Months to simulate")->check(CLI::Range(1, 1200));
  bench->add_option("--threads", bthreads, "Threads for the multi-threaded run (default: all)")->check(CLI::Range(1, 4096));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (*run) return cmd_run(ro, command_line);
    if (*validate) return cmd_validate(vconfig, vsets);
    if (*calibrate) return cmd_calibrate(co);
    if (*info) {
      zs::print_info(std::cout, info_file);
      return 0;
    }
    if (*params) return cmd_params(markdown);
    if (*outputs) {
      const auto& ind = zm::indicator_specs();
      std::cout << (outputs_markdown ? zs::output_reference_markdown(ind) : zs::output_reference_text(ind));
      return 0;
    }
    if (*bench) return cmd_bench(bscale, bmonths, bthreads);
  } catch (const zs::InputError& e) {
    for (const auto& d : e.items()) std::cerr << "zorgsim: error: " << d.str() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
