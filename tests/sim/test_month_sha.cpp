#include <catch2/catch.hpp>

#include "sim/month.hpp"
#include "sim/sha256.hpp"

using namespace zorgsim::sim;

TEST_CASE("months parse, print and index", "[unit][month]") {
  const auto m = parse_month("2025-01");
  REQUIRE(m);
  CHECK(m->index() == 2025 * 12);
  CHECK(Month::from_index(m->index() + 13).str() == "2026-02");
  CHECK_FALSE(parse_month("2025-13"));
  CHECK_FALSE(parse_month("2025-00"));
  CHECK_FALSE(parse_month("25-01"));
  CHECK_FALSE(parse_month("2025-1"));
  CHECK_FALSE(parse_month("1800-01"));
}

TEST_CASE("SHA-256 matches the FIPS 180-4 examples", "[unit][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
