// The optional passphrase lock: keys, the keyinfo file, and switching a store's encryption safely.
#include "storage/passphrase_lock.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <system_error>
#include <utility>

#include "storage/backup.h"
#include "storage/database.h"
#include "storage/private_files.h"
#include "storage/store.h"
#include "storage/synced_file.h"

namespace innerscape::storage {
namespace {

namespace fs = std::filesystem;

constexpr const char* keyinfo_format = "innerscape-keyinfo";
constexpr const char* algorithm_name = "argon2id13";
// Beyond these a derivation would take minutes or more memory than a laptop has: not ours.
constexpr std::uint64_t max_opslimit = 64;
constexpr std::size_t max_memlimit = std::size_t{4} << 30;

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no usable random source: nothing here can be safe
  });
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

template <std::size_t N>
bool from_hex(const std::string& text, std::array<unsigned char, N>& out) {
  if (text.size() != N * 2) return false;
  std::size_t len = 0;
  return sodium_hex2bin(out.data(), N, text.data(), text.size(), nullptr, &len, nullptr) == 0 && len == N;
}

fs::path with_suffix(const fs::path& p, const char* suffix) {
  fs::path out = p;
  out += suffix;
  return out;
}

fs::path db_path(const fs::path& dir) { return dir / database_file_name; }
fs::path db_new_path(const fs::path& dir) { return with_suffix(db_path(dir), ".new"); }
fs::path keyinfo_path(const fs::path& dir) { return dir / keyinfo_file_name; }
fs::path keyinfo_new_path(const fs::path& dir) { return with_suffix(keyinfo_path(dir), ".new"); }
constexpr const char* rekey_suffix = ".rekey";

constexpr const char* overwrite_suffix = ".overwrite";

// Removes what SQLite keeps beside a database file (its rollback journal, WAL and shared memory),
// overwritten first: they hold pages of the database, in plaintext when the database was.
void remove_sides(const fs::path& p) {
  for (const char* side : {"-journal", "-wal", "-shm"}) overwrite_and_remove(with_suffix(p, side));
}

// Removes a database file that is being written and whatever SQLite keeps beside it, overwritten
// first (a copy cut short while the lock was turned off is plaintext).
void remove_with_sides(const fs::path& p) {
  overwrite_and_remove(p);
  remove_sides(p);
}

// A file about to be replaced by a rename. Its old bytes must not outlive it on the disk, but until
// the rename it is the file in use and must stay whole. So it gets a second name first
// (`<name>.overwrite`, the same bytes on the disk) and stays open; once the new file is in place the
// old bytes are overwritten through it, and the second name removed. A crash in between leaves the
// second name for finish_interrupted_switch to deal with (finish_overwrites). Where a file system
// allows no second name, the open file alone does it while the process lives.
class Superseded {
 public:
  explicit Superseded(fs::path p) : path_(std::move(p)), spare_(with_suffix(path_, overwrite_suffix)) {
    std::error_code ec;
    fs::remove(spare_, ec);  // a name left from a crash before the rename: the same file as path_
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    linked_ = fd_ >= 0 && ::link(path_.c_str(), spare_.c_str()) == 0;
  }
  ~Superseded() {
    if (fd_ >= 0) ::close(fd_);
  }
  Superseded(const Superseded&) = delete;
  Superseded& operator=(const Superseded&) = delete;

  // The rename did not happen: the file is still in use, only its second name goes.
  void keep() {
    std::error_code ec;
    if (linked_) fs::remove(spare_, ec);
    linked_ = false;
  }

  // The new file is in place: the old bytes are overwritten and flushed, then the second name goes.
  std::string overwrite() {
    std::string problem;
    if (fd_ >= 0) {
      problem = overwrite_open_file(fd_, path_);
      ::close(fd_);
      fd_ = -1;
    }
    if (linked_) {
      std::error_code ec;
      if (problem.empty()) {
        fs::remove(spare_, ec);
      } else {
        problem = overwrite_and_remove(spare_);
      }
      linked_ = false;
    }
    return problem;
  }

