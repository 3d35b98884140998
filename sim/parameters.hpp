#pragma once
// Declared parameters: one declaration per parameter (path, kind, unit, valid range,
// description, Dutch term), bound to a member of a plain parameter struct. Values and
// their sources come from YAML documents (see config_tree.hpp); this header knows no YAML.
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/diagnostics.hpp"

namespace zorgsim::sim {

/// Collection: a map of records with ids chosen by the user (see CollectionSpec).
enum class ParamKind { Real, Integer, Boolean, Text, Month, RealList, TextList, Collection };
const char* kind_name(ParamKind kind);

/// A parsed value; which fields are meaningful depends on the kind.
struct ParamValue {
  double real = 0;
  long long integer = 0;
  bool boolean = false;
  std::string text;  // Text and Month ("YYYY-MM")
  std::vector<double> reals;
  std::vector<std::string> texts;
};

struct CollectionSpec;

struct ParamSpec {
  std::string path;
  ParamKind kind = ParamKind::Real;
  std::string unit;         // e.g. "EUR per client-year", "probability per month", "-"
  double min = -std::numeric_limits<double>::infinity();  // valid range (hard bounds)
  double max = std::numeric_limits<double>::infinity();
  std::string description;
  std::string dutch;        // the Dutch policy term users look for, when there is one
  int length = 0;           // lists: required length, 0 = any length >= 1
  std::vector<std::string> labels;  // lists: what each element means (e.g. age bands)
  bool needs_source = true; // run settings need no source; model parameters do
  std::optional<ParamValue> fallback;  // record fields only: the value when a record omits the field
  std::string fallback_note;           // what the fallback means ("no limit")
  std::function<void(void*, const ParamValue&)> assign;  // writes into the bound struct
  std::shared_ptr<CollectionSpec> collection;  // kind Collection only
};

/// A collection of records whose ids the user chooses, e.g. the provision catalogue:
///   provisions: {steunouder: {law: jeugdwet, tariff: 40, ...}, dyslexia_care: {...}}
/// Every record has the declared fields (their paths are field names); a field with a
/// fallback may be left out. Records keep the order in which they first appear, layer
/// after layer; a later layer may change fields of a record or add records.
struct CollectionSpec {
  std::vector<ParamSpec> fields;
  /// Appends a record with this id to the bound vector.
  std::function<void(void* root, const std::string& id)> append;
  /// The k-th record of the bound vector (valid until the next append).
  std::function<void*(void* root, std::size_t k)> at;
};

/// Metadata passed when declaring (everything but path, kind and binding).
struct ParamMeta {
  std::string unit;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::string description;
  std::string dutch;
  std::vector<std::string> labels = {};
  bool needs_source = true;
  std::optional<ParamValue> fallback = {};  // record fields: value when omitted
  std::string fallback_note = {};
};

/// Declares parameters bound to members of T (a plain struct). `section()` gives a
/// declarer for a member struct with a longer path prefix, so nested parameter structs
/// need no hand-written setters.
template <class T>
class Declarer {
 public:
  explicit Declarer(std::vector<ParamSpec>& out, std::string prefix = {})
      : m_out(out), m_prefix(std::move(prefix)), m_project([](void* p) { return p; }) {}

  template <class S>
  Declarer<S> section(S T::*member, const std::string& name) const {
    auto project = m_project;
    return Declarer<S>(m_out, join(name), [project, member](void* root) -> void* {
      return &(static_cast<T*>(project(root))->*member);
    });
  }

  void real(const std::string& name, double T::*m, ParamMeta meta) const {
    add(name, ParamKind::Real, 0, std::move(meta), [m](T& t, const ParamValue& v) { t.*m = v.real; });
  }
  void integer(const std::string& name, long long T::*m, ParamMeta meta) const {
    add(name, ParamKind::Integer, 0, std::move(meta),
        [m](T& t, const ParamValue& v) { t.*m = v.integer; });
  }
  void boolean(const std::string& name, bool T::*m, ParamMeta meta) const {
    add(name, ParamKind::Boolean, 0, std::move(meta),
        [m](T& t, const ParamValue& v) { t.*m = v.boolean; });
  }
  void text(const std::string& name, std::string T::*m, ParamMeta meta) const {
    add(name, ParamKind::Text, 0, std::move(meta), [m](T& t, const ParamValue& v) { t.*m = v.text; });
  }
  void month(const std::string& name, std::string T::*m, ParamMeta meta) const {
    add(name, ParamKind::Month, 0, std::move(meta), [m](T& t, const ParamValue& v) { t.*m = v.text; });
  }
  /// A list whose length is fixed by `meta.labels` (any length >= 1 when labels are empty).
  void reals(const std::string& name, std::vector<double> T::*m, ParamMeta meta) const {
    const int len = static_cast<int>(meta.labels.size());
    add(name, ParamKind::RealList, len, std::move(meta),
        [m](T& t, const ParamValue& v) { t.*m = v.reals; });
  }
  void texts(const std::string& name, std::vector<std::string> T::*m, ParamMeta meta) const {
    add(name, ParamKind::TextList, 0, std::move(meta),
        [m](T& t, const ParamValue& v) { t.*m = v.texts; });
  }
  /// A collection of records R (R has a `std::string id`); returns the declarer of R's
  /// fields. Field paths are relative to a record: "<name>.<id>.<field>".
  template <class R>
  Declarer<R> collection(const std::string& name, std::vector<R> T::*m, ParamMeta meta) const {
    auto coll = std::make_shared<CollectionSpec>();
    auto project = m_project;
    coll->append = [project, m](void* root, const std::string& id) {
      auto& records = static_cast<T*>(project(root))->*m;
      records.emplace_back();
      records.back().id = id;
    };
    coll->at = [project, m](void* root, std::size_t k) -> void* { return &(static_cast<T*>(project(root))->*m)[k]; };
    add(name, ParamKind::Collection, 0, std::move(meta), [](T&, const ParamValue&) {});
    m_out.back().collection = coll;
    return Declarer<R>(coll->fields, {}, [](void* record) { return record; });
  }

