#include "sim/hdf5_writer.hpp"

#include <hdf5.h>

#include <stdexcept>
#include <vector>

#include "sim/atomic_file.hpp"
#include "sim/build_info.hpp"
#include "sim/hdf5_util.hpp"
#include "sim/month.hpp"

namespace zorgsim::sim {

namespace {

using namespace h5;

void describe(hid_t obj, const IndicatorSpec& spec, const std::string& dims) {
  attr_string(obj, "units", spec.unit);
  attr_string(obj, "description", spec.description);
  attr_string(obj, "dutch_term", spec.dutch);
  attr_string(obj, "aggregation", spec.aggregation == Aggregation::Stock ? "stock" : "flow");
  attr_string(obj, "dimensions", dims);
  if (!spec.categories.empty()) attr_strings(obj, "categories", spec.categories);
}

// Writes one indicator as [replicate, time, (category)] from rows of `width` values.
void write_indicator(hid_t root, const std::string& section, const IndicatorSpec& spec, std::size_t offset,
                     std::size_t width, const std::vector<double>& rows, int replicates, int steps,
                     const char* time_dim) {
  std::string leaf;
  Handle sect(open_or_create_group(root, section), H5Gclose);
  Handle g(group_for(sect, spec.name, leaf), H5Gclose);
  const std::size_t k = spec.width();
  std::vector<double> data;
  data.reserve(static_cast<std::size_t>(replicates) * steps * k);
  for (int r = 0; r < replicates; ++r)
    for (int s = 0; s < steps; ++s)
      for (std::size_t c = 0; c < k; ++c)
        data.push_back(rows[(static_cast<std::size_t>(r) * steps + s) * width + offset + c]);
  std::vector<hsize_t> dims = {static_cast<hsize_t>(replicates)};
  std::string dim_names = "replicate";
  if (time_dim) dims.push_back(static_cast<hsize_t>(steps)), dim_names += std::string(",") + time_dim;
  if (!spec.categories.empty()) dims.push_back(k), dim_names += ",category";
  write_dataset(g, leaf, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE, dims, data);
  Handle ds(check(H5Dopen2(g, leaf.c_str(), H5P_DEFAULT), "H5Dopen2"), H5Dclose);
  describe(ds, spec, dim_names);
}

// Provenance and the time axes, at the root of every result file.
void write_header(hid_t root, const RunResult& run, const AnnualResult& annual, const Provenance& p) {
  attr_string(root, "zorgsim_version", version());
  attr_string(root, "git_commit", git_commit());
  attr_scalar<int>(root, "schema_version", H5T_NATIVE_INT, output_schema_version);
  attr_string(root, "config_name", p.config_name);
  attr_string(root, "config_yaml", p.config_yaml);
  attr_string(root, "config_sha256", p.config_sha256);
  attr_scalar<unsigned long long>(root, "seed", H5T_NATIVE_ULLONG, p.seed);
  attr_scalar<int>(root, "replicates", H5T_NATIVE_INT, run.replicates);
  attr_scalar<int>(root, "threads", H5T_NATIVE_INT, p.threads);
  attr_string(root, "command_line", p.command_line);
  attr_string(root, "library_versions", library_versions());
  attr_string(root, "first_month", Month::from_index(run.first_month).str());
  if (!p.scenario.empty()) attr_string(root, "scenario", p.scenario);
  attr_strings(root, "measures", p.measures);
  attr_string(root, "last_month", Month::from_index(run.first_month + run.months - 1).str());

  Handle time(open_or_create_group(root, "time"), H5Gclose);
  std::vector<int> months;
  for (int m = 0; m < run.months; ++m) {
    const Month mo = Month::from_index(run.first_month + m);
    months.push_back(mo.year * 100 + mo.month);
  }
  write_dataset(time, "month", H5T_NATIVE_INT, H5T_STD_I32LE, {static_cast<hsize_t>(months.size())}, months);
  write_dataset(time, "year", H5T_NATIVE_INT, H5T_STD_I32LE, {static_cast<hsize_t>(annual.years.size())}, annual.years);
  write_dataset(time, "months_in_year", H5T_NATIVE_INT, H5T_STD_I32LE,
                {static_cast<hsize_t>(annual.months_in_year.size())}, annual.months_in_year);
  {
    Handle m(check(H5Dopen2(time, "month", H5P_DEFAULT), "H5Dopen2"), H5Dclose);
    attr_string(m, "units", "YYYYMM");
    attr_string(m, "description", "Calendar month of each step of the monthly series");
    Handle y(check(H5Dopen2(time, "year", H5P_DEFAULT), "H5Dopen2"), H5Dclose);
    attr_string(y, "units", "year");
    attr_string(y, "description", "Calendar year of each row of the annual series");
    Handle n(check(H5Dopen2(time, "months_in_year", H5P_DEFAULT), "H5Dopen2"), H5Dclose);
    attr_string(n, "units", "months");
    attr_string(n, "description", "Simulated months in each year (12 except for a partial first or last year)");
  }
}

// Every indicator of one run under `root`: monthly, annual and initial.
void write_results(hid_t root, const RunResult& run, const AnnualResult& annual) {
  const std::size_t width = run.width();
  const int ny = static_cast<int>(annual.years.size());
  for (std::size_t i = 0; i < run.indicators.size(); ++i) {
    const IndicatorSpec& spec = run.indicators[i];
    write_indicator(root, "monthly", spec, run.offsets[i], width, run.monthly, run.replicates, run.months, "month");
    write_indicator(root, "annual", spec, run.offsets[i], width, annual.values, run.replicates, ny, "year");
    if (spec.aggregation == Aggregation::Stock)
      write_indicator(root, "initial", spec, run.offsets[i], width, run.initial, run.replicates, 1, nullptr);
  }
}

void write_all(hid_t file, const RunResult& run, const AnnualResult& annual, const Provenance& p) {
  Handle root(check(H5Gopen2(file, "/", H5P_DEFAULT), "H5Gopen2"), H5Gclose);
  write_header(root, run, annual, p);
  write_results(root, run, annual);
}

// The group of one indicator under `parent` ("youth.stock_by_state" -> youth/stock_by_state/).
Handle indicator_group(hid_t parent, const IndicatorSpec& spec) {
  std::string leaf;
  Handle g(group_for(parent, spec.name, leaf), H5Gclose);
  return Handle(open_or_create_group(g, leaf), H5Gclose);
}

// Indicator i's [year][category] values out of rows of [year][width].
std::vector<double> indicator_rows(const std::vector<double>& v, const RunResult& run, std::size_t i, std::size_t years) {
  std::vector<double> out;
  const std::size_t k = run.indicators[i].width();
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t c = 0; c < k; ++c) out.push_back(v[y * run.width() + run.offsets[i] + c]);
  return out;
}

// A dataset with the indicator's units, description and dimension names.
void write_described(hid_t g, const char* name, const std::vector<hsize_t>& dims, const std::vector<double>& v,
                     const IndicatorSpec& spec, const std::string& dim_names) {
  write_dataset(g, name, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE, dims, v);
  Handle ds(check(H5Dopen2(g, name, H5P_DEFAULT), "H5Dopen2"), H5Dclose);
  describe(ds, spec, dim_names);
}

// Per indicator, the statistics of the paired differences as [scenario, year(, category)].
void write_differences(hid_t root, const ComparisonOutput& out) {
  Handle group(open_or_create_group(root, "comparison"), H5Gclose);
  std::vector<std::string> names;
  for (std::size_t s = 1; s < out.scenarios.size(); ++s) names.push_back(out.scenarios[s].name);
  attr_strings(group, "scenarios", names);
  attr_string(group, "reference", out.scenarios.front().name);
  attr_string(group, "description",
              "Paired differences scenario - reference per replicate (common random numbers), over replicates: mean, "
              "standard error and 95% interval (Student's t); annual values");
  const RunResult& run = *out.scenarios.front().run;
  const std::size_t years = out.scenarios.front().annual->years.size();
  for (std::size_t i = 0; i < run.indicators.size(); ++i) {
    const IndicatorSpec& spec = run.indicators[i];
    Handle ig = indicator_group(group, spec);
    std::vector<hsize_t> dims = {names.size(), years};
    if (!spec.categories.empty()) dims.push_back(spec.width());
    const std::string dim_names = spec.categories.empty() ? "scenario,year" : "scenario,year,category";
    const std::pair<const char*, const std::vector<double> PairedDifference::*> stats[] = {
        {"mean", &PairedDifference::mean}, {"se", &PairedDifference::se},
        {"ci_low", &PairedDifference::low}, {"ci_high", &PairedDifference::high}};
    for (const auto& [name, stat] : stats) {
      std::vector<double> v;
      for (const PairedDifference& d : out.differences) {
        const std::vector<double> rows = indicator_rows(d.*stat, run, i, years);
        v.insert(v.end(), rows.begin(), rows.end());
      }
      write_described(ig, name, dims, v, spec, dim_names);
    }
  }
}

// Per package and indicator: package, alone[measure], marginal[measure], interaction, and
// their standard errors.
void write_attributions(hid_t root, const ComparisonOutput& out) {
  if (out.attributions.empty()) return;
  Handle group(open_or_create_group(root, "attribution"), H5Gclose);
  attr_string(group, "description",
              "Each measure's own effect on a package scenario (means over replicates of paired differences): alone = "
              "reference + measure - reference; marginal = package - package without the measure; interaction = "
              "package - sum of alone, so sum(alone) + interaction = package");
  const RunResult& run = *out.scenarios.front().run;
  const std::size_t years = out.scenarios.front().annual->years.size();
  for (const AttributionOutput& a : out.attributions) {
    Handle sg(open_or_create_group(group, a.scenario), H5Gclose);
    attr_strings(sg, "measures", a.measures);
    for (std::size_t i = 0; i < run.indicators.size(); ++i) {
      const IndicatorSpec& spec = run.indicators[i];
      Handle ig = indicator_group(sg, spec);
      std::vector<hsize_t> dims = {years};
      std::string dim_names = "year";
      if (!spec.categories.empty()) dims.push_back(spec.width()), dim_names += ",category";
      std::vector<hsize_t> mdims = dims;
      mdims.insert(mdims.begin(), a.measures.size());
      const auto per_measure = [&](const std::vector<std::vector<double>>& terms) {
        std::vector<double> v;
        for (const auto& t : terms) {
          const std::vector<double> rows = indicator_rows(t, run, i, years);
          v.insert(v.end(), rows.begin(), rows.end());
        }
        return v;
      };
      const Attribution& at = a.attribution;
      write_described(ig, "package", dims, indicator_rows(at.package, run, i, years), spec, dim_names);
      write_described(ig, "package_se", dims, indicator_rows(at.package_se, run, i, years), spec, dim_names);
      write_described(ig, "interaction", dims, indicator_rows(at.interaction, run, i, years), spec, dim_names);
      write_described(ig, "interaction_se", dims, indicator_rows(at.interaction_se, run, i, years), spec, dim_names);
      write_described(ig, "alone", mdims, per_measure(at.alone), spec, "measure," + dim_names);
      write_described(ig, "alone_se", mdims, per_measure(at.alone_se), spec, "measure," + dim_names);
      write_described(ig, "marginal", mdims, per_measure(at.marginal), spec, "measure," + dim_names);
      write_described(ig, "marginal_se", mdims, per_measure(at.marginal_se), spec, "measure," + dim_names);
    }
  }
}

void write_comparison(hid_t file, const ComparisonOutput& out, const Provenance& p) {
  Handle root(check(H5Gopen2(file, "/", H5P_DEFAULT), "H5Gopen2"), H5Gclose);
  write_header(root, *out.scenarios.front().run, *out.scenarios.front().annual, p);
  std::vector<std::string> names;
  for (const ScenarioOutput& s : out.scenarios) names.push_back(s.name);
  attr_strings(root, "scenarios", names);
  Handle all(open_or_create_group(root, "scenarios"), H5Gclose);
  for (const ScenarioOutput& s : out.scenarios) {
    Handle g(open_or_create_group(all, s.name), H5Gclose);
    attr_string(g, "description", s.description);
    attr_strings(g, "measures", s.measures);
    write_results(g, *s.run, *s.annual);
  }
  write_differences(root, out);
  write_attributions(root, out);
}

}  // namespace

std::string library_versions() {
  unsigned maj = 0, min = 0, rel = 0;
  H5get_libversion(&maj, &min, &rel);
  return "hdf5 " + std::to_string(maj) + "." + std::to_string(min) + "." + std::to_string(rel) + "; " +
         build_libraries() + "; compiler " + compiler();
}

void write_run_file(const std::string& path, const RunResult& run, const AnnualResult& annual,
                    const Provenance& provenance) {
  write_file(path, [&](hid_t file) { write_all(file, run, annual, provenance); });
}

void write_comparison_file(const std::string& path, const ComparisonOutput& out, const Provenance& provenance) {
  write_file(path, [&](hid_t file) { write_comparison(file, out, provenance); });
}

}  // namespace zorgsim::sim
