// zorgsim command line: run, compare, measures, validate, calibrate, info, params, outputs, bench.
#include <CLI/CLI.hpp>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_arena.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>

#include "models/indicators.hpp"
#include "models/social_domain_model.hpp"
#include "sim/app/commands.hpp"
#include "sim/app/sweep.hpp"
#include "sim/app/configuration.hpp"
#include "sim/app/measure_files.hpp"
#include "sim/app/run_options.hpp"
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
using zorgsim::app::assignments_of;
using zorgsim::app::Configuration;
using zorgsim::app::exact;
using zorgsim::app::RunOptions;
using zorgsim::app::thread_count;

namespace {

std::unique_ptr<zm::SocialDomainModel> make_model(const Configuration& c, zm::PolicyPlan plan = {}) {
  return std::make_unique<zm::SocialDomainModel>(c.model, c.run.scale,
                                                 static_cast<std::uint32_t>(c.run.block_households), std::move(plan));
}

int cmd_run(const RunOptions& o, const std::string& scenario, const std::string& command_line) {
  const Configuration c = zorgsim::app::load_configuration(o.config, assignments_of(o));
  zorgsim::app::ResolvedScenario resolved;
  zm::PolicyPlan plan;
  if (!scenario.empty()) {
    resolved = zorgsim::app::resolve_scenario(scenario);
    plan = zorgsim::app::plan_scenario(resolved, c);
  }
  std::string out = o.output;
  if (out.empty()) {
    out = "outputs/" + c.run.name + (resolved.name.empty() ? "" : "-" + resolved.name) + ".h5";
    std::filesystem::create_directories("outputs");
  }
  zs::check_output_path(out, o.overwrite);  // before any work: fail fast
  const int threads = thread_count(o.threads);
  std::vector<std::string> measure_ids;
  for (const zm::Measure& m : plan.measures) measure_ids.push_back(m.id);
  const auto model = make_model(c, std::move(plan));
  const zs::RunRequest req = zs::run_request(c.run);
  const zs::RunResult result = zorgsim::app::run_with_progress(*model, req, threads, o.quiet, "simulating");
  const zs::AnnualResult annual = zs::aggregate_years(result);

  zs::write_run_file(out, result, annual,
                     zorgsim::app::provenance_of(c, command_line, threads, resolved.name, measure_ids));

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
  const auto model = make_model(c);
  const zs::RunResult result =
      zorgsim::app::run_with_progress(*model, zs::run_request(c.run), thread_count(o.run.threads), true, "");
  std::cout << "Calibration of " << c.run.name << " against " << name << " (" << result.replicates
            << " replicate(s), seed " << c.run.seed << "):\n";
  const int outside = zs::print_calibration(std::cout, zs::evaluate_calibration(targets, result, c.run.scale),
                                            c.run.start);
  return o.check && outside > 0 ? 3 : 0;
}

int cmd_validate(const std::string& config, const std::vector<std::string>& sets,
                 const std::vector<std::string>& scenarios) {
  const Configuration c = zorgsim::app::load_configuration(config, sets);
  const zm::SocialDomainModel model(c.model, c.run.scale, static_cast<std::uint32_t>(c.run.block_households));
  std::cout << (config.empty() ? zorgsim::app::embedded_default_name : config) << ": valid ("
            << c.params.all().size() << " parameters, " << model.household_count() << " households, "
            << c.run.start << " to " << c.run.end << ", config sha256 " << c.sha256.substr(0, 16) << ")\n";
  for (const std::string& s : scenarios) {
    const auto plan = zorgsim::app::plan_scenario(zorgsim::app::resolve_scenario(s), c);
    std::cout << "scenario " << s << ": valid (" << plan.measures.size() << " measures)\n";
  }
  return 0;
}

int cmd_params(bool markdown) {
  const Configuration c = zorgsim::app::load_configuration("", {});
  std::cout << (markdown ? zs::parameters_markdown(c.params) : zs::parameters_text(c.params));
  return 0;
}

int cmd_bench(double scale, int months, int threads, const std::string& scenario, int records,
              const std::string& records_dir) {
  if (records > 0) {  // only the record store: what rank 0 of an MPI sweep can record per second
    const double rate = zs::bench_records(records_dir, records, 512);
    std::printf("zorgsim bench --records: %d records of 512 bytes in %s: %.0f records per second (%.2f ms each)\n",
                records, records_dir.c_str(), rate, 1e3 / rate);
    return 0;
  }
  std::vector<std::string> sets = {"run.scale=" + exact(scale)};
  const Configuration c = zorgsim::app::load_configuration("", sets);
  zm::PolicyPlan plan;
  if (!scenario.empty()) plan = zorgsim::app::plan_scenario(zorgsim::app::resolve_scenario(scenario), c);
  const auto model = make_model(c, std::move(plan));
  const int first = c.run.start_month().index();
  const int all = thread_count(threads);
  std::vector<zs::BenchResult> rows;
  rows.push_back(zs::bench_once(*model, {1, 0}, first, months, 1));
  if (all > 1) rows.push_back(zs::bench_once(*model, {1, 0}, first, months, all));
  char label[200];
  std::snprintf(label, sizeof label, "zorgsim bench: %s%s%s x %.0f (%llu households), %d months, %s build",
                c.run.name.c_str(), scenario.empty() ? "" : ", scenario ", scenario.c_str(), scale, static_cast<unsigned long long>(model->household_count()), months,
                zs::build_type());
  zs::print_bench(std::cout, label, rows);
  std::printf("  peak resident memory: %.1f MB = %.1f bytes per person\n", zs::peak_rss_bytes() / 1e6,
              static_cast<double>(zs::peak_rss_bytes()) / rows.front().persons);
  return 0;
}

}  // namespace

