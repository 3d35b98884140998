#include "sim/run_settings.hpp"

#include "sim/rng.hpp"
#include "sim/simulation.hpp"

namespace zorgsim::sim {

std::vector<ParamSpec> declare_run_settings() {
  std::vector<ParamSpec> specs;
  const Declarer<RunSettings> d(specs, "run");
  d.text("name", &RunSettings::name, {"-", {}, {}, "Short name of this configuration; names the output file", "", {}, false});
  d.text("description", &RunSettings::description, {"-", {}, {}, "What this configuration is for", "", {}, false});
  d.month("start", &RunSettings::start, {"YYYY-MM", {}, {}, "First simulated month", "", {}, false});
  d.month("end", &RunSettings::end, {"YYYY-MM", {}, {}, "Last simulated month (inclusive)", "", {}, false});
  d.integer("seed", &RunSettings::seed, {"-", 0, 9007199254740991.0, "Random seed (0 to 2^53-1)", "", {}, false});
  d.integer("replicates", &RunSettings::replicates, {"runs", 1, 100000, "Independent replicates of the run", "", {}, false});
  d.real("scale", &RunSettings::scale,
         {"factor", 1e-4, 1e4, "Multiplies the number of households (e.g. 250 for a country-sized benchmark)", "", {}, false});
  d.integer("block_households", &RunSettings::block_households,
            {"households", 16, 1048576, "Households per block, the unit of parallel work (does not change results)", "",
             {}, false});
  return specs;
}

RunRequest run_request(const RunSettings& r) {
  RunRequest req;
  req.base.seed = static_cast<std::uint64_t>(r.seed);
  req.first_month = r.start_month().index();
  req.months = r.months();
  req.replicates = static_cast<int>(r.replicates);
  return req;
}

void validate(const RunSettings& r, const ResolvedParams& w, Diagnostics& diags) {
  const auto s = parse_month(r.start), e = parse_month(r.end);
  if (!s || !e) return;  // already reported by the parser
  if (e->index() < s->index())
    diags.add(w.where("run.end"), "run.end", "must not be before run.start (" + r.start + ")");
  if (e->index() > static_cast<int>(max_month_index))
    diags.add(w.where("run.end"), "run.end", "beyond the last month the random streams can key");
  if (e->index() - s->index() + 1 > 1200)
    diags.add(w.where("run.end"), "run.end", "horizon longer than 100 years");
}

}  // namespace zorgsim::sim
