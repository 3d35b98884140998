// `zorgsim compare`: scenarios on the same synthetic population with common random numbers,
// the paired differences to the first, the attribution of packages to their measures, the
// council's table, and one HDF5 file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <unistd.h>

#include "models/categories.hpp"
#include "models/social_domain_model.hpp"
#include "sim/app/commands.hpp"
#include "sim/app/configuration.hpp"
#include "sim/app/measure_files.hpp"
#include "sim/atomic_file.hpp"
#include "sim/comparison.hpp"
#include "sim/hdf5_writer.hpp"
#include "sim/run_settings.hpp"

namespace zorgsim::app {

namespace {
namespace zm = zorgsim::models;
namespace zs = zorgsim::sim;

/// One simulated variant: a scenario, or a package with a measure added or left out.
struct Variant {
  std::string name;
  std::string description;
  std::vector<zm::Measure> measures;
  zs::RunResult run;
  zs::AnnualResult annual;
};

std::vector<std::string> ids_of(const std::vector<zm::Measure>& ms) {
  std::vector<std::string> ids;
  for (const zm::Measure& m : ms) ids.push_back(m.id);
  return ids;
}

// `keep_monthly`: attribution variants keep only their annual rows (a package of 30
// measures has 60 of them).
void simulate(Variant& v, const Configuration& c, const std::vector<std::string>& columns, long long seed, int threads,
              bool quiet, const std::string& progress, bool keep_monthly = true) {
  ResolvedScenario s{v.name, v.description, v.measures};
  zm::PolicyPlan plan = plan_scenario(s, c, columns);
  const zm::SocialDomainModel model(c.model, c.run.scale, static_cast<std::uint32_t>(c.run.block_households),
                                    std::move(plan));
  zs::RunRequest req = zs::run_request(c.run);
  req.base.seed = static_cast<std::uint64_t>(seed);
  v.run = run_with_progress(model, req, threads, quiet, progress + v.name);
  // In a log (not a terminal) a short run shows no progress of its own: one line per run.
  if (!quiet && !isatty(STDERR_FILENO))
    std::fprintf(stderr, "%s%s: done in %.1f s\n", progress.c_str(), v.name.c_str(), v.run.seconds);
  v.annual = zs::aggregate_years(v.run);
  if (!keep_monthly) {
    v.run.monthly = {};
    v.run.initial = {};
  }
}

// ---- the printed table ---------------------------------------------------------------

// A paired difference's mean and 95% interval from its value in each replicate.
struct Total {
  double mean = 0, low = 0, high = 0;
};
Total interval_of(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  Total t;
  for (double v : x) t.mean += v;
  t.mean /= n;
  double ss = 0;
  for (double v : x) ss += (v - t.mean) * (v - t.mean);
  const double half = x.size() > 1 ? zs::t_quantile_975(static_cast<int>(x.size()) - 1) * std::sqrt(ss / (n - 1) / n) : 0.0;
  t.low = t.mean - half;
  t.high = t.mean + half;
  return t;
}

// sign x (b - a) per replicate, summed over the years [y0, y1) and some categories of one or
// more indicators (a sum needs its own standard error: it is computed from the replicates).
std::vector<double> per_replicate(const zs::RunResult& run, std::size_t years, const std::vector<std::string>& indicators,
                                  const std::vector<int>& categories, double sign, const zs::AnnualResult& a,
                                  const zs::AnnualResult& b, int replicates, std::size_t y0, std::size_t y1) {
  const std::size_t width = run.width();
  std::vector<double> d(static_cast<std::size_t>(replicates), 0.0);
  for (const std::string& indicator : indicators) {
    const std::size_t col = run.column_of(indicator);
    for (int r = 0; r < replicates; ++r)
      for (std::size_t y = y0; y < y1 && y < years; ++y)
        for (int k : categories) {
          const std::size_t at = (static_cast<std::size_t>(r) * years + y) * width + col + static_cast<std::size_t>(k);
          d[static_cast<std::size_t>(r)] += sign * (b.values[at] - a.values[at]);
        }
  }
  return d;
}

// Per year: the mean and interval of the paired difference of a sum of categories.
struct Series {
  std::vector<double> mean, low, high;
};
Series sum_of(const zs::RunResult& run, std::size_t years, const std::vector<std::string>& indicators,
              const std::vector<int>& categories, double sign, const zs::AnnualResult& a, const zs::AnnualResult& b,
              int replicates) {
  Series s;
  for (std::size_t y = 0; y < years; ++y) {
    const Total t = interval_of(per_replicate(run, years, indicators, categories, sign, a, b, replicates, y, y + 1));
    s.mean.push_back(t.mean);
    s.low.push_back(t.low);
    s.high.push_back(t.high);
  }
  return s;
}

std::string cell(double mean, double low, double high, double scale, int decimals) {
  char buf[64];
  const bool sure = low > 0 || high < 0;  // the 95% interval excludes zero
  std::snprintf(buf, sizeof buf, "%.*f%s", decimals, mean * scale, sure ? "*" : " ");
  return buf;
}

void print_row(std::ostream& out, const std::string& label, const Series& s, std::size_t first, std::size_t n,
               double scale, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "  %-34s", label.c_str());
  out << buf;
  for (std::size_t y = first; y < first + n && y < s.mean.size(); ++y) {
    std::snprintf(buf, sizeof buf, "%9s", cell(s.mean[y], s.low[y], s.high[y], scale, decimals).c_str());
    out << buf;
  }
  out << "\n";
}

// A total over the years [y0, y1), with its interval.
Total total_of(const zs::RunResult& run, std::size_t years, const std::string& indicator, const std::vector<int>& cats,
               double sign, const zs::AnnualResult& a, const zs::AnnualResult& b, int replicates, std::size_t y0,
               std::size_t y1) {
  return interval_of(per_replicate(run, years, {indicator}, cats, sign, a, b, replicates, y0, y1));
}

std::string money(double eur) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "EUR %.2f M", eur / 1e6);
  return buf;
}

