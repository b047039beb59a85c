// The example system --demo opens: an anxious-attachment system built from the archetypes.
#include "core/demo_system.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <glm/geometric.hpp>

#include "core/archetypes.h"
#include "core/drawing.h"
#include "core/arrange.h"
#include "core/edits.h"
#include "core/journal.h"

namespace innerscape::core {
namespace {

constexpr std::int64_t demo_time = 1767225600;  // a fixed date, so the demo is the same every time

PartId add(InnerSystem& system, std::string_view archetype, std::string name, int age, int trust, float size,
           std::string fears = {}, std::string needs_to_hear = {}) {
  Part part = part_from_archetype(*find_archetype(archetype), {0.0f, 0.0f});
  part.name = std::move(name);
  part.age = age;
  part.trust = trust;
  part.size = size;
  part.fears = std::move(fears);
  part.needs_to_hear = std::move(needs_to_hear);
  const Edit edit = add_part(system, std::move(part), demo_time);
  apply_edit(system, edit);
  return std::get<AddPart>(edit.steps.front()).part.id;
}

void link(InnerSystem& system, PartId from, PartId to, RelationKind kind) {
  apply_edit(system, relate(system, from, to, kind));
}

void stroke(InnerSystem& system, DrawingId drawing, Brush brush, std::uint32_t color, float size, float opacity,
            std::vector<glm::vec2> raw) {
  // Sampled every few pixels along the lines given, as a hand's pointer would be.
  std::vector<glm::vec2> samples;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (i == 0) {
      samples.push_back(raw[0]);
      continue;
    }
    const int n = std::max(1, static_cast<int>(glm::length(raw[i] - raw[i - 1]) / 4.0f));
    for (int k = 1; k <= n; ++k) samples.push_back(glm::mix(raw[i - 1], raw[i], static_cast<float>(k) / static_cast<float>(n)));
  }
  Stroke st{.brush = brush, .color = color, .size = size, .opacity = opacity, .points = {}};
  st.points = smooth_path(samples, path_spacing(size));
  apply_edit(system, add_stroke(system, drawing, std::move(st), demo_time));
}

std::vector<glm::vec2> ring(glm::vec2 centre, float radius, int steps) {
  std::vector<glm::vec2> points;
  for (int i = 0; i <= steps; ++i) {
    const float a = static_cast<float>(i) / static_cast<float>(steps) * 6.2831853f;
    points.push_back(centre + radius * glm::vec2(std::cos(a), std::sin(a)));
  }
  return points;
}

// A child's drawing of the little one at the window, worn as that part's portrait.
void draw_little_one(InnerSystem& s, PartId little) {
  const DrawingId d = peek_next_drawing_id(s);
  apply_edit(s, draw_part(s, little, demo_time));
  for (float y = 250.0f; y <= 620.0f; y += 70.0f) stroke(s, d, Brush::soft, 0xa7c6da, 130.0f, 0.55f, {{380, y}, {600, y + 8}, {820, y}});
  stroke(s, d, Brush::soft, 0xe3b448, 120.0f, 0.85f, {{770, 300}});
  stroke(s, d, Brush::pen, 0x9c6b4e, 12.0f, 1.0f, {{350, 200}, {850, 200}, {850, 660}, {350, 660}, {350, 200}});
  stroke(s, d, Brush::pen, 0x9c6b4e, 8.0f, 1.0f, {{600, 200}, {600, 430}});
  stroke(s, d, Brush::pen, 0x9c6b4e, 8.0f, 1.0f, {{350, 430}, {850, 430}});
  stroke(s, d, Brush::marker, 0xd46a6a, 34.0f, 0.9f, {{600, 610}, {585, 700}, {560, 820}, {640, 820}, {615, 700}, {600, 610}});
  stroke(s, d, Brush::soft, 0xe08e5b, 70.0f, 0.9f, {{600, 560}});
  stroke(s, d, Brush::pen, 0x3b3a4a, 6.0f, 1.0f, ring({600, 560}, 38.0f, 40));
  stroke(s, d, Brush::pen, 0x3b3a4a, 7.0f, 1.0f, {{586, 552}});
  stroke(s, d, Brush::pen, 0x3b3a4a, 7.0f, 1.0f, {{614, 552}});
}

}  // namespace

