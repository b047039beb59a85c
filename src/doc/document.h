// One person's map as a document: the inner system and its undo stack, the settings, the words being
// typed, and the store they are kept in, with the reads and writes that run off the frame (the
// journal, the map's past, unlocking, a change of lock, a copy of everything).
//
// No window: nothing here includes SDL, GL or ImGui. The app's Session shows a Document and turns
// what the person does into calls on it; the command line and tests (document_test) drive it alone.
// It never calls up into a view: what happened (a read arrived, a copy was saved, something the
// person should know) waits as events until the view asks for them with poll().
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/drafts.h"
#include "core/history.h"
#include "core/inner_system.h"
#include "core/map_history.h"
#include "core/page_drafts.h"
#include "core/scene_view.h"
#include "core/settings.h"
#include "core/task.h"
#include "storage/autosaver.h"
#include "storage/backup.h"
#include "storage/passphrase_lock.h"
#include "storage/store.h"

namespace innerscape::doc {

// Time as the document sees it; tests give it a fake one and move it on by hand.
struct Clock {
  std::function<double()> now_s;         // steady seconds: when a save comes due
  std::function<std::int64_t()> wall_s;  // seconds since 1970: what edits, saves and backups are dated
};
Clock system_clock();

struct DocumentDesc {
  std::filesystem::path data_dir;  // the person's store; empty: nothing is read or saved
  std::shared_ptr<const storage::Key> key;  // a locked store's key (storage::unlock_store); null: ask for it
  // This computer's comfort settings (settings.json) live here, read before a locked store opens;
  // empty: none read or kept, the store's own are used.
  std::filesystem::path config_dir;
  bool demo = false;  // the example map: its history is the example's year, nothing is saved
  storage::KdfCost kdf_cost = storage::KdfCost::moderate;  // a new passphrase's key derivation (tests: the cheapest)
  Clock clock = system_clock();
  // Called on a background thread when a read, a write or a check has finished, so the view can
  // wake and poll(). May be empty (a test polls or waits).
  std::function<void()> wake;
  // The camera the person is looking through, kept with the map at each save. Empty: the default.
  std::function<core::SceneView()> camera;
  // Tests: shown every state handed to the store, before the writer can commit it.
  std::function<void(const storage::Snapshot&)> on_submit;
};

// What the document has to tell its view, in the order it happened.
namespace event {
struct Notice {  // a word for the person: how something went, or what could not be done
  std::string text;
};
struct LockedAtStart {};  // a locked store: nothing is read until unlock() is answered
struct StoreWaiting {     // busy, a full disk, a missing keyinfo...: the map opens once retry_open() can
  std::string text;
  bool emptied = false;   // the map in memory was emptied while it waits (else it was empty already)
};
struct StoreOpened {                       // the map was read (at start, after unlocking, again)
  std::optional<core::SceneView> camera;   // where the person last looked; none: frame it whole
  bool reopened = false;                   // opened again after a wait, an unlock or a restore
  bool welcome_seen = false;
  core::PageDrafts pages;                  // journal pages being written when Innerscape closed
  std::optional<std::string> set_aside;    // the map was damaged: what happened (the restore dialog says it)
  std::vector<std::string> other_backups;  // ...and the other sound backups it offers (restore_backup)
};
struct JournalArrived {};  // the journal has been read and joined with what was written meanwhile
struct HistoryArrived {};  // the map's past has been read (history(), history_problem())
struct ExportDone {        // a copy of everything was saved, or why not
  std::string text;
};
struct UnlockAnswer {
  bool opened = false;
  std::string why;  // when not: a wrong passphrase, or what failed
};
struct LockChanged {  // a change of lock is made; `problem` empty when it went well
  std::string problem;
};
}  // namespace event
using Event = std::variant<event::Notice, event::LockedAtStart, event::StoreWaiting, event::StoreOpened, event::JournalArrived,
                           event::HistoryArrived, event::ExportDone, event::UnlockAnswer, event::LockChanged>;

class Document {
 public:
  explicit Document(DocumentDesc desc);
  // Hands the last changes to the store and waits until they are on disk (a change of lock under
  // way finishes first).
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Opens what the description names: the example, a new folder (nothing is written until the first
  // save), a locked store (LockedAtStart), or the store itself (StoreOpened, or StoreWaiting). Empty,
  // or why the map cannot be opened at all.
  std::string open();

  // What happened since the last call: background work that finished is taken in first. Never waits.
  std::vector<Event> poll();

  // The map. Edits are performed here so each can be undone, and each is saved at once.
  const core::InnerSystem& system() const { return system_; }
  const core::History& undo_stack() const { return undo_; }
  bool perform(core::Edit edit);
  bool undo();
  bool redo();
  bool withdraw();  // takes the last edit back as though it had never been made
  // Replaces the whole map (the example taken as a first map, tests, the bench); forgets undo.
  void replace(core::InnerSystem system);
  void log_breathing(const core::BreathingSession& session);

  // Settings: change them, then mark_dirty().
  const core::Settings& settings() const { return settings_; }
  core::Settings& settings() { return settings_; }

  // Saving. Changes go to the store soon after they happen: `delay_s` after now at the latest.
  void mark_dirty(double delay_s);
  void save_if_due();        // hands the state to the store when a save has come due
  std::string save_now();    // ...now, and waits until it is on disk; empty, or why it is not
  bool save_pending() const { return save_due_s_ >= 0.0; }
  std::string save_problem() const;  // the last write's failure, while it lasts
  // Words being typed and pages being written: kept soon after they change, so no crash takes them.
  void keep_drafts(std::vector<core::Draft> drafts);
  void keep_pages(const core::PageDrafts& pages);
  const core::PageDrafts& kept_pages() const { return page_drafts_; }
  // Each drawing's small picture, saved with the map (a new picture is a new pointer).
  std::map<core::DrawingId, std::shared_ptr<const core::Image>>& thumbnails() { return thumbnails_; }
  const std::map<core::DrawingId, std::shared_ptr<const core::Image>>& thumbnails() const { return thumbnails_; }

  // The store.
  const std::filesystem::path& data_dir() const { return data_dir_; }
  bool has_store() const { return autosaver_ != nullptr; }
  bool store_waiting() const { return waiting_; }  // locked at start, or not openable just now
  bool store_unborn() const { return unborn_; }    // a first run with nothing yet kept
  bool store_locked() const { return key_ != nullptr; }
  void retry_open();                  // a waiting store, tried again (StoreOpened, or StoreWaiting)
  bool restore_backup(int choice);    // 1 + which of StoreOpened's other_backups; false: no such backup

  // The journal is read after the map, off the frame; pages written meanwhile join it.
  bool journal_ready() const { return journal_ready_; }
  void wait_for_journal();
  std::vector<core::EntryId> search(const std::string& query);  // the store's full-text index, or memory

  // The passphrase lock: checking a passphrase and re-keying take seconds, off the frame.
  void unlock(std::string passphrase);  // UnlockAnswer; the store opens if it waited for it
  bool unlocking() const { return unlocking_.running(); }
  void wait_for_unlock();
  // `current` empty turns the lock on; `next` empty turns it off. Both are wiped. LockChanged.
  void change_lock(std::string current, std::string next);
  bool changing_lock() const { return lock_change_.done.running(); }
  void wait_for_lock_change();

  // A readable copy of everything (JSON) at `path`, off the frame: ExportDone.
  void export_copy(const std::filesystem::path& path);
  bool exporting() const { return export_.done.running(); }
  float export_progress() const { return export_.fraction ? export_.fraction->load() : 0.0f; }
  void wait_for_export();

  // The map's past, read from the store when first asked for (the example has its own); today's
  // edits join it as they happen.
  void load_history();
  bool history_ready() const { return past_.ready; }
  bool history_loading() const { return past_.loader.running(); }
  void wait_for_history();
  const core::MapHistory& history();
  const std::string& history_problem() const { return past_.problem; }
  bool clear_history();  // forgets the past, keeps the present; false (and a notice) when it could not

 private:
  struct JournalRead {
    std::vector<core::Entry> journal;
    std::string error;
    std::string backup_problem;  // the day's backup, made after the journal, could not be made
  };
  struct HistoryRead {
    core::MapHistory history;
    std::string error;
  };
  struct Past {
    core::MapHistory history;
    core::MapState seen;  // what the history ends with: today's edits are recorded from here on
    std::uint64_t seen_revision = ~std::uint64_t{0};
    bool ready = false;
    std::string problem;
    core::Task<HistoryRead> loader;
  };
  struct ExportTask {
    core::Task<std::string> done;
    std::shared_ptr<std::atomic<float>> fraction;
    std::filesystem::path path;
  };
  struct LockChangeResult {
    std::string problem;
    std::optional<storage::Key> new_key;
  };
  struct LockChangeTask {
    core::Task<LockChangeResult> done;
    storage::Snapshot on_disk;  // what the store holds, for the saver when it opens again
    bool turning_on = false;
    bool turning_off = false;
    bool before_store = false;  // a first run's lock, chosen before the store was made
  };

  double now_s() const { return clock_.now_s(); }
  std::int64_t wall_s() const { return clock_.wall_s(); }
  void tell(std::string text);
  void note_change();  // an edit, an undo or a redo: saved at once
  void read_comfort();
  void keep_comfort();
  storage::Snapshot snapshot() const;
  void submit();
  std::string open_store(bool reopened, storage::StoreProblem* problem = nullptr);
  bool wait_for_store(storage::StoreProblem problem, const std::string& text);
  void await_first_save();
  std::string make_store();  // the first save of a first run; empty, or why not (said as a notice)
  void take_journal(bool wait);
  void take_history(bool wait);
  void take_unlock(bool wait);
  void take_export(bool wait);
  void take_lock_change(bool wait);
  std::function<void()> waker() const { return wake_; }

  Clock clock_;
  std::function<void()> wake_;
  std::function<core::SceneView()> camera_;
  std::function<void(const storage::Snapshot&)> on_submit_;
  bool demo_ = false;
  storage::KdfCost kdf_cost_ = storage::KdfCost::moderate;
  std::vector<Event> events_;

  core::InnerSystem system_;
  core::History undo_;
  core::Settings settings_;
  std::vector<core::Draft> drafts_;  // words being typed in a part's page or the name field
  core::PageDrafts page_drafts_;     // the journal pages being written, as last handed to the store
  std::map<core::DrawingId, std::shared_ptr<const core::Image>> thumbnails_;

  // Saving.
  std::unique_ptr<storage::Autosaver> autosaver_;
  double save_due_s_ = -1.0;
  std::uint64_t saved_revision_ = 0;

  // The store.
  std::filesystem::path data_dir_;
  std::shared_ptr<const storage::Key> key_;
  bool waiting_ = false;
  // A first run (storage::store_is_new): nothing is written to the data folder until there is
  // something to keep, so the passphrase lock can be chosen before a word reaches the disk.
  bool unborn_ = false;
  std::vector<storage::BackupInfo> restore_choices_;  // after damage: the other sound backups

  // The comfort part of the settings, kept in the config folder's settings.json when it changes.
  std::filesystem::path settings_file_;
  core::Settings comfort_kept_;     // what settings.json holds (the defaults while it is missing or damaged)
  bool comfort_from_file_ = false;  // else a map from before settings.json brings its own, once
  std::string comfort_problem_;     // the last write's problem, said once

  core::Task<JournalRead> journal_loader_;
  bool journal_ready_ = true;
  Past past_;
  core::Task<storage::Unlocked> unlocking_;
  ExportTask export_;
  LockChangeTask lock_change_;
};

}  // namespace innerscape::doc
