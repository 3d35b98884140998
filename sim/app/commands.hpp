#pragma once
// The policy commands of the command line: `zorgsim measures` and `zorgsim compare`.
#include <string>
#include <vector>

#include "sim/app/run_options.hpp"

namespace zorgsim::app {

/// Lists the embedded catalogue (validated against the configuration): id, law, whether it
/// is behavioural or budgetary, its dates and mechanism; `markdown` prints the table of
/// docs/MEASURES.md.
int cmd_measures(const std::string& config, bool markdown, bool verbose);
/// The catalogue table of docs/MEASURES.md (between its catalogue markers).
std::string measures_markdown(const std::string& config = "");

struct CompareOptions {
  RunOptions run;
  std::vector<std::string> scenarios;  // the first is the reference
  bool attribution = false;            // each package measure alone and left out
  bool independent = false;            // each scenario its own seed (to show what CRN buys)
};

/// Runs every scenario on the same synthetic population with common random numbers, writes
/// one HDF5 file (docs/OUTPUT.md) and prints the comparison table.
int cmd_compare(const CompareOptions& o, const std::string& command_line);

}  // namespace zorgsim::app