InnerSystem make_demo_system() {
  InnerSystem s;
  s.self.glow = 0.8f;
  s.soothing = starting_soothing_words();
  const PartId little = add(s, "rejected_young", "Little one by the window", 6, 30, 0.9f,
                            "That nobody is coming back.", "I see you, and I am staying.");
  const PartId unseen = add(s, "unseen", "The invisible girl", 9, 25, 0.8f, "Being too much, and not enough.",
                            "You do not have to earn your place.");
  const PartId longing = add(s, "craving_love", "The one who aches", 14, 40, 0.85f);
  const PartId pleaser = add(s, "pleaser", "Sunny", 12, 55, 1.1f, "If they are unhappy, they will go.");
  const PartId analyzer = add(s, "over_analyzer", "The Detective", 16, 45, 1.3f, "Missing the sign that it is over.");
  const PartId critic = add(s, "self_critic", "The Judge", 13, 35, 1.2f, "That it is all my fault.");
  const PartId reader = add(s, "people_reader", "Weather-watcher", 10, 60, 1.0f);
  const PartId reaching = add(s, "reaching", "One more text", 15, 30, 1.4f, "The silence means goodbye.");
  const PartId numbing = add(s, "numbing", "The blanket", 17, 50, 1.0f);
  const PartId panic = add(s, "panicking", "The siren", 7, 20, 1.5f);

  link(s, pleaser, little, RelationKind::protects);
  link(s, analyzer, unseen, RelationKind::protects);
  link(s, reader, little, RelationKind::protects);
  link(s, critic, unseen, RelationKind::protects);
  link(s, reaching, longing, RelationKind::protects);
  link(s, numbing, longing, RelationKind::protects);
  link(s, panic, little, RelationKind::protects);
  link(s, reaching, numbing, RelationKind::polarized);
  link(s, critic, pleaser, RelationKind::polarized);
  link(s, analyzer, reader, RelationKind::allied);
  link(s, pleaser, reader, RelationKind::allied);

  apply_edit(s, move_parts(s, arranged_positions(s), demo_time));

  draw_little_one(s, little);

  // A few pages of an example journal.
  Entry trigger{.type = EntryType::trigger, .parts = {reaching, little}};
  trigger.answers.set_text("what_happened", "A message sat unanswered all evening, and my chest went tight.");
  trigger.answers.set_rating("intensity_before", 8);
  trigger.answers.set_rating("intensity_after", 4);
  trigger.answers.set_text("soothe_next_time", "Hand on my chest, three slow breaths, and tell the little one I am here.");
  apply_edit(s, add_entry(s, trigger, demo_time + 86400));
  Entry letter{.type = EntryType::letter, .parts = {little}};
  letter.answers.set_text("to", "Little one by the window");
  letter.answers.set_text("understanding", "You waited so long for someone to come back. Of course you are scared.");
  letter.answers.set_text("reassurance", "I am grown now, and I am here. You are not alone at the window any more.");
  letter.answers.set_text("promise", "I will check on you, every day, even when it is busy.");
  apply_edit(s, add_entry(s, letter, demo_time + 2 * 86400));
  Entry check_in{.type = EntryType::check_in};
  const int levels[] = {6, 8, 5, 7, 4, 5, 6, 7};
  for (std::size_t i = 0; i < eight_cs().size(); ++i) check_in.answers.set_rating(eight_cs()[i].key, levels[i]);
  check_in.answers.set_text("curiosity_thought", "I wonder what the Detective is trying to protect.");
  apply_edit(s, add_entry(s, check_in, demo_time + 3 * 86400));
  apply_edit(s, add_milestone(s, {demo_time - 150 * 86400, "The siren let me breathe"}));
  apply_edit(s, add_milestone(s, {demo_time + 2 * 86400, "First letter to the little one"}));
  return s;
}

MapHistory make_demo_history(const InnerSystem& demo) {
  constexpr std::int64_t day = 86400;
  const std::int64_t begin = demo_time - 330 * day;
  const MapState final_state = map_state(demo);
  // When each part first appeared, in days from the beginning: protectors first, exiles later.
  const auto arrives = [&](const Part& p) -> std::int64_t {
    if (p.kind == PartKind::exile) return 90 + static_cast<std::int64_t>(p.id % 3) * 20;
    return p.kind == PartKind::firefighter ? 10 + static_cast<std::int64_t>(p.id % 4) * 12 : static_cast<std::int64_t>(p.id % 5) * 9;
  };
  // The map on day `d`: `f` is how far along the healing is, 0 .. 1.
  const auto map_on = [&](std::int64_t d) {
    const float f = std::clamp(static_cast<float>(d - 100) / 230.0f, 0.0f, 1.0f);
    const float eased = f * f * (3.0f - 2.0f * f);
    MapState s;
    s.self.glow = 0.3f + (final_state.self.glow - 0.3f) * eased;
    for (const Part& p : final_state.parts) {
      if (arrives(p) > d) continue;
      Part then = p;
      const bool exile = p.kind == PartKind::exile;
      const float out = (exile ? 1.9f : 1.45f) - (exile ? 0.9f : 0.45f) * eased;  // exiles come closer; protectors settle
      then.position = p.position * out;
      then.size = std::clamp(p.size + (exile ? -0.3f : 0.45f) * (1.0f - eased), min_part_size, max_part_size);
      then.depth = exile ? 0.85f - 0.85f * eased + p.depth * eased : p.depth;
      then.trust = static_cast<int>(std::lround(static_cast<float>(p.trust) * (0.35f + 0.65f * eased)));
      s.parts.push_back(then);
    }
    for (const Relationship& r : final_state.relationships) {
      if (find_part(s, r.from) != nullptr && find_part(s, r.to) != nullptr) s.relationships.push_back(r);
    }
    return s;
  };
  MapHistory history;
  MapState before;
  for (std::int64_t d = 0; d <= 330; d += (d < 120 ? 3 : 7)) {
    const MapState now = map_on(d);
    record_changes(before, now, begin + d * day + 19 * 3600, history);  // an evening's work
    before = now;
  }
  record_changes(before, final_state, demo_time, history);
  return history;
}

