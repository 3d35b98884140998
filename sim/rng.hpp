#pragma once
// Counter-based random numbers keyed by what is drawn, never by who draws it.
//
// Every draw is a pure function of (seed, replicate, entity, month, stream, draw index):
// Philox4x32-10 (Random123) with key = seed and counter = {entity lo, entity hi,
// month << 16 | stream, replicate}, plus a draw index folded into the stream word for
// the rare processes that need several blocks. Distinct tuples give distinct counters,
// and Philox is a bijection of the counter for a fixed key, so distinct tuples give
// independent-looking outputs. No engine is shared between threads and no thread index
// enters a key, so results cannot depend on scheduling.
#include <Random123/philox.h>

#include <array>
#include <cstdint>
#include <limits>

namespace zorgsim::sim {

using Words4 = std::array<std::uint32_t, 4>;

/// Raw Philox4x32-10 block: exposed for the known-answer test.
Words4 philox4x32_10(const Words4& counter, std::uint32_t key0, std::uint32_t key1);

/// What identifies one simulated world: a seed and a replicate number.
struct RandomKey {
  std::uint64_t seed = 0;
  std::uint32_t replicate = 0;
};

/// Largest month index and stream id that fit the counter layout.
inline constexpr std::uint32_t max_month_index = 0xFFFF;
inline constexpr std::uint32_t max_stream_id = 0xFFFF;

/// Four independent 32-bit words for (key, entity, month, stream).
/// `stream` names the random process (the model defines its enum); month < 65536.
/// Inline: it is called once per person-month on the hot path.
inline Words4 draw_words(const RandomKey& key, std::uint64_t entity, std::uint32_t month,
                         std::uint32_t stream) {
  const r123::Philox4x32::ctr_type c = {{static_cast<std::uint32_t>(entity),
                                         static_cast<std::uint32_t>(entity >> 32),
                                         (month << 16) | (stream & 0xFFFFu), key.replicate}};
  const r123::Philox4x32::key_type k = {{static_cast<std::uint32_t>(key.seed),
                                         static_cast<std::uint32_t>(key.seed >> 32)}};
  const auto out = r123::Philox4x32()(c, k);
  return {out[0], out[1], out[2], out[3]};
}

/// Converts a probability in [0,1] to a 32-bit threshold t such that
/// P(word < t) = t / 2^32 ~= p for a uniform 32-bit word (exact to 2^-32).
/// p >= 1 gives the maximum threshold (2^32 - 1, an event with probability 1 - 2^-32).
std::uint32_t probability_threshold(double p);

/// A 32-bit word as a double uniform on [0, 1) with 2^-32 resolution.
inline double to_unit(std::uint32_t w) { return static_cast<double>(w) * 0x1.0p-32; }

/// A uniform random bit generator over one keyed stream: successive calls walk the
/// stream's draw index, so a rare process can draw up to `max_words` numbers while
/// staying keyed by (seed, replicate, entity, month, stream); one more throws
/// std::length_error rather than repeat the stream (the block index has 8 bits). Satisfies
/// std::uniform_random_bit_generator, so Boost.Random distributions accept it.
class KeyedStream {
 public:
  using result_type = std::uint32_t;
  KeyedStream(const RandomKey& key, std::uint64_t entity, std::uint32_t month,
              std::uint32_t stream)
      : m_key(key), m_entity(entity), m_month(month), m_stream(stream) {}

  /// Words one stream can give: 255 blocks of 4 (block 256 would wrap onto a direct draw).
  static constexpr int max_words = 255 * 4;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()();
  /// A double uniform on [0, 1) built from 53 random bits.
  double uniform01();

 private:
  RandomKey m_key;
  std::uint64_t m_entity;
  std::uint32_t m_month;
  std::uint32_t m_stream;
  std::uint32_t m_block = 0;  // how many 4-word blocks were consumed
  Words4 m_words{};
  int m_used = 4;
};

}  // namespace zorgsim::sim