  Declarer(std::vector<ParamSpec>& out, std::string prefix, std::function<void*(void*)> project)
      : m_out(out), m_prefix(std::move(prefix)), m_project(std::move(project)) {}

 private:
  std::string join(const std::string& name) const {
    return m_prefix.empty() ? name : m_prefix + "." + name;
  }
  void add(const std::string& name, ParamKind kind, int length, ParamMeta meta,
           std::function<void(T&, const ParamValue&)> set) const {
    ParamSpec s;
    s.path = join(name);
    s.kind = kind;
    s.unit = std::move(meta.unit);
    s.min = meta.min;
    s.max = meta.max;
    s.description = std::move(meta.description);
    s.dutch = std::move(meta.dutch);
    s.length = length;
    s.labels = std::move(meta.labels);
    s.needs_source = meta.needs_source;
    s.fallback = std::move(meta.fallback);
    s.fallback_note = std::move(meta.fallback_note);
    s.assign = [set = std::move(set), project = m_project](void* root, const ParamValue& v) {
      set(*static_cast<T*>(project(root)), v);
    };
    m_out.push_back(std::move(s));
  }
  std::vector<ParamSpec>& m_out;
  std::string m_prefix;
  std::function<void*(void*)> m_project;  // root struct -> this T
};

/// Where a resolved value came from and what documentation it carries.
struct ResolvedParam {
  const ParamSpec* spec = nullptr;
  ParamValue value;
  SourcePos pos;             // where the value was written
  std::string source;        // the data source ("CBS 86050NED, 2024") or "assumption: ..."
  std::string tuned;         // the target a tuned value was fitted to, when tuned
  std::vector<double> plausible;  // [lo, hi], or per list element [lo0, hi0, lo1, hi1, ...]; for sweeps; empty if none
  std::string layer;         // "embedded default", a file name, or "command line"
  int record = -1;           // record fields: the record's number (see ResolvedParams::records)
};

/// A record of a collection, as resolved.
struct ResolvedRecord {
  const ParamSpec* collection = nullptr;  // the collection's declaration
  std::string id;
  SourcePos pos;                          // where the record first appears
};

/// All declared parameters with their resolved values, in declaration order.
/// Parameters come in groups, one per parameter struct (the engine's run settings,
/// the model's parameters); a group's values are written into its struct by build().
class ResolvedParams {
 public:
  ResolvedParams() = default;
  // Resolved values point into the stored declarations: moving keeps them valid, copying would not.
  ResolvedParams(const ResolvedParams&) = delete;
  ResolvedParams& operator=(const ResolvedParams&) = delete;
  ResolvedParams(ResolvedParams&&) = default;
  ResolvedParams& operator=(ResolvedParams&&) = default;
  /// Adds a group of declarations; returns its group number.
  int add_group(std::vector<ParamSpec> specs);
  /// The declared collection at `path`, or null.
  const ParamSpec* collection(const std::string& path) const;
  /// Adds a record (its fields take their fallbacks, others stay unset) unless one with
  /// this id exists; returns its number.
  int add_record(const std::string& collection_path, const std::string& id, const SourcePos& pos);
  /// Records in order of first appearance.
  const std::vector<ResolvedRecord>& records() const { return m_records; }
  /// Every declared collection.
  std::vector<const ParamSpec*> collections() const;
  const ResolvedParam* find(const std::string& path) const;
  ResolvedParam& at(const std::string& path);
  const ResolvedParam& at(const std::string& path) const;
  std::vector<ResolvedParam>& all() { return m_values; }
  const std::vector<ResolvedParam>& all() const { return m_values; }
  /// Position of a parameter's value, for cross-parameter error messages.
  SourcePos where(const std::string& path) const;

  /// Fills a T from the group declared on T (checked only by the group number).
  template <class T>
  T build(int group) const {
    T t{};
    assign(group, &t);
    return t;
  }

 private:
  void assign(int group, void* target) const;
  std::vector<std::vector<ParamSpec>> m_groups;  // stable storage: specs never move
  std::deque<ParamSpec> m_record_specs;          // record fields, instantiated per record
  std::vector<ResolvedParam> m_values;
  std::vector<int> m_group_of;
  std::map<std::string, std::size_t> m_index;
  std::map<std::string, std::pair<const ParamSpec*, int>> m_collections;  // path -> (spec, group)
  std::vector<ResolvedRecord> m_records;
  std::vector<int> m_record_group;
};

/// Text for `zorgsim params`: every parameter, its value, unit, range and source.
std::string format_value(const ParamSpec& spec, const ParamValue& value);

}  // namespace zorgsim::sim
