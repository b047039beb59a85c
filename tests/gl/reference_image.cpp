// A render compared with a reference PNG under tests/gl/reference/: max and mean per channel.
#include "gl/reference_image.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <system_error>

#include "storage/png.h"

namespace innerscape::test {

ImageDelta image_delta(const core::Image& actual, const core::Image& expected) {
  ImageDelta delta;
  if (actual.size != expected.size || actual.rgba.size() != expected.rgba.size()) return delta;
  delta.same_size = true;
  std::array<long long, 4> sum{};
  for (std::size_t i = 0; i < actual.rgba.size(); i += 4) {
    for (std::size_t c = 0; c < 4; ++c) {
      const int d = std::abs(int(actual.rgba[i + c]) - int(expected.rgba[i + c]));
      delta.max[c] = std::max(delta.max[c], d);
      sum[c] += d;
    }
  }
  const std::size_t pixels = actual.rgba.size() / 4;
  for (std::size_t c = 0; c < 4; ++c) delta.mean[c] = pixels > 0 ? static_cast<double>(sum[c]) / static_cast<double>(pixels) : 0.0;
  return delta;
}

bool within(const ImageDelta& delta, Thresholds thresholds) {
  if (!delta.same_size) return false;
  for (std::size_t c = 0; c < 4; ++c) {
    if (delta.max[c] > thresholds.max || delta.mean[c] > thresholds.mean) return false;
  }
  return true;
}

std::string describe(const ImageDelta& delta) {
  std::ostringstream text;
  text << "max " << delta.max[0] << " " << delta.max[1] << " " << delta.max[2] << " " << delta.max[3];
  text.precision(3);
  text << ", mean " << delta.mean[0] << " " << delta.mean[1] << " " << delta.mean[2] << " " << delta.mean[3];
  return text.str();
}

core::Image difference_image(const core::Image& actual, const core::Image& expected) {
  core::Image out = core::make_image(actual.size);
  if (actual.size != expected.size || actual.rgba.size() != expected.rgba.size()) return out;
  for (std::size_t i = 0; i < actual.rgba.size(); i += 4) {
    const int alpha = std::abs(int(actual.rgba[i + 3]) - int(expected.rgba[i + 3]));
    for (std::size_t c = 0; c < 3; ++c) {
      const int d = std::abs(int(actual.rgba[i + c]) - int(expected.rgba[i + c])) + alpha;
      out.rgba[i + c] = static_cast<std::uint8_t>(std::min(d * 16, 255));
    }
    out.rgba[i + 3] = 255;
  }
  return out;
}

ReferenceDesc reference_desc() {
  const char* tmp = std::getenv("INNERSCAPE_TEST_TMP");
  const char* update = std::getenv("INNERSCAPE_UPDATE_REFERENCES");
  return {.reference_dir = INNERSCAPE_REFERENCE_DIR,
          .failure_dir = std::filesystem::path(tmp != nullptr ? tmp : std::filesystem::temp_directory_path().string()) /
                         "gl_reference_failures",
          .update = update != nullptr && std::strcmp(update, "1") == 0};
}

ReferenceCheck compare_with_reference(const core::Image& actual, const std::string& name, Thresholds thresholds,
                                      const ReferenceDesc& desc) {
  const std::filesystem::path reference = desc.reference_dir / (name + ".png");
  if (desc.update) {
    std::error_code ec;
    std::filesystem::create_directories(desc.reference_dir, ec);
    const std::string problem = storage::write_png(reference, actual);
    if (!problem.empty()) return {false, problem};
    return {true, "wrote the reference " + reference.string() + " (INNERSCAPE_UPDATE_REFERENCES=1): look at it before committing"};
  }

  std::string error;
  const core::Image expected = storage::read_png(reference, &error);
  if (expected.rgba.empty()) {
    return {false, "no reference to compare with: " + error +
                       " Make one on purpose with INNERSCAPE_UPDATE_REFERENCES=1, then look at it."};
  }
  const ImageDelta delta = image_delta(actual, expected);
  if (within(delta, thresholds)) return {true, {}};

  std::ostringstream why;
  why << name << " differs from " << reference.string() << ": ";
  if (!delta.same_size) {
    why << "the render is " << actual.size.x << "x" << actual.size.y << ", the reference " << expected.size.x << "x"
        << expected.size.y << ".";
  } else {
    why << describe(delta) << " (allowed: max " << thresholds.max << ", mean " << thresholds.mean << " in each channel).";
  }
  std::error_code ec;
  std::filesystem::create_directories(desc.failure_dir, ec);
  const std::filesystem::path actual_file = desc.failure_dir / (name + ".actual.png");
  const std::filesystem::path difference_file = desc.failure_dir / (name + ".difference.png");
  const std::string wrote_actual = storage::write_png(actual_file, actual);
  why << (wrote_actual.empty() ? " The render is " + actual_file.string() : " The render was not kept: " + wrote_actual);
  if (delta.same_size) {
    const std::string wrote_difference = storage::write_png(difference_file, difference_image(actual, expected));
    why << (wrote_difference.empty() ? "; the difference (x16) is " + difference_file.string()
                                     : "; the difference was not kept: " + wrote_difference);
  }
  why << ". If the change is meant, run again with INNERSCAPE_UPDATE_REFERENCES=1.";
  return {false, why.str()};
}

}  // namespace innerscape::test
