// The monkey's log, shared by the monkey (tests/stress/monkey.cpp), which writes it, and its test
// (monkey_test.cpp), which reads it after a kill: every state of the person's words handed to the
// store, and which of them a save confirmed on disk.
//
// One JSON object a line:
//   {"opened": {key: words}}                  the words the app showed when it opened the store
//   {"state": n, "set": {...}, "gone": [...]}  a state handed to the store, as a change from the last
//   {"saved": n, "counts": {...}}               save_now returned: state n (-1: the opened words) is on disk
//   {"done": n, "counts": {...}}                the monkey ended by itself after a last save
// State lines are written before the store can commit them, so whatever the disk holds after a kill
// is one of them; "saved" and "done" lines are fsync'd.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/inner_system.h"
#include "storage/map_store.h"

namespace innerscape::test {

// The words that matter, by where they live: "part 3 name", "entry 12 what_happened", "soothing 0".
using Words = std::map<std::string, std::string>;

// Part names and their text fields, every text answer of each kept journal page, the soothing lines.
// `with_journal` false leaves the journal out (a state handed over before the journal was read).
inline Words words_of(const core::InnerSystem& system, bool with_journal = true) {
  Words words;
  for (const core::Part& p : system.parts) {
    const std::string at = "part " + std::to_string(p.id) + " ";
    const std::pair<const char*, const std::string*> fields[] = {
        {"name", &p.name},       {"job", &p.job},   {"fears", &p.fears},     {"needs_to_feel_safe", &p.needs_to_feel_safe},
        {"needs_to_hear", &p.needs_to_hear}, {"body", &p.body}, {"feeling", &p.feeling}, {"comfort", &p.comfort},
        {"notes", &p.notes}};
    for (const auto& [key, text] : fields) {
      if (!text->empty() || std::string(key) == "name") words[at + key] = *text;
    }
  }
  if (with_journal) {
    for (const core::Entry& e : system.journal) {
      for (const core::Answers::Field& f : e.answers) {
        if (f.kind == core::Answers::Kind::text) words["entry " + std::to_string(e.id) + " " + std::string(f.key)] = std::string(f.bytes);
      }
    }
  }
  for (std::size_t i = 0; i < system.soothing.size(); ++i) words["soothing " + std::to_string(i)] = system.soothing[i];
  return words;
}

inline Words words_of(const storage::Snapshot& snapshot) { return words_of(snapshot.system, snapshot.journal_loaded); }

// What changed from `before` to `after`.
inline nlohmann::json words_change(const Words& before, const Words& after) {
  nlohmann::json set = nlohmann::json::object();
  nlohmann::json gone = nlohmann::json::array();
  for (const auto& [key, text] : after) {
    const auto it = before.find(key);
    if (it == before.end() || it->second != text) set[key] = text;
  }
  for (const auto& [key, text] : before) {
    if (!after.contains(key)) gone.push_back(key);
  }
  return {{"set", set}, {"gone", gone}};
}

struct MonkeyLog {
  Words opened;
  std::vector<Words> states;  // each state handed to the store, in order
  long saved = -1;            // the newest state a save confirmed (-1: only the opened words)
  bool any_saved = false;
  bool done = false;          // ended by itself, everything saved
  nlohmann::json counts;      // what it did, as of the last save or the end
  std::string problem;        // a line that could not be read (only the last may be cut off by the kill)

  // State n, or the opened words for -1.
  const Words& state(long n) const { return n < 0 ? opened : states[static_cast<std::size_t>(n)]; }
  const Words& latest() const { return states.empty() ? opened : states.back(); }
};

inline MonkeyLog read_monkey_log(const std::filesystem::path& path) {
  MonkeyLog log;
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const nlohmann::json j = nlohmann::json::parse(lines[i], nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      // A kill can cut the last line short; anything else is a broken log.
      if (i + 1 != lines.size()) log.problem = "line " + std::to_string(i + 1) + " cannot be read: " + lines[i];
      break;
    }
    if (j.contains("opened")) {
      log.opened = j.at("opened").get<Words>();
    } else if (j.contains("state")) {
      Words next = log.latest();
      for (const auto& [key, text] : j.at("set").items()) next[key] = text.get<std::string>();
      for (const auto& key : j.at("gone")) next.erase(key.get<std::string>());
      log.states.push_back(std::move(next));
    } else if (j.contains("saved") || j.contains("done")) {
      log.saved = j.contains("saved") ? j.at("saved").get<long>() : j.at("done").get<long>();
      log.any_saved = true;
      log.done = j.contains("done");
      log.counts = j.at("counts");
    }
  }
  return log;
}

}  // namespace innerscape::test
