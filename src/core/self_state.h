// The Self: not a part but the calm centre of the system. For now, how brightly it shines.
#pragma once

namespace innerscape::core {

struct SelfState {
  // 0 .. 1. Later set by the 8 C's check-in; a Self is never dark, so the scene keeps a floor.
  float glow = 0.75f;
  bool operator==(const SelfState&) const = default;
};

}  // namespace innerscape::core
