// The guide's exercises as journal entries, tied to parts, each type described as data.
#include "core/journal.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace innerscape::core {
namespace {

constexpr std::array eight_c_choices = {
    ChoiceSpec{"calm", "Calm", "I can slow down, breathe, and answer instead of react."},
    ChoiceSpec{"curiosity", "Curiosity", "I wonder what this part is trying to tell me."},
    ChoiceSpec{"clarity", "Clarity", "I can tell what is mine and what belongs to someone else."},
    ChoiceSpec{"compassion", "Compassion", "Of course I feel this, given what I have lived."},
    ChoiceSpec{"confidence", "Confidence", "I trust myself to handle this, even when it is hard."},
    ChoiceSpec{"courage", "Courage", "I am willing to feel some discomfort if it helps me heal."},
    ChoiceSpec{"creativity", "Creativity", "There may be another way to see this, or to respond."},
    ChoiceSpec{"connectedness", "Connectedness", "I am not alone: I can reach out, and I can hold myself."},
};

constexpr std::array distortion_choices = {
    ChoiceSpec{"catastrophizing", "Catastrophizing", "Jumping to the worst possible ending."},
    ChoiceSpec{"mind_reading", "Mind-reading", "Being sure of what someone thinks without being told."},
    ChoiceSpec{"black_and_white", "Black-and-white thinking", "Seeing only all or nothing, always or never."},
    ChoiceSpec{"fortune_telling", "Fortune-telling", "Treating a feared future as already decided."},
    ChoiceSpec{"personalization", "Personalization", "Taking the blame for things that are not only about me."},
    ChoiceSpec{"emotional_reasoning", "Emotional reasoning", "Believing it must be true because it feels true."},
    ChoiceSpec{"should_statements", "Should statements", "Rigid rules about how I or others must be."},
    ChoiceSpec{"overgeneralization", "Overgeneralization", "One hard moment turned into a lasting pattern."},
    ChoiceSpec{"labeling", "Labeling", "A whole person summed up in one harsh word."},
    ChoiceSpec{"discounting_positive", "Discounting the positive", "Good things waved away as not counting."},
    ChoiceSpec{"mental_filter", "Mental filtering", "Seeing only the painful detail and missing the rest."},
};

constexpr std::array trigger_fields = {
    FieldSpec{"what_happened", "What happened?", FieldKind::text},
    FieldSpec{"intensity_before", "How strong was it, before soothing? (0 to 10)", FieldKind::rating},
    FieldSpec{"intensity_after", "And after soothing? (0 to 10)", FieldKind::rating},
    FieldSpec{"soothe_next_time", "What could soothe this part next time, instead of reacting on autopilot?", FieldKind::text},
};

constexpr std::array letter_fields = {
    FieldSpec{"to", "Dear...", FieldKind::line},
    FieldSpec{"understanding", "I understand what you are afraid of:", FieldKind::text},
    FieldSpec{"reassurance", "Here is why you are safe now:", FieldKind::text},
    FieldSpec{"promise", "My promise to care for you:", FieldKind::text},
    FieldSpec{"letter", "Anything else you want it to know:", FieldKind::text},
};

constexpr std::array thought_fields = {
    FieldSpec{"situation", "The situation", FieldKind::text},
    FieldSpec{"thought", "The thought that came on its own", FieldKind::text},
    FieldSpec{"emotion", "The feeling", FieldKind::line},
    FieldSpec{"intensity_before", "How strong (0 to 10)", FieldKind::rating},
    FieldSpec{"distortions", "Which thinking traps does it show?", FieldKind::checklist, distortion_choices},
    FieldSpec{"evidence_for", "What supports the thought?", FieldKind::text},
    FieldSpec{"evidence_against", "What does not fit it?", FieldKind::text},
    FieldSpec{"other_explanation", "Is there another possible explanation?", FieldKind::text},
    FieldSpec{"balanced_thought", "A more balanced thought", FieldKind::text},
    FieldSpec{"intensity_after", "How strong is the feeling now? (0 to 10)", FieldKind::rating},
};

constexpr std::array acceptance_fields = {
    FieldSpec{"can_control", "What I can control", FieldKind::text},
    FieldSpec{"cannot_control", "What I can't control", FieldKind::text},
    FieldSpec{"closing", "This is hard, and I can't control it. But I can take care of myself.", FieldKind::text},
};

constexpr std::array opposite_fields = {
    FieldSpec{"emotion", "The feeling", FieldKind::line},
    FieldSpec{"urge", "What it urges me to do", FieldKind::text},
    FieldSpec{"opposite", "The opposite action", FieldKind::text},
    FieldSpec{"first_step", "One small first step", FieldKind::text},
    FieldSpec{"how_it_went", "How it went", FieldKind::text},
};

constexpr auto check_in_fields = [] {
  std::array<FieldSpec, 16> f{};
  constexpr std::array<std::string_view, 8> thoughts = {"calm_thought",       "curiosity_thought", "clarity_thought",
                                                        "compassion_thought", "confidence_thought", "courage_thought",
                                                        "creativity_thought", "connectedness_thought"};
  for (std::size_t i = 0; i < 8; ++i) {
    f[2 * i] = FieldSpec{eight_c_choices[i].key, eight_c_choices[i].name, FieldKind::rating};
    f[2 * i + 1] = FieldSpec{thoughts[i], eight_c_choices[i].explanation, FieldKind::line};
  }
  return f;
}();

constexpr std::array movement_fields = {
    FieldSpec{"what", "What I did", FieldKind::line},
    FieldSpec{"minutes", "For how many minutes", FieldKind::line},
    FieldSpec{"felt_after", "How I felt afterwards", FieldKind::text},
};

constexpr std::array creative_fields = {
    FieldSpec{"what", "What I made or explored", FieldKind::line},
    FieldSpec{"minutes", "For how many minutes", FieldKind::line},
    FieldSpec{"felt_after", "How I felt afterwards", FieldKind::text},
};

constexpr std::array types = {
    EntryTypeSpec{EntryType::trigger, "trigger", "Trigger journal",
                  "When the fear of being left rises, write down what happened and which parts answered.", trigger_fields},
    EntryTypeSpec{EntryType::letter, "letter", "Letter from the Self",
                  "A letter from your wise, calm Self to a part that is hurting.", letter_fields},
    EntryTypeSpec{EntryType::thought_record, "thought_record", "Thought record",
                  "Slow a spiralling thought down and look at it from more than one side.", thought_fields},
    EntryTypeSpec{EntryType::radical_acceptance, "radical_acceptance", "Radical acceptance",
                  "Two columns: what is yours to hold, and what is not.", acceptance_fields},
    EntryTypeSpec{EntryType::opposite_action, "opposite_action", "Opposite action",
                  "The feeling is valid; the urge may not help. Try a small step the other way.", opposite_fields},
    EntryTypeSpec{EntryType::check_in, "check_in", "Self-energy check-in",
                  "How present are the eight qualities of your Self right now?", check_in_fields},
    EntryTypeSpec{EntryType::movement, "movement", "Movement", "A walk, a dance, a swim: what moved you today.",
                  movement_fields},
    EntryTypeSpec{EntryType::creative, "creative", "Creative time", "Time spent making, playing or exploring.",
                  creative_fields},
};

}  // namespace

