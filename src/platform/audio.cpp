// Sound out through SDL, for the breathing guide's tones; silent, and fine, without a device.
#include "platform/audio.h"

#include <SDL.h>

#include "core/tone.h"

namespace innerscape::platform {

Audio::Audio() {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    problem_ = std::string("no sound: ") + SDL_GetError();
    return;
  }
  // No device listed: stay silent without asking the driver to open one (some print to stderr).
  if (SDL_GetNumAudioDevices(0) <= 0) {
    problem_ = "no sound: no audio device was found";
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return;
  }
  SDL_AudioSpec want{};
  want.freq = core::tone_sample_rate;
  want.format = AUDIO_F32SYS;
  want.channels = 1;
  want.samples = 2048;
  SDL_AudioSpec have{};
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (device_ == 0) {
    problem_ = std::string("no sound: ") + SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return;
  }
  SDL_PauseAudioDevice(device_, 0);
}

Audio::~Audio() {
  if (device_ != 0) {
    SDL_CloseAudioDevice(device_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
}

void Audio::play(const std::vector<float>& samples) {
  if (device_ == 0 || samples.empty()) return;
  SDL_QueueAudio(device_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(float)));
}

unsigned Audio::queued_bytes() const { return device_ != 0 ? SDL_GetQueuedAudioSize(device_) : 0; }

}  // namespace innerscape::platform
