// The embedded Almelo default: complete, sourced, and internally consistent.
#include <catch2/catch.hpp>

#include "models/model_params.hpp"
#include "test_support.hpp"

TEST_CASE("every model parameter in the embedded default has a source", "[unit][config][sources]") {
  const auto c = zorgsim::test::config();
  int missing = 0;
  for (const auto& r : c.params.all()) {
    if (!r.spec->needs_source) continue;
    // A record field left out takes its declared default ("default: no limit").
    CHECK((r.layer == zorgsim::app::embedded_default_name || (r.layer == "declaration" && r.spec->fallback)));
    const bool sourced = r.source.rfind("set in ", 0) != 0 && !r.source.empty();
    if (!sourced) {
      ++missing;
      UNSCOPED_INFO("no source: " << r.spec->path);
    }
  }
  CHECK(missing == 0);
}

TEST_CASE("every source cites a document or says it is an assumption; tuned values name a target",
          "[unit][config][sources]") {
  const auto c = zorgsim::test::config();
  const auto cites = [](const std::string& s) {
    if (s.find("assumption") != std::string::npos || s.find("illustrative") != std::string::npos) return true;
    // Definitions (units of a per-participant tariff) and declared defaults ("no cap") are not data.
    if (s.rfind("definition: ", 0) == 0 || s.rfind("default: ", 0) == 0) return true;
    for (const char* doc : {"CBS", "CALIBRATION", "MODEL.md", "Rijksoverheid", "national rule"})
      if (s.find(doc) != std::string::npos) return true;
    return false;
  };
  for (const auto& r : c.params.all()) {
    if (!r.spec->needs_source) continue;
    INFO(r.spec->path << ": " << r.source);
    CHECK(cites(r.source));
    if (!r.tuned.empty()) {
      INFO("tuned: " << r.tuned);
      CHECK(r.tuned.find_first_of("0123456789") != std::string::npos);  // the target's figure
    }
  }
}

TEST_CASE("every parameter is documented (unit and description)", "[unit][config]") {
  for (const auto& s : zorgsim::models::declare_model_parameters()) {
    INFO(s.path);
    CHECK_FALSE(s.unit.empty());
    CHECK_FALSE(s.description.empty());
    if (s.collection)
      for (const auto& f : s.collection->fields) {
        INFO(f.path);
        CHECK_FALSE(f.unit.empty());
        CHECK_FALSE(f.description.empty());
      }
  }
}

TEST_CASE("cross-parameter checks catch shares that do not sum to one", "[unit][config]") {
  CHECK_THROWS_WITH(zorgsim::test::config({"population.network_share=[0.5, 0.5, 0.5]"}),
                    Catch::Contains("population.network_share: shares must sum to 1"));
  CHECK_THROWS_WITH(zorgsim::test::config({"run.end=2024-12"}),
                    Catch::Contains("run.end: must not be before run.start"));
  CHECK_THROWS_WITH(zorgsim::test::config({"population.district_low_income_rr=[1, 1]"}),
                    Catch::Contains("needs one value per district"));
}

TEST_CASE("competing hazards that can exceed one per month are rejected", "[unit][config]") {
  CHECK_THROWS_WITH(zorgsim::test::config({"youth.general_duration=1"}),
                    Catch::Contains("youth.general_duration: youth in a general provision"));
  CHECK_THROWS_WITH(zorgsim::test::config({"youth.to_ambulant=[0.2, 0.2, 0.2, 0]"}),
                    Catch::Contains("youth.to_ambulant: self-reliant youth"));
  CHECK_THROWS_WITH(zorgsim::test::config({"wmo.shelter.duration=1"}),
                    Catch::Contains("an adult's Wmo events"));
  CHECK_THROWS_WITH(zorgsim::test::config({"population.households=1", "run.scale=0.01"}),
                    Catch::Contains("run.scale: population.households x run.scale rounds to no household"));
}
