#pragma once
// Internal to the HDF5 writers (hdf5_writer.cpp, sweep_file_io.cpp): error checks, handles,
// attributes, datasets without time stamps, and the write-to-temporary-then-rename of a file.
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/atomic_file.hpp"

namespace zorgsim::sim::h5 {

// Throws when an HDF5 call fails (HDF5 returns negative values on error).
template <class T>
inline T check(T id, const char* what) {
  if (id < 0) throw std::runtime_error(std::string("HDF5: ") + what + " failed");
  return id;
}

// Closes an HDF5 handle when it goes out of scope.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : m_id(id), m_close(close) {}
  ~Handle() {
    if (m_id >= 0) m_close(m_id);
  }
  /// Closes now and reports failure (a file's close flushes it: it can fail).
  herr_t close() {
    const herr_t r = m_id >= 0 ? m_close(m_id) : 0;
    m_id = -1;
    return r;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& o) noexcept : m_id(o.m_id), m_close(o.m_close) { o.m_id = -1; }
  Handle& operator=(Handle&&) = delete;
  operator hid_t() const { return m_id; }

 private:
  hid_t m_id;
  herr_t (*m_close)(hid_t);
};

inline Handle string_type() {
  Handle t(check(H5Tcopy(H5T_C_S1), "H5Tcopy"), H5Tclose);
  check(H5Tset_size(t, H5T_VARIABLE), "H5Tset_size");
  check(H5Tset_cset(t, H5T_CSET_UTF8), "H5Tset_cset");
  return t;
}

inline void attr_string(hid_t obj, const char* name, const std::string& value) {
  Handle type = string_type();
  Handle space(check(H5Screate(H5S_SCALAR), "H5Screate"), H5Sclose);
  Handle a(check(H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2"), H5Aclose);
  const char* p = value.c_str();
  check(H5Awrite(a, type, &p), "H5Awrite");
}

inline void attr_strings(hid_t obj, const char* name, const std::vector<std::string>& values) {
  Handle type = string_type();
  const hsize_t n = values.size();
  if (n == 0) {  // an empty list: an attribute with a null dataspace
    Handle space(check(H5Screate(H5S_NULL), "H5Screate"), H5Sclose);
    Handle a(check(H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2"), H5Aclose);
    return;
  }
  Handle space(check(H5Screate_simple(1, &n, nullptr), "H5Screate_simple"), H5Sclose);
  Handle a(check(H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2"), H5Aclose);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  check(H5Awrite(a, type, ptrs.data()), "H5Awrite");
}

template <class T>
inline void attr_scalar(hid_t obj, const char* name, hid_t type, T value) {
  Handle space(check(H5Screate(H5S_SCALAR), "H5Screate"), H5Sclose);
  Handle a(check(H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2"), H5Aclose);
  check(H5Awrite(a, type, &value), "H5Awrite");
}

// Group creation without time stamps, so equal results give equal bytes.
inline Handle group_props() {
  Handle g(check(H5Pcreate(H5P_GROUP_CREATE), "H5Pcreate"), H5Pclose);
  check(H5Pset_obj_track_times(g, 0), "H5Pset_obj_track_times");
  return g;
}

inline hid_t open_or_create_group(hid_t parent, const std::string& name) {
  if (H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0) return check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "H5Gopen2");
  Handle gcpl = group_props();
  return check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT), "H5Gcreate2");
}

// Creates /root/a/b for "a.b" and returns the group that holds the last part.
inline hid_t group_for(hid_t root, const std::string& dotted, std::string& leaf) {
  hid_t cur = check(H5Gopen2(root, ".", H5P_DEFAULT), "H5Gopen2");
  std::size_t start = 0;
  for (std::size_t dot = dotted.find('.'); dot != std::string::npos; dot = dotted.find('.', start)) {
    hid_t next = -1;
    try {
      next = open_or_create_group(cur, dotted.substr(start, dot - start));
    } catch (...) {
      H5Gclose(cur);
      throw;
    }
    H5Gclose(cur);
    cur = next;
    start = dot + 1;
  }
  leaf = dotted.substr(start);
  return cur;
}

template <class T>
inline void write_dataset(hid_t parent, const std::string& name, hid_t mem_type, hid_t file_type,
                   const std::vector<hsize_t>& dims, const std::vector<T>& data) {
  Handle space(check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "H5Screate_simple"), H5Sclose);
  Handle dcpl(check(H5Pcreate(H5P_DATASET_CREATE), "H5Pcreate"), H5Pclose);
  check(H5Pset_obj_track_times(dcpl, 0), "H5Pset_obj_track_times");
  bool empty = false;
  for (hsize_t d : dims) empty |= d == 0;
  if (!empty) {
    // One chunk per replicate: a reader of one replicate touches one chunk.
    std::vector<hsize_t> chunk = dims;
    if (dims.size() > 1) chunk[0] = 1;
    check(H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data()), "H5Pset_chunk");
    check(H5Pset_shuffle(dcpl), "H5Pset_shuffle");
    check(H5Pset_deflate(dcpl, 4), "H5Pset_deflate");
  }
  Handle ds(check(H5Dcreate2(parent, name.c_str(), file_type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), "H5Dcreate2"),
            H5Dclose);
  if (!data.empty()) check(H5Dwrite(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "H5Dwrite");
}

// Creates `path` through a temporary file renamed when complete.
template <class Write>
inline void write_file(const std::string& path, Write write) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become exceptions, not stderr noise
  const std::string tmp = temporary_name_for(path);
  const TemporaryFileGuard guard(tmp);  // removed on SIGINT/SIGTERM while being written
  try {
    {
      Handle fcpl(check(H5Pcreate(H5P_FILE_CREATE), "H5Pcreate"), H5Pclose);
      check(H5Pset_obj_track_times(fcpl, 0), "H5Pset_obj_track_times");
      Handle file(check(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, fcpl, H5P_DEFAULT), "H5Fcreate (cannot create the output file)"),
                  H5Fclose);
      write(file);
      check(H5Fflush(file, H5F_SCOPE_GLOBAL), "H5Fflush");
      check(file.close(), "H5Fclose");
    }
    commit_file(tmp, path);
  } catch (...) {
    discard_file(tmp);
    throw;
  }
}

}  // namespace zorgsim::sim::h5
