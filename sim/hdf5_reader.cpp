#include "sim/hdf5_reader.hpp"

#include <hdf5.h>

#include <algorithm>
#include <stdexcept>

#include "sim/diagnostics.hpp"

namespace zorgsim::sim {

namespace {

struct FileHandle {
  hid_t id;
  explicit FileHandle(const std::string& path) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    if (H5Fis_hdf5(path.c_str()) <= 0) throw InputError(path + ": not an HDF5 file (or missing)");
    id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id < 0) throw InputError(path + ": cannot open");
  }
  ~FileHandle() { H5Fclose(id); }
};

std::string read_attr(hid_t obj, const char* name) {
  const hid_t a = H5Aopen(obj, name, H5P_DEFAULT);
  if (a < 0) throw std::runtime_error(std::string("no attribute ") + name);
  const hid_t ftype = H5Aget_type(a);
  std::string out;
  if (H5Tget_class(ftype) == H5T_STRING) {
    const hid_t mtype = H5Tcopy(H5T_C_S1);
    H5Tset_size(mtype, H5T_VARIABLE);
    H5Tset_cset(mtype, H5T_CSET_UTF8);
    const hid_t space = H5Aget_space(a);
    const hssize_t n = H5Sget_simple_extent_npoints(space);
    std::vector<char*> ptrs(static_cast<std::size_t>(std::max<hssize_t>(n, 1)));
    if (H5Aread(a, mtype, ptrs.data()) >= 0) {
      for (std::size_t i = 0; i < ptrs.size(); ++i) {
        if (i) out += ", ";
        out += ptrs[i] ? ptrs[i] : "";
      }
      H5Dvlen_reclaim(mtype, space, H5P_DEFAULT, ptrs.data());
    }
    H5Sclose(space);
    H5Tclose(mtype);
  } else {
    double v = 0;
    H5Aread(a, H5T_NATIVE_DOUBLE, &v);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    out = buf;
  }
  H5Tclose(ftype);
  H5Aclose(a);
  return out;
}

herr_t collect(hid_t, const char* name, const H5O_info_t* info, void* data) {
  if (info->type == H5O_TYPE_DATASET) static_cast<std::vector<std::string>*>(data)->push_back(std::string("/") + name);
  return 0;
}

}  // namespace

DatasetValues read_dataset(const std::string& file, const std::string& dataset) {
  FileHandle f(file);
  const hid_t ds = H5Dopen2(f.id, dataset.c_str(), H5P_DEFAULT);
  if (ds < 0) throw std::runtime_error(file + ": no dataset " + dataset);
  const hid_t space = H5Dget_space(ds);
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  DatasetValues out;
  std::size_t n = 1;
  for (hsize_t d : dims) out.dims.push_back(d), n *= d;
  out.values.resize(n);
  if (n > 0) H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.values.data());
  H5Sclose(space);
  H5Dclose(ds);
  return out;
}

std::string read_string_attribute(const std::string& file, const std::string& object, const std::string& name) {
  FileHandle f(file);
  const hid_t obj = H5Oopen(f.id, object.c_str(), H5P_DEFAULT);
  if (obj < 0) throw std::runtime_error(file + ": no object " + object);
  try {
    std::string v = read_attr(obj, name.c_str());
    H5Oclose(obj);
    return v;
  } catch (...) {
    H5Oclose(obj);
    throw std::runtime_error(file + ": " + object + " has no attribute " + name);
  }
}

std::vector<std::string> list_datasets(const std::string& file) {
  FileHandle f(file);
  std::vector<std::string> names;
  H5Ovisit(f.id, H5_INDEX_NAME, H5_ITER_INC, collect, &names);
  std::sort(names.begin(), names.end());
  return names;
}

void print_info(std::ostream& out, const std::string& file) {
  FileHandle f(file);
  std::string yaml_size;
  try {
    yaml_size = std::to_string(read_attr(f.id, "config_yaml").size());
  } catch (...) {
    throw InputError(file + ": not a zorgsim result file (no config_yaml attribute)");
  }
  out << "file: " << file << "\n";
  const auto show = [&](hid_t obj, const char* a) {
    std::string value;
    try {
      value = read_attr(obj, a);
    } catch (...) {
      value = "(missing)";
    }
    out << "  " << a << ": " << value << "\n";
  };
  if (H5Aexists(f.id, "kind") > 0) {  // a sweep or shard file: its identity, then how it ran
    for (const char* a : {"kind", "sweep_name", "zorgsim_version", "git_commit", "schema_version", "sweep_sha256",
                          "config_sha256", "replicates"})
      show(f.id, a);
    if (H5Aexists(f.id, "shard") > 0) show(f.id, "shard");
    const hid_t prov = H5Gopen2(f.id, "provenance", H5P_DEFAULT);
    if (prov >= 0) {
      for (const char* a : {"command_line", "how", "ranks", "threads", "library_versions"}) show(prov, a);
      H5Gclose(prov);
    }
  } else {
    for (const char* a : {"zorgsim_version", "git_commit", "schema_version", "config_name", "config_sha256", "seed",
                          "replicates", "threads", "first_month", "last_month", "command_line", "library_versions"})
      show(f.id, a);
  }
  out << "  config_yaml: (" << yaml_size << " bytes; the full resolved configuration)\n";
  out << "datasets:\n";
  std::vector<std::string> names;
  H5Ovisit(f.id, H5_INDEX_NAME, H5_ITER_INC, collect, &names);
  std::sort(names.begin(), names.end());
  for (const auto& n : names) {
    const hid_t ds = H5Dopen2(f.id, n.c_str(), H5P_DEFAULT);
    const hid_t space = H5Dget_space(ds);
    const int rank = H5Sget_simple_extent_ndims(space);
    std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
    H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    std::string shape = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) shape += (i ? "x" : "") + std::to_string(dims[i]);
    shape += "]";
    std::string units, dimnames;
    try { units = read_attr(ds, "units"); } catch (...) {}
    try { dimnames = read_attr(ds, "dimensions"); } catch (...) {}
    out << "  " << n << " " << shape;
    if (!dimnames.empty()) out << " (" << dimnames << ")";
    if (!units.empty()) out << " " << units;
    out << "\n";
    H5Sclose(space);
    H5Dclose(ds);
  }
}

}  // namespace zorgsim::sim
