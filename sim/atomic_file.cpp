#include "sim/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "sim/diagnostics.hpp"

namespace zorgsim::sim {

namespace fs = std::filesystem;

void check_output_path(const std::string& path, bool overwrite) {
  const fs::path p(path);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(path + ": output folder '" + dir.string() + "' does not exist");
  // Probe by creating a file: access(W_OK) says yes to root even where nothing can be written.
  const std::string probe = temporary_name_for(path) + ".probe";
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) throw InputError(path + ": output folder '" + dir.string() + "' is not writable");
  ::close(fd);
  ::unlink(probe.c_str());
  if (fs::exists(p, ec) && !overwrite)
    throw InputError(path + ": file exists (use --overwrite to replace it)");
  if (fs::is_directory(p, ec)) throw InputError(path + ": is a folder, not a file");
}

std::string temporary_name_for(const std::string& path) {
  const fs::path p(path);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  return (dir / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

void commit_file(const std::string& tmp, const std::string& path) {
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    discard_file(tmp);
    throw std::runtime_error(path + ": cannot rename the finished file into place: " + ec.message());
  }
}

void discard_file(const std::string& tmp) noexcept {
  std::error_code ec;
  fs::remove(tmp, ec);
}

}  // namespace zorgsim::sim
