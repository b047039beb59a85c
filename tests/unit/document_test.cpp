// The document without a window: edits, undo, saving on a fake clock, the reads off the frame, the
// lock and a copy of everything, on a real store in a temporary folder. No Xvfb, no sleeps: time
// moves only when the test moves it, and background work is waited for, never slept on.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "doc/document.h"
#include "test_tmp.h"

using namespace innerscape;

namespace {

// Time that stands still until the test moves it on.
struct FakeTime {
  double now_s = 100.0;
  std::int64_t wall_s = 1'780'000'000;  // a day in 2026
  doc::Clock clock() {
    return {.now_s = [this] { return now_s; }, .wall_s = [this] { return wall_s; }};
  }
};

doc::DocumentDesc desc_for(const std::filesystem::path& dir, FakeTime& time) {
  return {.data_dir = dir, .kdf_cost = storage::KdfCost::test_minimum, .clock = time.clock()};
}

template <class E>
int count(const std::vector<doc::Event>& events) {
  int n = 0;
  for (const doc::Event& e : events) n += std::holds_alternative<E>(e) ? 1 : 0;
  return n;
}

template <class E>
const E* find(const std::vector<doc::Event>& events) {
  for (const doc::Event& e : events) {
    if (const E* found = std::get_if<E>(&e)) return found;
  }
  return nullptr;
}

std::vector<std::string> notices(const std::vector<doc::Event>& events) {
  std::vector<std::string> said;
  for (const doc::Event& e : events) {
    if (const auto* n = std::get_if<doc::event::Notice>(&e)) said.push_back(n->text);
  }
  return said;
}

core::Part part_named(const std::string& name) {
  core::Part p;
  p.name = name;
  p.position = {1.0f, 0.5f};
  return p;
}

core::Entry page_saying(const std::string& words) {
  core::Entry e;
  e.type = core::EntryType::letter;
  e.answers.set_text("letter", words);
  return e;
}

// A store holding one part and one page, made through a document of its own.
void make_store(const std::filesystem::path& dir, FakeTime& time) {
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  REQUIRE(d.perform(core::add_part(d.system(), part_named("Pleaser"), time.wall_s)));
  REQUIRE(d.perform(core::add_entry(d.system(), page_saying("a page from before"), time.wall_s)));
  REQUIRE(d.save_now().empty());
}

}  // namespace

TEST_CASE("a first run writes nothing until there is something to keep, then saves when the save comes due") {
  const auto dir = test::fresh_dir("document_first_run");
  FakeTime time;
  int submitted = 0;
  {
    doc::DocumentDesc desc = desc_for(dir, time);
    desc.on_submit = [&submitted](const storage::Snapshot&) { ++submitted; };
    doc::Document d(std::move(desc));
    REQUIRE(d.open().empty());
    CHECK(d.store_unborn());
    CHECK_FALSE(d.system().soothing.empty());  // a new map's soothing words, in memory only
    CHECK(std::filesystem::is_empty(dir));

    d.mark_dirty(0.5);
    time.now_s += 0.4;
    d.save_if_due();
    CHECK(std::filesystem::is_empty(dir));  // not due yet
    CHECK(submitted == 0);

    REQUIRE(d.perform(core::add_part(d.system(), part_named("Worrier"), time.wall_s)));  // an edit is due at once
    d.save_if_due();
    CHECK(submitted == 1);
    CHECK_FALSE(d.store_unborn());
    CHECK(d.has_store());
    CHECK(std::filesystem::exists(dir / storage::database_file_name));
    CHECK_FALSE(d.save_pending());
    CHECK(d.save_now().empty());
  }
  doc::Document again(desc_for(dir, time));
  REQUIRE(again.open().empty());
  REQUIRE(again.system().parts.size() == 1);
  CHECK(again.system().parts[0].name == "Worrier");
  CHECK_FALSE(again.system().soothing.empty());
}

