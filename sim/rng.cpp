#include "sim/rng.hpp"

#include <stdexcept>

#include <cmath>

namespace zorgsim::sim {

Words4 philox4x32_10(const Words4& counter, std::uint32_t key0, std::uint32_t key1) {
  r123::Philox4x32 gen;
  r123::Philox4x32::ctr_type c = {{counter[0], counter[1], counter[2], counter[3]}};
  r123::Philox4x32::key_type k = {{key0, key1}};
  const auto out = gen(c, k);
  return {out[0], out[1], out[2], out[3]};
}

namespace {
// KeyedStream's block index (plus one, so that block 0 differs from a direct
// draw_words call on the same stream) lives in the top byte of the entity word:
// entity ids must stay below 2^56 (checked by the models that make ids).
constexpr int block_shift = 56;
}  // namespace

std::uint32_t probability_threshold(double p) {
  if (!(p > 0.0)) return 0;  // also maps NaN to "never"
  if (p >= 1.0) return std::numeric_limits<std::uint32_t>::max();
  const double t = std::floor(p * 0x1.0p32 + 0.5);
  return t >= 0x1.0p32 ? std::numeric_limits<std::uint32_t>::max()
                       : static_cast<std::uint32_t>(t);
}

KeyedStream::result_type KeyedStream::operator()() {
  if (m_used == 4) {
    if (m_block >= max_words / 4) throw std::length_error("KeyedStream: more than 1020 words drawn from one stream");
    const std::uint64_t entity =
        m_entity | (static_cast<std::uint64_t>(m_block + 1) << block_shift);
    m_words = draw_words(m_key, entity, m_month, m_stream);
    ++m_block;
    m_used = 0;
  }
  return m_words[m_used++];
}

double KeyedStream::uniform01() {
  const std::uint64_t hi = (*this)() >> 5;  // 27 bits
  const std::uint64_t lo = (*this)() >> 6;  // 26 bits
  return static_cast<double>((hi << 26) | lo) * 0x1.0p-53;
}

}  // namespace zorgsim::sim
