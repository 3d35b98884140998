// `zorgsim sweep` and `zorgsim merge` end to end: the kept outputs equal a plain run's annual
// values; threads, shards (1, 2, 5) and merge give identical datasets; a sweep killed with
// SIGKILL at several moments and resumed equals the uninterrupted one; corrupt records are
// recomputed with a message; bad sweep files and options fail with a position and no output.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <thread>

#include "sim/hdf5_reader.hpp"
#include "test_support.hpp"

using namespace zorgsim;
namespace fs = std::filesystem;

namespace {
const std::string small_sweep = std::string(ZORGSIM_SOURCE_DIR) + "/tests/data/sweep-small.yaml";

// Every dataset and attribute equal, except under /provenance (how the sweep was run).
bool same_results(const std::string& a, const std::string& b) {
  const std::string cmd = "h5diff --exclude-path /provenance '" + a + "' '" + b + "' >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::size_t lines_in(const std::string& file) {
  std::ifstream in(file);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

// Starts `zorgsim sweep` on the small sweep in a child process; kill_after_records SIGKILLs it
// once its manifest lists `records` runs (or its result exists, or a minute has passed).
pid_t start_sweep(const std::string& out, const char* threads) {
  const pid_t child = fork();
  if (child == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(ZORGSIM_BINARY, ZORGSIM_BINARY, "sweep", small_sweep.c_str(), "-o", out.c_str(), "--threads", threads,
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return child;
}

void kill_after_records(pid_t child, const std::string& out, std::size_t records) {
  const std::string manifest = out + ".records/MANIFEST";  // header line + one per record
  const auto start = std::chrono::steady_clock::now();
  while (lines_in(manifest) < records + 1 && !fs::exists(out) &&
         std::chrono::steady_clock::now() - start < std::chrono::seconds(60))
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
}

// The reference result of the small sweep, computed once per test binary.
const std::string& reference() {
  static const std::string file = [] {
    const std::string f = test::temp_dir("sweep_reference") + "/ref.h5";
    const auto r = test::zorgsim("sweep '" + small_sweep + "' -o '" + f + "' -q --threads 2");
    if (r.exit_code != 0) FAIL(r.err);
    return f;
  }();
  return file;
}

// A two-level grid on one parameter of the small test configuration.
std::string grid_sweep(const std::string& dir) {
  return test::write_file(dir, "grid.yaml",
                          "name: grid\nset: [\"run.scale=0.02\", \"run.end=2026-12\"]\nscenarios: [baseline]\nseed: 7\n"
                          "replicates: 2\ndesign: {method: grid, levels: 2}\n"
                          "parameters:\n  - {path: youth.ambulant_duration, range: [7, 12]}\n"
                          "outputs:\n  - {indicator: cost.by_law, categories: [jeugdwet, wmo], years: [2025, 2026, 2025-2026]}\n"
                          "  - {indicator: youth.persons_by_tier, years: [2025-2026]}\n");
}
}  // namespace

TEST_CASE("sweep: kept outputs equal the annual values of a plain run at the same point", "[integration][sweep]") {
  const std::string dir = test::temp_dir("sweep_grid");
  const std::string sweep = grid_sweep(dir), file = dir + "/grid.h5";
  const auto r = test::zorgsim("sweep '" + sweep + "' -o '" + file + "' --threads 2");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("gives no sensitivity indices"));
  const auto values = sim::read_dataset(file, "/outputs/values");
  REQUIRE(values.dims == std::vector<std::uint64_t>{2, 2, 1, 4});  // point, replicate, scenario, column
  const auto design = sim::read_dataset(file, "/design/values");
  REQUIRE(design.values == std::vector<double>{7, 12});
  const auto seeds = sim::read_dataset(file, "/seeds");
  CHECK(seeds.values == std::vector<double>{7, 7, 7, 7});  // common random numbers across points
  for (int point = 0; point < 2; ++point) {
    const std::string run = dir + "/run" + std::to_string(point) + ".h5";
    const auto x = test::zorgsim("run --set run.scale=0.02 --set run.end=2026-12 --set youth.ambulant_duration=" +
                                 std::string(point ? "12" : "7") + " --seed 7 --replicates 2 -q -o '" + run + "'");
    REQUIRE(x.exit_code == 0);
    const auto law = sim::read_dataset(run, "/annual/cost/by_law");  // [replicate, year, law]
    const auto tier = sim::read_dataset(run, "/annual/youth/persons_by_tier");
    const std::size_t L = law.dims[2], T = tier.dims[2];
    for (std::size_t rep = 0; rep < 2; ++rep) {
      const auto at = [&](std::size_t c) { return values.values[((static_cast<std::size_t>(point) * 2 + rep) * 1) * 4 + c]; };
      const double y0 = law.values[(rep * 2 + 0) * L + 0] + law.values[(rep * 2 + 0) * L + 1];
      const double y1 = law.values[(rep * 2 + 1) * L + 0] + law.values[(rep * 2 + 1) * L + 1];
      INFO("point " << point << " replicate " << rep);
      CHECK(at(0) == y0);
      CHECK(at(1) == y1);
      double span = 0;  // summed in the sweep's order: year by year, category by category
      for (std::size_t y = 0; y < 2; ++y)
        for (std::size_t k = 0; k < 2; ++k) span += law.values[(rep * 2 + y) * L + k];
      CHECK(at(2) == span);  // a span of a flow: the sum
      double stock = 0;
      for (std::size_t y = 0; y < 2; ++y)
        for (std::size_t k = 0; k < T; ++k) stock += tier.values[(rep * 2 + y) * T + k];
      CHECK(at(3) == stock / 2);  // a span of a stock: the mean of the year ends
    }
  }
  CHECK_FALSE(fs::exists(file + ".records"));  // records are removed once the file is written
}

TEST_CASE("sweep: threads, shards and merge give identical results", "[integration][sweep]") {
  const std::string dir = test::temp_dir("sweep_shards");
  const auto one = test::zorgsim("sweep '" + small_sweep + "' -o '" + dir + "/t1.h5' -q --threads 1");
  REQUIRE(one.exit_code == 0);
  CHECK(same_results(reference(), dir + "/t1.h5"));
  for (int n : {1, 2, 5}) {
    std::string shards;
    for (int i = 0; i < n; ++i) {
      const std::string f = dir + "/shard-" + std::to_string(n) + "-" + std::to_string(i) + ".h5";
      const auto s = test::zorgsim("sweep '" + small_sweep + "' --shard " + std::to_string(i) + "/" + std::to_string(n) +
                                   " -o '" + f + "' -q --threads 2");
      INFO(s.err);
      REQUIRE(s.exit_code == 0);
      shards += " '" + f + "'";
    }
    const std::string merged = dir + "/merged-" + std::to_string(n) + ".h5";
    const auto m = test::zorgsim("merge -q -o '" + merged + "'" + shards);
    INFO(m.err);
    REQUIRE(m.exit_code == 0);
    INFO(n << " shards");
    CHECK(same_results(reference(), merged));
  }
  // A missing shard, and a shard of another sweep, are refused.
  const auto missing = test::zorgsim("merge -o '" + dir + "/x.h5' '" + dir + "/shard-5-0.h5' '" + dir + "/shard-5-1.h5'");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("runs are in none of the shards"));
  const std::string grid = dir + "/grid.h5";
  REQUIRE(test::zorgsim("sweep '" + grid_sweep(dir) + "' -q -o '" + grid + "'").exit_code == 0);
  const auto other = test::zorgsim("merge -o '" + dir + "/y.h5' '" + dir + "/shard-2-0.h5' '" + grid + "'");
  CHECK(other.exit_code == 2);
  CHECK_THAT(other.err, Catch::Contains("a shard of another sweep"));
  CHECK_FALSE(fs::exists(dir + "/x.h5"));
  CHECK_FALSE(fs::exists(dir + "/y.h5"));
}

TEST_CASE("sweep: killed with SIGKILL at any moment and resumed, equals the uninterrupted sweep", "[integration][sweep]") {
  const std::string dir = test::temp_dir("sweep_kill");
  // Kill after 1, 17 and 40 of the 48 runs are recorded, and once after all of them (while
  // the result file is being written or just after).
  for (std::size_t after : {1u, 17u, 40u, 49u}) {
    const std::string out = dir + "/k" + std::to_string(after) + ".h5";
    const pid_t child = start_sweep(out, "2");
    REQUIRE(child > 0);
    kill_after_records(child, out, after);
    const std::string manifest = out + ".records/MANIFEST";
    INFO("killed after " << after << " records; " << lines_in(manifest) << " manifest lines");
    const auto r = test::zorgsim("sweep '" + small_sweep + "' -o '" + out + "' --resume --threads 2");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(same_results(reference(), out));
    CHECK_FALSE(fs::exists(out + ".records"));
  }
}

TEST_CASE("sweep: corrupt and truncated records are detected and recomputed", "[integration][sweep]") {
  const std::string dir = test::temp_dir("sweep_corrupt");
  const std::string out = dir + "/c.h5";
  // Killed part-way (records are removed on success), then two finished records are damaged.
  const pid_t child = start_sweep(out, "1");
  REQUIRE(child > 0);
  kill_after_records(child, out, 11);
  const std::string records = out + ".records";
  REQUIRE_FALSE(fs::exists(out));
  std::vector<fs::path> recs;
  for (const auto& e : fs::directory_iterator(records))
    if (e.path().extension() == ".rec") recs.push_back(e.path());
  std::sort(recs.begin(), recs.end());
  REQUIRE(recs.size() >= 3);
  {  // flip one byte of the payload
    std::fstream f(recs[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-3, std::ios::end);
    f.put('\x7f');
  }
  fs::resize_file(recs[1], fs::file_size(recs[1]) / 2);  // truncate another
  const auto r = test::zorgsim("sweep '" + small_sweep + "' -o '" + out + "' --resume --threads 2");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains(recs[0].filename().string()));
  CHECK_THAT(r.err, Catch::Contains(recs[1].filename().string()));
  CHECK_THAT(r.err, Catch::Contains("recomputed"));
  CHECK(same_results(reference(), out));
}

TEST_CASE("sweep: records of an earlier sweep are not reused without --resume, nor with another definition",
          "[integration][sweep]") {
  const std::string dir = test::temp_dir("sweep_stale");
  const std::string out = dir + "/s.h5";
  fs::create_directories(out + ".records");
  test::write_file(out + ".records", "MANIFEST", "zorgsim-manifest 1 0123456789abcdef\n");
  const auto fresh = test::zorgsim("sweep '" + small_sweep + "' -o '" + out + "'");
  CHECK(fresh.exit_code == 2);
  CHECK_THAT(fresh.err, Catch::Contains("--resume"));
  const auto resume = test::zorgsim("sweep '" + small_sweep + "' -o '" + out + "' --resume");
  CHECK(resume.exit_code == 2);
  CHECK_THAT(resume.err, Catch::Contains("0123456789abcdef"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("sweep: bad sweep files and options fail with a position and write nothing", "[integration][sweep][bad_input]") {
  const std::string dir = test::temp_dir("sweep_bad");
  const std::string head = "name: bad\nset: [\"run.scale=0.02\"]\nscenarios: [baseline]\n";
  const std::string design = "design: {method: lhs, points: 4}\n";
  const std::string params = "parameters:\n  - {path: youth.ambulant_duration}\n";
  const std::string outputs = "outputs:\n  - {indicator: cost.net_total, years: [2026]}\n";
  struct Case {
    std::string text, expect;
  };
  const std::vector<Case> cases = {
      {head + design + params + outputs + "colour: red\n", "bad.yaml:9:1: colour: unknown key"},
      {head + "design: {method: factorial}\n" + params + outputs, "bad.yaml:4:18: design.method: 'factorial' is not one of"},
      {head + design + "parameters:\n  - {path: youth.no_such}\n" + outputs, "bad.yaml:6:5: youth.no_such: unknown parameter"},
      {head + design + "parameters:\n  - {path: youth.placement_duration}\n" + outputs, "name its element"},
      {head + design + "parameters:\n  - {measure: max-q-norms, effect: 0}\n" + outputs,
       "measure 'max-q-norms' is in none of the sweep's scenarios"},
      {head + design + "parameters:\n  - {path: youth.ambulant_duration, range: [-5, 10]}\n" + outputs,
       "leaves the valid range"},
      {head + design + params + "outputs:\n  - {indicator: cost.by_law, categories: [army], years: [2026]}\n",
       "has no category 'army' (categories: jeugdwet"},
      {head + design + params + "outputs:\n  - {indicator: cost.net_total, years: [2040]}\n", "year 2040 outside the horizon"},
      {head + design + params + "outputs:\n  - {indicator: cost.net_total, years: [twenty]}\n",
       "bad.yaml:8:41: outputs[0].years: expected a year"},
      {head + "design: {method: lhs, points: 4}\nreplicates: 0\n" + params + outputs, "bad.yaml:5:13: replicates: must be in"},
      {head + design + "parameters:\n  - {path: youth.ambulant_duration, distribution: normal}\n" + outputs, "needs sd > 0"},
      {head + design + params + outputs + "seeds: sometimes\n", "'sometimes' is not one of: common, per-point"},
  };
  for (const Case& c : cases) {
    const std::string file = test::write_file(dir, "bad.yaml", c.text);
    const auto r = test::zorgsim("sweep '" + file + "' -o '" + dir + "/out.h5'");
    INFO(c.text);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(c.expect));
    CHECK_FALSE(fs::exists(dir + "/out.h5"));
    CHECK_FALSE(fs::exists(dir + "/out.h5.records"));
  }
  const std::string good = test::write_file(dir, "good.yaml", head + design + params + outputs);
  const auto shard = test::zorgsim("sweep '" + good + "' --shard 3/3 -o '" + dir + "/out.h5'");
  CHECK(shard.exit_code == 2);
  CHECK_THAT(shard.err, Catch::Contains("--shard: expected i/N"));
  const auto nofile = test::zorgsim("sweep '" + dir + "/absent.yaml'");
  CHECK(nofile.exit_code == 2);
  CHECK_THAT(nofile.err, Catch::Contains("absent.yaml: cannot read the file"));
  const auto unwritable = test::zorgsim("sweep '" + good + "' -o /nonexistent-folder/out.h5");
  CHECK(unwritable.exit_code == 2);
  const auto notsweep = test::zorgsim("merge -o '" + dir + "/m.h5' '" + good + "'");
  CHECK(notsweep.exit_code == 2);
  CHECK_THAT(notsweep.err, Catch::Contains("not an HDF5 file"));
  CHECK(test::files_in(dir).size() == 2);  // bad.yaml and good.yaml only
}

TEST_CASE("sweep: a Sobol design stores indices with intervals and prints them ranked", "[integration][sweep]") {
  const std::string dir = test::temp_dir("sweep_sobol");
  const std::string sweep = test::write_file(
      dir, "sobol.yaml",
      "name: sobol\nset: [\"run.scale=0.02\", \"run.end=2026-12\"]\nscenarios: [baseline]\nseed: 4\nreplicates: 1\n"
      "design: {method: sobol, points: 8}\nbootstrap: 200\n"
      "parameters:\n  - {path: youth.ambulant_duration, name: duration}\n  - {path: youth.general_duration, name: general}\n"
      "outputs:\n  - {indicator: cost.by_law, categories: [jeugdwet], years: [2026], name: jw}\n");
  const std::string file = dir + "/sobol.h5";
  const auto r = test::zorgsim("sweep '" + sweep + "' -o '" + file + "' --threads 2");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("== baseline: jw 2026 (EUR)"));
  CHECK_THAT(r.out, Catch::Contains("first order S_i"));
  const auto values = sim::read_dataset(file, "/outputs/values");
  CHECK(values.dims == std::vector<std::uint64_t>{32, 1, 1, 1});  // N (k + 2) points
  const auto total = sim::read_dataset(file, "/sensitivity/sobol/total");
  const auto low = sim::read_dataset(file, "/sensitivity/sobol/total_low");
  const auto high = sim::read_dataset(file, "/sensitivity/sobol/total_high");
  REQUIRE(total.dims == std::vector<std::uint64_t>{1, 1, 2});  // target, column, parameter
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(std::isfinite(total.values[k]));
    CHECK(low.values[k] <= high.values[k]);
  }
  // The table lists the parameter with the larger total index first.
  const std::size_t first = total.values[0] >= total.values[1] ? 0 : 1;
  const std::string a = first == 0 ? "duration" : "general", b = first == 0 ? "general" : "duration";
  CHECK(r.out.find("1    " + a) != std::string::npos);
  CHECK(r.out.find("2    " + b) != std::string::npos);
  CHECK(sim::read_string_attribute(file, "/sensitivity", "targets") == "baseline");
  CHECK(sim::read_string_attribute(file, "/", "kind") == "sweep");
  const auto info = test::zorgsim("info '" + file + "'");
  CHECK(info.exit_code == 0);
  CHECK_THAT(info.out, Catch::Contains("kind: sweep"));
  CHECK_THAT(info.out, Catch::Contains("how: one process"));
}

TEST_CASE("sweep: --resume never replaces another sweep's or another shard's file", "[integration][sweep]") {
  const std::string dir = test::temp_dir("sweep_resume_other");
  // The result of another sweep (the grid) at the output path.
  const std::string out = dir + "/out.h5";
  REQUIRE(test::zorgsim("sweep '" + grid_sweep(dir) + "' -q -o '" + out + "'").exit_code == 0);
  const auto size = fs::file_size(out);
  const auto other = test::zorgsim("sweep '" + small_sweep + "' -o '" + out + "' --resume");
  CHECK(other.exit_code == 2);
  CHECK_THAT(other.err, Catch::Contains("--overwrite"));
  CHECK(fs::file_size(out) == size);
  // A shard of this sweep is not its complete result: an unsharded --resume does not stop there.
  const std::string shard = dir + "/shard.h5";
  REQUIRE(test::zorgsim("sweep '" + small_sweep + "' --shard 0/2 -q -o '" + shard + "'").exit_code == 0);
  const auto as_whole = test::zorgsim("sweep '" + small_sweep + "' -o '" + shard + "' --resume");
  CHECK(as_whole.exit_code == 2);
  CHECK_THAT(as_whole.err, Catch::Contains("--overwrite"));
  // ... nor is it shard 1/2's; but shard 0/2 again has nothing to do.
  CHECK(test::zorgsim("sweep '" + small_sweep + "' --shard 1/2 -o '" + shard + "' --resume").exit_code == 2);
  const auto again = test::zorgsim("sweep '" + small_sweep + "' --shard 0/2 -o '" + shard + "' --resume");
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err, Catch::Contains("already complete"));
}