 private:
  fs::path path_;
  fs::path spare_;
  int fd_ = -1;
  bool linked_ = false;
};

// Deals with second names a Superseded left behind when the process stopped: one that is still the
// file in use (the rename never happened) just goes; one that is not is an old file, overwritten.
void finish_overwrites(const fs::path& dir) {
  for (const fs::path& folder : {dir, backups_dir(dir)}) {
    std::error_code ec;
    std::vector<fs::path> spares;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().filename().string().ends_with(overwrite_suffix)) spares.push_back(entry.path());
    }
    for (const fs::path& spare : spares) {
      fs::path original = spare;
      original.replace_extension();  // innerscape.db.overwrite -> innerscape.db
      if (fs::equivalent(spare, original, ec) && !ec) {
        fs::remove(spare, ec);
      } else {
        overwrite_and_remove(spare);
      }
    }
  }
}

std::string read_file(const fs::path& p, bool& exists) {
  std::error_code ec;
  exists = fs::exists(p, ec);
  if (!exists) return {};
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A keyinfo file, or the marker set_lock leaves while it turns the lock off.
struct KeyinfoFile {
  bool off = false;
  KeyInfo info;
};

std::string parse_keyinfo_file(const std::string& text, KeyinfoFile& out) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object() && j.value("format", "") == keyinfo_format && j.value("lock", "") == "off") {
    out.off = true;
    return {};
  }
  out.off = false;
  return keyinfo_from_json(text, out.info);
}

std::string unreadable_keyinfo(const fs::path& p, const std::string& why) {
  return "The lock file " + p.string() + " could not be read (" + why +
         "). Your map was left exactly as it is. If you moved files in this folder by hand, put the original "
         "innerscape.keyinfo back beside innerscape.db.";
}

// The keyinfo in effect, and whether it comes from the finished or the pending file.
std::string effective_keyinfo(const fs::path& dir, std::optional<KeyInfo>& out) {
  out.reset();
  std::error_code ec;
  bool pending_exists = false;
  const std::string pending = read_file(keyinfo_new_path(dir), pending_exists);
  // The database was switched (db.new renamed) but the keyinfo not yet: the pending one holds.
  if (pending_exists && !fs::exists(db_new_path(dir), ec)) {
    KeyinfoFile f;
    if (const std::string e = parse_keyinfo_file(pending, f); !e.empty()) return unreadable_keyinfo(keyinfo_new_path(dir), e);
    if (!f.off) out = f.info;
    return {};
  }
  bool exists = false;
  const std::string text = read_file(keyinfo_path(dir), exists);
  if (!exists) return {};
  KeyInfo info;
  if (const std::string e = keyinfo_from_json(text, info); !e.empty()) return unreadable_keyinfo(keyinfo_path(dir), e);
  out = std::move(info);
  return {};
}

