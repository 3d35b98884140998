#include "sim/run_records.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "sim/atomic_file.hpp"
#include "sim/diagnostics.hpp"
#include "sim/sha256.hpp"

namespace zorgsim::sim {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view manifest_name = "MANIFEST";
constexpr std::string_view manifest_magic = "zorgsim-manifest";
constexpr std::string_view record_magic = "zorgsim-record";
constexpr std::string_view format_version = "1";
constexpr std::size_t checksum_length = 64;  // hex digits of a SHA-256

std::string errno_text() { return std::strerror(errno); }

bool is_hex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

/// A decimal number written the way std::to_string writes it: digits only, no leading zero,
/// so that one task has exactly one file name and one manifest spelling.
std::optional<std::uint64_t> parse_count(std::string_view s) {
  if (s.empty() || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return parts;
}

/// The task of a record file name "<task>.rec".
std::optional<std::uint64_t> record_task_of(std::string_view name) {
  constexpr std::string_view suffix = ".rec";
  if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) return std::nullopt;
  return parse_count(name.substr(0, name.size() - suffix.size()));
}

/// A temporary name made by put() or by the manifest's creation: ".<record or MANIFEST>.tmp-<pid>[-<n>]".
bool is_store_temporary(std::string_view name) {
  const std::size_t mark = name.find(".tmp-");
  if (name.size() < 2 || name[0] != '.' || mark == std::string_view::npos) return false;
  const std::string_view target = name.substr(1, mark - 1);
  if (target != manifest_name && !record_task_of(target)) return false;
  for (std::string_view number : split(name.substr(mark + 5), '-'))
    if (!parse_count(number)) return false;
  return true;
}

bool is_store_file(std::string_view name) {
  return name == manifest_name || record_task_of(name) || is_store_temporary(name);
}

std::vector<std::string> folder_entries(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) throw std::runtime_error(dir + ": cannot list the records folder: " + ec.message());
  return names;
}

/// Removes the entries of `dir` that `selected` picks.
template <class Pick>
void remove_entries(const std::string& dir, Pick selected) {
  for (const std::string& name : folder_entries(dir)) {
    if (!selected(name)) continue;
    std::error_code ec;
    fs::remove(fs::path(dir) / name, ec);
    if (ec) throw std::runtime_error(dir + "/" + name + ": cannot remove: " + ec.message());
  }
}

void sync_folder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// Writes `content` to `path` so that after a crash `path` holds either all of it or its
/// earlier state: a temporary name `tmp`, then commit_file (fsync, rename, folder sync).
void write_durably(const std::string& tmp, const std::string& path, std::string_view content) {
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(path + ": cannot create a temporary file: " + errno_text());
  const bool written = write_all(fd, content);
  std::string error = written ? "" : errno_text();
  if (::close(fd) != 0 && written) error = errno_text();
  if (!error.empty()) {
    discard_file(tmp);
    throw std::runtime_error(path + ": cannot write: " + error);
  }
  commit_file(tmp, path);
}

enum class ReadStatus { Ok, Missing, Failed };

ReadStatus read_whole_file(const std::string& path, std::string& out, std::string& error) {
  out.clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = errno_text();
    return errno == ENOENT ? ReadStatus::Missing : ReadStatus::Failed;
  }
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = errno_text();
      ::close(fd);
      return ReadStatus::Failed;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return ReadStatus::Ok;
}

