// Loads the OpenGL 3.3 core entry points (through the glad loader generated at build time).
#pragma once

#include <string>

namespace innerscape::render {

// The platform's way to look a GL function up by name (SDL_GL_GetProcAddress, say).
using GlProcLoader = void* (*)(const char* name);

// Loads GL for the context current on this thread. Empty on success, else what went wrong.
std::string load_gl(GlProcLoader loader);

struct GlInfo {
  std::string vendor;
  std::string renderer;  // "llvmpipe (LLVM 15.0.6, 256 bits)" under Mesa's software renderer
  std::string version;
};

GlInfo gl_info();

// The first GL error since the last call, as text, or empty. For tests and debug checks.
std::string gl_error();

}  // namespace innerscape::render
