// One person's map as a document (see document.h): the model, its saving, and the work off the frame.
#include "doc/document.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <utility>

#include "core/demo_system.h"
#include "core/drafts.h"
#include "core/wording.h"
#include "storage/json_format.h"
#include "storage/settings_file.h"

namespace innerscape::doc {

Clock system_clock() {
  return {.now_s = [] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); },
          .wall_s = [] { return static_cast<std::int64_t>(std::time(nullptr)); }};
}

Document::Document(DocumentDesc desc)
    : clock_(std::move(desc.clock)),
      wake_(std::move(desc.wake)),
      camera_(std::move(desc.camera)),
      on_submit_(std::move(desc.on_submit)),
      demo_(desc.demo),
      kdf_cost_(desc.kdf_cost),
      data_dir_(std::move(desc.data_dir)),
      key_(std::move(desc.key)) {
  if (!desc.config_dir.empty()) {
    settings_file_ = desc.config_dir / storage::settings_file_name;
    read_comfort();
  }
}

Document::~Document() {
  take_lock_change(true);  // a re-keying under way finishes, and the saver opens again to take the last changes
  keep_comfort();
  if (unborn_ && save_due_s_ >= 0.0) make_store();  // a first run that made something to keep
  if (autosaver_ == nullptr) return;
  take_journal(true);  // pages written before it was read join it, and are saved with it
  if (const std::string problem = save_now(); !problem.empty()) {
    std::cerr << "innerscape: your last changes could not be saved: " << problem << "\n";
  }
}

void Document::tell(std::string text) { events_.push_back(event::Notice{std::move(text)}); }

std::vector<Event> Document::poll() {
  take_journal(false);
  take_history(false);
  take_unlock(false);
  take_export(false);
  take_lock_change(false);
  return std::exchange(events_, {});
}

// --- Opening ------------------------------------------------------------------------------------

std::string Document::open() {
  if (data_dir_.empty()) {
    replace(demo_ ? core::make_demo_system() : core::InnerSystem{});
    return {};
  }
  if (key_ == nullptr && storage::store_is_locked(data_dir_)) {
    // Nothing of a locked store is read until the passphrase is right.
    waiting_ = true;
    replace({});
    events_.push_back(event::LockedAtStart{});
    return {};
  }
  if (!demo_ && storage::store_is_new(data_dir_)) {
    await_first_save();
    return {};
  }
  storage::StoreProblem problem = storage::StoreProblem::none;
  if (std::string e = open_store(false, &problem); !e.empty() && !wait_for_store(problem, e)) return e;
  return {};
}

bool Document::wait_for_store(storage::StoreProblem problem, const std::string& text) {
  if (problem != storage::StoreProblem::fault && problem != storage::StoreProblem::missing_keyinfo) return false;
  std::cerr << "innerscape: " << text << "\n";
  waiting_ = true;
  replace({});
  events_.push_back(event::StoreWaiting{text, true});
  return true;
}

void Document::retry_open() {
  if (!waiting_) return;
  storage::StoreProblem problem = storage::StoreProblem::none;
  if (const std::string e = open_store(true, &problem); !e.empty()) {
    if (!wait_for_store(problem, e)) events_.push_back(event::StoreWaiting{"Your map could not be opened: " + e});
    return;
  }
  waiting_ = false;
}

