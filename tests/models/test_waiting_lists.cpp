// The waiting-list order: higher severity first, then longest waiting, ties by person id;
// never more than a provision's free places; provisions without places admit everyone.
#include <catch2/catch.hpp>

#include "models/provision_use.hpp"
#include "models/waiting_lists.hpp"
#include "test_support.hpp"

using namespace zorgsim::models;

TEST_CASE("admissions go to the longest waiting, ties by id", "[unit][waiting]") {
  const std::vector<std::pair<int, std::uint64_t>> requests = {{0, 50}, {3, 90}, {3, 10}, {1, 5}, {0, 7}};
  CHECK(choose_admissions(requests, 0) == std::vector<bool>{false, false, false, false, false});
  CHECK(choose_admissions(requests, -4) == std::vector<bool>{false, false, false, false, false});
  CHECK(choose_admissions(requests, 1) == std::vector<bool>{false, false, true, false, false});
  CHECK(choose_admissions(requests, 2) == std::vector<bool>{false, true, true, false, false});
  CHECK(choose_admissions(requests, 3) == std::vector<bool>{false, true, true, true, false});
  CHECK(choose_admissions(requests, 4) == std::vector<bool>{false, true, true, true, true});
  CHECK(choose_admissions(requests, 99) == std::vector<bool>{true, true, true, true, true});
}

TEST_CASE("the waiting byte packs target and months, capped", "[unit][waiting]") {
  using namespace youth_wait_bits;
  CHECK(target(make(2, 0)) == 2);
  CHECK(months(make(5, 7)) == 7);
  CHECK(target(make(6, 100)) == 6);
  CHECK(months(make(6, 100)) == max_months);
  CHECK(make(2, 0) != 0);  // a new request is "waiting" even before a month has passed
}

TEST_CASE("severity comes before waiting time", "[unit][waiting]") {
  const std::vector<std::pair<int, std::uint64_t>> requests = {
      {waiting_priority(0, 30), 1}, {waiting_priority(2, 0), 7}, {waiting_priority(2, 3), 8}, {waiting_priority(1, 31), 3}};
  CHECK(choose_admissions(requests, 1) == std::vector<bool>{false, false, true, false});
  CHECK(choose_admissions(requests, 2) == std::vector<bool>{false, true, true, false});
  CHECK(choose_admissions(requests, 3) == std::vector<bool>{false, true, true, true});
}

namespace {
PlaceRequest request(std::uint64_t id, int target, int months, int severity, std::uint8_t care) {
  PlaceRequest r{0, id, static_cast<std::uint8_t>(target), static_cast<std::uint8_t>(months),
                 static_cast<std::uint8_t>(severity), Eligibility{40, 0, 0}, care};
  return r;
}
int index_of(const ModelTables& t, const zorgsim::models::ModelParams& p, const std::string& id) {
  for (std::size_t k = 0; k < p.provisions.size(); ++k)
    if (p.provisions[k].id == id) return static_cast<int>(k);
  FAIL("no provision " << id);
  return static_cast<int>(t.provisions.provisions.size());
}
}  // namespace

TEST_CASE("places are allocated per provision over all blocks", "[unit][waiting]") {
  const auto c = zorgsim::test::config({"wmo.capacity_limited=true", "youth.capacity_limited=true",
                                        "provisions.begeleiding.places=5", "provisions.household_help.places=-1",
                                        "provisions.ambulant_specialist.places=0", "provisions.ambulant_light.places=-1",
                                        "provisions.dyslexia_care.places=-1", "provisions.youth_day_care.places=-1"});
  const ModelTables t = prepare_tables(c.model);
  const int begeleiding = index_of(t, c.model, "begeleiding");
  const std::uint8_t only = make_care(0, 0);  // the slot's single provision
  std::vector<Block> blocks(2);
  for (Block& b : blocks) b.occupancy.assign(t.provisions.provisions.size(), 0);
  blocks[0].occupancy[begeleiding] = 2;
  blocks[1].occupancy[begeleiding] = 1;  // 5 places, 3 taken: 2 free
  const int bg = static_cast<int>(WmoProvision::Begeleiding), help = static_cast<int>(WmoProvision::HouseholdHelp);
  blocks[0].wmo_requests = {request(1, bg, 30, 0, only), request(7, bg, 0, 2, only), request(20, help, 0, 0, only)};
  blocks[1].wmo_requests = {request(8, bg, 3, 2, only), request(3, bg, 31, 1, only)};
  // Youth: new requests (no provision yet) draw it as any entry would.
  for (std::uint64_t id = 11; id < 31; ++id) blocks[1].youth_requests.push_back(request(id, 2, 0, 2, no_care));
  zorgsim::sim::StepContext ctx;
  ctx.month_index = 2025 * 12;
  ctx.key = {99, 0};
  allocate_places(PolicyMonth::of(t), blocks, ctx);
  CHECK_FALSE(blocks[0].wmo_requests[0].admitted);  // severity 0, however long it waited
  CHECK(blocks[0].wmo_requests[1].admitted);        // severity 2
  CHECK(blocks[0].wmo_requests[2].admitted);        // household help: unlimited
  CHECK(blocks[1].wmo_requests[0].admitted);        // severity 2, waited longer
  CHECK_FALSE(blocks[1].wmo_requests[1].admitted);  // severity 1: no place left
  // Zero places for the specialist (nobody admitted); the other ambulant provisions are
  // unlimited in this configuration (everybody admitted). Both branches must occur.
  int specialists = 0, others = 0;
  for (const PlaceRequest& y : blocks[1].youth_requests) {
    INFO("request " << y.id);
    CHECK(y.care == draw_provision(t, static_cast<int>(Slot::YouthAmbulant), y.who, y.id, ctx));
    const bool specialist = t.provisions.index(static_cast<int>(Slot::YouthAmbulant), y.care) ==
                            index_of(t, c.model, "ambulant_specialist");
    CHECK(y.admitted == !specialist);
    (specialist ? specialists : others) += 1;
  }
  CHECK(specialists > 0);
  CHECK(others > 0);
}
