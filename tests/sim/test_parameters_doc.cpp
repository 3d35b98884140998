// docs/PARAMETERS.md is generated from the code; it must not drift.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "models/indicators.hpp"
#include "sim/output_doc.hpp"
#include "sim/parameters_doc.hpp"
#include "sim/app/commands.hpp"
#include "test_support.hpp"

TEST_CASE("docs/PARAMETERS.md equals what `zorgsim params --markdown` prints", "[unit][docs]") {
  const auto c = zorgsim::test::config();
  std::ifstream in(std::string(ZORGSIM_SOURCE_DIR) + "/docs/PARAMETERS.md");
  REQUIRE(in.good());
  std::stringstream committed;
  committed << in.rdbuf();
  // On failure: run scripts/update-docs.sh and commit the result.
  CHECK(committed.str() == zorgsim::sim::parameters_markdown(c.params));
}

TEST_CASE("docs/OUTPUT.md equals what `zorgsim outputs --markdown` prints", "[unit][docs]") {
  std::ifstream in(std::string(ZORGSIM_SOURCE_DIR) + "/docs/OUTPUT.md");
  REQUIRE(in.good());
  std::stringstream committed;
  committed << in.rdbuf();
  // On failure: run scripts/update-docs.sh and commit the result.
  CHECK(committed.str() == zorgsim::sim::output_reference_markdown(zorgsim::models::indicator_specs()));
}

TEST_CASE("the catalogue table in docs/MEASURES.md equals what `zorgsim measures --markdown` prints", "[unit][docs]") {
  std::ifstream in(std::string(ZORGSIM_SOURCE_DIR) + "/docs/MEASURES.md");
  REQUIRE(in.good());
  std::stringstream committed;
  committed << in.rdbuf();
  const std::string doc = committed.str(), begin = "<!-- catalogue:begin -->\n", end = "<!-- catalogue:end -->";
  const std::size_t a = doc.find(begin), b = doc.find(end);
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  // On failure: run scripts/update-docs.sh and commit the result.
  CHECK(doc.substr(a + begin.size(), b - a - begin.size()) == zorgsim::app::measures_markdown());
}