std::string Document::open_store(bool reopened, storage::StoreProblem* problem) {
  // A store opened again (a backup restored, the lock changed) is read afresh when the timeline asks.
  take_history(true);
  past_ = Past{};
  storage::OpenedStore store = storage::open_store(data_dir_, false, false, key_.get());
  if (problem != nullptr) *problem = store.problem;
  if (!store.error.empty()) return store.error;
  storage::Snapshot& loaded = store.loaded.snapshot;
  replace(loaded.system);
  event::StoreOpened opened{.reopened = reopened, .welcome_seen = loaded.settings.welcome_seen};
  if (store.loaded.had_view) opened.camera = loaded.view;
  const core::Settings comfort = settings_;
  settings_ = loaded.settings;
  if (comfort_from_file_) core::take_comfort(settings_, comfort);  // this computer's own; else the map's, kept at the next save
  thumbnails_ = loaded.thumbnails;
  if (!settings_.soothing_seeded) {
    // A new map starts with a few soothing words, offered once; an emptied list stays empty.
    system_.soothing = core::starting_soothing_words();
    settings_.soothing_seeded = true;
    save_due_s_ = 0.0;
  }
  if (store.set_aside) {
    // What happened, and the other sound backups, should the person want another.
    restore_choices_.clear();
    opened.set_aside = store.notice;
    for (storage::BackupInfo& b : storage::sound_backups(data_dir_, storage::store_is_locked(data_dir_) ? key_.get() : nullptr)) {
      if (store.set_aside->restored && b.file == store.set_aside->restored->file) continue;
      opened.other_backups.push_back(storage::describe_backup(b));
      restore_choices_.push_back(std::move(b));
    }
  }
  // Journal pages being written when Innerscape closed wait as they were.
  opened.pages = loaded.page_drafts;
  page_drafts_ = loaded.page_drafts;  // as the store holds them: a page kept only in memory is saved soon
  events_.push_back(std::move(opened));
  if (!store.notice.empty()) {
    std::cerr << "innerscape: " << store.notice << "\n";
    if (!store.set_aside) tell(store.notice);  // else the restore dialog says it
  }
  // What the store holds now is what the autosaver diffs against: the snapshot as it was loaded.
  storage::Snapshot on_disk = loaded;
  autosaver_ = std::make_unique<storage::Autosaver>(std::move(store.db), std::move(on_disk), waker());
  // The journal, read on a connection of its own while the map is already on screen. Then the day's
  // backup, on the same connection: a large store's copy does not hold up the start.
  journal_ready_ = false;
  journal_loader_.start(
      [data_dir = data_dir_, key = key_, backup = store.backup_due, now = wall_s()] {
        JournalRead read;
        auto db = storage::open_connection(data_dir, key.get(), read.error);
        if (db != nullptr) {
          read.journal = storage::load_journal(*db, read.error);
          if (backup) read.backup_problem = storage::rolling_backup(*db, data_dir, now, key.get());
        }
        return read;
      },
      waker());
  // Words that were being typed when Innerscape last closed go back where they were, as an edit
  // that can be undone like any other.
  const std::vector<core::Part> recovered = core::apply_drafts(system_, loaded.drafts);
  for (const core::Part& part : recovered) core::perform(system_, undo_, core::update_part(system_, part, wall_s()));
  if (!recovered.empty()) {
    tell("Innerscape closed while you were writing. What you had typed is back in place (Undo takes it out).");
    saved_revision_ = undo_.revision;
    save_due_s_ = 0.0;  // store the recovered words as part of the map, and clear the drafts
  }
  return {};
}

void Document::await_first_save() {
  unborn_ = true;
  replace({});
  // What open_store gives a new map, kept in memory until the first save.
  system_.soothing = core::starting_soothing_words();
  settings_.soothing_seeded = true;
}

std::string Document::make_store() {
  storage::OpenedStore store = storage::open_store(data_dir_, true, false, key_.get());
  if (!store.error.empty()) {
    std::cerr << "innerscape: " << store.error << "\n";
    std::string said = "Your map could not be saved yet: " + store.error +
                       " Everything stays here on screen, and Innerscape tries again in a little while.";
    tell(said);
    return said;
  }
  unborn_ = false;
  // The new store is empty: the first save writes everything in memory into it.
  autosaver_ = std::make_unique<storage::Autosaver>(std::move(store.db), std::move(store.loaded.snapshot), waker());
  return {};
}

bool Document::restore_backup(int choice) {
  if (choice < 1 || choice > static_cast<int>(restore_choices_.size())) return false;
  const storage::BackupInfo backup = restore_choices_[static_cast<std::size_t>(choice - 1)];
  restore_choices_.clear();
  if (journal_loader_.running()) take_journal(true);  // its connection closes first
  save_now();
  autosaver_.reset();  // closes the map that stands in, so the chosen backup can take its place
  const std::string problem = storage::restore_backup(data_dir_, backup.file, key_.get());
  const std::string reopened = open_store(true);
  tell(!problem.empty()    ? "The backup could not be brought back: " + problem + ". Your map is as it was."
       : reopened.empty() ? "Your map is back as it was on " + storage::describe_backup(backup) + "."
                          : "The backup was brought back but could not be opened: " + reopened);
  return true;
}

// --- The map ------------------------------------------------------------------------------------

bool Document::perform(core::Edit edit) {
  const bool done = core::perform(system_, undo_, std::move(edit));
  note_change();
  return done;
}

