// Loads the OpenGL 3.3 core entry points (through the glad loader generated at build time).
#include "render/gl_loader.h"

#include <glad/gl.h>

namespace innerscape::render {
namespace {

GLADapiproc load_one(void* userptr, const char* name) {
  const auto loader = *static_cast<const GlProcLoader*>(userptr);
  return reinterpret_cast<GLADapiproc>(loader(name));
}

std::string gl_string(GLenum name) {
  const GLubyte* text = glGetString(name);
  return text != nullptr ? reinterpret_cast<const char*>(text) : std::string();
}

}  // namespace

std::string load_gl(GlProcLoader loader) {
  if (loader == nullptr) return "No GL function loader was given.";
  const int version = gladLoadGLUserPtr(&load_one, &loader);
  if (version == 0) return "Could not load OpenGL functions for the current context.";
  if (GLAD_VERSION_MAJOR(version) < 3 || (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3)) {
    return "OpenGL 3.3 is needed, but this context offers only " + std::to_string(GLAD_VERSION_MAJOR(version)) +
           "." + std::to_string(GLAD_VERSION_MINOR(version)) + ".";
  }
  return {};
}

GlInfo gl_info() { return {gl_string(GL_VENDOR), gl_string(GL_RENDERER), gl_string(GL_VERSION)}; }

std::string gl_error() {
  const GLenum error = glGetError();
  switch (error) {
    case GL_NO_ERROR: return {};
    case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
    default: return "GL error " + std::to_string(error);
  }
}

}  // namespace innerscape::render