// Writes `source`'s main database into a new file `dest`, encrypted with `key` (plain when null),
// with the same user_version, then checks the copy holds every row. Empty on success.
std::string export_to(Database& source, const fs::path& dest, const Key* key) {
  remove_with_sides(dest);
  const int version = source.user_version();
  std::string literal = key != nullptr ? key->sql_literal() : std::string();
  // Sorting and building indexes for the copy stay in memory: no temporary file with the words in it.
  std::string error = source.exec("PRAGMA temp_store = MEMORY");
  if (!error.empty()) {
    wipe(literal);
    return "could not prepare the copy: " + error;
  }
  {
    const mode_t old_mask = ::umask(077);
    Statement attach = source.prepare("ATTACH DATABASE ?1 AS rekeyed KEY ?2", &error);
    if (attach.valid()) {
      attach.bind(1, std::string_view(dest.native())).bind(2, std::string_view(literal));
      if (!attach.run()) error = attach.error();
    }
    ::umask(old_mask);
  }
  wipe(literal);
  if (!error.empty()) return "could not create " + dest.string() + ": " + error;
  // The copy is worthless until it is whole and flushed (below), and is removed if anything stops
  // it: no journal and no syncing while it is written, which makes it many times faster.
  error = source.exec("PRAGMA rekeyed.journal_mode = OFF; PRAGMA rekeyed.synchronous = OFF; SELECT sqlcipher_export('rekeyed'); "
                      "PRAGMA rekeyed.user_version = " + std::to_string(version) + ";");
  if (error.empty()) {
    // Every table holds as many rows as the original: the search index's too, through its shadow
    // tables (the virtual table itself is only visible to a new connection, checked below).
    Statement tables = source.prepare(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND rootpage > 0 AND name NOT LIKE 'sqlite_%'");
    while (error.empty() && tables.step()) {
      const std::string name = tables.column_text(0);
      std::string quoted = "\"";
      for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      quoted += "\"";
      Statement count = source.prepare("SELECT (SELECT count(*) FROM main." + quoted + ") = (SELECT count(*) FROM rekeyed." + quoted + ")");
      if (!count.valid() || !count.step() || count.column_int(0) != 1) error = "the copy of table " + name + " is not whole";
    }
    if (error.empty() && !tables.error().empty()) error = tables.error();
  }
  const std::string detach = source.exec("DETACH DATABASE rekeyed");
  if (error.empty()) error = detach;
  ::chmod(dest.c_str(), S_IRUSR | S_IWUSR);
  if (error.empty()) {
    std::string open_error;
    auto copy = Database::open(dest, open_error, key);
    if (copy == nullptr) {
      error = open_error;
    } else if (const std::string check = copy->quick_check(); check != "ok") {
      error = "the copy is not sound (" + check + ")";
    } else if (copy->user_version() != version) {
      error = "the copy's schema version is not the original's";
    }
  }
  if (error.empty()) error = sync_path(dest, false);
  if (!error.empty()) {
    remove_with_sides(dest);
    return "could not re-encrypt into " + dest.string() + ": " + error;
  }
  return {};
}

std::vector<fs::path> rekey_leftovers(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(backups_dir(dir), ec)) {
    if (entry.path().filename().string().find(rekey_suffix) != std::string::npos) out.push_back(entry.path());  // sides too
  }
  return out;
}

// Removes what an uncommitted switch left (the pending keyinfo first: without it the rest means nothing).
std::string undo_switch(const fs::path& dir) {
  std::error_code ec;
  fs::remove(keyinfo_new_path(dir), ec);
  if (ec) return "could not remove " + keyinfo_new_path(dir).string() + ": " + ec.message();
  if (const std::string e = sync_path(dir, true); !e.empty()) return e;
  remove_with_sides(db_new_path(dir));
  for (const auto& p : rekey_leftovers(dir)) remove_with_sides(p);
  return {};
}

// Completes a committed switch: re-encrypted backups into place, then the keyinfo.
std::string complete_switch(const fs::path& dir, bool lock_off) {
  std::error_code ec;
  std::string problem;
  for (const auto& p : rekey_leftovers(dir)) {
    if (!p.filename().string().ends_with(rekey_suffix)) {
      overwrite_and_remove(p);  // a -wal or -journal beside a copy that was finished and flushed
      continue;
    }
    fs::path to = p;
    to.replace_extension();  // innerscape-....db.rekey -> innerscape-....db
    // What SQLite kept beside the old backup belongs to it, not to the copy taking its place.
    remove_sides(to);
    Superseded old(to);
    fs::rename(p, to, ec);
    if (ec) {
      old.keep();
      return "could not put the re-encrypted backup " + to.string() + " in place: " + ec.message();
    }
    if (const std::string e = old.overwrite(); !e.empty() && problem.empty()) problem = e;
  }
  if (fs::exists(backups_dir(dir), ec)) {
    if (const std::string e = sync_path(backups_dir(dir), true); !e.empty()) return e;
  }
  if (lock_off) {
    // The old keyinfo goes first: while the "off" marker is there, the store reads as unlocked.
    fs::remove(keyinfo_path(dir), ec);
    if (ec) return "could not remove " + keyinfo_path(dir).string() + ": " + ec.message();
    if (const std::string e = sync_path(dir, true); !e.empty()) return e;
    fs::remove(keyinfo_new_path(dir), ec);
  } else {
    fs::rename(keyinfo_new_path(dir), keyinfo_path(dir), ec);
  }
  if (ec) return "could not finish the lock file: " + ec.message();
  if (const std::string e = sync_path(dir, true); !e.empty()) return e;
  if (const std::string e = sync_backup_keyinfos(dir); !e.empty()) return e;  // each backup keeps the keyinfo that reads it now
  return problem.empty() ? std::string() : "the old backups could not all be overwritten (" + problem + ")";
}

