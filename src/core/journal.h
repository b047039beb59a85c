// The guide's exercises as journal entries, tied to parts. Every entry type is described as data (its
// prompts and their kinds), so one editor, one store and one search serve them all.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/answers.h"

namespace innerscape::core {

using PartId = std::uint64_t;
using EntryId = std::uint64_t;

enum class EntryType : std::uint8_t {
  trigger,             // what happened, which parts responded, intensity before and after soothing
  letter,              // a letter from the Self to a part
  thought_record,      // CBT: situation, thought, distortions, evidence, a balanced thought
  radical_acceptance,  // what I can control, what I can't
  opposite_action,     // DBT: emotion, urge, the opposite action, a first small step
  check_in,            // the 8 C's of Self energy
  movement,            // a quick log of exercise
  creative,            // a quick log of creative time
};
inline constexpr int entry_type_count = 8;

enum class FieldKind : std::uint8_t { line, text, rating, checklist };

struct ChoiceSpec {
  std::string_view key;
  std::string_view name;
  std::string_view explanation;  // one plain line
};

struct FieldSpec {
  std::string_view key;
  std::string_view prompt;       // in the app's own warm words
  FieldKind kind = FieldKind::text;
  std::span<const ChoiceSpec> choices = {};  // for checklists
};

struct EntryTypeSpec {
  EntryType type;
  std::string_view key;          // stable, stored
  std::string_view name;
  std::string_view intro;
  std::span<const FieldSpec> fields;
};

std::span<const EntryTypeSpec> entry_types();
const EntryTypeSpec& entry_type_spec(EntryType type);
const EntryTypeSpec* find_entry_type(std::string_view key);
const FieldSpec* find_field(const EntryTypeSpec& spec, std::string_view key);

// The eight qualities of the Self, in the guide's order.
std::span<const ChoiceSpec> eight_cs();
// The cognitive distortions a thought record can name.
std::span<const ChoiceSpec> distortions();

inline constexpr int max_rating = 10;

struct Entry {
  EntryId id = 0;
  EntryType type = EntryType::trigger;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<PartId> parts;  // the parts it is about
  Answers answers;            // line and text fields, ratings (0 .. 10) and checklists' chosen keys, by field key

  bool operator==(const Entry&) const = default;
};

// Keeps only what the entry's type knows: unknown fields dropped, ratings within 0..10, checklist
// choices that exist, parts listed once. Text is kept exactly, of any length and script.
void sanitize(Entry& entry);

// All of an entry's words in one string, for search.
std::string searchable_text(const Entry& entry);

// Entries whose words contain every word of the query as the start of a word (ASCII letters compare
// without case), newest first. The store's full-text index does this faster for a large journal;
// this serves where there is no store (the demo).
std::vector<EntryId> search_in_memory(const std::vector<Entry>& journal, const std::string& query);

// For each part, how strongly it pulses in the scene: parts that answered a trigger in the last
// seven days, more for more entries (0 .. 1; three entries or more is the most).
inline constexpr std::int64_t pulse_window_s = 7 * 24 * 60 * 60;
std::map<PartId, float> recent_trigger_pulse(const std::vector<Entry>& journal, std::int64_t now);

// Insights, as plain numbers for small charts.
inline constexpr std::int64_t week_s = 7 * 24 * 60 * 60;
// For each part with triggers: how many in each of the last `weeks` weeks, oldest week first.
std::map<PartId, std::vector<int>> triggers_per_week(const std::vector<Entry>& journal, std::int64_t now, int weeks);
// Each check-in's Self energy (the mean of the 8 C's, 0..10), oldest first, with its time.
std::vector<std::pair<std::int64_t, float>> self_energy_over_time(const std::vector<Entry>& journal);

// How brightly the Self glows after a check-in: the mean of the 8 C's, never dark.
float self_glow_from_check_in(const Entry& check_in);

}  // namespace innerscape::core
