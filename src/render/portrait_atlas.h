// The portraits parts wear, as layers of one texture array, so parts with and without them stay one draw.
#pragma once

#include <vector>

#include "core/drawing.h"
#include "core/image.h"
#include "core/ink.h"  // core::portrait_size

namespace innerscape::render {

// One layer per portrait, each core::portrait_size square RGBA8, top row first. The atlas keeps a
// CPU copy of every layer, so when it runs out of layers it makes a bigger array and uploads them
// all again. Needs a current GL context for set() and remove(); layer_of() is a plain lookup.
class PortraitAtlas {
 public:
  PortraitAtlas() = default;
  PortraitAtlas(const PortraitAtlas&) = delete;
  PortraitAtlas& operator=(const PortraitAtlas&) = delete;
  ~PortraitAtlas();

  // Gives `id` this portrait (core::portrait_from_thumbnail; a picture of another size is scaled to
  // fit, nearest pixel) in its own layer, or replaces the one it had. Id 0 is ignored.
  void set(core::DrawingId id, const core::Image& portrait);
  // Frees the layer of `id`, if it has one; the layer is reused by a later set().
  void remove(core::DrawingId id);
  // The layer showing `id`'s portrait, or -1 when it has none.
  int layer_of(core::DrawingId id) const;

  std::size_t size() const;  // portraits held
  // The GL_TEXTURE_2D_ARRAY, for renderers to bind; 0 before the first set().
  unsigned texture() const { return texture_; }

 private:
  void reallocate(int layers);
  void upload_layer(int layer) const;

  struct Layer {
    core::DrawingId id = 0;  // 0: free
    core::Image image;
  };
  std::vector<Layer> layers_;  // layers_[i] is layer i
  unsigned texture_ = 0;
  int capacity_ = 0;           // layers in the GL array
};

}  // namespace innerscape::render
