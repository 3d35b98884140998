#include "sim/sweep_file_io.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/build_info.hpp"
#include "sim/diagnostics.hpp"
#include "sim/hdf5_util.hpp"
#include "sim/hdf5_writer.hpp"

namespace zorgsim::sim {

namespace {
using namespace h5;

hsize_t h(std::size_t n) { return static_cast<hsize_t>(n); }

void describe(hid_t parent, const char* name, const std::string& units, const std::string& dims,
              const std::string& description) {
  Handle ds(check(H5Dopen2(parent, name, H5P_DEFAULT), "H5Dopen2"), H5Dclose);
  attr_string(ds, "units", units);
  attr_string(ds, "dimensions", dims);
  attr_string(ds, "description", description);
}

void doubles(hid_t g, const char* name, const std::vector<hsize_t>& dims, const std::vector<double>& v,
             const std::string& units, const std::string& dimnames, const std::string& description) {
  write_dataset(g, name, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE, dims, v);
  describe(g, name, units, dimnames, description);
}

void write_design(hid_t root, const SweepResults& r) {
  Handle g(open_or_create_group(root, "design"), H5Gclose);
  const std::size_t P = r.points(), K = r.parameters.size();
  attr_string(g, "method", method_name(r.design.method));
  attr_scalar<int>(g, "points", H5T_NATIVE_INT, r.design.points);
  attr_scalar<int>(g, "levels", H5T_NATIVE_INT, r.design.levels);
  attr_scalar<int>(g, "trajectories", H5T_NATIVE_INT, r.design.trajectories);
  attr_scalar<unsigned long long>(g, "seed", H5T_NATIVE_ULLONG, r.design.seed);
  std::vector<std::string> names, paths, measures, units, dists, sources;
  std::vector<double> low, high, mean, sd, mode;
  for (const SweepParameterInfo& p : r.parameters) {
    names.push_back(p.name);
    paths.push_back(p.path);
    measures.push_back(p.measure);
    units.push_back(p.unit);
    dists.push_back(distribution_name(p.range.distribution));
    sources.push_back(p.source);
    low.push_back(p.range.low);
    high.push_back(p.range.high);
    mean.push_back(p.range.mean);
    sd.push_back(p.range.sd);
    mode.push_back(p.range.mode);
  }
  attr_strings(g, "parameter_names", names);
  attr_strings(g, "parameter_paths", paths);
  attr_strings(g, "parameter_measures", measures);
  attr_strings(g, "parameter_units", units);
  attr_strings(g, "distributions", dists);
  attr_strings(g, "range_sources", sources);
  doubles(g, "unit", {h(P), h(K)}, r.unit, "-", "point, parameter",
          "Design points in the unit cube (each parameter's quantile)");
  doubles(g, "values", {h(P), h(K)}, r.values, "see parameter_units", "point, parameter",
          "Parameter values of each design point (the quantile mapped through the parameter's distribution)");
  doubles(g, "low", {h(K)}, low, "see parameter_units", "parameter", "Lower end of each parameter's range");
  doubles(g, "high", {h(K)}, high, "see parameter_units", "parameter", "Upper end of each parameter's range");
  doubles(g, "mean", {h(K)}, mean, "see parameter_units", "parameter", "Mean of a normal distribution (else 0)");
  doubles(g, "sd", {h(K)}, sd, "see parameter_units", "parameter", "Standard deviation of a normal distribution (else 0)");
  doubles(g, "mode", {h(K)}, mode, "see parameter_units", "parameter", "Mode of a triangular distribution (else 0)");
}

void write_runs(hid_t root, const SweepResults& r) {
  const std::size_t P = r.points(), R = static_cast<std::size_t>(r.replicates), S = r.scenarios.size(),
                    C = r.columns.size();
  write_dataset(root, "seeds", H5T_NATIVE_ULLONG, H5T_STD_U64LE, {h(P), h(R)}, r.seeds);
  describe(root, "seeds", "-", "point, replicate",
           "Seed of each point's replicates; replicate r of point p is keyed by (seed, r) in every scenario "
           "(common random numbers)");
  Handle sc(open_or_create_group(root, "scenarios"), H5Gclose);
  attr_strings(sc, "names", r.scenarios);
  attr_strings(sc, "measures", r.scenario_measures);
  Handle g(open_or_create_group(root, "outputs"), H5Gclose);
  std::vector<std::string> names, outputs, indicators, cats, units;
  std::vector<int> first, last;
  for (const SweepColumn& c : r.columns) {
    names.push_back(c.name);
    outputs.push_back(c.output);
    indicators.push_back(c.indicator);
    cats.push_back(c.categories);
    units.push_back(c.unit);
    first.push_back(c.first_year);
    last.push_back(c.last_year);
  }
  attr_strings(g, "columns", names);
  attr_strings(g, "outputs", outputs);
  attr_strings(g, "indicators", indicators);
  attr_strings(g, "categories", cats);
  attr_strings(g, "units", units);
  write_dataset(g, "first_year", H5T_NATIVE_INT, H5T_STD_I32LE, {h(C)}, first);
  write_dataset(g, "last_year", H5T_NATIVE_INT, H5T_STD_I32LE, {h(C)}, last);
  doubles(g, "values", {h(P), h(R), h(S), h(C)}, r.outputs, "see units", "point, replicate, scenario, column",
          "Kept outputs of every run: the indicator's yearly value summed over the categories, for the year or "
          "the span (flows summed, stocks averaged over the span's year ends); NaN where a shard lacks the run");
  write_dataset(g, "done", H5T_NATIVE_UCHAR, H5T_STD_U8LE, {h(P), h(R), h(S)}, r.done);
  describe(g, "done", "-", "point, replicate, scenario", "1 where the run's outputs are present");
}

void write_indices(hid_t root, const SweepResults& r, const SweepIndices& x) {
  Handle g(open_or_create_group(root, "sensitivity"), H5Gclose);
  attr_strings(g, "targets", x.targets);
  const std::vector<hsize_t> dims = {h(x.targets.size()), h(r.columns.size()), h(r.parameters.size())};
  const std::string dn = "target, column, parameter";
  if (!x.first.empty()) {
    Handle s(open_or_create_group(g, "sobol"), H5Gclose);
    attr_scalar<int>(s, "bootstrap_resamples", H5T_NATIVE_INT, r.bootstrap);
    attr_scalar<double>(s, "interval_level", H5T_NATIVE_DOUBLE, r.level);
    attr_string(s, "estimators", "first order: Saltelli (2010); total: Jansen (1999); percentile bootstrap over base rows");
    doubles(s, "first", dims, x.first, "-", dn, "First-order Sobol index S_i");
    doubles(s, "first_low", dims, x.first_low, "-", dn, "Lower end of S_i's bootstrap interval");
    doubles(s, "first_high", dims, x.first_high, "-", dn, "Upper end of S_i's bootstrap interval");
    doubles(s, "total", dims, x.total, "-", dn, "Total Sobol index ST_i");
    doubles(s, "total_low", dims, x.total_low, "-", dn, "Lower end of ST_i's bootstrap interval");
    doubles(s, "total_high", dims, x.total_high, "-", dn, "Upper end of ST_i's bootstrap interval");
    doubles(s, "variance", {dims[0], dims[1]}, x.variance, "column units squared", "target, column",
            "Variance of the target over the design (means over replicates)");
  }
  if (!x.mu.empty()) {
    Handle m(open_or_create_group(g, "morris"), H5Gclose);
    attr_string(m, "scale", "elementary effects per unit of the parameter's quantile (the whole range = 1)");
    doubles(m, "mu", dims, x.mu, "column units", dn, "Mean elementary effect");
    doubles(m, "mu_star", dims, x.mu_star, "column units", dn, "Mean absolute elementary effect (Campolongo's mu*)");
    doubles(m, "sigma", dims, x.sigma, "column units", dn, "Standard deviation of the elementary effects");
  }
}

void write_sweep(hid_t file, const SweepResults& r, const SweepIndices* x, const SweepProvenance& p) {
  Handle root(check(H5Gopen2(file, "/", H5P_DEFAULT), "H5Gopen2"), H5Gclose);
  attr_scalar<int>(root, "schema_version", H5T_NATIVE_INT, sweep_schema_version);
  attr_string(root, "kind", x ? "sweep" : "sweep-shard");
  if (!x) attr_string(root, "shard", r.shard);
  attr_string(root, "sweep_name", r.name);
  attr_string(root, "description", r.description);
  attr_string(root, "sweep_sha256", r.sweep_sha256);
  attr_string(root, "sweep_yaml", r.sweep_yaml);
  attr_string(root, "config_sha256", r.config_sha256);
  attr_string(root, "config_yaml", r.config_yaml);
  attr_string(root, "zorgsim_version", version());
  attr_string(root, "git_commit", git_commit());
  attr_scalar<int>(root, "replicates", H5T_NATIVE_INT, r.replicates);
  attr_scalar<int>(root, "bootstrap", H5T_NATIVE_INT, r.bootstrap);
  attr_scalar<double>(root, "level", H5T_NATIVE_DOUBLE, r.level);
  write_design(root, r);
  write_runs(root, r);
  if (x) write_indices(root, r, *x);
  Handle pg(open_or_create_group(root, "provenance"), H5Gclose);
  attr_string(pg, "command_line", p.command_line);
  attr_scalar<int>(pg, "threads", H5T_NATIVE_INT, p.threads);
  attr_scalar<int>(pg, "ranks", H5T_NATIVE_INT, p.ranks);
  attr_string(pg, "how", p.how);
  attr_string(pg, "library_versions", library_versions());
}

// ---- reading -------------------------------------------------------------------------

struct Reader {
  std::string file;
  hid_t id = -1;
  explicit Reader(std::string f) : file(std::move(f)) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    if (H5Fis_hdf5(file.c_str()) <= 0) throw InputError(file + ": not an HDF5 file (or missing)");
    id = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id < 0) throw InputError(file + ": cannot open");
  }
  ~Reader() { H5Fclose(id); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(file + ": not a complete zorgsim sweep file (" + what + ")");
  }
  Handle attr(const std::string& obj, const char* name) const {
    const hid_t a = H5Aopen_by_name(id, obj.c_str(), name, H5P_DEFAULT, H5P_DEFAULT);
    if (a < 0) fail("no attribute " + obj + ":" + name);
    return Handle(a, H5Aclose);
  }
  std::vector<std::string> strings(const std::string& obj, const char* name) const {
    Handle a = attr(obj, name);
    Handle space(H5Aget_space(a), H5Sclose);
    if (H5Sget_simple_extent_type(space) == H5S_NULL) return {};
    const hssize_t n = H5Sget_simple_extent_npoints(space);
    Handle type = string_type();
    std::vector<char*> ptrs(static_cast<std::size_t>(std::max<hssize_t>(n, 1)), nullptr);
    if (H5Aread(a, type, ptrs.data()) < 0) fail("unreadable attribute " + obj + ":" + name);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) out.emplace_back(ptrs[i] ? ptrs[i] : "");
    H5Dvlen_reclaim(type, space, H5P_DEFAULT, ptrs.data());
    return out;
  }
  std::string text(const std::string& obj, const char* name) const {
    const std::vector<std::string> v = strings(obj, name);
    return v.empty() ? std::string() : v[0];
  }
  template <class T>
  T scalar(const std::string& obj, const char* name, hid_t type) const {
    Handle a = attr(obj, name);
    T v{};
    if (H5Aread(a, type, &v) < 0) fail("unreadable attribute " + obj + ":" + name);
    return v;
  }
  template <class T>
  std::vector<T> data(const std::string& path, hid_t type, std::size_t expected) const {
    const hid_t d = H5Dopen2(id, path.c_str(), H5P_DEFAULT);
    if (d < 0) fail("no dataset " + path);
    Handle ds(d, H5Dclose);
    Handle space(H5Dget_space(ds), H5Sclose);
    const hssize_t n = H5Sget_simple_extent_npoints(space);
    if (n < 0 || static_cast<std::size_t>(n) != expected) fail(path + " has the wrong size");
    std::vector<T> v(expected);
    if (expected > 0 && H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0) fail("unreadable " + path);
    return v;
  }
};

}  // namespace