std::span<const EntryTypeSpec> entry_types() { return types; }
std::span<const ChoiceSpec> eight_cs() { return eight_c_choices; }
std::span<const ChoiceSpec> distortions() { return distortion_choices; }

const EntryTypeSpec& entry_type_spec(EntryType type) { return types[static_cast<std::size_t>(type)]; }

const EntryTypeSpec* find_entry_type(std::string_view key) {
  const auto it = std::find_if(types.begin(), types.end(), [key](const EntryTypeSpec& t) { return t.key == key; });
  return it != types.end() ? &*it : nullptr;
}

const FieldSpec* find_field(const EntryTypeSpec& spec, std::string_view key) {
  const auto it = std::find_if(spec.fields.begin(), spec.fields.end(), [key](const FieldSpec& f) { return f.key == key; });
  return it != spec.fields.end() ? &*it : nullptr;
}

void sanitize(Entry& entry) {
  const EntryTypeSpec& spec = entry_type_spec(entry.type);
  auto kind_of = [](FieldKind k) {
    return k == FieldKind::rating ? Answers::Kind::rating : k == FieldKind::checklist ? Answers::Kind::choices : Answers::Kind::text;
  };
  entry.answers.keep_if([&](const Answers::Field& f) {
    const FieldSpec* field = find_field(spec, f.key);
    return field != nullptr && kind_of(field->kind) == f.kind;
  });
  // Ratings within 0..10; choices the field offers, each once. Only what needs it is written again.
  std::vector<std::pair<std::string, int>> ratings;
  std::vector<std::pair<std::string, std::vector<std::string>>> choices;
  for (const Answers::Field& f : entry.answers) {
    if (f.kind == Answers::Kind::rating && (f.rating() < 0 || f.rating() > max_rating)) {
      ratings.emplace_back(f.key, std::clamp(f.rating(), 0, max_rating));
    }
    if (f.kind == Answers::Kind::choices) {
      const FieldSpec* field = find_field(spec, f.key);
      std::vector<std::string> valid;
      const std::vector<std::string_view> given = f.choices();
      for (std::string_view c : given) {
        const bool known = std::any_of(field->choices.begin(), field->choices.end(), [&](const ChoiceSpec& s) { return s.key == c; });
        if (known && std::find(valid.begin(), valid.end(), c) == valid.end()) valid.emplace_back(c);
      }
      if (!std::equal(valid.begin(), valid.end(), given.begin(), given.end())) choices.emplace_back(f.key, std::move(valid));
    }
  }
  for (const auto& [key, value] : ratings) entry.answers.set_rating(key, value);
  for (const auto& [key, valid] : choices) {
    const std::vector<std::string_view> views(valid.begin(), valid.end());
    entry.answers.set_choices(key, views);
  }
  std::vector<PartId> parts;
  for (PartId id : entry.parts) {
    if (id != 0 && std::find(parts.begin(), parts.end(), id) == parts.end()) parts.push_back(id);
  }
  entry.parts = std::move(parts);
  if (entry.updated_at < entry.created_at) entry.updated_at = entry.created_at;
}