bool Document::undo() {
  const bool done = core::undo(system_, undo_);
  note_change();
  return done;
}

bool Document::redo() {
  const bool done = core::redo(system_, undo_);
  note_change();
  return done;
}

bool Document::withdraw() {
  const bool done = core::withdraw(system_, undo_);
  note_change();
  return done;
}

void Document::note_change() {
  if (undo_.revision == saved_revision_) return;
  saved_revision_ = undo_.revision;
  mark_dirty(0.0);  // an edit goes to the store at once
}

void Document::replace(core::InnerSystem system) {
  system_ = std::move(system);
  undo_ = {};
  thumbnails_.clear();
  note_change();
}

void Document::log_breathing(const core::BreathingSession& session) {
  system_.breathing_log.push_back(session);
  mark_dirty(0.0);
}

// --- Saving -------------------------------------------------------------------------------------

void Document::mark_dirty(double delay_s) {
  if (autosaver_ == nullptr && !unborn_) return;
  const double due = now_s() + delay_s;
  save_due_s_ = save_due_s_ < 0.0 ? due : std::min(save_due_s_, due);
}

void Document::save_if_due() {
  if (save_due_s_ < 0.0 || now_s() < save_due_s_) return;
  if (unborn_ && !lock_change_.done.running() && !make_store().empty()) {
    save_due_s_ = now_s() + 10.0;  // a full disk, a read-only folder: tried again, nothing lost meanwhile
    return;
  }
  if (autosaver_ == nullptr) return;
  keep_comfort();
  submit();
  save_due_s_ = -1.0;
}

std::string Document::save_now() {
  keep_comfort();
  if (unborn_ && save_due_s_ >= 0.0 && !lock_change_.done.running()) {
    if (std::string problem = make_store(); !problem.empty()) return problem;
  }
  if (autosaver_ == nullptr) return {};
  submit();
  save_due_s_ = -1.0;
  return autosaver_->flush();
}

std::string Document::save_problem() const { return autosaver_ != nullptr ? autosaver_->problem() : std::string(); }

storage::Snapshot Document::snapshot() const {
  storage::Snapshot s{.system = system_, .settings = settings_, .drafts = drafts_, .page_drafts = page_drafts_};
  if (camera_) s.view = camera_();
  s.thumbnails = thumbnails_;
  s.journal_loaded = journal_ready_;
  s.at = wall_s();  // the changes this save records in the map's history are dated now
  return s;
}

void Document::submit() {
  storage::Snapshot state = snapshot();
  if (on_submit_) on_submit_(state);
  autosaver_->submit(std::move(state));
}

void Document::keep_drafts(std::vector<core::Draft> drafts) {
  if (drafts == drafts_) return;
  drafts_ = std::move(drafts);
  mark_dirty(0.3);
}

void Document::keep_pages(const core::PageDrafts& pages) {
  if (pages == page_drafts_) return;
  page_drafts_ = pages;
  mark_dirty(0.3);
}

void Document::read_comfort() {
  const storage::SettingsFile file = storage::read_settings_file(settings_file_);
  if (file.comfort) {
    core::take_comfort(settings_, *file.comfort);
    comfort_kept_ = *file.comfort;
  }
  // A damaged file: the usual settings, and the file is not written over until one is changed.
  comfort_from_file_ = file.comfort.has_value() || !file.problem.empty();
  if (!file.problem.empty()) {
    std::cerr << "innerscape: " << file.problem << "\n";
    tell(file.problem);
  }
}

void Document::keep_comfort() {
  if (settings_file_.empty() || core::same_comfort(settings_, comfort_kept_)) return;
  const std::string problem = storage::write_settings_file(settings_file_, settings_);
  if (problem.empty()) {
    comfort_kept_ = settings_;
    comfort_from_file_ = true;
    comfort_problem_.clear();
    return;
  }
  if (problem != comfort_problem_) {
    std::cerr << "innerscape: " << problem << "\n";
    tell("Your size, colour, motion and sound settings could not be kept for next time: " + problem);
  }
  comfort_problem_ = problem;
}

// --- The journal --------------------------------------------------------------------------------

void Document::wait_for_journal() { take_journal(true); }

