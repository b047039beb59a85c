// The portraits parts wear, as layers of one texture array, so parts with and without them stay one draw.
#include "render/portrait_atlas.h"

#include <algorithm>
#include <cstring>

#include <glad/gl.h>

namespace innerscape::render {
namespace {

constexpr int side = core::portrait_size;
constexpr int first_capacity = 8;

core::Image fit(const core::Image& picture) {
  const bool whole = picture.size.x > 0 && picture.size.y > 0 &&
                     picture.rgba.size() == static_cast<std::size_t>(picture.size.x) * picture.size.y * 4;
  if (whole && picture.size == glm::ivec2(side)) return picture;
  if (!whole) return core::make_image(glm::ivec2(side));  // nothing usable: a transparent portrait
  core::Image out = core::make_image(glm::ivec2(side));
  for (int y = 0; y < side; ++y) {
    const int sy = std::min(y * picture.size.y / side, picture.size.y - 1);
    for (int x = 0; x < side; ++x) {
      const int sx = std::min(x * picture.size.x / side, picture.size.x - 1);
      std::memcpy(out.rgba.data() + (static_cast<std::size_t>(y) * side + x) * 4,
                  picture.rgba.data() + (static_cast<std::size_t>(sy) * picture.size.x + sx) * 4, 4);
    }
  }
  return out;
}

}  // namespace

PortraitAtlas::~PortraitAtlas() {
  if (texture_ != 0) glDeleteTextures(1, &texture_);
}

void PortraitAtlas::set(core::DrawingId id, const core::Image& portrait) {
  if (id == 0) return;
  auto it = std::find_if(layers_.begin(), layers_.end(), [&](const Layer& l) { return l.id == id; });
  if (it == layers_.end()) it = std::find_if(layers_.begin(), layers_.end(), [](const Layer& l) { return l.id == 0; });
  if (it == layers_.end()) {
    layers_.push_back({});
    it = layers_.end() - 1;
  }
  it->id = id;
  it->image = fit(portrait);
  const int layer = static_cast<int>(it - layers_.begin());
  if (layer >= capacity_) {
    reallocate(std::max(first_capacity, capacity_ * 2));  // uploads every layer, this one included
  } else {
    upload_layer(layer);
  }
}

void PortraitAtlas::remove(core::DrawingId id) {
  if (id == 0) return;
  for (Layer& l : layers_) {
    if (l.id == id) {
      l.id = 0;
      l.image = {};  // the GL layer keeps its pixels until reused; nothing points at it
    }
  }
}

int PortraitAtlas::layer_of(core::DrawingId id) const {
  if (id == 0) return -1;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    if (layers_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::size_t PortraitAtlas::size() const {
  return static_cast<std::size_t>(std::count_if(layers_.begin(), layers_.end(), [](const Layer& l) { return l.id != 0; }));
}

void PortraitAtlas::reallocate(int layers) {
  if (texture_ == 0) glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D_ARRAY, texture_);
  glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MAX_LEVEL, 0);
  glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, side, side, layers, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
  capacity_ = layers;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    if (layers_[i].id != 0) upload_layer(static_cast<int>(i));
  }
}

void PortraitAtlas::upload_layer(int layer) const {
  const core::Image& image = layers_[static_cast<std::size_t>(layer)].image;
  glBindTexture(GL_TEXTURE_2D_ARRAY, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, layer, side, side, 1, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glBindTexture(GL_TEXTURE_2D_ARRAY, 0);
}

}  // namespace innerscape::render