InnerSystem make_large_system(int parts, int relationships) {
  InnerSystem s;
  s.parts.reserve(static_cast<std::size_t>(std::max(parts, 0)));
  for (int i = 0; i < parts; ++i) {
    // A golden-angle spiral: even coverage, no overlaps to speak of, the same every time.
    const float angle = static_cast<float>(i) * 2.39996323f;
    const float radius = 0.3f + 2.2f * std::sqrt(static_cast<float>(i) / static_cast<float>(std::max(parts, 1)));
    Part p = blank_part(static_cast<PartKind>(i % part_kind_count), {radius * std::cos(angle), radius * std::sin(angle)});
    p.id = static_cast<PartId>(i + 1);
    p.name = std::string(kind_name(p.kind)) + " " + std::to_string(i + 1);
    p.trust = (i * 37) % 101;
    p.size = 0.7f + 0.1f * static_cast<float>(i % 7);
    s.parts.push_back(std::move(p));
  }
  s.next_id = static_cast<PartId>(parts + 1);
  for (int r = 0; r < relationships && parts > 1; ++r) {
    // On a golden-angle spiral, indices 21 and 34 apart (Fibonacci numbers) are close neighbours in
    // space, as related parts usually are on a real map. Pairs never repeat for r < 2 * parts.
    const int a = r % parts;
    const int b = (a + ((r / parts) % 2 == 0 ? 21 : 34)) % parts;
    if (a == b) continue;
    s.relationships.push_back({s.parts[static_cast<std::size_t>(a)].id, s.parts[static_cast<std::size_t>(b)].id,
                               static_cast<RelationKind>(r % relation_kind_count)});
  }
  return s;
}

InnerSystem make_long_journal(std::size_t count, std::int64_t end) {
  InnerSystem s = make_demo_system();
  constexpr std::array words = {"message", "waiting",  "silence", "chest",    "tight",  "breath",  "morning", "call",
                                "friend",  "alone",    "window",  "text",     "worry",  "calm",    "walk",    "garden",
                                "anxious", "held",     "promise", "evening",  "phone",  "quiet",  "stayed",  "left",
                                "back",    "reassure", "kind",    "tomorrow", "rested", "enough", "seen",    "safe"};
  std::uint32_t seed = 2024u;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  auto sentence = [&](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += std::string(i ? " " : "") + words[next() % words.size()];
    return out;
  };
  const std::int64_t span = 5LL * 365 * 86400;
  s.journal.reserve(s.journal.size() + count);
  for (std::size_t i = 0; i < count; ++i) {
    Entry e;
    e.id = s.next_entry_id++;
    e.type = static_cast<EntryType>(next() % entry_type_count);
    e.created_at = e.updated_at = end - span + static_cast<std::int64_t>(static_cast<double>(span) * static_cast<double>(i) / static_cast<double>(count));
    e.parts.push_back(s.parts[next() % s.parts.size()].id);
    for (const FieldSpec& f : entry_type_spec(e.type).fields) {
      if (f.kind == FieldKind::rating) e.answers.set_rating(f.key, static_cast<int>(next() % 11));
      if (f.kind == FieldKind::line) e.answers.set_text(f.key, sentence(4));
      if (f.kind == FieldKind::text && next() % 2 == 0) e.answers.set_text(f.key, sentence(18));
    }
    s.journal.push_back(std::move(e));
  }
  // The journal is kept oldest first.
  std::vector<Entry>& pages = s.journal.edit();
  std::stable_sort(pages.begin(), pages.end(), [](const Entry& a, const Entry& b) { return a.created_at < b.created_at; });
  return s;
}

Drawing make_busy_drawing(std::size_t count) {
  Drawing d;
  d.id = 1;
  d.title = "Many strokes";
  d.strokes.reserve(count);
  std::uint32_t seed = 12345u;
  auto next = [&seed] {  // a small LCG: the same scatter on every machine
    seed = seed * 1664525u + 1013904223u;
    return static_cast<float>(seed >> 8) / static_cast<float>(1u << 24);
  };
  const auto colors = calm_colors();
  for (std::size_t i = 0; i < count; ++i) {
    Stroke s;
    s.brush = static_cast<Brush>(i % 3);  // pen, soft, marker
    s.color = colors[i % colors.size()];
    s.size = 2.0f + 10.0f * next();
    s.opacity = 0.4f + 0.6f * next();
    glm::vec2 p{next() * static_cast<float>(canvas_size.x), next() * static_cast<float>(canvas_size.y)};
    const float angle = next() * 6.2831853f;
    for (int k = 0; k < 6; ++k) {
      s.points.push_back(p);
      p += 4.0f * glm::vec2(std::cos(angle + 0.3f * static_cast<float>(k)), std::sin(angle + 0.3f * static_cast<float>(k)));
    }
    d.strokes.push_back(std::make_shared<const Stroke>(std::move(s)));
  }
  return d;
}

}  // namespace innerscape::core
