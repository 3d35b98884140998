#include "test_support.hpp"

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "models/social_domain_model.hpp"
#include "sim/app/measure_files.hpp"

namespace zorgsim::test {

namespace fs = std::filesystem;

app::Configuration config(const std::vector<std::string>& assignments) {
  return app::load_configuration("", assignments);
}

sim::RunResult run(const app::Configuration& c, int threads, models::PolicyPlan plan) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const models::SocialDomainModel model(c.model, c.run.scale, static_cast<std::uint32_t>(c.run.block_households),
                                        std::move(plan));
  const sim::RunRequest req = sim::run_request(c.run);
  // An arena with exactly `threads` slots, so 4 threads means 4 even on a 2-core machine.
  sim::RunResult result;
  tbb::task_arena arena(threads);
  arena.execute([&] { result = sim::run(model, req); });
  return result;
}

models::PolicyPlan plan_of(const app::Configuration& c, const std::vector<std::string>& measure_yaml,
                           const std::vector<std::string>& columns) {
  sim::Diagnostics diags;
  app::ResolvedScenario s{"test", "", {}};
  for (std::size_t k = 0; k < measure_yaml.size(); ++k)
    s.measures.push_back(app::parse_measure("measure" + std::to_string(k) + ".yaml", measure_yaml[k], diags));
  diags.throw_if_any();
  return app::plan_scenario(s, c, columns);
}

std::vector<std::vector<sim::EntityDigest>> digests_by_month(const app::Configuration& c, models::PolicyPlan plan,
                                                            int replicate) {
  const models::SocialDomainModel model(c.model, c.run.scale, static_cast<std::uint32_t>(c.run.block_households),
                                        std::move(plan));
  sim::RandomKey key{static_cast<std::uint64_t>(c.run.seed), static_cast<std::uint32_t>(replicate)};
  const int first = c.run.start_month().index();
  auto world = model.create_world(key, first);
  for (std::size_t b = 0; b < world->block_count(); ++b) world->init_block(b);
  std::vector<double> partial, row;
  std::size_t w = 0;
  for (const auto& spec : model.indicators()) w += spec.width();
  partial.assign(world->block_count() * w, 0.0);
  row.assign(w, 0.0);
  const std::vector<sim::PhaseKind> phases = world->month_phases();
  std::vector<std::vector<sim::EntityDigest>> out;
  for (int m = 0; m < c.run.months(); ++m) {
    sim::step_month(*world, phases, sim::StepContext{first + m, m, key}, partial, w, row.data());
    out.push_back(world->entity_digests());
  }
  return out;
}

double col_sum(const sim::RunResult& r, int rep, int m, const std::string& name, int from, int to) {
  const std::size_t c = r.column_of(name);
  double s = 0;
  for (int k = from; k < to; ++k) s += m < 0 ? r.initial[rep * r.width() + c + k] : r.value(rep, m, c + k);
  return s;
}

double total(const sim::RunResult& r, const std::string& name, int from, int to) {
  double s = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) s += col_sum(r, rep, m, name, from, to);
  return s;
}

int check_team_capacity(const sim::RunResult& r, const std::string& prefix, double capacity) {
  int lower_assessed = 0;
  for (int rep = 0; rep < r.replicates; ++rep)
    for (int m = 0; m < r.months; ++m) {
      INFO(prefix << " replicate " << rep << " month " << m);
      CHECK(col_sum(r, rep, m, prefix + "assessments", 0, 2) <= capacity);
      CHECK(col_sum(r, rep, m, prefix + "assessment_capacity", 0, 1) == capacity);
      if (col_sum(r, rep, m, prefix + "assessments", 0, 1) > 0) {
        ++lower_assessed;
        CHECK(col_sum(r, rep, m, prefix + "queue", 1, 2) == 0);
      }
    }
  return lower_assessed;
}

sim::RunResult check_thread_independent(const app::Configuration& c, const std::vector<int>& threads) {
  sim::RunResult one = run(c, 1);
  for (int n : threads) {
    const sim::RunResult r = run(c, n);
    INFO("threads: " << n);
    REQUIRE(r.monthly.size() == one.monthly.size());
    CHECK(std::memcmp(r.monthly.data(), one.monthly.data(), one.monthly.size() * sizeof(double)) == 0);
  }
  return one;
}

std::string temp_dir(const std::string& name) {
  const fs::path p = fs::current_path() / "Testing" / "tmp" / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::string write_file(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = (fs::path(dir) / name).string();
  std::ofstream(path) << text;
  return path;
}

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

Command zorgsim(const std::string& args) {
  const std::string dir = temp_dir("cmd");
  const std::string out = dir + "/stdout", err = dir + "/stderr";
  const std::string cmd = std::string("'") + ZORGSIM_BINARY + "' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  Command c;
  c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  c.out = slurp(out);
  c.err = slurp(err);
  return c;
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  return names;
}

}  // namespace zorgsim::test
