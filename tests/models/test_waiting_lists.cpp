// The waiting-list order: longest waiting first, ties by person id; never more than the
// free places.
#include <catch2/catch.hpp>

#include "models/waiting_lists.hpp"

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
