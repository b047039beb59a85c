// The optional passphrase lock: the whole database and its backups encrypted at rest with SQLCipher,
// keyed with a raw 256-bit key that Argon2id (libsodium) derives from the person's passphrase.
// The passphrase is never written anywhere; the salt and cost of the derivation are kept beside the
// database in `innerscape.keyinfo` (JSON, nothing secret), and a store without that file is unlocked.
//
// Turning the lock on, changing the passphrase and turning it off re-encrypt the store into new
// files beside the old ones and switch them in with renames, so a crash at any moment leaves either
// the old store readable with the old passphrase or the new one with the new (see set_lock). The old
// files (database, WAL, journal, backups) are overwritten with zeros and flushed before they go, so
// turning the lock on leaves no plaintext in the files' blocks as far as the file system allows
// (README: what that cannot promise).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innerscape::storage {

inline constexpr const char* keyinfo_file_name = "innerscape.keyinfo";

struct KdfParams;

// 32 bytes of key. Move-only, and wiped when it goes, so no stray copy lingers. The bytes live in
// their own guarded pages from sodium_malloc, locked into memory (sodium_mlock) so they are never
// swapped to disk; sodium_free unlocks and zeroes them. A moved-from key reads as all zeros.
class Key {
 public:
  static constexpr std::size_t size = 32;
  Key();  // all zero: not a usable key; derive_key makes real ones
  explicit Key(const std::array<unsigned char, size>& bytes);
  Key(Key&& other) noexcept;
  Key& operator=(Key&& other) noexcept;
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;
  ~Key();

  const unsigned char* data() const;
  // SQLCipher's raw-key literal, x'<64 hex>' (which skips its own key derivation). The caller wipes
  // the string when done (wipe(std::string&)).
  std::string sql_literal() const;
  // Whether the system agreed to keep the bytes out of swap (a low RLIMIT_MEMLOCK can refuse; the
  // key still works then, and core dumps stay off either way: see platform/hardening.h).
  bool memory_locked() const { return locked_; }

 private:
  // Derives straight into the locked pages, so the key never sits anywhere else.
  friend std::optional<Key> derive_key(std::string_view passphrase, const KdfParams& params, std::string& error);
  void release() noexcept;
  unsigned char* bytes_ = nullptr;  // sodium_malloc'd, `size` bytes; null once moved from
  bool locked_ = false;
};

// A passphrase held in memory: move-only, wiped when it goes.
class Passphrase {
 public:
  Passphrase() = default;
  explicit Passphrase(std::string text) : text_(std::move(text)) {}
  Passphrase(Passphrase&& other) noexcept;
  Passphrase& operator=(Passphrase&& other) noexcept;
  Passphrase(const Passphrase&) = delete;
  Passphrase& operator=(const Passphrase&) = delete;
  ~Passphrase();

  std::string_view view() const { return text_; }
  bool empty() const { return text_.empty(); }

 private:
  std::string text_;
};

// Overwrites a string's bytes with zeros (then empties it); wipe_bytes does the same for a buffer.
void wipe(std::string& text);
void wipe_bytes(void* bytes, std::size_t n);

// How Argon2id (crypto_pwhash_ALG_ARGON2ID13) turns a passphrase into a key. Not secret.
struct KdfParams {
  std::array<unsigned char, 16> salt{};
  std::uint64_t opslimit = 0;
  std::size_t memlimit = 0;  // bytes
  int alg = 0;               // libsodium's crypto_pwhash_ALG_ARGON2ID13
};

// The cost of new derivations. Everything a person uses is `moderate` (libsodium's MODERATE limits:
// about a second and 256 MiB); `test_minimum` exists only so test suites stay fast.
enum class KdfCost { moderate, test_minimum };

// Fresh parameters with a new random salt.
KdfParams new_kdf_params(KdfCost cost = KdfCost::moderate);

// Argon2id. Null with `error` set when the derivation failed (out of memory, refused parameters).
std::optional<Key> derive_key(std::string_view passphrase, const KdfParams& params, std::string& error);