TEST_CASE("edits, undo and redo change the map, and what is saved is what was left") {
  const auto dir = test::fresh_dir("document_undo");
  FakeTime time;
  make_store(dir, time);
  {
    doc::Document d(desc_for(dir, time));
    REQUIRE(d.open().empty());
    const std::vector<doc::Event> opened = d.poll();
    const auto* store = find<doc::event::StoreOpened>(opened);
    REQUIRE(store != nullptr);
    CHECK_FALSE(store->reopened);
    REQUIRE(d.system().parts.size() == 1);
    const core::PartId pleaser = d.system().parts[0].id;

    REQUIRE(d.perform(core::rename_part(d.system(), pleaser, "Peacekeeper", time.wall_s)));
    REQUIRE(d.perform(core::add_part(d.system(), part_named("Critic"), time.wall_s)));
    CHECK(d.system().parts.size() == 2);
    CHECK(d.undo());
    CHECK(d.system().parts.size() == 1);
    CHECK(d.redo());
    CHECK(d.system().parts.size() == 2);
    CHECK(d.undo());
    CHECK(d.undo());
    CHECK(d.system().parts[0].name == "Pleaser");
    CHECK(d.redo());
    CHECK(d.system().parts[0].name == "Peacekeeper");
    CHECK(d.save_pending());
    // The person's words being typed are kept too, and come back as an edit after a crash.
    core::Part typing = d.system().parts[0];
    d.keep_drafts({{typing.id, "fears", "being left"}});
  }
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  REQUIRE(d.system().parts.size() == 1);
  CHECK(d.system().parts[0].name == "Peacekeeper");
  // The draft was written over by the last save's state only if it was still being typed: it was.
  CHECK(d.system().parts[0].fears == "being left");
  const std::vector<std::string> said = notices(d.poll());
  REQUIRE(said.size() == 1);
  CHECK(said[0].find("closed while you were writing") != std::string::npos);
  CHECK(d.undo());  // the recovered words are an edit that can be taken out
  CHECK(d.system().parts[0].fears.empty());
}

TEST_CASE("the journal arrives after the map; a page written meanwhile joins it in time order") {
  const auto dir = test::fresh_dir("document_journal");
  FakeTime time;
  make_store(dir, time);
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  CHECK_FALSE(d.journal_ready());
  time.wall_s += 60;
  REQUIRE(d.perform(core::add_entry(d.system(), page_saying("written while it was read"), time.wall_s)));
  d.wait_for_journal();
  CHECK(d.journal_ready());
  const std::vector<doc::Event> events = d.poll();
  CHECK(count<doc::event::JournalArrived>(events) == 1);
  REQUIRE(d.system().journal.size() == 2);
  CHECK(d.system().journal.begin()->answers.text("letter") == "a page from before");
  CHECK(std::next(d.system().journal.begin())->answers.text("letter") == "written while it was read");
  CHECK(d.search("meanwhile").empty());
  CHECK(d.search("written").size() == 1);  // the store's index holds what is on screen
  CHECK(d.poll().empty());  // an event is told once
}

TEST_CASE("the map's past is read off the frame, and today's edits join it") {
  const auto dir = test::fresh_dir("document_history");
  FakeTime time;
  make_store(dir, time);
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  d.load_history();
  CHECK(d.history_loading());
  d.wait_for_history();
  CHECK(count<doc::event::HistoryArrived>(d.poll()) == 1);
  REQUIRE(d.history_ready());
  CHECK(d.history_problem().empty());
  const std::size_t before = d.history().size();
  CHECK(before > 0);
  time.wall_s += 3600;
  REQUIRE(d.perform(core::add_part(d.system(), part_named("Rebel"), time.wall_s)));
  CHECK(d.history().size() > before);
  CHECK(d.history().back().at == time.wall_s);

  CHECK(d.clear_history());
  CHECK(notices(d.poll()).size() == 1);
  CHECK(d.history().front().at == time.wall_s);
}

TEST_CASE("the lock goes on, a wrong passphrase changes nothing, the right one opens the map") {
  const auto dir = test::fresh_dir("document_lock");
  FakeTime time;
  make_store(dir, time);
  {
    doc::Document d(desc_for(dir, time));
    REQUIRE(d.open().empty());
    d.change_lock("", "a quiet harbour");
    CHECK(d.changing_lock());
    d.wait_for_lock_change();
    const std::vector<doc::Event> events = d.poll();
    const auto* changed = find<doc::event::LockChanged>(events);
    REQUIRE(changed != nullptr);
    CHECK(changed->problem.empty());
    REQUIRE(notices(events).size() == 1);
    CHECK(notices(events)[0].find("The lock is on") != std::string::npos);
    CHECK(d.store_locked());
    // Saving goes on, into the locked store.
    REQUIRE(d.perform(core::add_part(d.system(), part_named("Guard"), time.wall_s)));
  }
  CHECK(storage::store_is_locked(dir));
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  CHECK(count<doc::event::LockedAtStart>(d.poll()) == 1);
  CHECK(d.system().parts.empty());  // nothing is read before the passphrase
  d.unlock("not it");
  d.wait_for_unlock();
  const std::vector<doc::Event> refused = d.poll();
  const auto* no = find<doc::event::UnlockAnswer>(refused);
  REQUIRE(no != nullptr);
  CHECK_FALSE(no->opened);
  CHECK(no->why.find("not the passphrase") != std::string::npos);
  CHECK(d.system().parts.empty());

  d.unlock("a quiet harbour");
  d.wait_for_unlock();
  const std::vector<doc::Event> opened = d.poll();
  const auto* yes = find<doc::event::UnlockAnswer>(opened);
  REQUIRE(yes != nullptr);
  CHECK(yes->opened);
  const auto* store = find<doc::event::StoreOpened>(opened);
  REQUIRE(store != nullptr);
  CHECK(store->reopened);
  REQUIRE(d.system().parts.size() == 2);
  CHECK(d.system().parts[1].name == "Guard");
}