void Document::take_journal(bool wait) {
  std::optional<JournalRead> answer = journal_loader_.take(wait);
  if (!answer) return;
  JournalRead& read = *answer;
  if (!read.backup_problem.empty()) {
    std::cerr << "innerscape: today's backup could not be made: " << read.backup_problem << "\n";
    tell("Today's backup could not be made: " + read.backup_problem);
  }
  if (!read.error.empty()) {
    // The pages stay on disk, untouched: nothing is saved over a journal that could not be read.
    std::cerr << "innerscape: " << read.error << "\n";
    tell("Your journal could not be read just now, so it is left as it is on disk. " + read.error +
         " Try closing and opening Innerscape again.");
    return;
  }
  // Pages written before the journal arrived join it, in time order. The model and the saver share
  // the one list of pages (it is copied only when one of them changes it).
  const core::EntryList on_disk(std::move(read.journal));
  const std::size_t from_disk = on_disk.size();
  core::EntryList merged = on_disk;
  for (const core::Entry& e : system_.journal) {
    if (std::none_of(on_disk.begin(), on_disk.end(), [&e](const core::Entry& d) { return d.id == e.id; })) merged.push_back(e);
  }
  if (merged.size() != from_disk) {
    std::vector<core::Entry>& pages = merged.edit();
    std::stable_sort(pages.begin(), pages.end(), [](const core::Entry& a, const core::Entry& b) { return a.created_at < b.created_at; });
  }
  if (autosaver_ != nullptr) autosaver_->install_journal(on_disk);
  system_.journal = std::move(merged);
  journal_ready_ = true;
  if (system_.journal.size() != from_disk) mark_dirty(0.0);
  events_.push_back(event::JournalArrived{});
}

std::vector<core::EntryId> Document::search(const std::string& query) {
  if (autosaver_ == nullptr) return core::search_in_memory(system_.journal, query);
  // The store's full-text index, once it holds what is on screen.
  submit();
  save_due_s_ = -1.0;
  autosaver_->flush();
  std::vector<core::EntryId> found;
  autosaver_->call([&](storage::Database& db) {
    found = storage::search_entries(db, query);
    return std::string();
  });
  return found;
}

// --- The lock -----------------------------------------------------------------------------------

void Document::unlock(std::string passphrase) {
  if (unlocking_.running() || data_dir_.empty()) {
    storage::wipe(passphrase);
    return;
  }
  // About a second of Argon2id: off the frame, so the screen stays calm and responsive.
  unlocking_.start([dir = data_dir_, p = storage::Passphrase(std::move(passphrase))] { return storage::unlock_store(dir, p.view()); },
                   waker());
  storage::wipe(passphrase);
}

void Document::wait_for_unlock() { take_unlock(true); }

void Document::take_unlock(bool wait) {
  std::optional<storage::Unlocked> taken = unlocking_.take(wait);
  if (!taken) return;
  storage::Unlocked& answer = *taken;
  if (!answer.key) {
    events_.push_back(event::UnlockAnswer{false, answer.wrong_passphrase ? "That is not the passphrase. Nothing was changed." : answer.error});
    return;
  }
  key_ = std::make_shared<const storage::Key>(std::move(*answer.key));
  events_.push_back(event::UnlockAnswer{true, {}});
  if (!waiting_) return;
  waiting_ = false;
  storage::StoreProblem why = storage::StoreProblem::none;
  if (const std::string problem = open_store(true, &why); !problem.empty() && !wait_for_store(why, problem)) {
    tell("Your map could not be opened: " + problem);
  }
}

