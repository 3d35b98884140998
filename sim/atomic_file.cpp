#include "sim/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
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

namespace {
bool fsync_path(const std::string& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// The temporary file being written, for the signal handler (async-signal-safe access only).
char g_temporary[4096] = {0};
volatile std::sig_atomic_t g_guarding = 0;

extern "C" void remove_temporary_and_reraise(int sig) {
  if (g_guarding) ::unlink(g_temporary);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}
}  // namespace

void commit_file(const std::string& tmp, const std::string& path) {
  if (!fsync_path(tmp, O_RDONLY)) {
    discard_file(tmp);
    throw std::runtime_error(path + ": cannot sync the finished file to disk");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    discard_file(tmp);
    throw std::runtime_error(path + ": cannot rename the finished file into place: " + ec.message());
  }
  const fs::path p(path);
  fsync_path(p.has_parent_path() ? p.parent_path().string() : ".", O_RDONLY | O_DIRECTORY);
}

TemporaryFileGuard::TemporaryFileGuard(const std::string& tmp) {
  std::snprintf(g_temporary, sizeof g_temporary, "%s", tmp.c_str());
  g_guarding = 1;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, remove_temporary_and_reraise);
}

TemporaryFileGuard::~TemporaryFileGuard() {
  g_guarding = 0;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, SIG_DFL);
}

void discard_file(const std::string& tmp) noexcept {
  std::error_code ec;
  fs::remove(tmp, ec);
}

}  // namespace zorgsim::sim
