// The part archetypes an anxious-attachment system often holds, as presets a person can start from.
#include "core/archetypes.h"

#include <algorithm>
#include <array>

namespace innerscape::core {
namespace {

constexpr std::array presets = {
    // Managers: they work ahead of time so that pain never has a chance to arrive.
    Archetype{"pleaser", "The Pleaser", PartKind::manager,
              "Works hard to keep the people it loves happy, hoping that keeps them close.",
              "Keeps others content so nobody has a reason to leave."},
    Archetype{"over_analyzer", "The Over-Analyzer", PartKind::manager,
              "Reads every message and pause again and again, looking for signs of distance.",
              "Searches for early warnings so a rejection never comes as a surprise."},
    Archetype{"controller", "The Controller", PartKind::manager,
              "Tries to steer how things go between you, so nothing changes without warning.",
              "Holds the plan tightly so disconnection cannot sneak up."},
    Archetype{"clinger", "The Clinger", PartKind::manager,
              "Longs to stay near and asks for reassurance, again and again.",
              "Keeps contact close so the fear of being left stays quiet."},
    Archetype{"fixer", "The Fixer", PartKind::manager,
              "Takes on the job of mending every rough patch, even ones that are not yours.",
              "Repairs things quickly so the bond never feels at risk."},
    Archetype{"people_reader", "The People-Reader", PartKind::manager,
              "Senses every shift in tone or mood, scanning the room for safety.",
              "Notices trouble first so you can get ready for it."},
    Archetype{"self_critic", "The Self-Critic", PartKind::manager,
              "Turns distance into blame on you: \"what did I do, why am I like this?\"",
              "Blames you first, hoping that fixing yourself will keep love nearby."},
    // Firefighters: they rush in when the hurt is already here, to put it out at any cost.
    Archetype{"panicking", "Panicking", PartKind::firefighter,
              "Floods the body with alarm until nothing else can be thought about.",
              "Sounds every alarm at once so the danger cannot be ignored."},
    Archetype{"reaching", "Reaching or Baiting", PartKind::firefighter,
              "Sends one more message, checks one more profile, tests whether you still matter.",
              "Reaches out fast to calm the fear of being left."},
    Archetype{"performing", "Performing", PartKind::firefighter,
              "Tries to become more perfect and more lovable the moment love feels far away.",
              "Earns closeness back by being impressive."},
    Archetype{"melting_down", "Melting Down", PartKind::firefighter,
              "Protests loudly, with tears or anger, so the need finally gets heard.",
              "Makes the pain too big to overlook."},
    Archetype{"numbing", "Numbing", PartKind::firefighter,
              "Switches the feelings off with food, screens, substances or daydreams.",
              "Turns the volume down when the hurt is too loud."},
    // Exiles: younger parts that carry the old hurt, kept away so it does not overwhelm.
    Archetype{"rejected_young", "The young one who was turned away", PartKind::exile,
              "A young part that remembers reaching out and not being met.",
              ""},
    Archetype{"helpless", "The helpless one", PartKind::exile,
              "A part that feels small and unable to change what is happening.",
              ""},
    Archetype{"unseen", "The unlovable or unseen one", PartKind::exile,
              "A part that believes it is too much, or not enough, to be loved or noticed.",
              ""},
    Archetype{"craving_love", "The one who longs for love", PartKind::exile,
              "A part that aches for warmth, affection and being held.",
              ""},
};

}  // namespace

std::span<const Archetype> archetypes() { return presets; }

const Archetype* find_archetype(std::string_view key) {
  const auto it = std::find_if(presets.begin(), presets.end(), [key](const Archetype& a) { return a.key == key; });
  return it != presets.end() ? &*it : nullptr;
}

Part part_from_archetype(const Archetype& archetype, glm::vec2 position) {
  Part part = blank_part(archetype.kind, position);
  part.name = std::string(archetype.name);
  part.archetype = std::string(archetype.key);
  part.job = std::string(archetype.job);
  return part;
}

Part blank_part(PartKind kind, glm::vec2 position) {
  Part part;
  part.kind = kind;
  part.position = position;
  // Exiles tend to live deeper and quieter in the system; protectors nearer the surface.
  part.depth = kind == PartKind::exile ? 0.5f : 0.0f;
  part.size = kind == PartKind::exile ? 0.85f : 1.0f;
  return part;
}

}  // namespace innerscape::core
