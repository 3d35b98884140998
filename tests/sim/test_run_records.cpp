// Run records: what was stored durably loads back exactly; anything cut short, damaged or
// made by another sweep is reported and left out, never trusted; a kill at any moment
// leaves a folder that resumes cleanly.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sim/diagnostics.hpp"
#include "sim/run_records.hpp"
#include "sim/sha256.hpp"
#include "test_support.hpp"

using namespace zorgsim;
using sim::RecordMode;
using sim::RecordStore;

namespace {

const std::string hash_a = sim::sha256_hex("sweep a");
const std::string hash_b = sim::sha256_hex("sweep b");

/// What a run of `task` produces: binary, with '\0' and '\n', of a length that varies by task.
std::string payload_of(std::uint64_t task) {
  std::string p(100 + (task * 37) % 700, '\0');
  for (std::size_t i = 0; i < p.size(); ++i) p[i] = static_cast<char>((task * 131 + i * 7) % 256);
  p[0] = '\0';
  p[1] = '\n';
  return p;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string path_in(const std::string& dir, const std::string& name) { return dir + "/" + name; }

/// A folder holding records 1..5 of sweep A, the store closed again.
std::string folder_with_five_records(const std::string& name) {
  const std::string dir = test::temp_dir(name);
  RecordStore store(dir, hash_a, RecordMode::Fresh);
  for (std::uint64_t task = 1; task <= 5; ++task) store.put(task, payload_of(task));
  return dir;
}

struct Loaded {
  std::map<std::uint64_t, std::string> payloads;
  std::vector<std::string> messages;
};

Loaded resume_and_load(const std::string& dir) {
  Loaded l;
  const RecordStore store(dir, hash_a, RecordMode::Resume);
  l.payloads = store.load(l.messages);
  return l;
}

std::set<std::uint64_t> tasks_of(const std::map<std::uint64_t, std::string>& payloads) {
  std::set<std::uint64_t> tasks;
  for (const auto& [task, payload] : payloads) {
    CHECK(payload == payload_of(task));
    tasks.insert(task);
  }
  return tasks;
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::vector<std::string> hidden_files_in(const std::string& dir) {
  std::vector<std::string> hidden;
  for (const std::string& name : test::files_in(dir))
    if (name[0] == '.') hidden.push_back(name);
  return hidden;
}

}  // namespace

TEST_CASE("records round-trip their payloads exactly", "[unit][records]") {
  const std::string dir = test::temp_dir("records_roundtrip");
  RecordStore store(dir, hash_a, RecordMode::Fresh);
  const std::string binary("a\0b\n\nc\0\0\xff\x80 end", 15);
  store.put(7, binary);
  store.put(0, "");
  store.put(18446744073709551615ull, payload_of(3));
  std::vector<std::string> messages;
  const auto loaded = store.load(messages);
  CHECK(messages.empty());
  REQUIRE(loaded.size() == 3);
  CHECK(loaded.at(7) == binary);
  CHECK(loaded.at(0).empty());
  CHECK(loaded.at(18446744073709551615ull) == payload_of(3));
  CHECK(read_file(path_in(dir, "MANIFEST")).rfind("zorgsim-manifest 1 " + hash_a + "\n", 0) == 0);
  CHECK(read_file(path_in(dir, "7.rec")) == "zorgsim-record 1 " + hash_a + " 7 15\n" + binary);
  CHECK(hidden_files_in(dir).empty());  // no temporary is left behind
}

TEST_CASE("a task stored twice loads its last payload without complaint", "[unit][records]") {
  const std::string dir = test::temp_dir("records_twice");
  RecordStore store(dir, hash_a, RecordMode::Fresh);
  store.put(3, "first");
  store.put(3, "second");
  std::vector<std::string> messages;
  const auto loaded = store.load(messages);
  CHECK(messages.empty());
  CHECK(loaded.at(3) == "second");
}

TEST_CASE("load ignores a stray temporary file", "[unit][records]") {
  const std::string dir = test::temp_dir("records_stray");
  RecordStore store(dir, hash_a, RecordMode::Fresh);
  store.put(1, payload_of(1));
  test::write_file(dir, ".2.rec.tmp-99999", "zorgsim-record 1 " + hash_a + " 2 3\nhal");
  std::vector<std::string> messages;
  const auto loaded = store.load(messages);
  CHECK(messages.empty());
  CHECK(tasks_of(loaded) == std::set<std::uint64_t>{1});
}

TEST_CASE("damaged records and manifest lines are reported and left out", "[unit][records]") {
  const std::string dir = folder_with_five_records("records_damage");
  const std::string manifest = read_file(path_in(dir, "MANIFEST"));
  std::uint64_t broken = 0;
  std::vector<std::string> expected;

  SECTION("a flipped byte") {
    std::string rec = read_file(path_in(dir, "3.rec"));
    rec[rec.size() - 3] ^= 0x20;
    test::write_file(dir, "3.rec", rec);
    broken = 3;
    expected = {"record 3 (" + dir + "/3.rec): checksum differs from the manifest; it will be recomputed"};
  }
  SECTION("a record file cut short") {
    const std::string rec = read_file(path_in(dir, "3.rec"));
    test::write_file(dir, "3.rec", rec.substr(0, rec.size() - 10));
    broken = 3;
    expected = {"record 3 (" + dir + "/3.rec): the file has " + std::to_string(rec.size() - 10) +
                " bytes, the manifest says " + std::to_string(rec.size()) +
                " (it was cut short); it will be recomputed"};
  }
  SECTION("a missing record file") {
    std::filesystem::remove(path_in(dir, "3.rec"));
    broken = 3;
    expected = {"record 3 (" + dir + "/3.rec): the file is missing; it will be recomputed"};
  }
  SECTION("the manifest's last line cut short") {
    test::write_file(dir, "MANIFEST", manifest.substr(0, manifest.size() - 6));
    broken = 5;
    expected = {"MANIFEST line 6 is incomplete (the sweep was killed while writing it); ignored",
                "record 5 (" + dir +
                    "/5.rec): not listed in the MANIFEST (the sweep was stopped before listing it); "
                    "it will be recomputed"};
  }
  SECTION("a record whose header names another task") {
    // 2.rec copied to 6.rec and listed with the right size and checksum: only the header tells.
    const std::string rec = read_file(path_in(dir, "2.rec"));
    test::write_file(dir, "6.rec", rec);
    test::write_file(dir, "MANIFEST", manifest + "6 " + std::to_string(rec.size()) + " " + sim::sha256_hex(rec) + "\n");
    broken = 6;
    expected = {"record 6 (" + dir + "/6.rec): its header names task '2'; it will be recomputed"};
  }
  SECTION("a record whose header names another sweep") {
    const std::string other = test::temp_dir("records_damage_other");
    RecordStore(other, hash_b, RecordMode::Fresh).put(3, payload_of(3));
    const std::string rec = read_file(path_in(other, "3.rec"));
    test::write_file(dir, "3.rec", rec);
    test::write_file(dir, "MANIFEST", manifest + "3 " + std::to_string(rec.size()) + " " + sim::sha256_hex(rec) + "\n");
    broken = 3;
    expected = {"record 3 (" + dir + "/3.rec): its header names another sweep (" + hash_b + "; this sweep is " +
                hash_a + "); it will be recomputed"};
  }
  SECTION("a garbage manifest line") {
    // Task 4's line (line 5) replaced by something that is not an entry.
    std::vector<std::string> lines;
    std::istringstream in(manifest);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() == 6);
    REQUIRE(lines[4].rfind("4 ", 0) == 0);
    lines[4] = "4 57 not-a-checksum";
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    test::write_file(dir, "MANIFEST", text);
    broken = 4;
    expected = {"MANIFEST line 5 is not a record entry ('4 57 not-a-checksum'); ignored",
                "record 4 (" + dir +
                    "/4.rec): not listed in the MANIFEST (the sweep was stopped before listing it); "
                    "it will be recomputed"};
  }

  const Loaded l = resume_and_load(dir);
  CHECK(l.messages == expected);
  std::set<std::uint64_t> present{1, 2, 3, 4, 5};
  present.erase(broken);
  CHECK(tasks_of(l.payloads) == present);
}

TEST_CASE("after a manifest line cut short, new lines are not glued onto it", "[unit][records]") {
  const std::string dir = folder_with_five_records("records_cut_then_put");
  const std::string manifest = read_file(path_in(dir, "MANIFEST"));
  test::write_file(dir, "MANIFEST", manifest.substr(0, manifest.size() - 6));
  {
    RecordStore store(dir, hash_a, RecordMode::Resume);
    store.put(5, payload_of(5));
  }
  const Loaded l = resume_and_load(dir);
  CHECK(tasks_of(l.payloads) == std::set<std::uint64_t>{1, 2, 3, 4, 5});
  REQUIRE(l.messages.size() == 1);  // the cut line, now complete but not an entry
  CHECK_THAT(l.messages[0], Catch::StartsWith("MANIFEST line 6 is not a record entry"));
}

TEST_CASE("opening a records folder: fresh, resume, overwrite", "[unit][records]") {
  const std::string dir = folder_with_five_records("records_modes");

  SECTION("fresh refuses a folder with a manifest or a record") {
    const std::string refusal = dir +
                                " holds records of an earlier sweep: pass --resume to continue it or "
                                "--overwrite to start again";
    CHECK_THROWS_MATCHES(RecordStore(dir, hash_a, RecordMode::Fresh), sim::InputError, Catch::Message(refusal));
    std::filesystem::remove(path_in(dir, "MANIFEST"));
    CHECK_THROWS_MATCHES(RecordStore(dir, hash_a, RecordMode::Fresh), sim::InputError, Catch::Message(refusal));
  }
  SECTION("fresh creates a missing folder, and accepts an empty one") {
    const std::string nested = dir + "/new/records";
    CHECK_NOTHROW(RecordStore(nested, hash_a, RecordMode::Fresh));
    CHECK(read_file(path_in(nested, "MANIFEST")) == "zorgsim-manifest 1 " + hash_a + "\n");
    const std::string empty = test::temp_dir("records_modes_empty");
    CHECK_NOTHROW(RecordStore(empty, hash_a, RecordMode::Fresh));
  }
  SECTION("resume refuses another sweep's records, naming both sweeps") {
    CHECK_THROWS_AS(RecordStore(dir, hash_b, RecordMode::Resume), sim::InputError);
    CHECK_THROWS_WITH(RecordStore(dir, hash_b, RecordMode::Resume),
                      Catch::Contains("different sweep definition") && Catch::Contains(hash_a) &&
                          Catch::Contains(hash_b) && Catch::Contains("--overwrite"));
  }
  SECTION("resume refuses a manifest that is not one") {
    test::write_file(dir, "MANIFEST", "some notes\n");
    CHECK_THROWS_WITH(RecordStore(dir, hash_a, RecordMode::Resume), Catch::Contains("not a zorgsim records manifest"));
  }
  SECTION("resume creates a missing folder") {
    const Loaded l = resume_and_load(dir + "/absent");
    CHECK(l.payloads.empty());
    CHECK(l.messages.empty());
  }
  SECTION("overwrite removes the earlier sweep's files, and only those") {
    test::write_file(dir, "notes.txt", "mine");
    test::write_file(dir, ".4.rec.tmp-12345", "half");
    {
      RecordStore store(dir, hash_b, RecordMode::Overwrite);
      std::vector<std::string> messages;
      CHECK(store.load(messages).empty());
      CHECK(messages.empty());
    }
    std::vector<std::string> files = test::files_in(dir);
    std::sort(files.begin(), files.end());
    CHECK(files == std::vector<std::string>{"MANIFEST", "notes.txt"});
    CHECK(read_file(path_in(dir, "MANIFEST")) == "zorgsim-manifest 1 " + hash_b + "\n");
    CHECK_THROWS_AS(RecordStore(dir, hash_a, RecordMode::Resume), sim::InputError);
  }
}

TEST_CASE("a records folder is used by one store at a time", "[unit][records]") {
  const std::string dir = test::temp_dir("records_lock");
  {
    RecordStore first(dir, hash_a, RecordMode::Fresh);
    CHECK_THROWS_WITH(RecordStore(dir, hash_a, RecordMode::Resume), Catch::Contains("is in use"));
  }
  CHECK_NOTHROW(RecordStore(dir, hash_a, RecordMode::Resume));
}

TEST_CASE("bad folder or sweep hash", "[unit][records]") {
  const std::string dir = test::temp_dir("records_bad");
  const std::string file = test::write_file(dir, "plain", "x");
  CHECK_THROWS_AS(RecordStore(file, hash_a, RecordMode::Fresh), sim::InputError);
  CHECK_THROWS_AS(RecordStore(dir + "/r", "not hex", RecordMode::Fresh), std::invalid_argument);
  CHECK_THROWS_AS(RecordStore(dir + "/r", "", RecordMode::Fresh), std::invalid_argument);
}

TEST_CASE("remove_all removes the store's files and its folder, never other files", "[unit][records]") {
  const std::string dir = folder_with_five_records("records_remove");
  {
    RecordStore store(dir, hash_a, RecordMode::Resume);
    store.remove_all();
    CHECK_THROWS_AS(store.put(6, "late"), std::runtime_error);
  }
  CHECK_FALSE(std::filesystem::exists(dir));

  const std::string kept = folder_with_five_records("records_remove_kept");
  test::write_file(kept, "notes.txt", "mine");
  RecordStore(kept, hash_a, RecordMode::Resume).remove_all();
  CHECK(test::files_in(kept) == std::vector<std::string>{"notes.txt"});
}

TEST_CASE("records put from many threads at once all load back", "[unit][records]") {
  const std::string dir = test::temp_dir("records_threads");
  constexpr int threads = 8, per_thread = 200;
  std::atomic<int> failures{0};
  {
    RecordStore store(dir, hash_a, RecordMode::Fresh);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&store, &failures, t] {
        try {
          for (int k = 0; k < per_thread; ++k) {
            const auto task = static_cast<std::uint64_t>(t * per_thread + k);
            store.put(task, payload_of(task));
          }
        } catch (...) {
          ++failures;
        }
      });
    for (auto& th : pool) th.join();
  }
  CHECK(failures == 0);
  CHECK(count_lines(read_file(path_in(dir, "MANIFEST"))) == 1 + threads * per_thread);
  const Loaded l = resume_and_load(dir);
  CHECK(l.messages.empty());
  CHECK(l.payloads.size() == threads * per_thread);
  tasks_of(l.payloads);
}

