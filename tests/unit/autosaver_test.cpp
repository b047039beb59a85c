// The autosaver: what is submitted reaches the disk in the background, batches coalesce, and the
// last state is there after the saver is gone.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <csignal>

#include "core/archetypes.h"
#include "core/demo_system.h"
#include "core/edits.h"
#include "storage/autosaver.h"
#include "storage/store.h"
#include "test_store.h"
#include "test_tmp.h"

using namespace innerscape;

TEST_CASE("submitted states reach the disk, and the newest wins") {
  const auto dir = test::fresh_dir("autosave");
  storage::Snapshot state;
  {
    storage::OpenedStore store = storage::open_store(dir);
    REQUIRE(store.error.empty());
    storage::Autosaver saver(std::move(store.db), store.loaded.snapshot);
    for (int i = 0; i < 50; ++i) {
      core::Part p = core::blank_part(core::PartKind::manager, {0.01f * static_cast<float>(i), 0.0f});
      p.name = "part " + std::to_string(i);
      core::apply_edit(state.system, core::add_part(state.system, p, i));
      saver.submit(state);
    }
    CHECK(saver.flush().empty());
    CHECK(saver.problem().empty());
    CHECK(saver.commits() >= 1);
    CHECK(saver.commits() <= 50);  // submissions that arrive while writing are batched together
  }
  storage::OpenedStore again = storage::open_store(dir);
  REQUIRE(again.error.empty());
  CHECK(again.loaded.snapshot.system.parts == state.system.parts);
}

TEST_CASE("destroying the saver flushes what was submitted last") {
  const auto dir = test::fresh_dir("autosave_exit");
  const core::InnerSystem demo = core::make_demo_system();
  {
    storage::OpenedStore store = storage::open_store(dir);
    REQUIRE(store.error.empty());
    storage::Autosaver saver(std::move(store.db), store.loaded.snapshot);
    saver.submit({.system = demo});
  }
  storage::OpenedStore again = storage::open_store(dir);
  REQUIRE(again.error.empty());
  CHECK(again.loaded.snapshot.system.parts == demo.parts);
  CHECK(again.loaded.snapshot.system.relationships == demo.relationships);
}

TEST_CASE("a full disk keeps the changes in memory, says so, and saves them once there is room") {
  const auto dir = test::fresh_dir("autosave_full");
  storage::Snapshot state;
  {
    storage::OpenedStore store = storage::open_store(dir);
    REQUIRE(store.error.empty());
    storage::Autosaver saver(std::move(store.db), store.loaded.snapshot);
    // SQLite's own size limit stands in for a full disk: writes fail with SQLITE_FULL.
    CHECK(saver.call([](storage::Database& db) { return db.exec("PRAGMA max_page_count = 8"); }).empty());
    for (int i = 0; i < 40; ++i) {
      core::Part p = core::blank_part(core::PartKind::exile, {0.0f, 0.0f});
      p.name = "kept " + std::to_string(i);
      p.notes = std::string(2000, 'w');
      core::apply_edit(state.system, core::add_part(state.system, p, i));
    }
    saver.submit(state);
    const std::string problem = saver.flush();
    CHECK(problem.find("full") != std::string::npos);
    CHECK(saver.problem() == problem);

    // Room again: the retry saves everything that was waiting.
    CHECK(saver.call([](storage::Database& db) { return db.exec("PRAGMA max_page_count = 1000000"); }).empty());
    saver.submit(state);
    CHECK(saver.flush().empty());
    CHECK(saver.problem().empty());
  }
  storage::OpenedStore again = storage::open_store(dir);
  REQUIRE(again.error.empty());
  CHECK(again.loaded.snapshot.system.parts == state.system.parts);
  CHECK(again.db->quick_check() == "ok");
}

TEST_CASE("the operating system refusing to let the file grow (as on a full disk): kept, retried, then saved") {
  // A file size limit makes the kernel refuse writes past it (EFBIG), the way a full disk refuses
  // them (ENOSPC): SQLite sees a failed write, not a polite limit of its own.
  ::signal(SIGXFSZ, SIG_IGN);
  const auto dir = test::fresh_dir("autosave_fsize");
  storage::Snapshot state;
  storage::OpenedStore store = storage::open_store(dir);
  REQUIRE(store.error.empty());
  {
    storage::Autosaver saver(std::move(store.db), store.loaded.snapshot);
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    rlimit tight = old;
    tight.rlim_cur = 96 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &tight) == 0);
    for (int i = 0; i < 80; ++i) {
      core::Part p = core::blank_part(core::PartKind::firefighter, {0.0f, 0.0f});
      p.name = "kept through a full disk " + std::to_string(i);
      p.notes = std::string(3000, 'f');
      core::apply_edit(state.system, core::add_part(state.system, p, i));
    }
    saver.submit(state);
    const std::string problem = saver.flush();
    ::setrlimit(RLIMIT_FSIZE, &old);  // room again
    CHECK_FALSE(problem.empty());
    INFO("the write failed with: ", problem);
    saver.submit(state);
    CHECK(saver.flush().empty());
  }
  storage::OpenedStore again = storage::open_store(dir);
  REQUIRE_MESSAGE(again.error.empty(), again.error);
  CHECK(again.notice.empty());
  CHECK(again.db->quick_check() == "ok");
  CHECK(again.loaded.snapshot.system.parts == state.system.parts);
}

TEST_CASE("a state handed over before the journal was read, written after it was installed, loses no page") {
  const auto dir = test::fresh_dir("autosave-late-journal");
  const core::InnerSystem full = core::make_long_journal(200, 1767225600);
  test::write_store(dir, full);
  core::Entry early{.type = core::EntryType::movement, .created_at = 1767225700};
  early.answers.set_text("what", "a slow walk");
  {
    storage::OpenedStore store = storage::open_store(dir, false);
    REQUIRE(store.error.empty());
    REQUIRE_FALSE(store.loaded.snapshot.journal_loaded);
    storage::Snapshot before_read = store.loaded.snapshot;
    early.id = before_read.system.next_entry_id;
    before_read.system.journal.push_back(early);  // written before the journal arrived
    storage::Autosaver saver(std::move(store.db), store.loaded.snapshot);
    std::string error;
    auto reader = storage::Database::open(dir / storage::database_file_name, error);
    REQUIRE(reader != nullptr);
    std::vector<core::Entry> on_disk = storage::load_journal(*reader, error);
    REQUIRE(error.empty());
    saver.install_journal(on_disk);
    // Handed over before the journal was installed in the app, written after it was in the saver.
    saver.submit(before_read);
    REQUIRE(saver.flush().empty());
    storage::Snapshot after_read = before_read;
    after_read.system.journal = on_disk;
    after_read.system.journal.push_back(early);
    after_read.journal_loaded = true;
    saver.submit(after_read);
    REQUIRE(saver.flush().empty());
  }
  storage::OpenedStore again = storage::open_store(dir);
  REQUIRE(again.error.empty());
  CHECK(again.loaded.snapshot.system.journal.size() == full.journal.size() + 1);
  CHECK(again.loaded.snapshot.system.journal.back().answers.text("what") == "a slow walk");
}
