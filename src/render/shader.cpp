// GLSL programs: compiled from text or from shaders/NAME.vert + NAME.frag, with the driver's log on failure.
#include "render/shader.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include <glad/gl.h>

namespace innerscape::render {
namespace {

// The info log of a shader or a program; GL spells the two calls differently but alike.
template <typename GetIv, typename GetLog>
std::string info_log(GLuint object, GetIv get_iv, GetLog get_log) {
  GLint length = 0;
  get_iv(object, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<std::size_t>(length > 0 ? length : 0), '\0');
  if (length > 0) get_log(object, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

std::string shader_log(GLuint shader) { return info_log(shader, glGetShaderiv, glGetShaderInfoLog); }
std::string program_log(GLuint program) { return info_log(program, glGetProgramiv, glGetProgramInfoLog); }

GLuint compile_stage(GLenum stage, std::string_view source, std::string& log) {
  const GLuint shader = glCreateShader(stage);
  const char* text = source.data();
  const auto length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    log = shader_log(shader);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

bool read_text(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

}  // namespace

Program::Program(Program&& other) noexcept : id_(std::exchange(other.id_, 0)) {}

Program& Program::operator=(Program&& other) noexcept {
  if (this != &other) {
    if (id_ != 0) glDeleteProgram(id_);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

Program::~Program() {
  if (id_ != 0) glDeleteProgram(id_);
}

int Program::uniform(const char* name) const { return id_ != 0 ? glGetUniformLocation(id_, name) : -1; }

ProgramResult compile_program(std::string_view name, std::string_view vertex_source,
                              std::string_view fragment_source) {
  ProgramResult result;
  std::string log;
  const GLuint vs = compile_stage(GL_VERTEX_SHADER, vertex_source, log);
  if (vs == 0) {
    result.log = std::string(name) + ".vert did not compile:\n" + log;
    return result;
  }
  const GLuint fs = compile_stage(GL_FRAGMENT_SHADER, fragment_source, log);
  if (fs == 0) {
    glDeleteShader(vs);
    result.log = std::string(name) + ".frag did not compile:\n" + log;
    return result;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint linked = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &linked);
  if (linked != GL_TRUE) {
    result.log = std::string(name) + " did not link:\n" + program_log(program);
    glDeleteProgram(program);
    return result;
  }
  result.program = Program(program);
  return result;
}

namespace {
// After the defines, a #line puts the count back, so a variant's log names the file's own lines (and
// says of an error in the shared source just what the plain shader's log says).
void insert_defines(std::string& source, std::string_view defines) {
  if (defines.empty()) return;
  const std::size_t version = source.find("#version");
  const std::size_t line_end = version == std::string::npos ? std::string::npos : source.find('\n', version);
  if (line_end == std::string::npos) {
    source.insert(0, std::string(defines));
    return;
  }
  const auto next_line = std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(line_end) + 1, '\n') + 1;
  source.insert(line_end + 1, std::string(defines) + "#line " + std::to_string(next_line) + "\n");
}
}  // namespace

ProgramResult load_program(const std::filesystem::path& dir, std::string_view name, std::string_view defines) {
  std::string vertex_source;
  std::string fragment_source;
  const auto vert = dir / (std::string(name) + ".vert");
  const auto frag = dir / (std::string(name) + ".frag");
  if (!read_text(vert, vertex_source)) return {Program(), "Could not read the shader " + vert.string() + "."};
  if (!read_text(frag, fragment_source)) return {Program(), "Could not read the shader " + frag.string() + "."};
  insert_defines(vertex_source, defines);
  insert_defines(fragment_source, defines);
  return compile_program(name, vertex_source, fragment_source);
}

}  // namespace innerscape::render
