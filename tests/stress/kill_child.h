// For the fault tests: a child program run over a data folder, its output read line by line, and
// the child killed with SIGKILL at a chosen moment, as a crash or a pulled plug would stop it.
#pragma once

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace innerscape::test {

// Runs `program dir`, hands each line it prints to `on_line`, and kills it after `ms`. True when the
// kill cut it off mid-work (it had not ended by itself).
inline bool run_and_kill(const char* program, const std::filesystem::path& dir, int ms,
                         const std::function<void(const std::string&)>& on_line) {
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(program, program, dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  ::fcntl(out[0], F_SETFL, O_NONBLOCK);
  std::string buffer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    ::poll(&p, 1, 2);
    char chunk[256];
    const ssize_t n = ::read(out[0], chunk, sizeof chunk);
    if (n > 0) buffer.append(chunk, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1)) on_line(buffer.substr(0, nl));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out[0]);
  return WIFSIGNALED(status);
}

}  // namespace innerscape::test