void Document::change_lock(std::string current, std::string next) {
  struct Wiper {
    std::string& a;
    std::string& b;
    ~Wiper() {
      storage::wipe(a);
      storage::wipe(b);
    }
  } wiper{current, next};
  if (unborn_ && key_ == nullptr && !next.empty()) {
    // A first run: the lock comes before the map is written, so not one word is ever in plaintext.
    // Only the keyinfo is written now; the store is made with the key when the answer comes.
    lock_change_.turning_on = true;
    lock_change_.turning_off = false;
    lock_change_.before_store = true;
    lock_change_.done.start(
        [dir = data_dir_, pass = storage::Passphrase(next), cost = kdf_cost_] {
          LockChangeResult out;
          out.problem = storage::lock_new_store(dir, pass.view(), cost, out.new_key);
          return out;
        },
        waker());
    return;
  }
  if (autosaver_ == nullptr || data_dir_.empty()) {
    events_.push_back(event::LockChanged{"The example map is not saved, so there is nothing to lock."});
    return;
  }
  // Everything on disk and no connection open: the store is copied into its new form whole. What is
  // changed meanwhile stays in memory and is saved when the store opens again.
  take_journal(true);
  if (const std::string problem = save_now(); !problem.empty()) {
    events_.push_back(event::LockChanged{"Your latest changes could not be saved first, so the lock was not changed: " + problem});
    return;
  }
  lock_change_.on_disk = snapshot();
  lock_change_.turning_off = next.empty();
  lock_change_.turning_on = current.empty();
  // Closing would delete the WAL and free its blocks with the words still in them; kept, set_lock
  // overwrites it with the rest of the old store (best effort: the lock goes on either way).
  autosaver_->call([](storage::Database& db) { return storage::keep_wal_on_close(db); });
  autosaver_.reset();
  // The passphrase now first (a slip of the fingers changes nothing), then the re-keying: seconds of
  // Argon2id and copying, off the frame.
  lock_change_.done.start(
      [dir = data_dir_, key = key_, was = storage::Passphrase(current), to_be = storage::Passphrase(next), cost = kdf_cost_] {
        LockChangeResult out;
        if (key != nullptr) {
          const storage::Unlocked check = storage::unlock_store(dir, was.view());
          if (!check.key) {
            out.problem = check.wrong_passphrase ? "That is not your passphrase now, so nothing was changed." : check.error;
            return out;
          }
        }
        const std::optional<std::string_view> to = to_be.empty() ? std::nullopt : std::optional<std::string_view>(to_be.view());
        out.problem = storage::set_lock(dir, key.get(), to, cost, &out.new_key);
        return out;
      },
      waker());
}

void Document::wait_for_lock_change() { take_lock_change(true); }

void Document::take_lock_change(bool wait) {
  std::optional<LockChangeResult> answer = lock_change_.done.take(wait);
  if (!answer) return;
  LockChangeResult& result = *answer;
  if (std::exchange(lock_change_.before_store, false)) {
    std::string problem = std::move(result.problem);
    if (problem.empty() && result.new_key) {
      key_ = std::make_shared<const storage::Key>(std::move(*result.new_key));
      problem = make_store();
      if (problem.empty()) {
        mark_dirty(0.0);  // whatever was done meanwhile, into the encrypted store
        tell("The lock is on before anything was written. Innerscape will ask for your passphrase each time it opens.");
      }
    }
    events_.push_back(event::LockChanged{std::move(problem)});
    return;
  }
  // Whichever key the store holds now (the switch may have taken effect even if tidying up did not).
  std::string error;
  const auto info = storage::current_keyinfo(data_dir_, error);
  if (!info) {
    key_ = nullptr;
  } else if (result.new_key && storage::key_matches(*info, *result.new_key)) {
    key_ = std::make_shared<const storage::Key>(std::move(*result.new_key));
  }
  std::string problem = std::move(result.problem);
  auto db = storage::Database::open(data_dir_ / storage::database_file_name, error, key_.get());
  if (db == nullptr) {
    problem = (problem.empty() ? "" : problem + " ") + "Your map could not be opened again: " + error;
  } else {
    autosaver_ = std::make_unique<storage::Autosaver>(std::move(db), std::move(lock_change_.on_disk), waker());
    mark_dirty(0.0);  // anything changed meanwhile
  }
  if (problem.empty()) {
    tell(lock_change_.turning_off ? "The lock is off. Your files are readable on this computer again."
         : lock_change_.turning_on ? "The lock is on. Innerscape will ask for your passphrase each time it opens."
                                   : "Your passphrase is changed. Use the new one from now on.");
  }
  events_.push_back(event::LockChanged{std::move(problem)});
}

// --- A copy of everything -----------------------------------------------------------------------

