#pragma once
// Write-to-temporary-then-rename, so a result file is either complete or absent.
#include <string>

namespace zorgsim::sim {

/// Checks before any work that `path` can be written: its folder exists and is writable,
/// and the file does not exist unless `overwrite`. Throws InputError naming the problem.
void check_output_path(const std::string& path, bool overwrite);

/// A temporary name in the same folder as `path` (so rename is atomic).
std::string temporary_name_for(const std::string& path);

/// Makes `tmp` durable (fsync), renames it to `path` and syncs the folder, so that after a
/// crash the final name holds either the complete file or nothing. Throws
/// std::runtime_error on failure (and removes tmp).
void commit_file(const std::string& tmp, const std::string& path);

/// While alive, an interrupt (SIGINT, SIGTERM, SIGHUP) removes `tmp` before the process
/// ends, so an interrupted run leaves no temporary file behind. (SIGKILL cannot be caught:
/// a killed run can leave a hidden ".<name>.tmp-<pid>" file, never a partial result.)
class TemporaryFileGuard {
 public:
  explicit TemporaryFileGuard(const std::string& tmp);
  ~TemporaryFileGuard();
  TemporaryFileGuard(const TemporaryFileGuard&) = delete;
  TemporaryFileGuard& operator=(const TemporaryFileGuard&) = delete;
};

/// Removes `tmp` if it exists (on failure paths).
void discard_file(const std::string& tmp) noexcept;

}  // namespace zorgsim::sim