// What innerscape.keyinfo holds: the format version, the KDF parameters, and a check value (a keyed
// BLAKE2b of a fixed text under the key) that tells a wrong passphrase from a damaged file without
// touching the database. The check reveals nothing a guesser could not learn from the encrypted
// database itself, and every guess still costs one Argon2id derivation.
struct KeyInfo {
  int version = 1;
  KdfParams kdf;
  std::array<unsigned char, 16> check{};
};

// The check value for `key` (what KeyInfo::check holds when the key is right).
std::array<unsigned char, 16> key_check(const Key& key);
bool key_matches(const KeyInfo& info, const Key& key);

std::string keyinfo_to_json(const KeyInfo& info);
// Empty on success; otherwise what is wrong with the text (nonsense values are refused).
std::string keyinfo_from_json(std::string_view text, KeyInfo& out);

// --- The store in a data folder -------------------------------------------------------------

// Whether the store in `data_dir` is locked (needs a passphrase to open). Reads only; a switch
// that was cut off after it took effect counts as done.
bool store_is_locked(const std::filesystem::path& data_dir);

// The keyinfo in effect (as store_is_locked decides it): null when the store is not locked, or
// when the file cannot be read, with `error` saying so (a store like that is refused, never
// treated as unlocked or damaged).
std::optional<KeyInfo> current_keyinfo(const std::filesystem::path& data_dir, std::string& error);

struct Unlocked {
  std::optional<Key> key;  // set when the passphrase is right
  std::string error;       // otherwise why not, in words a person can act on
  bool wrong_passphrase = false;  // the passphrase was simply not this store's (nothing was touched)
};

// Derives the key from `passphrase` with the store's parameters and checks it against keyinfo.
// Reads only: a wrong passphrase changes nothing at all.
Unlocked unlock_store(const std::filesystem::path& data_dir, std::string_view passphrase);

// Turns the lock on (`current` null, `new_passphrase` set), changes the passphrase (both set), or
// turns it off (`current` set, no `new_passphrase`). The database and every backup are re-encrypted
// into new files and switched in with renames: a crash at any point leaves either the old store,
// which opens with `current`, or the new one. The old files (database, its -wal, -journal and -shm,
// each backup) are overwritten with zeros and flushed before they go; a backup that cannot be read
// even now is overwritten and removed (it could never be restored). Empty on success, else what went wrong; nothing changed then.
// The caller holds the folder's DataLock and has no connection open to the store.
// `new_key`, if given, receives the new key once the switch has taken effect (even when tidying up
// afterwards reports a problem), so the caller need not derive it again.
std::string set_lock(const std::filesystem::path& data_dir, const Key* current,
                     std::optional<std::string_view> new_passphrase, KdfCost cost = KdfCost::moderate,
                     std::optional<Key>* new_key = nullptr);

// Locks a map that does not exist yet (store_is_new): writes only the keyinfo for `passphrase`, so
// the database is encrypted from its first byte when open_store makes it with the key that
// `new_key` receives. Nothing is written when the folder already holds a map. Empty on success.
std::string lock_new_store(const std::filesystem::path& data_dir, std::string_view passphrase, KdfCost cost,
                           std::optional<Key>& new_key);

// Finishes or undoes a switch that set_lock did not get to complete (the process was killed),
// leaving the store consistent, then overwrites any old file it had not yet overwritten. Only for the holder of the folder's DataLock: open_store's callers
// that write (the app, import) run it first. Empty on success.
std::string finish_interrupted_switch(const std::filesystem::path& data_dir);

// Makes `db` keep its WAL file when it closes (SQLITE_FCNTL_PERSIST_WAL) instead of deleting it, which
// would free its blocks on the disk with the words still in them. The app's connection asks this just
// before it closes for set_lock, which then overwrites the WAL with the rest of the old store.
class Database;
std::string keep_wal_on_close(Database& db);

// Files in the data folder still in plaintext though the store is locked: damaged databases set
// aside (*.corrupt-*) before the lock was turned on. They are never deleted behind the person's
// back; the command line names them so the person can decide.
std::vector<std::filesystem::path> plaintext_leftovers(const std::filesystem::path& data_dir);

}  // namespace innerscape::storage
