// The embedded Almelo default: complete, sourced, and internally consistent.
#include <catch2/catch.hpp>

#include "models/model_params.hpp"
#include "test_support.hpp"

TEST_CASE("every model parameter in the embedded default has a source", "[unit][config][sources]") {
  const auto c = zorgsim::test::config();
  int missing = 0;
  for (const auto& r : c.params.all()) {
    if (!r.spec->needs_source) continue;
    CHECK(r.layer == zorgsim::app::embedded_default_name);
    const bool sourced = r.source.rfind("set in ", 0) != 0 && !r.source.empty();
    if (!sourced) {
      ++missing;
      UNSCOPED_INFO("no source: " << r.spec->path);
    }
  }
  CHECK(missing == 0);
}

TEST_CASE("sources labelled as assumptions carry the word, tuned values name their target", "[unit][config][sources]") {
  const auto c = zorgsim::test::config();
  for (const auto& r : c.params.all()) {
    if (!r.tuned.empty()) CHECK(r.tuned.size() > 10);
    if (r.spec->needs_source) CHECK(r.source.size() > 5);
  }
}

TEST_CASE("every parameter is documented (unit and description)", "[unit][config]") {
  for (const auto& s : zorgsim::models::declare_model_parameters()) {
    INFO(s.path);
    CHECK_FALSE(s.unit.empty());
    CHECK_FALSE(s.description.empty());
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
