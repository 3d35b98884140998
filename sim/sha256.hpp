#pragma once
// SHA-256 (FIPS 180-4) for configuration hashes and record checksums.
#include <string>
#include <string_view>

namespace zorgsim::sim {
/// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);
}  // namespace zorgsim::sim