namespace {

/// The child's side of the kill test: resume, then store the missing runs until killed.
[[noreturn]] void put_until_killed(const std::string& dir) {
  try {
    RecordStore store(dir, hash_a, RecordMode::Resume);
    std::vector<std::string> messages;
    const auto done = store.load(messages);
    for (std::uint64_t task = 0;; ++task)
      if (!done.count(task)) store.put(task, payload_of(task));
  } catch (...) {
  }
  _exit(1);
}

/// Waits until the manifest has `lines` lines; false if the child ended first or it takes too long.
bool wait_for_manifest_lines(const std::string& dir, std::size_t lines, pid_t child) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (count_lines(read_file(path_in(dir, "MANIFEST"))) >= lines) return true;
    if (waitpid(child, nullptr, WNOHANG) != 0) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return false;
}

/// The tasks on complete, well-formed entry lines of a manifest (not its header).
std::set<std::uint64_t> listed_tasks(const std::string& manifest) {
  std::set<std::uint64_t> tasks;
  std::istringstream in(manifest.substr(0, manifest.rfind('\n') + 1));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::uint64_t task = 0, bytes = 0;
    std::string checksum;
    if (fields >> task >> bytes >> checksum && checksum.size() == 64) tasks.insert(task);
  }
  return tasks;
}

}  // namespace

