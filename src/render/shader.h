// GLSL programs: compiled from text or from shaders/NAME.vert + NAME.frag, with the driver's log on failure.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace innerscape::render {

class Program {
 public:
  Program() = default;
  explicit Program(unsigned id) : id_(id) {}
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;
  Program(Program&& other) noexcept;
  Program& operator=(Program&& other) noexcept;
  ~Program();

  bool valid() const { return id_ != 0; }
  unsigned id() const { return id_; }
  int uniform(const char* name) const;  // -1 if absent (set calls then do nothing)

 private:
  unsigned id_ = 0;
};

struct ProgramResult {
  Program program;  // invalid when compiling or linking failed
  std::string log;  // what went wrong, naming the shader; empty on success
};

ProgramResult compile_program(std::string_view name, std::string_view vertex_source,
                              std::string_view fragment_source);

// Reads dir/NAME.vert and dir/NAME.frag. `defines` ("#define PORTRAITS 1\n"), if given, go in
// right after each file's #version line: one source, several variants.
ProgramResult load_program(const std::filesystem::path& dir, std::string_view name, std::string_view defines = {});

}  // namespace innerscape::render