void write_sweep_file(const std::string& path, const SweepResults& r, const SweepIndices* indices,
                      const SweepProvenance& provenance) {
  write_file(path, [&](hid_t file) { write_sweep(file, r, indices, provenance); });
}

SweepResults read_sweep_file(const std::string& path, std::string* kind) {
  const Reader f(path);
  if (H5Aexists(f.id, "kind") <= 0 || H5Aexists(f.id, "sweep_sha256") <= 0)
    throw InputError(path + ": not a zorgsim sweep or shard file");
  const std::string k = f.text("/", "kind");
  if (k != "sweep" && k != "sweep-shard") throw InputError(path + ": not a zorgsim sweep or shard file (kind " + k + ")");
  const int version = f.scalar<int>("/", "schema_version", H5T_NATIVE_INT);
  if (version != sweep_schema_version)
    throw InputError(path + ": sweep schema version " + std::to_string(version) + ", this zorgsim reads version " +
                     std::to_string(sweep_schema_version));
  if (kind) *kind = k;
  SweepResults r;
  r.name = f.text("/", "sweep_name");
  r.description = f.text("/", "description");
  r.sweep_sha256 = f.text("/", "sweep_sha256");
  r.sweep_yaml = f.text("/", "sweep_yaml");
  r.config_sha256 = f.text("/", "config_sha256");
  r.config_yaml = f.text("/", "config_yaml");
  if (k == "sweep-shard") r.shard = f.text("/", "shard");
  r.replicates = f.scalar<int>("/", "replicates", H5T_NATIVE_INT);
  r.bootstrap = f.scalar<int>("/", "bootstrap", H5T_NATIVE_INT);
  r.level = f.scalar<double>("/", "level", H5T_NATIVE_DOUBLE);
  if (r.replicates < 1 || r.bootstrap < 0 || !(r.level > 0 && r.level < 1)) f.fail("replicates, bootstrap or level out of range");
  const std::string method = f.text("/design", "method");
  bool known = false;
  for (DesignMethod m : {DesignMethod::Grid, DesignMethod::LatinHypercube, DesignMethod::Sobol, DesignMethod::Morris})
    if (method == method_name(m)) r.design.method = m, known = true;
  if (!known) f.fail("unknown design method " + method);
  r.design.points = f.scalar<int>("/design", "points", H5T_NATIVE_INT);
  r.design.levels = f.scalar<int>("/design", "levels", H5T_NATIVE_INT);
  r.design.trajectories = f.scalar<int>("/design", "trajectories", H5T_NATIVE_INT);
  r.design.seed = f.scalar<unsigned long long>("/design", "seed", H5T_NATIVE_ULLONG);
  const auto names = f.strings("/design", "parameter_names"), paths = f.strings("/design", "parameter_paths"),
             measures = f.strings("/design", "parameter_measures"), units = f.strings("/design", "parameter_units"),
             dists = f.strings("/design", "distributions"), sources = f.strings("/design", "range_sources");
  const std::size_t K = names.size();
  r.design.dimensions = static_cast<int>(K);
  const auto low = f.data<double>("/design/low", H5T_NATIVE_DOUBLE, K), high = f.data<double>("/design/high", H5T_NATIVE_DOUBLE, K),
             mean = f.data<double>("/design/mean", H5T_NATIVE_DOUBLE, K), sd = f.data<double>("/design/sd", H5T_NATIVE_DOUBLE, K),
             mode = f.data<double>("/design/mode", H5T_NATIVE_DOUBLE, K);
  if (paths.size() != K || measures.size() != K || units.size() != K || dists.size() != K || sources.size() != K)
    f.fail("parameter lists of different lengths");
  for (std::size_t k = 0; k < K; ++k) {
    SweepParameterInfo p{names[k], paths[k], measures[k], units[k], {}, sources[k]};
    bool dknown = false;
    for (Distribution d : {Distribution::Uniform, Distribution::LogUniform, Distribution::Normal, Distribution::Triangular})
      if (dists[k] == distribution_name(d)) p.range.distribution = d, dknown = true;
    if (!dknown) f.fail("unknown distribution " + dists[k]);
    p.range.low = low[k], p.range.high = high[k], p.range.mean = mean[k], p.range.sd = sd[k], p.range.mode = mode[k];
    r.parameters.push_back(p);
  }
  if (const std::string e = check_design(r.design); !e.empty()) f.fail("design: " + e);
  const std::size_t P = design_points(r.design);
  r.unit = f.data<double>("/design/unit", H5T_NATIVE_DOUBLE, P * K);
  r.values = f.data<double>("/design/values", H5T_NATIVE_DOUBLE, P * K);
  r.seeds = f.data<std::uint64_t>("/seeds", H5T_NATIVE_UINT64, P * static_cast<std::size_t>(r.replicates));
  r.scenarios = f.strings("/scenarios", "names");
  r.scenario_measures = f.strings("/scenarios", "measures");
  if (r.scenarios.empty() || r.scenario_measures.size() != r.scenarios.size()) f.fail("scenario lists");
  const auto cols = f.strings("/outputs", "columns"), outs = f.strings("/outputs", "outputs"),
             inds = f.strings("/outputs", "indicators"), cats = f.strings("/outputs", "categories"),
             cunits = f.strings("/outputs", "units");
  const std::size_t C = cols.size();
  const auto first = f.data<int>("/outputs/first_year", H5T_NATIVE_INT, C), last = f.data<int>("/outputs/last_year", H5T_NATIVE_INT, C);
  if (outs.size() != C || inds.size() != C || cats.size() != C || cunits.size() != C) f.fail("column lists of different lengths");
  for (std::size_t c = 0; c < C; ++c) r.columns.push_back({cols[c], outs[c], inds[c], cats[c], cunits[c], first[c], last[c]});
  // Sizes are checked against the datasets; the product must not wrap around first.
  if (static_cast<double>(P) * r.replicates * static_cast<double>(r.scenarios.size()) * static_cast<double>(std::max<std::size_t>(C, 1)) > 0x1p50)
    f.fail("implausibly large dimensions");
  const std::size_t runs = r.runs();
  r.outputs = f.data<double>("/outputs/values", H5T_NATIVE_DOUBLE, runs * C);
  r.done = f.data<std::uint8_t>("/outputs/done", H5T_NATIVE_UINT8, runs);
  return r;
}

}  // namespace zorgsim::sim
