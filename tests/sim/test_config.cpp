// The YAML layer: every kind of bad input gives a message with file:line:column and the
// parameter path, all problems at once; good input resolves layer over layer.
#include <catch2/catch.hpp>

#include "sim/config_tree.hpp"
#include "sim/parameters.hpp"
#include "config_helpers.hpp"

using namespace zorgsim::sim;
using zorgsim::test::has;

namespace {
struct Section {
  double alpha = 0;
  std::vector<double> shares;
};
struct Toy {
  Section sec;
  long long count = 0;
  bool flag = false;
  std::string when;
  std::vector<std::string> names;
};

ResolvedParams declare(int& group) {
  std::vector<ParamSpec> specs;
  const Declarer<Toy> d(specs);
  const auto s = d.section(&Toy::sec, "sec");
  s.real("alpha", &Section::alpha, {"probability per month", 0, 1, "a probability", "kans"});
  s.reals("shares", &Section::shares, {"share", 0, 1, "three shares", "", {"a", "b", "c"}});
  d.integer("count", &Toy::count, {"persons", 0, 100, "a count", ""});
  d.boolean("flag", &Toy::flag, {"-", {}, {}, "a switch", ""});
  d.month("when", &Toy::when, {"YYYY-MM", {}, {}, "a month", ""});
  d.texts("names", &Toy::names, {"-", {}, {}, "names", ""});
  ResolvedParams p;
  group = p.add_group(std::move(specs));
  return p;
}

const char* base_yaml = R"(sec:
  alpha: {value: 0.5, source: "base source", plausible: [0.1, 0.9]}
  shares: [0.2, 0.3, 0.5]
count: 10
flag: true
when: "2025-01"
names: [x, y]
)";

Diagnostics resolve(ResolvedParams& p, const std::string& user, const std::string& name = "user.yaml") {
  return zorgsim::test::resolve_layers(p, {{"base.yaml", base_yaml}, {name, user}});
}

}  // namespace

TEST_CASE("a valid overlay resolves, later layers win, sources are kept", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p, "count: 42\nsec:\n  shares: [0.1, 0.1, 0.8]\n");
  REQUIRE(d.empty());
  const Toy t = p.build<Toy>(g);
  CHECK(t.count == 42);
  CHECK(t.sec.alpha == 0.5);
  CHECK(t.sec.shares == std::vector<double>{0.1, 0.1, 0.8});
  CHECK(t.flag);
  CHECK(t.when == "2025-01");
  CHECK(t.names == std::vector<std::string>{"x", "y"});
  CHECK(p.at("sec.alpha").source == "base source");
  CHECK(p.at("sec.alpha").plausible == std::vector<double>{0.1, 0.9});
  CHECK(p.at("count").source == "set in user.yaml");
  CHECK(p.where("count").str() == "user.yaml:1:8");
}

TEST_CASE("unknown keys are reported with position and a suggestion", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p, "sec:\n  alpah: 0.2\nnonsense: 1\n");
  CHECK(d.items().size() == 2);
  has(d, "user.yaml:2:3: sec.alpah: unknown key (did you mean 'sec.alpha'?)");
  has(d, "user.yaml:3:1: nonsense: unknown key");
}

TEST_CASE("duplicate keys are errors (yaml-cpp would keep the first silently)", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p, "count: 1\ncount: 2\n");
  has(d, "user.yaml:2:1: count: duplicate key");
}

TEST_CASE("wrong types, out-of-range values and wrong lengths, all at once", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p,
                                "sec:\n"
                                "  alpha: 1.5\n"
                                "  shares: [0.5, -0.1]\n"
                                "count: ten\n"
                                "flag: 3\n"
                                "when: 2025-13\n");
  has(d, "user.yaml:2:10: sec.alpha: must be <= 1 (got 1.5)");
  has(d, "user.yaml:3:11: sec.shares: must be >= 0 (got -0.1)");
  has(d, "sec.shares: expected 3 numbers, got 2");
  has(d, "user.yaml:4:8: count: expected integer, got 'ten'");
  has(d, "user.yaml:5:7: flag: expected boolean, got '3'");
  has(d, "user.yaml:6:7: when: expected a month as YYYY-MM, got '2025-13'");
  CHECK(d.items().size() == 6);
}

