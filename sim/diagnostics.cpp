#include "sim/diagnostics.hpp"

namespace zorgsim::sim {

std::string SourcePos::str() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string Diagnostic::str() const {
  std::string out = pos.str();
  if (!out.empty()) out += ": ";
  if (!path.empty()) out += path + ": ";
  return out + message;
}

void Diagnostics::add(SourcePos pos, std::string path, std::string message) {
  m_items.push_back(Diagnostic{std::move(pos), std::move(path), std::move(message)});
}

std::string Diagnostics::str() const {
  std::string out;
  for (const auto& d : m_items) out += d.str() + "\n";
  return out;
}

void Diagnostics::throw_if_any() const {
  if (!m_items.empty()) throw InputError(m_items);
}

namespace {
std::string join(const std::vector<Diagnostic>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += "\n";
    out += items[i].str();
  }
  return out;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> items)
    : std::runtime_error(join(items)), m_items(std::move(items)) {}

InputError::InputError(const std::string& message)
    : std::runtime_error(message) {
  Diagnostic d;
  d.message = message;
  m_items.push_back(std::move(d));
}

}  // namespace zorgsim::sim