TEST_CASE("sweep: when one point fails, the runs left in flight are never recorded half-done", "[integration][sweep]") {
  // Eligibility ages valid alone but not together: the grid's point 6 (min_age 10 > max_age 9)
  // fails while other points run on the other thread. TBB then cancels the whole loop, which
  // can cut a running simulation short without an error: such a run must not be recorded.
  const std::string dir = test::temp_dir("sweep_cancel");
  const std::string sweep = test::write_file(
      dir, "ages.yaml",
      "name: ages\nset: [\"run.scale=0.2\", \"run.end=2026-12\"]\nscenarios: [baseline]\nseed: 7\nreplicates: 2\n"
      "design: {method: grid, levels: 3}\n"
      "parameters:\n  - {path: provisions.dyslexia_care.min_age, range: [4, 10]}\n"
      "  - {path: provisions.dyslexia_care.max_age, range: [9, 15]}\n"
      "outputs:\n  - {indicator: cost.net_total, years: [2025, 2026]}\n");
  const std::string out = dir + "/ages.h5";
  const auto r = test::zorgsim("sweep '" + sweep + "' -o '" + out + "' --threads 2");
  REQUIRE(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("design point 6 is invalid"));
  CHECK_FALSE(fs::exists(out));
  // Every record left behind equals the same run made on its own (records: a header line, then
  // the columns as doubles; run = point * 2 + replicate).
  std::size_t checked = 0;
  for (const auto& e : fs::directory_iterator(out + ".records")) {
    if (e.path().extension() != ".rec") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string header;
    std::getline(in, header);
    double v[2] = {0, 0};
    in.read(reinterpret_cast<char*>(v), sizeof v);
    REQUIRE(in.gcount() == sizeof v);
    const int run = std::stoi(e.path().stem().string()), point = run / 2, rep = run % 2;
    const int min_age = 4 + 3 * (point / 3), max_age = 9 + 3 * (point % 3);
    const std::string file = dir + "/point" + std::to_string(point) + ".h5";
    if (!fs::exists(file))
      REQUIRE(test::zorgsim("run --set run.scale=0.2 --set run.end=2026-12 --seed 7 --replicates 2 -q -o '" + file +
                            "' --set provisions.dyslexia_care.min_age=" + std::to_string(min_age) +
                            " --set provisions.dyslexia_care.max_age=" + std::to_string(max_age))
                  .exit_code == 0);
    const auto net = sim::read_dataset(file, "/annual/cost/net_total");  // [replicate, year]
    INFO("record " << run << " (point " << point << ", replicate " << rep << ")");
    CHECK(v[0] == net.values[static_cast<std::size_t>(rep) * 2]);
    CHECK(v[1] == net.values[static_cast<std::size_t>(rep) * 2 + 1]);
    ++checked;
  }
  CHECK(checked > 0);
}
