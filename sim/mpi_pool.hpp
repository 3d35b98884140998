#pragma once
// Dynamic distribution of numbered work items over MPI ranks (`mpirun -n K zorgsim sweep`).
// Rank 0 hands out items one at a time as ranks ask for work, and computes items itself on a
// second thread, so K ranks give K workers. Results (byte strings) come back to rank 0, which
// alone handles them (writes records and the result file). Which rank computes an item never
// changes its result: items are pure functions of their number. Without MPI in the build,
// or when not started by mpirun, there is one rank and everything runs locally.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace zorgsim::sim {

class MpiSession {
 public:
  /// Initialises MPI when the build has it and the process was started by mpirun/srun
  /// (thread level "funneled": only the main thread calls MPI). Safe to construct once.
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return m_rank; }
  int size() const { return m_size; }
  bool active() const { return m_size > 1; }
  /// Ranks sharing this node (for a default thread count).
  int local_size() const { return m_local; }
  static bool built_with_mpi();
  /// Whether every rank passed the same `text` as rank 0 (a collective: every rank must call it).
  bool all_agree(const std::string& text) const;
  /// Ends every rank at once after a fatal error on one of them.
  [[noreturn]] void abort(int code) const;

 private:
  int m_rank = 0, m_size = 1, m_local = 1;
  bool m_initialised = false;
};

/// Computes an item; may throw (the message reaches rank 0, which stops the pool).
using ComputeItem = std::function<std::string(std::size_t item)>;
/// Rank 0 only, on its main thread: an item's result, as soon as it arrives.
using ItemDone = std::function<void(std::size_t item, const std::string& result)>;

/// Runs `items` (meaningful on rank 0; ignored elsewhere) over every rank of the session.
/// Returns on every rank when all items are done, or throws std::runtime_error on rank 0
/// with the first failure's message (other ranks then return).
void run_pool(const MpiSession& session, const std::vector<std::size_t>& items, const ComputeItem& compute,
              const ItemDone& done);

}  // namespace zorgsim::sim
