// Where a passphrase comes from on the command line: a file, or the terminal without echo.
#include "app/passphrase_input.h"

#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace innerscape::app {
namespace {

constexpr std::size_t max_passphrase_bytes = 4096;

// The terminal's settings while echo is off, so a signal can put them back.
termios saved_termios{};
volatile sig_atomic_t echo_off = 0;

void restore_and_reraise(int sig) {
  if (echo_off != 0) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// One line from the terminal with echo off. Empty on success.
std::string read_hidden_line(const std::string& prompt, std::string& line) {
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  if (::tcgetattr(STDIN_FILENO, &saved_termios) != 0) return "The terminal could not be asked for a passphrase.";
  termios quiet = saved_termios;
  quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
  quiet.c_lflag |= ECHONL;
  struct sigaction on_signal {}, old_int {}, old_term {};
  on_signal.sa_handler = restore_and_reraise;
  ::sigaction(SIGINT, &on_signal, &old_int);
  ::sigaction(SIGTERM, &on_signal, &old_term);
  echo_off = 1;
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  line.reserve(max_passphrase_bytes);  // no reallocation leaves a copy behind
  bool ended = false;
  for (char c; line.size() < max_passphrase_bytes;) {
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n <= 0 || c == '\n') {
      ended = n > 0;
      break;
    }
    line.push_back(c);
  }
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
  echo_off = 0;
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGTERM, &old_term, nullptr);
  if (!ended) {
    storage::wipe(line);
    return "No passphrase was typed.";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return {};
}

}  // namespace

std::string passphrase_from_text(std::string text, storage::Passphrase& out) {
  if (text.ends_with("\r\n")) {
    text.resize(text.size() - 2);
  } else if (text.ends_with('\n')) {
    text.pop_back();
  }
  if (text.empty()) {
    storage::wipe(text);
    return "the passphrase is empty. Write the passphrase into the file (one line is fine).";
  }
  out = storage::Passphrase(std::move(text));
  return {};
}

std::string read_passphrase_file(const std::filesystem::path& file, storage::Passphrase& out) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  if (fd < 0) return "The passphrase file " + file.string() + " could not be read. Check the name and that it is yours to read.";
  std::string text;
  text.reserve(max_passphrase_bytes + 1);
  char chunk[512];
  ssize_t n = 0;
  while (text.size() <= max_passphrase_bytes && (n = ::read(fd, chunk, sizeof chunk)) > 0) {
    text.append(chunk, static_cast<std::size_t>(std::min<ssize_t>(n, static_cast<ssize_t>(max_passphrase_bytes + 1 - text.size()))));
  }
  storage::wipe_bytes(chunk, sizeof chunk);
  ::close(fd);
  if (n < 0) {
    storage::wipe(text);
    return "The passphrase file " + file.string() + " could not be read.";
  }
  if (text.size() > max_passphrase_bytes) {
    storage::wipe(text);
    return "The passphrase file " + file.string() + " is longer than 4 KiB; is it the right file?";
  }
  if (std::string e = passphrase_from_text(std::move(text), out); !e.empty()) return "In " + file.string() + ", " + e;
  return {};
}

bool can_prompt() { return ::isatty(STDIN_FILENO) == 1; }

std::string prompt_passphrase(const std::string& prompt, bool confirm, storage::Passphrase& out) {
  std::string first;
  if (std::string e = read_hidden_line(prompt, first); !e.empty()) return e;
  if (first.empty()) return "An empty passphrase cannot be used.";
  if (confirm) {
    std::string second;
    if (std::string e = read_hidden_line("The same again, to be sure: ", second); !e.empty()) {
      storage::wipe(first);
      return e;
    }
    const bool same = first == second;
    storage::wipe(second);
    if (!same) {
      storage::wipe(first);
      return "The two did not match, so nothing was changed. Take your time and try again.";
    }
  }
  out = storage::Passphrase(std::move(first));
  return {};
}

}  // namespace innerscape::app
