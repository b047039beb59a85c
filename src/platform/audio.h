// Sound out through SDL, for the breathing guide's tones. Optional in every way: with no audio device
// the app works the same, silently.
#pragma once

#include <string>
#include <vector>

namespace innerscape::platform {

class Audio {
 public:
  Audio();  // opens the default device if there is one; never fails the app
  ~Audio();
  Audio(const Audio&) = delete;
  Audio& operator=(const Audio&) = delete;

  bool available() const { return device_ != 0; }
  const std::string& problem() const { return problem_; }  // why there is no sound, for the log

  // Queues mono float samples at core::tone_sample_rate. Does nothing without a device.
  void play(const std::vector<float>& samples);
  // Bytes still waiting to be played (tests use the dummy driver to see what was queued).
  unsigned queued_bytes() const;

 private:
  unsigned device_ = 0;
  std::string problem_;
};

}  // namespace innerscape::platform