void print_comparison(std::ostream& out, const Variant& ref, const Variant& v, int replicates) {
  const zs::RunResult& run = ref.run;
  const std::vector<int>& years = ref.annual.years;
  const std::size_t ny = years.size();
  // Years 2026-2035 where the horizon has them (else all).
  std::size_t first = 0;
  while (first < ny && years[first] < 2026) ++first;
  if (first == ny) first = 0;
  const std::size_t n = std::min<std::size_t>(ny - first, 10);
  const auto s = [&](const std::string& ind, std::vector<int> cats, double sign) {
    return sum_of(run, ny, {ind}, cats, sign, ref.annual, v.annual, replicates);
  };
  const auto all_of = [&](const std::string& ind) {
    std::vector<int> all;
    for (const zs::IndicatorSpec& x : run.indicators)
      if (x.name == ind)
        for (std::size_t k = 0; k < x.width(); ++k) all.push_back(static_cast<int>(k));
    return all;
  };
  out << "\n== " << v.name << " versus " << ref.name << " (" << replicates
      << " replicates, common random numbers; mean of the paired difference; * = the 95% interval excludes 0)\n";
  char buf[64];
  out << "  " << std::string(34, ' ');
  for (std::size_t y = first; y < first + n; ++y) {
    std::snprintf(buf, sizeof buf, "%9d", years[y]);
    out << buf;
  }
  out << "\n  Savings, EUR million (positive: less spending than " << ref.name << ")\n";
  for (int l = 0; l < zm::law_count; ++l)
    print_row(out, std::string(zm::law_names[l]), s("cost.by_law", {l}, -1), first, n, 1e-6, 2);
  print_row(out, "co-payment revenue (Wmo)", s("revenue.copayment", {0}, +1), first, n, 1e-6, 2);
  print_row(out, "net, modelled (cost.net_total)", s("cost.net_total", {0}, -1), first, n, 1e-6, 2);
  print_row(out, "budget lines (money only)", s("measures.budget_lines_by_law", {0, 1, 2, 3}, -1), first, n,
            1e-6, 2);
  out << "  Children and waiting (difference; year end)\n";
  print_row(out, "out-of-home placements", s("youth.persons_by_tier", {3}, +1), first, n, 1, 0);
  print_row(out, "placement starts (in the year)", s("youth.placement_starts", {0, 1, 2, 3}, +1), first, n, 1, 0);
  print_row(out, "youth in bespoke care", s("youth.persons_by_tier", {2}, +1), first, n, 1, 0);
  print_row(out, "waiting for a place", s("provisions.waiting", all_of("provisions.waiting"), +1), first, n, 1, 0);
  print_row(out, "in the local team's queue", s("wijkteam.queue", {0, 1}, +1), first, n, 1, 0);
  print_row(out, "adults in the team's queue", s("wijkteam.wmo_queue", {0, 1}, +1), first, n, 1, 0);
  print_row(out, "escalations of unmet need (year)", s("youth.escalations_from_unmet_need", {0, 1, 2, 3}, +1), first, n,
            1, 0);
  print_row(out, "adult escalations (year)", s("wmo.escalations_from_unmet_need", {0, 1}, +1), first, n, 1, 0);
  out << "  Unmet need by income class, youth + adults (difference; year end)\n";
  for (int k = 0; k < zm::income_class_count; ++k)
    print_row(out, std::string(zm::income_class_names[static_cast<std::size_t>(k)]),
              sum_of(run, ny, {"youth.unmet_need_by_income_class", "wmo.unmet_need_by_income_class"}, {k}, +1,
                     ref.annual, v.annual, replicates),
              first, n, 1, 0);

  // Where savings are not what they seem: cost moved to later years, or to another law.
  out << "  Cost moved (sums of savings, EUR million, with 95% intervals)\n";
  const std::size_t mid = std::min(ny, first + 4);  // 2026-2029 | 2030-2035
  bool any = false;
  std::vector<Total> law_total(zm::law_count);
  for (int l = 0; l < zm::law_count; ++l) {
    const Total early = total_of(run, ny, "cost.by_law", {l}, -1, ref.annual, v.annual, replicates, first, mid);
    const Total late = total_of(run, ny, "cost.by_law", {l}, -1, ref.annual, v.annual, replicates, mid, ny);
    law_total[static_cast<std::size_t>(l)] =
        total_of(run, ny, "cost.by_law", {l}, -1, ref.annual, v.annual, replicates, first, ny);
    if (early.low > 0 && late.high < 0) {
      any = true;
      out << "  - " << zm::law_names[l] << ": saves " << money(early.mean) << " in " << years[first] << "-"
          << years[mid - 1] << " but costs " << money(-late.mean) << " more in " << years[mid] << "-" << years[ny - 1]
          << ": cost moved to later years\n";
    } else if (early.low > 0 && mid < ny &&
               late.mean / static_cast<double>(ny - mid) < 0.5 * early.mean / static_cast<double>(mid - first)) {
      any = true;
      out << "  - " << zm::law_names[l] << ": saves " << money(early.mean) << " in " << years[first] << "-"
          << years[mid - 1] << " but only " << money(late.mean) << " in " << years[mid] << "-" << years[ny - 1]
          << " (the saving fades)\n";
    }
  }
  bool saves_somewhere = false;
  for (const Total& t : law_total) saves_somewhere |= t.low > 0;
  for (int l = 0; l < zm::law_count && saves_somewhere; ++l) {
    const Total& t = law_total[static_cast<std::size_t>(l)];
    if (t.high >= 0) continue;
    any = true;
    out << "  - " << zm::law_names[l] << " costs " << money(-t.mean) << " more over " << years[first] << "-"
        << years[ny - 1] << " (95% interval " << money(-t.high) << " to " << money(-t.low)
        << ") while other laws save: cost moved to another law\n";
  }
  // Who bears it: unmet need among the lowest incomes at the end of the horizon.
  const Series low = sum_of(run, ny, {"youth.unmet_need_by_income_class", "wmo.unmet_need_by_income_class"}, {0}, +1,
                            ref.annual, v.annual, replicates);
  if (low.low.back() > 0) {
    any = true;
    char line[160];
    std::snprintf(line, sizeof line, "  - %.0f more residents below 100%% of the social minimum live with an unmet need at the end of %d\n",
                  low.mean.back(), years[ny - 1]);
    out << line;
  }
  if (!any)
    out << "  - none found: no law saves early and pays later or pays while others save, and unmet need below the "
           "social minimum does not rise at the end\n";
}

