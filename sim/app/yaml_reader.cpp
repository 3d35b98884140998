#include "sim/app/yaml_reader.hpp"

#include <fstream>
#include <sstream>

namespace zorgsim::app::yaml {

void check_duplicates(const std::string& file, const YAML::Node& node, Diagnostics& diags) {
  if (node.IsMap()) {
    std::set<std::string> seen;
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      if (!seen.insert(key).second) diags.add(pos_of(file, kv.first.Mark()), key, "duplicate key (already given above)");
      check_duplicates(file, kv.second, diags);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) check_duplicates(file, item, diags);
  }
}

std::optional<YAML::Node> load_yaml(const std::string& name, const std::string& text, Diagnostics& diags) {
  try {
    YAML::Node root = YAML::Load(text);
    check_duplicates(name, root, diags);
    return root;
  } catch (const YAML::ParserException& e) {
    diags.add(pos_of(name, e.mark), "", "YAML syntax: " + e.msg);
  }
  return std::nullopt;
}

std::string read_file(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.add({path, 0, 0}, "", "cannot read the file");
    return {};
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace zorgsim::app::yaml