// `zorgsim report`: the analysis package (analysis/, Debian's python3) writes the report. The
// package is found in ZORGSIM_ANALYSIS_DIR or the source tree this binary was built from;
// the interpreter is ZORGSIM_PYTHON or /usr/bin/python3 (the first python3 on PATH may lack
// Debian's packages).
int cmd_report(const std::string& file, const std::string& output, const std::string& sweep, const std::string& lang,
               bool overwrite) {
  const char* dir_env = std::getenv("ZORGSIM_ANALYSIS_DIR");
  const std::string dir = dir_env ? dir_env : ZORGSIM_ANALYSIS_DIR;
  const char* py_env = std::getenv("ZORGSIM_PYTHON");
  const std::string python = py_env ? py_env : "/usr/bin/python3";
  if (!std::filesystem::exists(dir + "/zorgsim_analysis/report.py"))
    throw zs::InputError("report: the analysis package is not in " + dir + " (set ZORGSIM_ANALYSIS_DIR)");
  std::vector<std::string> args = {python, "-m", "zorgsim_analysis", "report", file, "-o", output, "--lang", lang};
  if (!sweep.empty()) args.insert(args.end(), {"--sweep", sweep});
  if (overwrite) args.push_back("--overwrite");
  const char* old_path = std::getenv("PYTHONPATH");
  const std::string path = old_path && *old_path ? dir + ":" + old_path : dir;
  setenv("PYTHONPATH", path.c_str(), 1);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("report: cannot start " + python);
  if (child == 0) {
    execv(python.c_str(), argv.data());
    std::fprintf(stderr, "zorgsim: error: report: cannot run %s (Debian: python3 with python3-h5py, -numpy, -pandas, "
                 "-matplotlib; scripts/setup.sh installs them)\n", python.c_str());
    _exit(2);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char** argv) {
  const zs::MpiSession mpi(&argc, &argv);  // only under mpirun; otherwise one rank
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);

  CLI::App app{"zorgsim: agent-based simulation of households, care and policy in a Dutch municipality"};
  app.set_version_flag("--version", std::string("zorgsim ") + zs::version() + " (" + zs::git_commit() + ")\nmpi: " +
                                        (zs::MpiSession::built_with_mpi() ? "yes" : "no"));
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
  std::string run_scenario;
  run->add_option("--scenario", run_scenario,
                  "Policy scenario: an embedded one (baseline, perspectiefnota-2026-2029, adviesraad, budget-ceiling) or "
                  "a scenario YAML file");

  zorgsim::app::CompareOptions cmp;
  auto* compare = app.add_subcommand(
      "compare", "Run scenarios with common random numbers and compare each with the first (paired differences)");
  compare->add_option("scenarios", cmp.scenarios, "Scenarios (names or YAML files); the first is the reference")
      ->required()
      ->expected(2, 64);
  compare->add_option("-c,--config", cmp.run.config, "Configuration YAML (overrides the embedded default)");
  compare->add_option("-o,--output", cmp.run.output, "Output HDF5 file (default outputs/compare-<scenarios>.h5)");
  compare->add_option("--threads", cmp.run.threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 4096));
  compare->add_option("--seed", cmp.run.seed, "Random seed")->check(CLI::Range(0LL, 9007199254740991LL));
  compare->add_option("--replicates", cmp.run.replicates, "Replicates (overrides run.replicates)")
      ->check(CLI::Range(1, 100000));
  compare->add_option("--scale", cmp.run.scale, "Multiply the number of households")->check(CLI::Range(1e-4, 1e4));
  compare->add_option("--set", cmp.run.sets, "Set a parameter (repeatable)");
  compare->add_flag("--overwrite", cmp.run.overwrite, "Replace an existing output file");
  compare->add_flag("-q,--quiet", cmp.run.quiet, "Print only where the results went");
  compare->add_flag("--attribution", cmp.attribution,
                    "For each package: every measure alone on the reference and the package without it (2 runs per "
                    "measure)");
  compare->add_flag("--independent-streams", cmp.independent,
                    "Give every scenario its own seed instead of common random numbers (only to show what they buy)");

  std::string mconfig;
  bool mmarkdown = false, mverbose = false;
  auto* measures = app.add_subcommand("measures", "List the measure catalogue: law, mechanism, behavioural or budgetary");
  measures->add_option("config", mconfig, "Configuration YAML the catalogue is checked against");
  measures->add_flag("--markdown", mmarkdown, "Print the catalogue table of docs/MEASURES.md");
  measures->add_flag("-v,--verbose", mverbose, "Also every effect's source");

  std::string vconfig;
  std::vector<std::string> vsets;
  auto* validate = app.add_subcommand("validate", "Check a configuration completely without simulating");
  std::vector<std::string> vscenarios;
  validate->add_option("config", vconfig, "Configuration YAML")->required();
  validate->add_option("--set", vsets, "Set a parameter (repeatable)");
  validate->add_option("--scenario", vscenarios, "Also check these scenarios against it (repeatable)");

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
  std::string bscenario;
  bench->add_option("--scenario", bscenario, "Simulate with a scenario's measures (e.g. perspectiefnota-2026-2029)");
  int brecords = 0;
  std::string brecords_dir = "outputs";
  bench->add_option("--records", brecords,
                    "Instead: time N durable sweep records (write, fsync, rename, manifest), as rank 0 stores them")
      ->check(CLI::Range(1, 10000000));
  bench->add_option("--records-dir", brecords_dir, "Folder for --records (default outputs; use the sweep's file system)");

  zorgsim::app::SweepOptions so;
  auto* sweep = app.add_subcommand("sweep", "Run a sensitivity sweep (a design of parameter values x replicates x scenarios)");
  sweep->add_option("file", so.file, "Sweep YAML (configs/sweeps/*.yaml; see docs/SWEEPS.md)")->required();
  sweep->add_option("-o,--output", so.output, "Output HDF5 file (default outputs/<name>.h5)");
  sweep->add_option("--shard", so.shard, "Compute only shard i of N (i/N, 0-based), e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT");
  sweep->add_option("--threads", so.threads, "Worker threads (default: all cores, shared by the MPI ranks of a node)")
      ->check(CLI::Range(1, 4096));
  sweep->add_option("--set", so.sets, "Set a parameter for every run (repeatable)");
  sweep->add_flag("--resume", so.resume, "Continue from the finished runs recorded in <output>.records/");
  sweep->add_flag("--overwrite", so.overwrite, "Replace an existing output and its records");
  sweep->add_flag("-q,--quiet", so.quiet, "Print only where the results went");

  zorgsim::app::MergeOptions mo;
  auto* merge = app.add_subcommand("merge", "Combine the shard files of a sweep into the file an unsharded sweep writes");
  merge->add_option("shards", mo.shards, "Shard files (zorgsim sweep --shard i/N)")->required();
  merge->add_option("-o,--output", mo.output, "Output HDF5 file")->required();
  merge->add_flag("--overwrite", mo.overwrite, "Replace an existing output file");
  merge->add_flag("-q,--quiet", mo.quiet, "Print only where the results went");

  std::string report_file, report_output, report_sweep, report_lang = "en";
  auto* report = app.add_subcommand("report", "Write a self-contained HTML report for a council (analysis/, Python)");
  report->add_option("file", report_file, "A comparison, run or sweep file")->required();
  report->add_option("-o,--output", report_output, "The HTML file to write")->required();
  report->add_option("--sweep", report_sweep, "A sweep file: which assumptions drive the result");
  report->add_option("--lang", report_lang, "Labels in English (en) or Dutch (nl)")->check(CLI::IsMember({"en", "nl"}));
  bool report_overwrite = false;
  report->add_flag("--overwrite", report_overwrite, "Replace an existing output file");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (*report) return cmd_report(report_file, report_output, report_sweep, report_lang, report_overwrite);
    if (*sweep) return zorgsim::app::cmd_sweep(so, mpi, command_line);
    if (*merge) return zorgsim::app::cmd_merge(mo, command_line);
    if (*run) return cmd_run(ro, run_scenario, command_line);
    if (*compare) return zorgsim::app::cmd_compare(cmp, command_line);
    if (*measures) return zorgsim::app::cmd_measures(mconfig, mmarkdown, mverbose);
    if (*validate) return cmd_validate(vconfig, vsets, vscenarios);
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
    if (*bench) return cmd_bench(bscale, bmonths, bthreads, bscenario, brecords, brecords_dir);
  } catch (const zs::InputError& e) {
    for (const auto& d : e.items()) std::cerr << "zorgsim: error: " << d.str() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "zorgsim: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
