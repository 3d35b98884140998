#pragma once
// A folder of durable per-run records, so that a killed sweep can be resumed without
// trusting anything that was only partly written.
//
// Layout of the folder:
//   MANIFEST   "zorgsim-manifest 1 <sweep hash>\n", then one line per stored record:
//              "<task> <file bytes> <sha256 of the whole record file>\n"
//   <task>.rec "zorgsim-record 1 <sweep hash> <task> <payload bytes>\n" + the payload (binary)
// A record file is made durable (fsync, rename, folder sync) before its manifest line is
// appended, so a listed record whose file has the listed size and checksum is complete;
// anything else is recomputed.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::sim {

/// How to treat a records folder that already exists.
enum class RecordMode { Fresh, Resume, Overwrite };

class RecordStore {
 public:
  /// Opens folder `dir` for the sweep whose definition hashes to `sweep_hash` (hex digits;
  /// otherwise std::invalid_argument). Creates the folder if absent.
  /// Fresh: throws InputError if the folder holds a record file or a manifest.
  /// Resume: throws InputError if its manifest names another sweep hash (or is not a
  ///   manifest); keeps the records (load() tells which can be trusted).
  /// Overwrite: removes the store's files (records, manifest), then starts fresh.
  /// Every mode removes temporary files left by a killed process, and throws InputError if the
  /// folder cannot be created or written or another live RecordStore (in this or another
  /// process) has it open: the store holds an flock on the folder until it is destroyed
  /// (where the file system cannot lock, the store goes without).
  RecordStore(std::string dir, std::string sweep_hash, RecordMode mode);
  ~RecordStore();
  RecordStore(const RecordStore&) = delete;
  RecordStore& operator=(const RecordStore&) = delete;

  /// Durably stores `payload` as task `task` (replacing an earlier record of that task), then
  /// lists it in the manifest. Returns only when both are on disk. Thread-safe. Throws
  /// std::runtime_error on I/O failure.
  void put(std::uint64_t task, std::string_view payload);

  /// The payloads, by task, of every listed record whose file has the manifest's size and
  /// checksum and whose header names this sweep and task. Each problem (a record that will
  /// be recomputed, a manifest line that is ignored) adds one line to `messages`. Of a task
  /// listed more than once, the last entry that verifies wins. Ignores temporary files.
  std::map<std::uint64_t, std::string> load(std::vector<std::string>& messages) const;

  /// Removes the store's files (records, manifest, temporaries) and then the folder, if
  /// nothing else is in it (files the store did not make are never deleted). The store
  /// cannot be used afterwards. Not to be called while another thread is in put().
  void remove_all();

  const std::string& dir() const { return m_dir; }

 private:
  std::string manifest_path() const;
  std::string record_path(std::uint64_t task) const;
  void open_folder();
  void start_fresh_manifest();
  void open_manifest_for_append();
  void check_manifest_header() const;
  void close_files() noexcept;
  void append_to_manifest(const std::string& line);

  std::string m_dir;
  std::string m_sweep_hash;
  int m_dir_fd = -1;       // holds the folder's lock while the store is open
  int m_manifest_fd = -1;  // opened with O_APPEND: lines are only ever added at the end
  std::mutex m_append_mutex;
  bool m_manifest_needs_newline = false;           // its last line was cut short; guarded by m_append_mutex
  std::atomic<std::uint64_t> m_next_temporary{0};  // so that concurrent puts of one task do not share a name
};

}  // namespace zorgsim::sim
