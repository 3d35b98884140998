#pragma once
// Problems found in user input, reported all at once with where they are.
#include <stdexcept>
#include <string>
#include <vector>

namespace zorgsim::sim {

/// A place in an input file; line and column are 1-based, line 0 means "no position".
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
  std::string str() const;  // "file:line:column" or "file" or ""
};

/// One problem: where, which parameter path (may be empty), and what is wrong.
struct Diagnostic {
  SourcePos pos;
  std::string path;
  std::string message;
  std::string str() const;  // "configs/x.yaml:12:5: youth.a.b: must be >= 0 (got -2)"
};

/// Collects problems so that all of them can be reported in one go.
class Diagnostics {
 public:
  void add(SourcePos pos, std::string path, std::string message);
  bool empty() const { return m_items.empty(); }
  const std::vector<Diagnostic>& items() const { return m_items; }
  std::string str() const;     // one line per problem
  void throw_if_any() const;   // throws InputError when not empty

 private:
  std::vector<Diagnostic> m_items;
};

/// Bad user input (config, files, options). Caught in main: exit code 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> items);
  explicit InputError(const std::string& message);
  const std::vector<Diagnostic>& items() const { return m_items; }

 private:
  std::vector<Diagnostic> m_items;
};

}  // namespace zorgsim::sim
