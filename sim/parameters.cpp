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
    case ParamKind::Collection: return "map of records";
  }
  return "?";
}

int ResolvedParams::add_group(std::vector<ParamSpec> specs) {
  const int group = static_cast<int>(m_groups.size());
  m_groups.push_back(std::move(specs));
  for (const ParamSpec& spec : m_groups.back()) {
    if (m_index.count(spec.path) || m_collections.count(spec.path))
      throw std::logic_error("parameter declared twice: " + spec.path);
    if (spec.kind == ParamKind::Collection) {
      m_collections[spec.path] = {&spec, group};
      continue;
    }
    m_index[spec.path] = m_values.size();
    ResolvedParam r;
    r.spec = &spec;
    m_values.push_back(std::move(r));
    m_group_of.push_back(group);
  }
  return group;
}

const ParamSpec* ResolvedParams::collection(const std::string& path) const {
  const auto it = m_collections.find(path);
  return it == m_collections.end() ? nullptr : it->second.first;
}

std::vector<const ParamSpec*> ResolvedParams::collections() const {
  std::vector<const ParamSpec*> out;
  for (const auto& group : m_groups)
    for (const ParamSpec& spec : group)
      if (spec.kind == ParamKind::Collection) out.push_back(&spec);
  return out;
}

int ResolvedParams::add_record(const std::string& collection_path, const std::string& id, const SourcePos& pos) {
  const auto it = m_collections.find(collection_path);
  if (it == m_collections.end()) throw std::logic_error("undeclared collection: " + collection_path);
  for (std::size_t k = 0; k < m_records.size(); ++k)
    if (m_records[k].collection == it->second.first && m_records[k].id == id) return static_cast<int>(k);
  const int record = static_cast<int>(m_records.size());
  m_records.push_back({it->second.first, id, pos});
  m_record_group.push_back(it->second.second);
  for (const ParamSpec& field : it->second.first->collection->fields) {
    ParamSpec spec = field;
    spec.path = collection_path + "." + id + "." + field.path;
    m_record_specs.push_back(std::move(spec));
    const ParamSpec& stored = m_record_specs.back();
    if (m_index.count(stored.path)) throw std::logic_error("parameter declared twice: " + stored.path);
    m_index[stored.path] = m_values.size();
    ResolvedParam r;
    r.spec = &stored;
    r.record = record;
    if (stored.fallback) {
      r.value = *stored.fallback;
      r.layer = "declaration";
      r.source = "default: " + stored.fallback_note;
    }
    m_values.push_back(std::move(r));
    m_group_of.push_back(it->second.second);
  }
  return record;
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
  // Append every record first (appending may move the vector), then find each one.
  std::map<const ParamSpec*, std::size_t> count;
  std::vector<std::size_t> position(m_records.size(), 0);
  for (std::size_t k = 0; k < m_records.size(); ++k)
    if (m_record_group[k] == group) {
      m_records[k].collection->collection->append(target, m_records[k].id);
      position[k] = count[m_records[k].collection]++;
    }
  std::vector<void*> record_target(m_records.size(), nullptr);
  for (std::size_t k = 0; k < m_records.size(); ++k)
    if (m_record_group[k] == group) record_target[k] = m_records[k].collection->collection->at(target, position[k]);
  for (std::size_t i = 0; i < m_values.size(); ++i) {
    if (m_group_of[i] != group) continue;
    const int rec = m_values[i].record;
    m_values[i].spec->assign(rec < 0 ? target : record_target[rec], m_values[i].value);
  }
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
    case ParamKind::Collection: return "(records)";
  }
  return {};
}

}  // namespace zorgsim::sim