/// A manifest or header line quoted for a message: control bytes shown as '?', long lines cut.
std::string excerpt(std::string_view line) {
  constexpr std::size_t shown = 60;
  std::string out = "'";
  for (char c : line.substr(0, shown)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return out + (line.size() > shown ? "...'" : "'");
}

std::string manifest_header(const std::string& sweep_hash) {
  return std::string(manifest_magic) + " " + std::string(format_version) + " " + sweep_hash + "\n";
}

std::string record_header(const std::string& sweep_hash, std::uint64_t task, std::size_t payload_bytes) {
  return std::string(record_magic) + " " + std::string(format_version) + " " + sweep_hash + " " + std::to_string(task) +
         " " + std::to_string(payload_bytes) + "\n";
}

/// One line of the manifest after its header.
struct ManifestEntry {
  std::uint64_t task = 0;
  std::uint64_t file_bytes = 0;
  std::string_view checksum;
};

std::optional<ManifestEntry> parse_entry(std::string_view line) {
  const std::vector<std::string_view> fields = split(line, ' ');
  if (fields.size() != 3) return std::nullopt;
  const auto task = parse_count(fields[0]);
  const auto bytes = parse_count(fields[1]);
  if (!task || !bytes || fields[2].size() != checksum_length || !is_hex(fields[2])) return std::nullopt;
  return ManifestEntry{*task, *bytes, fields[2]};
}

/// The entries of the manifest text after its first line; a line cut short or not an entry
/// adds a message and is skipped.
std::vector<ManifestEntry> parse_entries(std::string_view body, std::vector<std::string>& messages) {
  std::vector<ManifestEntry> entries;
  std::size_t line_number = 1;
  while (!body.empty()) {
    ++line_number;
    const std::size_t end = body.find('\n');
    const std::string_view line = body.substr(0, end);
    body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
    if (end == std::string_view::npos) {
      // One write() per line: a line without its newline is the last one, cut by a kill or a crash.
      messages.push_back("MANIFEST line " + std::to_string(line_number) +
                         " is incomplete (the sweep was killed while writing it); ignored");
    } else if (auto entry = parse_entry(line)) {
      entries.push_back(*entry);
    } else {
      messages.push_back("MANIFEST line " + std::to_string(line_number) + " is not a record entry (" + excerpt(line) +
                         "); ignored");
    }
  }
  return entries;
}

/// What is wrong with the header of a record file whose bytes match the manifest, or "" if
/// it names this sweep and task and the payload's length; `payload` is set when it is right.
std::string header_problem(std::string_view content, const std::string& sweep_hash, std::uint64_t task,
                           std::string_view& payload) {
  const std::size_t end = content.find('\n');
  if (end == std::string_view::npos) return "its header line is incomplete";
  const std::string_view header = content.substr(0, end);
  const std::vector<std::string_view> fields = split(header, ' ');
  if (fields.size() != 5 || fields[0] != record_magic || fields[1] != format_version)
    return "its header " + excerpt(header) + " is not a zorgsim record header";
  if (fields[2] != sweep_hash)
    return "its header names another sweep (" + std::string(fields[2]) + "; this sweep is " + sweep_hash + ")";
  if (fields[3] != std::to_string(task)) return "its header names task " + excerpt(fields[3]);
  const std::string_view body = content.substr(end + 1);
  if (fields[4] != std::to_string(body.size()))
    return "its header says " + excerpt(fields[4]) + " payload bytes but the file holds " + std::to_string(body.size());
  payload = body;
  return "";
}

/// What is wrong with a record file's `content` against its manifest entry, or "" if nothing.
std::string record_problem(std::string_view content, const ManifestEntry& entry, const std::string& sweep_hash,
                           std::string_view& payload) {
  if (content.size() != entry.file_bytes)
    return "the file has " + std::to_string(content.size()) + " bytes, the manifest says " +
           std::to_string(entry.file_bytes) + (content.size() < entry.file_bytes ? " (it was cut short)" : "");
  if (sha256_hex(content) != entry.checksum) return "checksum differs from the manifest";
  return header_problem(content, sweep_hash, entry.task, payload);
}

std::string recompute_message(std::uint64_t task, const std::string& path, const std::string& problem) {
  return "record " + std::to_string(task) + " (" + path + "): " + problem + "; it will be recomputed";
}

}  // namespace

RecordStore::RecordStore(std::string dir, std::string sweep_hash, RecordMode mode)
    : m_dir(std::move(dir)), m_sweep_hash(std::move(sweep_hash)) {
  // The hash is written into space-separated lines, so it must be one plain word.
  if (!is_hex(m_sweep_hash))
    throw std::invalid_argument("RecordStore: the sweep hash must be hex digits (got " + excerpt(m_sweep_hash) + ")");
  try {
    open_folder();
    std::error_code ec;
    const bool has_manifest = fs::exists(manifest_path(), ec);
    if (mode == RecordMode::Fresh) {
      bool has_records = false;
      for (const std::string& name : folder_entries(m_dir)) has_records = has_records || record_task_of(name);
      if (has_manifest || has_records)
        throw InputError(
            m_dir + " holds records of an earlier sweep: pass --resume to continue it or --overwrite to start again");
    }
    // Safe to remove every temporary: the folder's lock says no other store is writing here.
    remove_entries(m_dir, mode == RecordMode::Overwrite ? is_store_file : is_store_temporary);
    if (mode == RecordMode::Resume && has_manifest) {
      check_manifest_header();
      open_manifest_for_append();
    } else {
      start_fresh_manifest();
    }
  } catch (...) {
    close_files();
    throw;
  }
}

