// The breathing guide's tones: soft at both ends, at the asked pitch and loudness, and played through
// SDL's dummy audio driver without a sound card.
#include <doctest/doctest.h>

#include <SDL.h>

#include <cmath>
#include <cstdlib>

#include "core/tone.h"
#include "platform/audio.h"

using namespace innerscape;

TEST_CASE("a soft tone: the length, the pitch and the loudness asked for, with no click at either end") {
  const std::vector<float> tone = core::soft_tone(440.0, 0.5, 0.3f);
  REQUIRE(tone.size() == static_cast<std::size_t>(0.5 * core::tone_sample_rate));
  float peak = 0.0f;
  int crossings = 0;
  for (std::size_t i = 1; i < tone.size(); ++i) {
    peak = std::max(peak, std::abs(tone[i]));
    crossings += (tone[i - 1] < 0.0f) != (tone[i] < 0.0f) ? 1 : 0;
  }
  CHECK(peak <= 0.3f);
  CHECK(peak > 0.15f);
  CHECK(std::abs(tone.front()) < 1e-3f);
  CHECK(std::abs(tone.back()) < 1e-3f);
  // About two crossings per cycle of the fundamental (the octave above adds a few).
  CHECK(crossings == doctest::Approx(2 * 440 * 0.5).epsilon(0.15));
  CHECK(core::soft_tone(440.0, 0.5, 0.0f) == std::vector<float>(tone.size(), 0.0f));
  CHECK(core::phase_tone_frequency(core::BreathPhase::inhale) > core::phase_tone_frequency(core::BreathPhase::exhale));
}

TEST_CASE("tones reach SDL's dummy audio driver: no sound card needed") {
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  REQUIRE(SDL_Init(0) == 0);
  {
    platform::Audio audio;
    INFO(audio.problem());
    REQUIRE(audio.available());
    const std::vector<float> tone = core::soft_tone(528.0, 0.25, 0.2f);
    audio.play(tone);
    // The dummy driver plays in real time: a quarter second of sound is still mostly waiting.
    CHECK(audio.queued_bytes() > tone.size() * sizeof(float) / 2);
  }
  SDL_Quit();
}
