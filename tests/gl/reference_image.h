// A render compared with a reference PNG under tests/gl/reference/, in Magnum's manner
// (CompareImageToFile): the largest and the mean difference of each channel, each under a threshold
// the test gives and explains. INNERSCAPE_UPDATE_REFERENCES=1 writes the references instead.
#pragma once

#include <array>
#include <filesystem>
#include <string>

#include "core/image.h"

namespace innerscape::test {

// How far a render may stray from its reference, in 8-bit steps, for every channel (r, g, b, a) on
// its own. Zero is exact; a test that allows more says why next to the numbers.
struct Thresholds {
  int max = 0;        // the largest difference of any one pixel in the channel
  double mean = 0.0;  // the difference averaged over every pixel of the channel
};

// Per channel: the largest and the mean absolute difference. Pictures of different sizes differ
// without a number: `same_size` is false and the rest is zero.
struct ImageDelta {
  bool same_size = false;
  std::array<int, 4> max{};
  std::array<double, 4> mean{};
};

ImageDelta image_delta(const core::Image& actual, const core::Image& expected);
bool within(const ImageDelta& delta, Thresholds thresholds);
std::string describe(const ImageDelta& delta);  // "max r g b a, mean r g b a"

// A picture of where two pictures of one size differ, to look at: each of r, g, b is that channel's
// difference plus the alpha's, times 16 (a step of 1 shows as 16), opaque; black where they agree.
core::Image difference_image(const core::Image& actual, const core::Image& expected);

// Where references are read, where a mismatch leaves its pictures, and whether to write instead.
struct ReferenceDesc {
  std::filesystem::path reference_dir;  // NAME.png
  std::filesystem::path failure_dir;    // NAME.actual.png and NAME.difference.png on a mismatch
  bool update = false;                  // write NAME.png from the render instead of comparing
};

// tests/gl/reference/ (INNERSCAPE_REFERENCE_DIR); the test tmp's gl_reference_failures/
// (INNERSCAPE_TEST_TMP); updating when INNERSCAPE_UPDATE_REFERENCES is 1.
ReferenceDesc reference_desc();

struct ReferenceCheck {
  bool ok = false;
  std::string message;  // why not, naming the pictures written; or what was written when updating
};

// Compares `actual` with reference_dir/NAME.png under the thresholds. A missing or unreadable
// reference fails and says how to make one; a mismatch writes the render and the difference image
// to failure_dir and names both.
ReferenceCheck compare_with_reference(const core::Image& actual, const std::string& name, Thresholds thresholds,
                                      const ReferenceDesc& desc = reference_desc());

}  // namespace innerscape::test

// Checks a render against its reference, non-fatally, with the reason (and the pictures written) in
// the failure message.
#define CHECK_REFERENCE(image, name, thresholds)                                              \
  do {                                                                                        \
    const ::innerscape::test::ReferenceCheck check_ =                                         \
        ::innerscape::test::compare_with_reference((image), (name), (thresholds));            \
    if (check_.ok && !check_.message.empty()) MESSAGE(check_.message);                        \
    CHECK_MESSAGE(check_.ok, check_.message);                                                 \
  } while (false)
