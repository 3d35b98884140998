#include "models/population.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "sim/rng.hpp"

namespace zorgsim::models {

void Persons::resize(std::size_t n) {
  id.resize(n);
  age_months.resize(n);
  traits.resize(n);
  youth.resize(n);
  wmo.resize(n);
  youth_wait.resize(n);
  protection.resize(n);
  youth_need.resize(n);
  adult_need.resize(n);
  wlz.resize(n);
  wmo_wait.resize(n);
  care.resize(n);
}

template <class V>
static std::size_t cap_bytes(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

std::size_t Persons::bytes() const {
  return cap_bytes(id) + cap_bytes(age_months) + cap_bytes(traits) + cap_bytes(youth) + cap_bytes(wmo) +
         cap_bytes(youth_wait) + cap_bytes(protection) + cap_bytes(wmo_wait) +
         cap_bytes(youth_need) + cap_bytes(adult_need) + cap_bytes(wlz) + cap_bytes(care);
}

void Households::resize(std::size_t n) {
  id.resize(n);
  first.resize(n);
  size.resize(n);
  type.resize(n);
  district.resize(n);
  income.resize(n);
  network.resize(n);
  debt.resize(n);
  welfare.resize(n);
  flags.resize(n);
  welfare_care.resize(n, no_care);
  debt_care.resize(n, no_care);
}

std::size_t Households::bytes() const {
  return cap_bytes(id) + cap_bytes(first) + cap_bytes(size) + cap_bytes(type) + cap_bytes(district) +
         cap_bytes(income) + cap_bytes(network) + cap_bytes(debt) + cap_bytes(welfare) + cap_bytes(flags) +
         cap_bytes(welfare_care) + cap_bytes(debt_care);
}

std::size_t Block::bytes() const {
  return sizeof(Block) + households.bytes() + persons.bytes() + cap_bytes(births) + cap_bytes(deaths) +
         cap_bytes(departed) + cap_bytes(moves) + cap_bytes(partners) + cap_bytes(arrivals) +
         cap_bytes(triage_requests) + cap_bytes(wmo_triage_requests) + cap_bytes(youth_requests) + cap_bytes(wmo_requests) + cap_bytes(occupancy) +
         cap_bytes(cells);
}

namespace {
// Philox with a fixed key is a bijection on the counter: a good 64-bit mixer.
std::uint64_t mix(std::uint64_t x, int month_index, std::uint32_t salt) {
  const sim::Words4 w = sim::philox4x32_10(
      {static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(x >> 32), static_cast<std::uint32_t>(month_index), salt},
      0x7a6f7267u, 0x73696d00u);
  return (static_cast<std::uint64_t>(w[1]) << 32) | w[0];
}
constexpr std::uint64_t bit(int b) { return std::uint64_t{1} << b; }
}  // namespace

std::uint64_t newborn_id(std::uint64_t mother, int month_index) {
  return (mix(mother, month_index, 0x6e657762u /* "newb" */) & (bit(55) - 1)) | bit(55);
}

std::uint64_t partner_id(std::uint64_t head, int month_index) {
  return (mix(head, month_index, 0x70617274u /* "part" */) & (bit(54) - 1)) | bit(54);
}

std::uint64_t formed_household_id(std::uint64_t person, int month_index) {
  return (mix(person, month_index, 0x686f6d65u /* "home" */) & (bit(49) - 1)) | bit(50);
}

std::size_t household_of(const Households& hh, std::size_t i) {
  // The last household starting at or before i; dissolved households (size 0) share their
  // start with a neighbour, so step back to the one that holds i.
  auto it = std::upper_bound(hh.first.begin(), hh.first.end(), static_cast<std::uint32_t>(i));
  std::size_t h = static_cast<std::size_t>(it - hh.first.begin());
  while (h > 0) {
    --h;
    if (i < static_cast<std::size_t>(hh.first[h]) + hh.size[h]) return h;
  }
  throw std::logic_error("household_of: person " + std::to_string(i) + " is in no household");
}

}  // namespace zorgsim::models