// Each measure's own effect on the net modelled cost over the whole horizon, with its 95%
// interval over replicates: alone on the reference, and marginal (the package minus the
// package without it); the interaction closes the sum.
void print_attribution(std::ostream& out, const Variant& ref, const Variant& pkg, const std::vector<std::string>& measures,
                       const std::vector<Variant>& alone, const std::vector<Variant>& without, int replicates) {
  const zs::RunResult& run = ref.run;
  const std::size_t ny = ref.annual.years.size(), col = run.column_of("cost.net_total"), width = run.width();
  // The saving over all years per replicate: sum_y (a - b).
  const auto saving = [&](const zs::AnnualResult& a, const zs::AnnualResult& b, int r) {
    double s = 0;
    for (std::size_t y = 0; y < ny; ++y) {
      const std::size_t at = (static_cast<std::size_t>(r) * ny + y) * width + col;
      s += a.values[at] - b.values[at];
    }
    return s;
  };
  const auto cell = [&](const std::vector<double>& v) {
    const Total t = interval_of(v);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%8.2f +-%6.2f", t.mean / 1e6, (t.high - t.mean) / 1e6);
    return std::string(buf);
  };
  out << "\n== Attribution of " << pkg.name << ": net modelled savings " << ref.annual.years.front() << "-"
      << ref.annual.years.back() << ", EUR million, +- the 95% interval's half width (alone = the measure on "
      << ref.name << "; marginal = the package minus the package without it)\n";
  char buf[256];
  std::vector<double> interaction(static_cast<std::size_t>(replicates)), total(static_cast<std::size_t>(replicates));
  for (int r = 0; r < replicates; ++r)
    interaction[static_cast<std::size_t>(r)] = total[static_cast<std::size_t>(r)] = saving(ref.annual, pkg.annual, r);
  for (std::size_t j = 0; j < measures.size(); ++j) {
    std::vector<double> a(static_cast<std::size_t>(replicates)), m(static_cast<std::size_t>(replicates));
    for (int r = 0; r < replicates; ++r) {
      a[static_cast<std::size_t>(r)] = saving(ref.annual, alone[j].annual, r);
      m[static_cast<std::size_t>(r)] = saving(without[j].annual, pkg.annual, r);
      interaction[static_cast<std::size_t>(r)] -= a[static_cast<std::size_t>(r)];
    }
    std::snprintf(buf, sizeof buf, "  %-40s alone %s   marginal %s\n", measures[j].c_str(), cell(a).c_str(), cell(m).c_str());
    out << buf;
  }
  std::snprintf(buf, sizeof buf, "  %-40s       %s\n  %-40s       %s\n", "interaction (package - sum alone)",
                cell(interaction).c_str(), "package", cell(total).c_str());
  out << buf;
}