TEST_CASE("a first run can be locked before a word is written") {
  const auto dir = test::fresh_dir("document_lock_first");
  FakeTime time;
  {
    doc::Document d(desc_for(dir, time));
    REQUIRE(d.open().empty());
    REQUIRE(d.store_unborn());
    d.change_lock("", "before anything");
    d.wait_for_lock_change();
    const std::vector<doc::Event> events = d.poll();
    const auto* changed = find<doc::event::LockChanged>(events);
    REQUIRE(changed != nullptr);
    CHECK(changed->problem.empty());
    CHECK(d.store_locked());
    CHECK(d.has_store());
    REQUIRE(d.perform(core::add_part(d.system(), part_named("Hope"), time.wall_s)));
  }
  CHECK(storage::store_is_locked(dir));
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  CHECK(count<doc::event::LockedAtStart>(d.poll()) == 1);
}

TEST_CASE("the example map cannot be locked, and says so") {
  FakeTime time;
  doc::Document d({.demo = true, .clock = time.clock()});
  REQUIRE(d.open().empty());
  CHECK_FALSE(d.system().parts.empty());
  d.change_lock("", "anything");
  const std::vector<doc::Event> events = d.poll();
  const auto* changed = find<doc::event::LockChanged>(events);
  REQUIRE(changed != nullptr);
  CHECK(changed->problem.find("not saved") != std::string::npos);
  d.load_history();
  CHECK(d.history_ready());  // the example brings its own year
  CHECK_FALSE(d.history().empty());
}

TEST_CASE("a copy of everything is written off the frame and told once") {
  const auto dir = test::fresh_dir("document_export");
  const auto out = test::fresh_dir("document_export_out") / "copy.json";
  FakeTime time;
  make_store(dir, time);
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  d.export_copy(out);
  CHECK(d.exporting());
  d.export_copy(out);  // one at a time
  d.wait_for_export();
  const std::vector<doc::Event> events = d.poll();
  REQUIRE(notices(events).size() == 1);
  CHECK(notices(events)[0].find("already being saved") != std::string::npos);
  const auto* done = find<doc::event::ExportDone>(events);
  REQUIRE(done != nullptr);
  CHECK(done->text.find("A copy of everything is saved in") != std::string::npos);
  std::ifstream file(out);
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  CHECK(text.find("a page from before") != std::string::npos);  // the journal, read first
  CHECK(text.find("Pleaser") != std::string::npos);
}

TEST_CASE("a first save that cannot be written keeps the changes, says why, and is tried again") {
  const auto root = test::fresh_dir("document_unwritable");
  const auto dir = root / "map";
  std::filesystem::create_directories(dir);
  FakeTime time;
  doc::Document d(desc_for(dir, time));
  REQUIRE(d.open().empty());
  REQUIRE(d.store_unborn());
  // The folder goes away and a file takes its name: nothing can be made there.
  std::filesystem::remove(dir);
  std::ofstream(dir.string()) << "a file where the folder should be";
  REQUIRE(d.perform(core::add_part(d.system(), part_named("Striver"), time.wall_s)));
  d.save_if_due();
  const std::vector<std::string> said = notices(d.poll());
  REQUIRE(said.size() == 1);
  CHECK(said[0].find("could not be saved yet") != std::string::npos);
  CHECK(d.store_unborn());
  CHECK(d.save_pending());  // tried again in a while; nothing is lost meanwhile
  CHECK(d.system().parts.size() == 1);
  time.now_s += 5.0;
  d.save_if_due();
  CHECK(d.poll().empty());  // not yet: ten seconds between tries
  std::filesystem::remove(dir);
  std::filesystem::create_directories(dir);
  time.now_s += 6.0;
  d.save_if_due();
  CHECK_FALSE(d.store_unborn());
  CHECK(d.save_now().empty());
  doc::Document again(desc_for(dir, time));
  REQUIRE(again.open().empty());
  REQUIRE(again.system().parts.size() == 1);
  CHECK(again.system().parts[0].name == "Striver");
}
