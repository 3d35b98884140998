#include "sim/mpi_pool.hpp"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

#ifdef ZORGSIM_WITH_MPI
#include <mpi.h>
#endif

namespace zorgsim::sim {

bool MpiSession::built_with_mpi() {
#ifdef ZORGSIM_WITH_MPI
  return true;
#else
  return false;
#endif
}

namespace {
// Run on the calling thread when there is one rank.
void run_locally(const std::vector<std::size_t>& items, const ComputeItem& compute, const ItemDone& done) {
  for (std::size_t item : items) done(item, compute(item));
}
}  // namespace

#ifndef ZORGSIM_WITH_MPI

MpiSession::MpiSession(int*, char***) {}
MpiSession::~MpiSession() = default;
bool MpiSession::all_agree(const std::string&) const { return true; }
void MpiSession::abort(int code) const { std::exit(code); }
void run_pool(const MpiSession&, const std::vector<std::size_t>& items, const ComputeItem& compute, const ItemDone& done) {
  run_locally(items, compute, done);
}

#else

namespace {
enum Tag : int { Ready = 1, Work = 2, Stop = 3, Result = 4 };

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    if (std::getenv(v)) return true;
  return false;
}

// A result message: item number, ok flag, then the result (or the error message).
std::string pack(std::uint64_t item, bool ok, const std::string& body) {
  std::string m(9, '\0');
  std::memcpy(m.data(), &item, 8);
  m[8] = ok ? 1 : 0;
  return m + body;
}

struct Finished {
  std::size_t item;
  bool ok;
  std::string body;
};

std::string receive(int source, int tag, MPI_Status& st) {
  MPI_Probe(source, tag, MPI_COMM_WORLD, &st);
  int n = 0;
  MPI_Get_count(&st, MPI_BYTE, &n);
  std::string buf(static_cast<std::size_t>(n), '\0');
  MPI_Recv(buf.data(), n, MPI_BYTE, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return buf;
}

Finished run_one(const ComputeItem& compute, std::size_t item) {
  try {
    return {item, true, compute(item)};
  } catch (const std::exception& e) {
    return {item, false, e.what()};
  }
}

void worker(const ComputeItem& compute) {
  MPI_Send(nullptr, 0, MPI_BYTE, 0, Ready, MPI_COMM_WORLD);
  for (;;) {
    MPI_Status st;
    const std::string msg = receive(0, MPI_ANY_TAG, st);
    if (st.MPI_TAG == Stop) return;
    std::uint64_t item = 0;
    std::memcpy(&item, msg.data(), 8);
    const Finished f = run_one(compute, static_cast<std::size_t>(item));
    const std::string out = pack(item, f.ok, f.body);
    MPI_Send(out.data(), static_cast<int>(out.size()), MPI_BYTE, 0, Result, MPI_COMM_WORLD);
  }
}

// Rank 0: hands out items, computes some itself on a second thread, handles every result.
void coordinator(const MpiSession& s, const std::vector<std::size_t>& items, const ComputeItem& compute,
                 const ItemDone& done) {
  std::mutex lock;
  std::deque<std::size_t> queue(items.begin(), items.end());
  std::deque<Finished> local_done;
  bool failed = false;
  std::string failure;
  const auto next = [&](std::size_t& item) {
    std::lock_guard g(lock);
    if (failed || queue.empty()) return false;
    item = queue.front();
    queue.pop_front();
    return true;
  };
  std::thread local([&] {
    std::size_t item = 0;
    while (next(item)) {
      Finished f = run_one(compute, item);
      std::lock_guard g(lock);
      local_done.push_back(std::move(f));
    }
  });
  const auto handle = [&](Finished& f) {
    if (!f.ok) {
      std::lock_guard g(lock);
      if (!failed) failure = f.body;
      failed = true;
      return;
    }
    try {
      done(f.item, f.body);
    } catch (const std::exception& e) {
      std::lock_guard g(lock);
      if (!failed) failure = e.what();
      failed = true;
    }
  };
  int stopped = 0;
  const auto serve = [&](int rank) {  // an idle rank: the next item, or stop
    std::size_t item = 0;
    if (next(item)) {
      const std::uint64_t it = item;
      MPI_Send(&it, 8, MPI_BYTE, rank, Work, MPI_COMM_WORLD);
    } else {
      MPI_Send(nullptr, 0, MPI_BYTE, rank, Stop, MPI_COMM_WORLD);
      ++stopped;
    }
  };
  bool local_running = true;
  while (stopped < s.size() - 1 || local_running) {
    bool busy = false;
    std::deque<Finished> mine;
    {
      std::lock_guard g(lock);
      mine.swap(local_done);
    }
    for (Finished& f : mine) handle(f), busy = true;
    int flag = 0;
    MPI_Status st;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
    if (flag) {
      busy = true;
      const std::string msg = receive(st.MPI_SOURCE, st.MPI_TAG, st);
      if (st.MPI_TAG == Result) {
        std::uint64_t item = 0;
        std::memcpy(&item, msg.data(), 8);
        Finished f{static_cast<std::size_t>(item), msg[8] != 0, msg.substr(9)};
        handle(f);
      }
      serve(st.MPI_SOURCE);
    }
    if (local_running) {
      std::lock_guard g(lock);
      local_running = !((queue.empty() || failed) && local_done.empty());
    }
    if (!busy) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  local.join();
  for (Finished& f : local_done) handle(f);
  if (failed) throw std::runtime_error(failure);
}
}  // namespace

MpiSession::MpiSession(int* argc, char*** argv) {
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  m_initialised = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &m_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &m_size);
  MPI_Comm node;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
  MPI_Comm_size(node, &m_local);
  MPI_Comm_free(&node);
}

MpiSession::~MpiSession() {
  if (m_initialised) MPI_Finalize();
}

bool MpiSession::all_agree(const std::string& text) const {
  if (!active()) return true;
  int n = static_cast<int>(text.size());
  MPI_Bcast(&n, 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::string root = m_rank == 0 ? text : std::string(static_cast<std::size_t>(n), '\0');
  MPI_Bcast(root.data(), n, MPI_CHAR, 0, MPI_COMM_WORLD);
  int differ = root != text ? 1 : 0, any = 0;
  MPI_Allreduce(&differ, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return any == 0;
}

void MpiSession::abort(int code) const {
  if (m_initialised) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

void run_pool(const MpiSession& s, const std::vector<std::size_t>& items, const ComputeItem& compute,
              const ItemDone& done) {
  if (!s.active()) return run_locally(items, compute, done);
  if (s.rank() == 0) coordinator(s, items, compute, done);
  else worker(compute);
}

#endif

}  // namespace zorgsim::sim