std::string default_output(const std::vector<std::string>& names) {
  std::string s = "outputs/compare";
  for (const std::string& n : names) s += "-" + std::filesystem::path(n).stem().string();
  if (s.size() > 120) s = s.substr(0, 120);
  return s + ".h5";
}
}  // namespace

int cmd_compare(const CompareOptions& o, const std::string& command_line) {
  const Configuration c = load_configuration(o.run.config, assignments_of(o.run));
  // Every scenario first resolved and validated: bad input fails before any simulation.
  std::vector<Variant> variants;
  std::vector<std::string> columns;
  for (const std::string& name : o.scenarios) {
    ResolvedScenario s = resolve_scenario(name);
    for (const Variant& v : variants)
      if (v.name == s.name) throw zs::InputError("scenario '" + s.name + "' is given twice");
    for (const zm::Measure& m : s.measures)
      if (std::find(columns.begin(), columns.end(), m.id) == columns.end()) columns.push_back(m.id);
    variants.push_back({s.name, s.description, s.measures, {}, {}});
  }
  for (const Variant& v : variants) plan_scenario({v.name, v.description, v.measures}, c, columns);

  // Attribution: each package measure (one the reference does not have) alone and left out.
  struct Package {
    std::size_t scenario;
    std::vector<std::string> measures;
    std::vector<Variant> alone, without;
  };
  std::vector<Package> packages;
  if (o.attribution) {
    const std::vector<std::string> ref = ids_of(variants.front().measures);
    for (std::size_t s = 1; s < variants.size(); ++s) {
      Package p{s, {}, {}, {}};
      for (const zm::Measure& m : variants[s].measures) {
        if (std::find(ref.begin(), ref.end(), m.id) != ref.end()) continue;
        p.measures.push_back(m.id);
        Variant alone{variants[s].name + " / " + m.id + " alone", "", variants.front().measures, {}, {}};
        alone.measures.push_back(m);
        Variant without{variants[s].name + " without " + m.id, "", {}, {}, {}};
        for (const zm::Measure& x : variants[s].measures)
          if (x.id != m.id) without.measures.push_back(x);
        p.alone.push_back(std::move(alone));
        p.without.push_back(std::move(without));
      }
      if (p.measures.size() >= 2) packages.push_back(std::move(p));
    }
  }

  std::vector<std::string> names;
  for (const Variant& v : variants) names.push_back(v.name);
  std::string out = o.run.output;
  if (out.empty()) {
    out = default_output(o.scenarios);
    std::filesystem::create_directories("outputs");
  }
  zs::check_output_path(out, o.run.overwrite);
  const int threads = thread_count(o.run.threads);
  const int replicates = static_cast<int>(c.run.replicates);
  // Progress names each run: "[k/n] name".
  std::size_t runs = variants.size(), done = 0;
  for (const Package& p : packages) runs += 2 * p.measures.size();
  const auto label = [&] { return "[" + std::to_string(++done) + "/" + std::to_string(runs) + "] "; };
  for (std::size_t s = 0; s < variants.size(); ++s) {
    const long long seed = o.independent ? c.run.seed + 1000003LL * static_cast<long long>(s) : c.run.seed;
    simulate(variants[s], c, columns, seed, threads, o.run.quiet, label());
  }
  for (Package& p : packages)
    for (std::size_t j = 0; j < p.measures.size(); ++j) {
      simulate(p.alone[j], c, columns, c.run.seed, threads, o.run.quiet, label(), false);
      simulate(p.without[j], c, columns, c.run.seed, threads, o.run.quiet, label(), false);
    }

  zs::ComparisonOutput file;
  for (std::size_t s = 0; s < variants.size(); ++s)
    file.scenarios.push_back({variants[s].name, variants[s].description, ids_of(variants[s].measures), &variants[s].run,
                              &variants[s].annual});
  const std::size_t width = variants.front().run.width();
  for (std::size_t s = 1; s < variants.size(); ++s)
    file.differences.push_back(zs::paired_difference(variants.front().annual, variants[s].annual, replicates, width));
  for (const Package& p : packages) {
    std::vector<const zs::AnnualResult*> alone, without;
    for (const Variant& v : p.alone) alone.push_back(&v.annual);
    for (const Variant& v : p.without) without.push_back(&v.annual);
    file.attributions.push_back({variants[p.scenario].name, p.measures,
                                 zs::attribute(variants.front().annual, variants[p.scenario].annual, alone, without,
                                               replicates, width)});
  }
  zs::write_comparison_file(out, file, provenance_of(c, command_line, threads, variants.front().name, columns));

  if (!o.run.quiet) {
    if (o.independent)
      std::cout << "NOTE: --independent-streams: every scenario drew its own random numbers; differences include "
                   "noise that common random numbers would remove.\n";
    for (std::size_t s = 1; s < variants.size(); ++s)
      print_comparison(std::cout, variants.front(), variants[s], replicates);
    for (const Package& p : packages) print_attribution(std::cout, variants.front(), variants[p.scenario], p.measures,
                                                          p.alone, p.without, replicates);
  }
  std::cout << "Results written to " << out << "\n";
  return 0;
}

}  // namespace zorgsim::app
