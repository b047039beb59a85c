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
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>

#include "storage/backup.h"
#include "storage/database.h"
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

// Removes a database file that is being written and whatever SQLite keeps beside it.
void remove_with_sides(const fs::path& p) {
  std::error_code ec;
  fs::remove(p, ec);
  for (const char* side : {"-journal", "-wal", "-shm"}) fs::remove(with_suffix(p, side), ec);
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
  std::string error;
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
  for (const auto& p : rekey_leftovers(dir)) {
    if (!p.filename().string().ends_with(rekey_suffix)) {
      fs::remove(p, ec);  // a -wal or -journal beside a copy that was finished and flushed
      continue;
    }
    fs::path to = p;
    to.replace_extension();  // innerscape-....db.rekey -> innerscape-....db
    fs::rename(p, to, ec);
    if (ec) return "could not put the re-encrypted backup " + to.string() + " in place: " + ec.message();
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
  return sync_backup_keyinfos(dir);  // each backup keeps the keyinfo that reads it now
}

std::string wrong_passphrase_text() {
  return "That passphrase does not open this map. Nothing was changed. Check for a typing slip (capital letters, "
         "a space at the end, the keyboard layout) and try again.";
}

}  // namespace

// --- Key and Passphrase ------------------------------------------------------------------------

Key::Key(const std::array<unsigned char, size>& bytes) : bytes_(bytes) {}

Key::Key(Key&& other) noexcept : bytes_(other.bytes_) { sodium_memzero(other.bytes_.data(), size); }

Key& Key::operator=(Key&& other) noexcept {
  if (this != &other) {
    bytes_ = other.bytes_;
    sodium_memzero(other.bytes_.data(), size);
  }
  return *this;
}

Key::~Key() { sodium_memzero(bytes_.data(), size); }

std::string Key::sql_literal() const { return "x'" + to_hex(bytes_.data(), size) + "'"; }

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
  std::array<unsigned char, Key::size> bytes{};
  if (crypto_pwhash(bytes.data(), bytes.size(), passphrase.data(), passphrase.size(), params.salt.data(), params.opslimit,
                    params.memlimit, params.alg) != 0) {
    sodium_memzero(bytes.data(), bytes.size());
    error = "The key could not be worked out from the passphrase (the computer may be short of memory; " +
            std::to_string(params.memlimit / (1024 * 1024)) + " MB are needed). Close other programs and try again.";
    return std::nullopt;
  }
  Key key(bytes);
  sodium_memzero(bytes.data(), bytes.size());
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

std::string finish_interrupted_switch(const std::filesystem::path& data_dir) {
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
    // Everything in the WAL goes into the file first, so the copy is whole and no -wal outlives it.
    if (const std::string e = source->exec("PRAGMA wal_checkpoint(TRUNCATE)"); !e.empty()) return "Could not prepare your map: " + e;
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
  for (const auto& p : unreadable) fs::remove(p, ec);
  // The old WAL and shared memory belong to the old file; they must not meet the new one.
  fs::remove(with_suffix(db_path(data_dir), "-wal"), ec);
  fs::remove(with_suffix(db_path(data_dir), "-shm"), ec);
  // The switch itself: one rename.
  fs::rename(db_new_path(data_dir), db_path(data_dir), ec);
  if (ec) {
    const std::string why = ec.message();
    undo_switch(data_dir);
    return "The lock was not changed: could not put the new file in place (" + why + "). Nothing was changed.";
  }
  if (new_key != nullptr && to) *new_key = std::move(to);  // the store is keyed with it from here on
  if (const std::string s = sync_path(data_dir, true); !s.empty()) return "The lock was changed, but " + s;
  if (const std::string c = complete_switch(data_dir, !to); !c.empty()) {
    return "The lock was changed, but tidying up did not finish (" + c + "); it finishes when Innerscape next opens.";
  }
  return {};
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