std::string wrong_passphrase_text() {
  return "That passphrase does not open this map. Nothing was changed. Check for a typing slip (capital letters, "
         "a space at the end, the keyboard layout) and try again.";
}

}  // namespace

// --- Key and Passphrase ------------------------------------------------------------------------

Key::Key() {
  ensure_sodium();
  bytes_ = static_cast<unsigned char*>(sodium_malloc(size));
  if (bytes_ == nullptr) throw std::bad_alloc();
  sodium_memzero(bytes_, size);
  // sodium_malloc locks its pages when it can but does not say; asking again tells us (it does not nest).
  locked_ = sodium_mlock(bytes_, size) == 0;
}

Key::Key(const std::array<unsigned char, size>& bytes) : Key() { std::copy(bytes.begin(), bytes.end(), bytes_); }

Key::Key(Key&& other) noexcept : bytes_(std::exchange(other.bytes_, nullptr)), locked_(std::exchange(other.locked_, false)) {}

Key& Key::operator=(Key&& other) noexcept {
  if (this != &other) {
    release();
    bytes_ = std::exchange(other.bytes_, nullptr);
    locked_ = std::exchange(other.locked_, false);
  }
  return *this;
}

void Key::release() noexcept {
  if (bytes_ == nullptr) return;
  sodium_memzero(bytes_, size);
  if (locked_) sodium_munlock(bytes_, size);  // zeroes again, then unlocks
  sodium_free(bytes_);                          // and frees the guarded pages
  bytes_ = nullptr;
  locked_ = false;
}

Key::~Key() { release(); }

const unsigned char* Key::data() const {
  static constexpr std::array<unsigned char, size> none{};
  return bytes_ != nullptr ? bytes_ : none.data();
}

std::string Key::sql_literal() const { return "x'" + to_hex(data(), size) + "'"; }

Passphrase::Passphrase(Passphrase&& other) noexcept : text_(std::move(other.text_)) { wipe(other.text_); }

Passphrase& Passphrase::operator=(Passphrase&& other) noexcept {
  if (this != &other) {
    wipe(text_);
    text_ = std::move(other.text_);
    wipe(other.text_);
  }
  return *this;
}

Passphrase::~Passphrase() { wipe(text_); }

void wipe_bytes(void* bytes, std::size_t n) { sodium_memzero(bytes, n); }

void wipe(std::string& text) {
  if (!text.empty()) sodium_memzero(text.data(), text.size());
  text.clear();
}

// --- Derivation and keyinfo --------------------------------------------------------------------

KdfParams new_kdf_params(KdfCost cost) {
  ensure_sodium();
  KdfParams p;
  randombytes_buf(p.salt.data(), p.salt.size());
  p.alg = crypto_pwhash_ALG_ARGON2ID13;
  if (cost == KdfCost::moderate) {
    p.opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
    p.memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
  } else {
    p.opslimit = crypto_pwhash_OPSLIMIT_MIN;
    p.memlimit = crypto_pwhash_MEMLIMIT_MIN;
  }
  return p;
}

std::optional<Key> derive_key(std::string_view passphrase, const KdfParams& params, std::string& error) {
  ensure_sodium();
  static_assert(crypto_pwhash_SALTBYTES == 16);
  if (passphrase.empty()) {
    error = "An empty passphrase cannot lock anything.";
    return std::nullopt;
  }
  Key key;
  if (crypto_pwhash(key.bytes_, Key::size, passphrase.data(), passphrase.size(), params.salt.data(), params.opslimit,
                    params.memlimit, params.alg) != 0) {
    error = "The key could not be worked out from the passphrase (the computer may be short of memory; " +
            std::to_string(params.memlimit / (1024 * 1024)) + " MB are needed). Close other programs and try again.";
    return std::nullopt;
  }
  return key;
}