RecordStore::~RecordStore() { close_files(); }

void RecordStore::close_files() noexcept {
  if (m_manifest_fd >= 0) ::close(m_manifest_fd);
  if (m_dir_fd >= 0) ::close(m_dir_fd);  // releases the lock
  m_manifest_fd = m_dir_fd = -1;
}

std::string RecordStore::manifest_path() const { return (fs::path(m_dir) / manifest_name).string(); }

std::string RecordStore::record_path(std::uint64_t task) const {
  return (fs::path(m_dir) / (std::to_string(task) + ".rec")).string();
}

void RecordStore::open_folder() {
  std::error_code ec;
  if (fs::exists(m_dir, ec) && !fs::is_directory(m_dir, ec))
    throw InputError(m_dir + ": exists and is not a folder, so it cannot hold the sweep's records");
  const bool created = fs::create_directories(m_dir, ec);
  if (ec) throw InputError(m_dir + ": cannot create the records folder: " + ec.message());
  if (created) {
    // So that the new folder itself survives a crash (its parent's entry is synced too).
    fs::path folder = fs::absolute(fs::path(m_dir), ec).lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();  // "dir/" names "dir"
    if (!ec) sync_folder(folder.parent_path().string());
  }
  m_dir_fd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (m_dir_fd < 0) throw InputError(m_dir + ": cannot open the records folder: " + errno_text());
  // Two stores writing one folder would remove each other's temporaries and mix their records.
  // Only a lock held elsewhere stops us: some cluster file systems (Lustre, NFS without a lock
  // daemon) cannot lock at all, and refusing to run there would be worse than going unguarded.
  if (::flock(m_dir_fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
    throw InputError(m_dir +
                     " is in use by another running sweep: wait for it to end or choose another records folder");
}

void RecordStore::start_fresh_manifest() {
  try {
    write_durably(temporary_name_for(manifest_path()), manifest_path(), manifest_header(m_sweep_hash));
  } catch (const std::runtime_error& e) {
    throw InputError(m_dir + ": cannot write the records manifest (" + e.what() + ")");
  }
  open_manifest_for_append();
}

void RecordStore::open_manifest_for_append() {
  m_manifest_fd = ::open(manifest_path().c_str(), O_RDWR | O_APPEND | O_CLOEXEC);
  if (m_manifest_fd < 0) throw InputError(manifest_path() + ": cannot open for writing: " + errno_text());
  // A line cut short by a kill stays as it is, so that load() can report it; the next line
  // must not be glued onto it.
  struct stat st {};
  char last = '\n';
  if (::fstat(m_manifest_fd, &st) == 0 && st.st_size > 0 && ::pread(m_manifest_fd, &last, 1, st.st_size - 1) != 1)
    last = '\n';
  m_manifest_needs_newline = last != '\n';
}

void RecordStore::check_manifest_header() const {
  std::string text, error;
  if (read_whole_file(manifest_path(), text, error) != ReadStatus::Ok)
    throw InputError(manifest_path() + ": cannot read: " + error);
  const std::string_view first_line = std::string_view(text).substr(0, text.find('\n'));
  const std::vector<std::string_view> fields = split(first_line, ' ');
  if (text.find('\n') == std::string::npos || fields.size() != 3 || fields[0] != manifest_magic ||
      fields[1] != format_version)
    throw InputError(manifest_path() + ": not a zorgsim records manifest (its first line is " + excerpt(first_line) +
                     "): pass --overwrite to start again, or choose another records folder");
  if (fields[2] != m_sweep_hash)
    throw InputError(m_dir + " holds records made by a different sweep definition (its MANIFEST names sweep " +
                     std::string(fields[2]) + ", this sweep is " + m_sweep_hash +
                     "): resume with the original sweep definition, pass --overwrite to discard the records and "
                     "start again, or choose another records folder");
}

void RecordStore::put(std::uint64_t task, std::string_view payload) {
  if (m_manifest_fd < 0) throw std::runtime_error(m_dir + ": the record store has been removed");
  std::string content = record_header(m_sweep_hash, task, payload.size());
  content.append(payload);
  const std::string path = record_path(task);
  write_durably(temporary_name_for(path) + "-" + std::to_string(m_next_temporary++), path, content);
  // Listed only once the file is durable: a listed record is complete unless damaged later.
  append_to_manifest(std::to_string(task) + " " + std::to_string(content.size()) + " " + sha256_hex(content) + "\n");
}

void RecordStore::append_to_manifest(const std::string& line) {
  {
    const std::lock_guard<std::mutex> lock(m_append_mutex);
    const std::string text = (m_manifest_needs_newline ? "\n" : "") + line;
    struct stat st {};
    if (::fstat(m_manifest_fd, &st) != 0)
      throw std::runtime_error(manifest_path() + ": cannot append: " + errno_text());
    // One write() per line, so a kill leaves at most the last line cut short.
    ssize_t n = 0;
    do n = ::write(m_manifest_fd, text.data(), text.size());
    while (n < 0 && errno == EINTR);
    if (n != static_cast<ssize_t>(text.size())) {
      const std::string error = n < 0 ? errno_text() : "disk full?";
      if (n > 0 && ::ftruncate(m_manifest_fd, st.st_size) != 0) m_manifest_needs_newline = true;
      throw std::runtime_error(manifest_path() + ": cannot append a line (" + error + ")");
    }
    m_manifest_needs_newline = false;
  }
  // Outside the lock, so that threads' syncs overlap; each returns once its own line is on disk.
  if (::fsync(m_manifest_fd) != 0) throw std::runtime_error(manifest_path() + ": cannot sync: " + errno_text());
}

std::map<std::uint64_t, std::string> RecordStore::load(std::vector<std::string>& messages) const {
  std::string text, error;
  const ReadStatus status = read_whole_file(manifest_path(), text, error);
  if (status == ReadStatus::Failed) throw std::runtime_error(manifest_path() + ": cannot read: " + error);
  const std::string header = manifest_header(m_sweep_hash);
  if (status == ReadStatus::Missing || text.compare(0, header.size(), header) != 0) {
    messages.push_back(manifest_path() + (status == ReadStatus::Missing ? " is missing" : " names another sweep") +
                       "; no record can be trusted, every run will be computed");
    return {};
  }
  std::map<std::uint64_t, std::vector<ManifestEntry>> entries_by_task;
  for (const ManifestEntry& e : parse_entries(std::string_view(text).substr(header.size()), messages))
    entries_by_task[e.task].push_back(e);

  std::map<std::uint64_t, std::string> payloads;
  for (const auto& [task, entries] : entries_by_task) {
    const std::string path = record_path(task);
    std::string content;
    const ReadStatus read = read_whole_file(path, content, error);
    if (read != ReadStatus::Ok) {
      messages.push_back(recompute_message(
          task, path, read == ReadStatus::Missing ? "the file is missing" : "the file cannot be read (" + error + ")"));
      continue;
    }
    // The file can match only its newest entry, unless rewritten with the same bytes: try the
    // newest first and report the newest's problem if none matches.
    std::string problem;
    for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
      std::string_view payload;
      const std::string this_problem = record_problem(content, *e, m_sweep_hash, payload);
      if (this_problem.empty()) {
        payloads[task] = std::string(payload);
        break;
      }
      if (problem.empty()) problem = this_problem;
    }
    if (!payloads.count(task)) messages.push_back(recompute_message(task, path, problem));
  }

  std::set<std::uint64_t> unlisted;  // sorted, so that the messages come in task order
  for (const std::string& name : folder_entries(m_dir))
    if (const auto task = record_task_of(name); task && !entries_by_task.count(*task)) unlisted.insert(*task);
  for (std::uint64_t task : unlisted)
    messages.push_back(recompute_message(task, record_path(task),
                                         "not listed in the MANIFEST (the sweep was stopped before listing it)"));
  return payloads;
}

void RecordStore::remove_all() {
  if (m_manifest_fd >= 0) ::close(m_manifest_fd);
  m_manifest_fd = -1;
  remove_entries(m_dir, is_store_file);
  std::error_code ec;
  fs::remove(m_dir, ec);  // fails, and leaves the folder, if it holds files the store did not make
  close_files();
}

}  // namespace zorgsim::sim
