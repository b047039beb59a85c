// Soft tones for the breathing guide, synthesized (no sound files): a gentle sine with a slow attack
// and a long fade, so a phase change is marked without a click or a start.
#pragma once

#include <vector>

#include "core/breathing.h"

namespace innerscape::core {

inline constexpr int tone_sample_rate = 48000;

// Mono samples in -1..1: `seconds` long, at `frequency` Hz, peaking at `volume` (0..1).
std::vector<float> soft_tone(double frequency, double seconds, float volume, int sample_rate = tone_sample_rate);

// The tone that marks the start of a phase: higher for breathing in, lower for breathing out, a
// quiet middle note for the holds.
double phase_tone_frequency(BreathPhase phase);

}  // namespace innerscape::core