std::array<unsigned char, 16> key_check(const Key& key) {
  ensure_sodium();
  static constexpr std::string_view context = "innerscape keyinfo check, version 1";
  std::array<unsigned char, 16> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(context.data()), context.size(), key.data(),
                     Key::size);
  return out;
}

bool key_matches(const KeyInfo& info, const Key& key) {
  const auto check = key_check(key);
  return sodium_memcmp(check.data(), info.check.data(), check.size()) == 0;
}

std::string keyinfo_to_json(const KeyInfo& info) {
  nlohmann::ordered_json j;
  j["format"] = keyinfo_format;
  j["version"] = info.version;
  j["lock"] = "on";
  j["algorithm"] = algorithm_name;
  j["salt"] = to_hex(info.kdf.salt.data(), info.kdf.salt.size());
  j["opslimit"] = info.kdf.opslimit;
  j["memlimit"] = info.kdf.memlimit;
  j["check"] = to_hex(info.check.data(), info.check.size());
  return j.dump(2) + "\n";
}

std::string keyinfo_from_json(std::string_view text, KeyInfo& out) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return "it is not JSON";
  if (!j.contains("format") || j["format"] != keyinfo_format) return "it is not an Innerscape lock file";
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"] != 1) {
    return "it is from a newer Innerscape (lock file version " + (j.contains("version") ? j["version"].dump() : "?") + ")";
  }
  if (j.value("lock", "") != "on") return "it does not describe a lock";
  if (!j.contains("algorithm") || j["algorithm"] != algorithm_name) return "it names a key algorithm Innerscape does not know";
  KeyInfo info;
  info.version = 1;
  info.kdf.alg = crypto_pwhash_ALG_ARGON2ID13;
  if (!j.contains("salt") || !j["salt"].is_string() || !from_hex(j["salt"].get<std::string>(), info.kdf.salt)) {
    return "its salt is not 32 hex digits";
  }
  if (!j.contains("check") || !j["check"].is_string() || !from_hex(j["check"].get<std::string>(), info.check)) {
    return "its check value is not 32 hex digits";
  }
  if (!j.contains("opslimit") || !j["opslimit"].is_number_unsigned()) return "its opslimit is not a whole number";
  if (!j.contains("memlimit") || !j["memlimit"].is_number_unsigned()) return "its memlimit is not a whole number";
  const auto ops = j["opslimit"].get<std::uint64_t>();
  const auto mem = j["memlimit"].get<std::uint64_t>();
  if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > max_opslimit) {
    return "its opslimit " + std::to_string(ops) + " is outside " + std::to_string(crypto_pwhash_OPSLIMIT_MIN) + ".." +
           std::to_string(max_opslimit);
  }
  if (mem < crypto_pwhash_MEMLIMIT_MIN || mem > max_memlimit) {
    return "its memlimit " + std::to_string(mem) + " bytes is outside " + std::to_string(crypto_pwhash_MEMLIMIT_MIN) + " bytes .. 4 GiB";
  }
  info.kdf.opslimit = ops;
  info.kdf.memlimit = static_cast<std::size_t>(mem);
  out = info;
  return {};
}

// --- The store ---------------------------------------------------------------------------------

std::optional<KeyInfo> current_keyinfo(const std::filesystem::path& data_dir, std::string& error) {
  std::optional<KeyInfo> out;
  error = effective_keyinfo(data_dir, out);
  return out;
}

bool store_is_locked(const std::filesystem::path& data_dir) {
  std::string error;
  const auto info = current_keyinfo(data_dir, error);
  return info.has_value() || !error.empty();  // an unreadable lock file is never taken for "no lock"
}

