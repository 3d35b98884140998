#pragma once
// Reading zorgsim HDF5 files back: `zorgsim info`, tests, and later tools.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace zorgsim::sim {

struct DatasetValues {
  std::vector<std::uint64_t> dims;
  std::vector<double> values;  // row-major, converted to double
};

/// Reads a numeric dataset ("/monthly/youth/stock_by_state"); throws if absent.
DatasetValues read_dataset(const std::string& file, const std::string& dataset);
/// Reads a string attribute of an object ("/" for the root); throws if absent.
std::string read_string_attribute(const std::string& file, const std::string& object, const std::string& name);
/// Names of all datasets in the file, sorted.
std::vector<std::string> list_datasets(const std::string& file);

/// Prints what is in a result file: provenance and every dataset with shape and unit.
void print_info(std::ostream& out, const std::string& file);

}  // namespace zorgsim::sim
