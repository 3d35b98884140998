#include "sim/parameters.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace zorgsim::sim {

const char* kind_name(ParamKind kind) {
  switch (kind) {
    case ParamKind::Real: return "number";
    case ParamKind::Integer: return "integer";
    case ParamKind::Boolean: return "boolean";
    case ParamKind::Text: return "text";
    case ParamKind::Month: return "month (YYYY-MM)";
    case ParamKind::RealList: return "list of numbers";
    case ParamKind::TextList: return "list of texts";
  }
  return "?";
}

int ResolvedParams::add_group(std::vector<ParamSpec> specs) {
  const int group = static_cast<int>(m_groups.size());
  m_groups.push_back(std::move(specs));
  for (const ParamSpec& spec : m_groups.back()) {
    if (m_index.count(spec.path)) throw std::logic_error("parameter declared twice: " + spec.path);
    m_index[spec.path] = m_values.size();
    ResolvedParam r;
    r.spec = &spec;
    m_values.push_back(std::move(r));
    m_group_of.push_back(group);
  }
  return group;
}

const ResolvedParam* ResolvedParams::find(const std::string& path) const {
  const auto it = m_index.find(path);
  return it == m_index.end() ? nullptr : &m_values[it->second];
}

ResolvedParam& ResolvedParams::at(const std::string& path) {
  const auto it = m_index.find(path);
  if (it == m_index.end()) throw std::logic_error("undeclared parameter: " + path);
  return m_values[it->second];
}

const ResolvedParam& ResolvedParams::at(const std::string& path) const {
  return const_cast<ResolvedParams*>(this)->at(path);
}

SourcePos ResolvedParams::where(const std::string& path) const {
  const ResolvedParam* r = find(path);
  return r ? r->pos : SourcePos{};
}

void ResolvedParams::assign(int group, void* target) const {
  for (std::size_t i = 0; i < m_values.size(); ++i)
    if (m_group_of[i] == group) m_values[i].spec->assign(target, m_values[i].value);
}

namespace {
std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}
}  // namespace

std::string format_value(const ParamSpec& spec, const ParamValue& v) {
  switch (spec.kind) {
    case ParamKind::Real: return number(v.real);
    case ParamKind::Integer: return std::to_string(v.integer);
    case ParamKind::Boolean: return v.boolean ? "true" : "false";
    case ParamKind::Text:
    case ParamKind::Month: return v.text;
    case ParamKind::RealList: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.reals.size(); ++i) out += (i ? ", " : "") + number(v.reals[i]);
      return out + "]";
    }
    case ParamKind::TextList: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.texts.size(); ++i) out += (i ? ", " : "") + v.texts[i];
      return out + "]";
    }
  }
  return {};
}

}  // namespace zorgsim::sim