Unlocked unlock_store(const std::filesystem::path& data_dir, std::string_view passphrase) {
  Unlocked out;
  const auto info = current_keyinfo(data_dir, out.error);
  if (!out.error.empty()) return out;
  if (!info) {
    out.error = "Your map is not locked, so there is nothing to unlock.";
    return out;
  }
  std::optional<Key> key = derive_key(passphrase, info->kdf, out.error);
  if (!key) return out;
  if (!key_matches(*info, *key)) {
    out.wrong_passphrase = true;
    out.error = wrong_passphrase_text();
    return out;
  }
  out.key = std::move(key);
  return out;
}

namespace {

std::string finish_switch(const std::filesystem::path& data_dir) {
  std::error_code ec;
  bool pending_exists = false;
  const std::string pending = read_file(keyinfo_new_path(data_dir), pending_exists);
  if (!pending_exists) {
    // Never committed, and not even ready to: only the partial copies are left.
    remove_with_sides(db_new_path(data_dir));
    for (const auto& p : rekey_leftovers(data_dir)) remove_with_sides(p);
    return {};
  }
  if (fs::exists(db_new_path(data_dir), ec)) return undo_switch(data_dir);  // the switch never took effect
  KeyinfoFile f;
  if (const std::string e = parse_keyinfo_file(pending, f); !e.empty()) return unreadable_keyinfo(keyinfo_new_path(data_dir), e);
  return complete_switch(data_dir, f.off);
}

}  // namespace

std::string finish_interrupted_switch(const std::filesystem::path& data_dir) {
  std::string out = finish_switch(data_dir);
  // Only once the switch is settled can an old file be told from the one in use.
  finish_overwrites(data_dir);
  return out;
}


std::string set_lock(const std::filesystem::path& data_dir, const Key* current, std::optional<std::string_view> new_passphrase,
                     KdfCost cost, std::optional<Key>* new_key) {
  if (const std::string e = finish_interrupted_switch(data_dir); !e.empty()) return e;
  std::string error;
  const std::optional<KeyInfo> info = current_keyinfo(data_dir, error);
  if (!error.empty()) return error;
  if (info && current == nullptr) return "Your map is locked: the current passphrase is needed to change the lock.";
  if (info && !key_matches(*info, *current)) return wrong_passphrase_text();
  if (!info && !new_passphrase) return "Your map is not locked, so there is no lock to turn off.";
  const Key* from = info ? current : nullptr;
  std::error_code ec;
  if (!fs::exists(db_path(data_dir), ec)) return "There is no map in " + data_dir.string() + " yet to lock.";
  tidy_backups(data_dir);  // a backup cut short is never re-encrypted, nor left behind in plaintext

  // The new key and its keyinfo (none when the lock is being turned off).
  std::optional<Key> to;
  KeyInfo next;
  if (new_passphrase) {
    next.kdf = new_kdf_params(cost);
    to = derive_key(*new_passphrase, next.kdf, error);
    if (!to) return error;
    next.check = key_check(*to);
  }

  {
    auto source = Database::open(db_path(data_dir), error, from);
    if (!source) return error;
    if (const std::string check = source->quick_check(); check != "ok") {
      return "Your data file has a problem (" + check + "), so the lock was not changed. Nothing was changed.";
    }
    // Everything in the WAL goes into the file first, so the copy is whole. The WAL is neither
    // truncated nor deleted (that would free its blocks with the words still in them): it stays
    // until it is overwritten below.
    if (const std::string e = keep_wal_on_close(*source); !e.empty()) return "Could not prepare your map: " + e;
    if (const std::string e = source->exec("PRAGMA wal_checkpoint(FULL)"); !e.empty()) return "Could not prepare your map: " + e;
    if (const std::string e = export_to(*source, db_new_path(data_dir), to ? &*to : nullptr); !e.empty()) {
      remove_with_sides(db_new_path(data_dir));
      return "The lock was not changed: " + e + ". Nothing was changed.";
    }
  }
  // Each backup is re-encrypted beside itself; one that cannot be read even now is dropped.
  std::vector<fs::path> unreadable;
  for (const auto& backup : list_backups(data_dir)) {
    auto db = Database::open(backup, error, from);
    if (db == nullptr || db->quick_check() != "ok") {
      unreadable.push_back(backup);
      continue;
    }
    if (const std::string e = export_to(*db, with_suffix(backup, rekey_suffix), to ? &*to : nullptr); !e.empty()) {
      db.reset();
      undo_switch(data_dir);
      return "The lock was not changed: " + e + ". Nothing was changed.";
    }
  }
  // Ready: the pending keyinfo says so. Until db.new is renamed, the old store is the store.
  const std::string pending = to ? keyinfo_to_json(next) : std::string("{\"format\": \"innerscape-keyinfo\", \"version\": 1, \"lock\": \"off\"}\n");
  std::string e = write_synced(keyinfo_new_path(data_dir), pending);
  if (e.empty() && fs::exists(backups_dir(data_dir), ec)) e = sync_path(backups_dir(data_dir), true);
  if (e.empty()) e = sync_path(data_dir, true);
  if (!e.empty()) {
    undo_switch(data_dir);
    return "The lock was not changed: " + e + ". Nothing was changed.";
  }
  for (const auto& p : unreadable) remove_with_sides(p);
  // The old WAL, journal and shared memory belong to the old file; they must not meet the new one.
  // Everything in them is in the old file too (checkpointed above), so they are overwritten now.
  remove_sides(db_path(data_dir));
  // The switch itself: one rename. The old file's bytes are overwritten once it is done.
  Superseded old(db_path(data_dir));
  fs::rename(db_new_path(data_dir), db_path(data_dir), ec);
  if (ec) {
    const std::string why = ec.message();
    old.keep();
    undo_switch(data_dir);
    return "The lock was not changed: could not put the new file in place (" + why + "). Nothing was changed.";
  }
  if (new_key != nullptr && to) *new_key = std::move(to);  // the store is keyed with it from here on
  if (const std::string s = sync_path(data_dir, true); !s.empty()) return "The lock was changed, but " + s;
  const std::string overwritten = old.overwrite();
  if (const std::string c = complete_switch(data_dir, !to); !c.empty()) {
    return "The lock was changed, but tidying up did not finish (" + c + "); it finishes when Innerscape next opens.";
  }
  if (!overwritten.empty()) {
    return "The lock was changed, but the old copy of your map could not be overwritten before it was removed (" + overwritten + ").";
  }
  return {};
}

