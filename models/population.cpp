#include "models/population.hpp"

#include "sim/rng.hpp"

namespace zorgsim::models {

void Persons::resize(std::size_t n) {
  id.resize(n);
  age_months.resize(n);
  traits.resize(n);
  youth.resize(n);
  wmo.resize(n);
}

template <class V>
static std::size_t cap_bytes(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

std::size_t Persons::bytes() const {
  return cap_bytes(id) + cap_bytes(age_months) + cap_bytes(traits) + cap_bytes(youth) + cap_bytes(wmo);
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
}

std::size_t Households::bytes() const {
  return cap_bytes(id) + cap_bytes(first) + cap_bytes(size) + cap_bytes(type) + cap_bytes(district) +
         cap_bytes(income) + cap_bytes(network) + cap_bytes(debt) + cap_bytes(welfare);
}

std::size_t Block::bytes() const {
  return sizeof(Block) + households.bytes() + persons.bytes() + cap_bytes(births) + cap_bytes(deaths);
}

std::uint64_t newborn_id(std::uint64_t mother, int month_index) {
  // Philox with a fixed key is a bijection on the counter: a good 64-bit mixer.
  const sim::Words4 w = sim::philox4x32_10(
      {static_cast<std::uint32_t>(mother), static_cast<std::uint32_t>(mother >> 32),
       static_cast<std::uint32_t>(month_index), 0x6e657762u /* "newb" */},
      0x7a6f7267u, 0x73696d00u);
  const std::uint64_t mixed = (static_cast<std::uint64_t>(w[1]) << 32) | w[0];
  return (mixed & ((std::uint64_t{1} << 55) - 1)) | (std::uint64_t{1} << 55);
}

}  // namespace zorgsim::models
