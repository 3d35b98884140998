#pragma once
// Build provenance, filled in by CMake (cmake/build_info.cpp.in).
namespace zorgsim::sim {
const char* version();
const char* git_commit();
const char* build_type();
const char* compiler();
/// Versions of the libraries found at configure time ("tbb 2021.8.0; boost 1.74.0; ...").
const char* build_libraries();
}  // namespace zorgsim::sim
