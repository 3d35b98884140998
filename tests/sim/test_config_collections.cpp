// Collections of records (ids chosen by the user, one schema per record): layering, fallbacks,
// errors with positions, command-line assignments and a reload of the resolved YAML.
#include <catch2/catch.hpp>

#include "sim/config_tree.hpp"
#include "sim/parameters.hpp"
#include "config_helpers.hpp"

using namespace zorgsim::sim;
using zorgsim::test::has;

namespace {
struct Item {
  std::string id;
  double price = 0;
  long long max_age = 0;
  std::string label;
};
struct Shop {
  double vat = 0;
  std::vector<Item> items;
};

ResolvedParams declare(int& group) {
  std::vector<ParamSpec> specs;
  const Declarer<Shop> d(specs);
  d.real("vat", &Shop::vat, {"share", 0, 1, "VAT", ""});
  const auto items = d.collection("items", &Shop::items, {"-", {}, {}, "Things for sale", ""});
  items.real("price", &Item::price, {"EUR", 0, 1000, "Price", "prijs"});
  ParamValue no_limit;
  no_limit.integer = 120;
  items.integer("max_age", &Item::max_age, {"years", 0, 120, "Oldest buyer", "", {}, true, no_limit, "no limit"});
  items.text("label", &Item::label, {"-", {}, {}, "Dutch name", ""});
  ResolvedParams p;
  group = p.add_group(std::move(specs));
  return p;
}

const char* base = R"(vat: 0.21
items:
  apple: {price: 1.5, label: appel}
  pear:
    price: {value: 2, source: "market 2024", plausible: [1, 3]}
    max_age: 17
    label: peer
)";

Diagnostics resolve(ResolvedParams& p, const std::string& user, const std::vector<std::string>& sets = {}) {
  return zorgsim::test::resolve_layers(p, {{"base.yaml", base}, {"user.yaml", user}}, sets);
}

}  // namespace

TEST_CASE("records: order of first appearance, later layers change fields or add records, fallbacks",
          "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p, "items:\n  kiwi: {price: 0.5, label: kiwi}\n  apple: {price: 1.25}\n",
                                {"items.pear.max_age=12"});
  REQUIRE(d.empty());
  const Shop s = p.build<Shop>(g);
  REQUIRE(s.items.size() == 3);
  CHECK(s.items[0].id == "apple");
  CHECK(s.items[0].price == 1.25);
  CHECK(s.items[0].label == "appel");
  CHECK(s.items[0].max_age == 120);  // the fallback
  CHECK(s.items[1].id == "pear");
  CHECK(s.items[1].max_age == 12);
  CHECK(s.items[2].id == "kiwi");
  CHECK(p.at("items.apple.max_age").source == "default: no limit");
  CHECK(p.at("items.pear.price").source == "market 2024");
  CHECK(p.at("items.apple.price").source == "set in user.yaml");
  CHECK(p.where("items.kiwi.price").str() == "user.yaml:2:17");
  REQUIRE(p.records().size() == 3);
  CHECK(p.records()[2].pos.str() == "user.yaml:2:3");
}

TEST_CASE("records: unknown fields, missing fields, bad ids, wrong shapes, all with positions",
          "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p,
                                "items:\n"
                                "  plum: {price: 1, lable: pruim}\n"
                                "  Bad-Id: {price: 1, label: x}\n"
                                "  fig: 3\n"
                                "  lime: {price: lots, label: limoen}\n");
  has(d, "user.yaml:2:20: items.plum.lable: unknown key (did you mean 'items.plum.label'?)");
  has(d, "user.yaml:2:3: items.plum.label: the record has no value for this required field");
  has(d, "user.yaml:3:3: items.Bad-Id: a record id is lower-case letters");
  has(d, "user.yaml:4:3: items.fig: expected a record (a map of fields), got '3'");
  has(d, "user.yaml:5:17: items.lime.price: expected number, got 'lots'");
  CHECK(d.items().size() == 5);

  int g2 = 0;
  ResolvedParams q = declare(g2);
  has(resolve(q, "items: [apple, pear]\n"), "user.yaml:1:8: items: expected a map of records");
}

TEST_CASE("records: a new record from the command line needs every required field", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  const Diagnostics d = resolve(p, "", {"items.cherry.price=4"});
  has(d, "items.cherry.label: the record has no value for this required field");
}

TEST_CASE("records: the resolved configuration reloads to the same records", "[unit][config]") {
  int g = 0;
  ResolvedParams p = declare(g);
  REQUIRE(resolve(p, "items:\n  kiwi: {price: 0.5, label: kiwi}\n").empty());
  const std::string text = emit_resolved_yaml(p);
  int g2 = 0;
  ResolvedParams q = declare(g2);
  zorgsim::test::reload(q, text);
  const Shop a = p.build<Shop>(g), b = q.build<Shop>(g2);
  REQUIRE(b.items.size() == 3);
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(a.items[k].id == b.items[k].id);
    CHECK(a.items[k].price == b.items[k].price);
    CHECK(a.items[k].max_age == b.items[k].max_age);
    CHECK(a.items[k].label == b.items[k].label);
  }
  CHECK(emit_resolved_yaml(q) == text);
}
