// Where a passphrase comes from on the command line: a file (--passphrase-file) or the terminal,
// typed without echo. Neither ever writes it anywhere.
#pragma once

#include <filesystem>
#include <string>

#include "storage/passphrase_lock.h"

namespace innerscape::app {

// A passphrase file's text as the passphrase: the whole text, one trailing newline ("\n" or
// "\r\n") dropped. Empty on success; else why it is refused (an empty passphrase, for one).
std::string passphrase_from_text(std::string text, storage::Passphrase& out);

// Reads a passphrase file (at most 4 KiB). Empty on success; else a message a person can act on.
std::string read_passphrase_file(const std::filesystem::path& file, storage::Passphrase& out);

// Whether a person can be asked on the terminal (stdin is a TTY).
bool can_prompt();

// Asks on the terminal with echo off (restored however the prompt ends, Ctrl+C included).
// `confirm` asks twice and refuses a mismatch. Empty on success; else why not.
std::string prompt_passphrase(const std::string& prompt, bool confirm, storage::Passphrase& out);

}  // namespace innerscape::app