TEST_CASE("a sweep killed at any moment resumes from verified records only", "[unit][records]") {
  const std::string dir = test::temp_dir("records_kill");
  std::size_t lines_before = 0;
  for (int round = 0; round < 6; ++round) {
    INFO("round " << round);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) put_until_killed(dir);
    // Kill after 50, 51, ... more records, and a little later each round, to land in different steps of put().
    const bool reached = wait_for_manifest_lines(dir, std::max<std::size_t>(lines_before, 1) + 50 + round, child);
    std::this_thread::sleep_for(std::chrono::microseconds(300 * round));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(reached);
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));

    // Stray temporaries like those a kill leaves, for certain.
    test::write_file(dir, ".100000.rec.tmp-12345-7", "half a record");
    test::write_file(dir, ".MANIFEST.tmp-12345", "half a manifest");
    const std::string manifest = read_file(path_in(dir, "MANIFEST"));
    Loaded l;
    REQUIRE_NOTHROW(l = resume_and_load(dir));
    CHECK(hidden_files_in(dir).empty());
    for (const std::string& m : l.messages) {
      INFO(m);
      // A listed record is durable before it is listed: a kill never damages one.
      CHECK((m.find("not listed in the MANIFEST") != std::string::npos || m.find("MANIFEST line") == 0));
    }
    const std::set<std::uint64_t> loaded = tasks_of(l.payloads);  // each payload is the child's
    const std::set<std::uint64_t> listed = listed_tasks(manifest);
    CHECK(listed.size() >= 50u * static_cast<unsigned>(round + 1));
    for (std::uint64_t task : listed) CHECK(loaded.count(task) == 1);
    lines_before = count_lines(manifest);
  }
}