void Document::export_copy(const std::filesystem::path& path) {
  if (export_.done.running()) {
    tell("A copy is already being saved; a moment more.");
    return;
  }
  take_journal(true);  // a copy of everything: the journal too
  export_.fraction = std::make_shared<std::atomic<float>>(0.0f);
  export_.path = path;
  // The snapshot shares the journal's pages and the drawings' strokes: handing it over copies little.
  storage::Snapshot copy = snapshot();
  // The map's past comes along: as the timeline holds it, or read from the store once it holds today.
  std::filesystem::path read_history_from;
  if (autosaver_ == nullptr || (past_.ready && past_.problem.empty())) {
    load_history();
    copy.history = history();
  } else {
    if (const std::string problem = save_now(); !problem.empty()) {
      tell("No copy was saved: your latest changes are not on disk yet (" + problem + "). Nothing was changed.");
      return;
    }
    read_history_from = data_dir_;
  }
  export_.done.start(
      [snapshot = std::move(copy), read_history_from, key = key_, path, now = wall_s(), fraction = export_.fraction,
       wake = wake_]() mutable {
        if (!read_history_from.empty()) {
          std::string error;
          auto db = storage::open_connection(read_history_from, key.get(), error);
          if (db != nullptr) snapshot.history = storage::load_history(*db, error);
          if (!error.empty()) return "No copy was saved: your map's past could not be read (" + error + "). Nothing was changed.";
        }
        return storage::write_json_file(snapshot, path, now, [&fraction, &wake](float f) {
          fraction->store(f);
          if (wake) wake();
        });
      },
      waker());
}

void Document::wait_for_export() { take_export(true); }

void Document::take_export(bool wait) {
  const std::optional<std::string> answer = export_.done.take(wait);
  if (!answer) return;
  const std::string& problem = *answer;
  events_.push_back(event::ExportDone{problem.empty() ? "A copy of everything is saved in " + export_.path.string() +
                                                            ". It is readable by anyone who opens it: keep it somewhere private."
                                                      : problem});
  export_.fraction.reset();
}

// --- The map's past -----------------------------------------------------------------------------

void Document::load_history() {
  if (past_.ready || past_.loader.running()) return;
  if (autosaver_ == nullptr) {
    // No store: the example map brings its year so far; anything else starts its story now.
    if (demo_) {
      const core::InnerSystem example = core::make_demo_system();
      past_.history = core::make_demo_history(example);
      past_.seen = core::map_state(example);
    }
    past_.ready = true;
    return;
  }
  // What is on screen goes to the store first: the history read back then ends with it.
  if (const std::string problem = save_now(); !problem.empty()) std::cerr << "innerscape: " << problem << "\n";
  past_.seen = core::map_state(system_);
  past_.seen_revision = undo_.revision;
  past_.loader.start(
      [dir = data_dir_, key = key_] {
        HistoryRead read;
        auto db = storage::open_connection(dir, key.get(), read.error);
        if (db != nullptr) read.history = storage::load_history(*db, read.error);
        return read;
      },
      waker());
}

void Document::wait_for_history() { take_history(true); }

void Document::take_history(bool wait) {
  std::optional<HistoryRead> answer = past_.loader.take(wait);
  if (!answer) return;
  HistoryRead& read = *answer;
  if (!read.error.empty()) {
    std::cerr << "innerscape: " << read.error << "\n";
    past_.problem = "Your map's past could not be read just now, so the timeline is empty for this session. "
                    "Nothing was changed. " + read.error;
  }
  past_.history = std::move(read.history);
  past_.ready = true;
  events_.push_back(event::HistoryArrived{});
}

const core::MapHistory& Document::history() {
  // Today's edits join the history as the store records them (an edit and its undo, too).
  if (past_.ready && past_.problem.empty() && past_.seen_revision != undo_.revision) {
    core::MapState now = core::map_state(system_);
    core::record_changes(past_.seen, now, wall_s(), past_.history);
    past_.seen = std::move(now);
    past_.seen_revision = undo_.revision;
  }
  return past_.history;
}

bool Document::clear_history() {
  take_history(true);
  const std::int64_t now = wall_s();
  if (autosaver_ != nullptr) {
    if (const std::string problem = save_now(); !problem.empty()) std::cerr << "innerscape: " << problem << "\n";
    const core::InnerSystem present = system_;
    const std::string problem = autosaver_->call([&](storage::Database& db) { return storage::clear_history(db, present, now); });
    if (!problem.empty()) {
      tell("The past could not be cleared: " + problem + " Nothing was changed.");
      return false;
    }
  }
  past_.history.clear();
  core::record_changes(core::MapState{}, core::map_state(system_), now, past_.history);
  past_.seen = core::map_state(system_);
  past_.seen_revision = undo_.revision;
  past_.ready = true;
  past_.problem.clear();
  tell("Your map's story starts again from today. Everything you made is still here.");
  return true;
}

}  // namespace innerscape::doc