std::string lock_new_store(const std::filesystem::path& data_dir, std::string_view passphrase, KdfCost cost,
                           std::optional<Key>& new_key) {
  if (!store_is_new(data_dir)) return "There is already a map in " + data_dir.string() + ", so it was left as it is.";
  KeyInfo info;
  info.kdf = new_kdf_params(cost);
  std::string error;
  std::optional<Key> key = derive_key(passphrase, info.kdf, error);
  if (!key) return error;
  info.check = key_check(*key);
  // Under a temporary name first (store_is_new passes over it), so a cut-off write leaves no half lock.
  if (const std::string e = replace_file_synced(keyinfo_path(data_dir), keyinfo_to_json(info)); !e.empty()) {
    return "The lock could not be set up: " + e + ". Nothing was written.";
  }
  new_key = std::move(key);
  return {};
}

std::string keep_wal_on_close(Database& db) {
  int persist = 1;
  const int rc = sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  return rc == SQLITE_OK ? std::string() : std::string("SQLite would not keep the WAL: ") + sqlite3_errstr(rc);
}

std::vector<std::filesystem::path> plaintext_leftovers(const std::filesystem::path& data_dir) {
  std::vector<fs::path> out;
  if (!store_is_locked(data_dir)) return out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(std::string(database_file_name) + ".corrupt-") || name.ends_with("-wal") || name.ends_with("-shm")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    // A plain SQLite file starts with its name; an encrypted one with random salt.
    if (in.gcount() != 16 || std::string_view(header, 15) != "SQLite format 3") continue;
    out.push_back(entry.path());
    if (fs::exists(with_suffix(entry.path(), "-wal"), ec)) out.push_back(with_suffix(entry.path(), "-wal"));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace innerscape::storage