TEST_CASE("documented entries: unknown fields, missing value, plausible outside", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p,
                                "sec:\n"
                                "  alpha: {value: 0.05, plausible: [0.1, 0.2]}\n"
                                "count: {source: \"x\"}\n"
                                "flag: {value: true, sauce: \"y\"}\n");
  has(d, "user.yaml:2:10: sec.alpha: value lies outside its own plausible range");
  has(d, "count: a documented parameter needs a 'value' key");
  has(d, "flag.sauce: unknown key");
}

TEST_CASE("a list's plausible range: one for all elements, or one per element", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  CHECK(resolve(p, "sec:\n  shares: {value: [0.2, 0.3, 0.5], plausible: [[0.1, 0.3], [0.2, 0.4], [0.4, 0.6]]}\n")
            .empty());
  CHECK(p.at("sec.shares").plausible == std::vector<double>{0.1, 0.3, 0.2, 0.4, 0.4, 0.6});
  // the resolved YAML carries the per-element ranges and loads again
  const std::string yaml = emit_resolved_yaml(p);
  CHECK(yaml.find("plausible: [[") != std::string::npos);
  ResolvedParams q = declare(g);
  CHECK(resolve(q, yaml, "resolved.yaml").empty());
  CHECK(q.at("sec.shares").plausible == p.at("sec.shares").plausible);

  ResolvedParams r = declare(g);
  const Diagnostics d = resolve(r,
                                "sec:\n"
                                "  shares: {value: [0.2, 0.3, 0.5], plausible: [[0.1, 0.3], [0.2, 0.25], [0.4, 0.6]]}\n"
                                "  alpha: {value: 0.5, plausible: [[0.1, 0.9]]}\n");
  has(d, "user.yaml:2:11: sec.shares: value lies outside its own plausible range (element 2)");
  has(d, "sec.alpha.plausible: expected [low, high]");
  ResolvedParams w = declare(g);
  has(resolve(w, "sec:\n  shares: {value: [0.2, 0.3, 0.5], plausible: [[0.1, 0.3], [0.2, 0.4]]}\n"),
      "sec.shares.plausible: needs one [low, high] per element (3 elements)");
}

TEST_CASE("syntax errors and non-map documents are reported with position", "[unit][config]") {
  Diagnostics d;
  ConfigLayers layers;
  layers.add_text("bad.yaml", "sec: [1, 2\n", d);
  layers.add_text("list.yaml", "- 1\n- 2\n", d);
  layers.add_file("/nonexistent/zorgsim.yaml", d);
  has(d, "bad.yaml:");
  has(d, "YAML syntax");
  has(d, "list.yaml:1:1: a configuration must be a map of sections");
  has(d, "/nonexistent/zorgsim.yaml: cannot open the configuration file");
}

TEST_CASE("command-line assignments override files", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  Diagnostics d;
  ConfigLayers layers;
  layers.add_text("base.yaml", base_yaml, d);
  layers.add_assignment("sec.alpha=0.25", d);
  layers.add_assignment("count=101", d);
  layers.add_assignment("missing-equals", d);
  layers.resolve(p, d);
  has(d, "expected PATH=VALUE");
  has(d, "count: must be <= 100 (got 101)");
  CHECK(p.build<Toy>(g).sec.alpha == 0.25);
}

TEST_CASE("a value missing from every layer is an error", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  Diagnostics d;
  ConfigLayers layers;
  layers.add_text("partial.yaml", "count: 1\n", d);
  layers.resolve(p, d);
  has(d, "sec.alpha: no value given (and no default)");
}

TEST_CASE("the resolved configuration reloads to the same values", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  REQUIRE(resolve(p, "count: 7\n").empty());
  const std::string text = emit_resolved_yaml(p);
  int g2 = 0;
  ResolvedParams q = declare(g2);
  zorgsim::test::reload(q, text);
  const Toy a = p.build<Toy>(g), b = q.build<Toy>(g2);
  CHECK(a.sec.alpha == b.sec.alpha);
  CHECK(a.sec.shares == b.sec.shares);
  CHECK(a.count == b.count);
  CHECK(a.names == b.names);
  CHECK(q.at("sec.alpha").source == "base source");
  CHECK(emit_resolved_yaml(q) == text);
}