std::string searchable_text(const Entry& entry) {
  std::string out(entry_type_spec(entry.type).name);
  for (const Answers::Field& f : entry.answers) {
    if (f.kind == Answers::Kind::text) out.append("\n").append(f.text());
  }
  for (const Answers::Field& f : entry.answers) {
    if (f.kind != Answers::Kind::choices) continue;
    const FieldSpec* field = find_field(entry_type_spec(entry.type), f.key);
    for (std::string_view c : f.choices()) {
      for (const ChoiceSpec& choice : field != nullptr ? field->choices : std::span<const ChoiceSpec>()) {
        if (choice.key == c) out.append("\n").append(choice.name);
      }
    }
  }
  return out;
}

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

}  // namespace

std::vector<EntryId> search_in_memory(const std::vector<Entry>& journal, const std::string& query) {
  const std::vector<std::string> wanted = words_of(query);
  std::vector<EntryId> out;
  if (wanted.empty()) return out;
  for (auto it = journal.rbegin(); it != journal.rend(); ++it) {
    const std::vector<std::string> words = words_of(searchable_text(*it));
    const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
      return std::any_of(words.begin(), words.end(), [&](const std::string& have) { return have.starts_with(w); });
    });
    if (all) out.push_back(it->id);
  }
  return out;
}

std::map<PartId, float> recent_trigger_pulse(const std::vector<Entry>& journal, std::int64_t now) {
  std::map<PartId, int> count;
  for (const Entry& e : journal) {
    if (e.type != EntryType::trigger || e.created_at < now - pulse_window_s || e.created_at > now) continue;
    for (PartId p : e.parts) ++count[p];
  }
  std::map<PartId, float> out;
  for (const auto& [part, n] : count) out[part] = std::min(1.0f, static_cast<float>(n) / 3.0f);
  return out;
}

std::map<PartId, std::vector<int>> triggers_per_week(const std::vector<Entry>& journal, std::int64_t now, int weeks) {
  std::map<PartId, std::vector<int>> out;
  if (weeks <= 0) return out;
  for (const Entry& e : journal) {
    if (e.type != EntryType::trigger || e.created_at > now) continue;
    const std::int64_t ago = (now - e.created_at) / week_s;  // 0: this week
    if (ago >= weeks) continue;
    for (PartId p : e.parts) {
      auto& counts = out[p];
      counts.resize(static_cast<std::size_t>(weeks), 0);
      ++counts[static_cast<std::size_t>(weeks - 1 - ago)];
    }
  }
  return out;
}

std::vector<std::pair<std::int64_t, float>> self_energy_over_time(const std::vector<Entry>& journal) {
  std::vector<std::pair<std::int64_t, float>> out;
  for (const Entry& e : journal) {
    if (e.type != EntryType::check_in) continue;
    int sum = 0, count = 0;
    for (const ChoiceSpec& c : eight_c_choices) {
      if (const auto rating = e.answers.rating(c.key)) {
        sum += *rating;
        ++count;
      }
    }
    if (count > 0) out.emplace_back(e.created_at, static_cast<float>(sum) / static_cast<float>(count));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

float self_glow_from_check_in(const Entry& check_in) {
  int sum = 0;
  int count = 0;
  for (const ChoiceSpec& c : eight_c_choices) {
    if (const auto rating = check_in.answers.rating(c.key)) {
      sum += *rating;
      ++count;
    }
  }
  if (count == 0) return 0.75f;
  const float mean = static_cast<float>(sum) / static_cast<float>(count * max_rating);
  return 0.35f + 0.65f * mean;  // the Self is always there, even when clouded: never below 0.35
}

}  // namespace innerscape::core
