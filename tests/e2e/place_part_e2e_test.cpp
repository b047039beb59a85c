// End to end: real SDL events into the real app loop. Click the palette, click the space, type a
// name, press Enter: a named part exists in the model. Then Ctrl+Z and Ctrl+Shift+Z walk it back and forth.
#include <doctest/doctest.h>

#include <SDL.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>

#include "app/session.h"
#include "core/map_history.h"
#include "e2e/driver.h"
#include "test_store.h"
#include "core/breathing.h"
#include "core/demo_system.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/json_format.h"
#include "storage/map_store.h"
#include "storage/store.h"
#include "storage/png.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace innerscape;
using test::Driver;


TEST_CASE("click the palette, click the space, type a name, press Enter: a named part exists") {
  Driver d;
  REQUIRE(d.session->scene().system.parts.empty());

  d.click(d.palette_entry("Exiles"));  // the palette's tab for the kind
  d.click(d.palette_entry("A new Exile, named freely"));
  REQUIRE(d.session->overlay().controller.placing.has_value());
  CHECK(d.session->overlay().controller.placing->kind == core::PartKind::exile);

  const glm::vec2 spot{820.0f, 520.0f};  // open space: right of the Self, left of the palette, above the dock
  d.click(spot);
  REQUIRE(d.session->scene().system.parts.size() == 1);
  const core::Part& placed = d.session->scene().system.parts.front();
  CHECK(placed.kind == core::PartKind::exile);
  const glm::vec2 expected = core::screen_to_world(d.session->scene().view, spot);
  CHECK(placed.position.x == doctest::Approx(expected.x).epsilon(0.01));
  CHECK(placed.position.y == doctest::Approx(expected.y).epsilon(0.01));
  CHECK(d.session->overlay().name_field.part == placed.id);

  d.type("Little one ");
  d.type("☀ 小");  // ImGui 1.86 as Debian builds it edits 16-bit characters: the BMP, not emoji beyond it
  d.key(SDLK_RETURN);
  REQUIRE(d.session->scene().system.parts.size() == 1);
  CHECK(d.session->scene().system.parts.front().name == "Little one ☀ 小");
  CHECK(d.session->overlay().name_field.part == 0);

  // Undo the name, then the part; redo both.
  d.key(SDLK_z, KMOD_LCTRL);
  CHECK(d.session->scene().system.parts.front().name == core::placeholder_name(core::PartKind::exile));
  d.key(SDLK_z, KMOD_LCTRL);
  CHECK(d.session->scene().system.parts.empty());
  d.key(SDLK_z, KMOD_LCTRL | KMOD_LSHIFT);
  d.key(SDLK_y, KMOD_LCTRL);
  REQUIRE(d.session->scene().system.parts.size() == 1);
  CHECK(d.session->scene().system.parts.front().name == "Little one ☀ 小");
}

TEST_CASE("drag a part to move it; Delete removes it; both undo") {
  Driver d;
  d.click(d.palette_entry("The Pleaser"));
  const glm::vec2 from{820.0f, 500.0f};
  d.click(from);
  d.key(SDLK_RETURN);  // keep the preset's name
  REQUIRE(d.session->scene().system.parts.size() == 1);
  CHECK(d.session->scene().system.parts.front().name == "The Pleaser");
  const glm::vec2 before = d.session->scene().system.parts.front().position;

  // Press on the part, move, release.
  std::vector<glm::vec2> path;
  for (int i = 0; i <= 5; ++i) path.push_back(from - glm::vec2(20.0f * static_cast<float>(i), 0.0f));
  d.drag(path);
  const glm::vec2 after = d.session->scene().system.parts.front().position;
  const float moved_px = (before.x - after.x) * core::pixels_per_unit(d.session->scene().view);
  CHECK(moved_px == doctest::Approx(100.0f).epsilon(0.05));

  d.key(SDLK_DELETE);
  CHECK(d.session->scene().system.parts.empty());
  d.key(SDLK_z, KMOD_LCTRL);
  REQUIRE(d.session->scene().system.parts.size() == 1);
  CHECK(d.session->scene().system.parts.front().position == after);
  d.key(SDLK_z, KMOD_LCTRL);
  CHECK(d.session->scene().system.parts.front().position == before);
}

TEST_CASE("Save a picture: the dock's button, a path, Enter, and a PNG of the map is on disk") {
  Driver d;
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = dir / "map.png";

  d.click(d.dock_button("Save a picture"));
  d.type(file.string());  // the suggested path is selected: typing replaces it
  d.key(SDLK_RETURN);
  d.frames(2);
  REQUIRE(std::filesystem::exists(file));
  const core::Image image = storage::read_png(file);
  CHECK(image.size == glm::ivec2(1280, 720));
  CHECK(d.session->overlay().notice.text.find("saved") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("double-click a part, answer a question of Meet this part, click away: the answer is kept, and undoes") {
  Driver d;
  d.click(d.palette_entry("The Clinger"));
  const glm::vec2 spot{820.0f, 500.0f};
  d.click(spot);
  d.key(SDLK_RETURN);
  REQUIRE(d.session->scene().system.parts.size() == 1);
  const core::PartId id = d.session->scene().system.parts.front().id;

  d.click(spot, 2);
  REQUIRE(d.session->overlay().inspector.open);
  CHECK(d.session->overlay().inspector.part == id);

  d.click(d.inspector_field("What is it feeling?"));  // the first question, in view without scrolling
  d.type("Scared that they will leave.");
  CHECK(d.session->scene().system.parts.front().feeling.empty());  // still being typed
  d.click({700.0f, 120.0f});  // elsewhere in the space: the field is left, the answer kept
  CHECK(d.session->scene().system.parts.front().feeling == "Scared that they will leave.");

  d.key(SDLK_z, KMOD_LCTRL);
  CHECK(d.session->scene().system.parts.front().feeling.empty());
}

TEST_CASE("right-click a part, Relate to, another part, a kind: the relationship exists") {
  Driver d;
  d.click(d.palette_entry("The Pleaser"));
  d.click({820.0f, 450.0f});
  d.key(SDLK_RETURN);
  d.click(d.palette_entry("Exiles"));
  d.click(d.palette_entry("The helpless one"));
  d.click({820.0f, 250.0f});
  d.key(SDLK_RETURN);
  REQUIRE(d.session->scene().system.parts.size() == 2);
  const core::PartId pleaser = d.session->scene().system.parts[0].id;
  const core::PartId helpless = d.session->scene().system.parts[1].id;

  d.click({820.0f, 450.0f}, 1, SDL_BUTTON_RIGHT);
  d.move_to(d.menu_entry("Relate to"));
  d.frames(3);
  d.move_to(d.menu_entry("The helpless one"));
  d.frames(3);
  d.click(d.menu_entry("The Pleaser protects The helpless one"));
  REQUIRE(d.session->scene().system.relationships.size() == 1);
  CHECK(d.session->scene().system.relationships[0] ==
        core::Relationship{pleaser, helpless, core::RelationKind::protects});
}

TEST_CASE("half-typed words reach the disk while typing, and come back after a crash") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-drafts-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    Driver d(Driver::with_data(dir));
    d.click(d.palette_entry("The Fixer"));
    d.click({820.0f, 500.0f});
    d.key(SDLK_RETURN);
    // The edit reaches the disk within about a second, while the app keeps drawing.
    const auto placed = std::chrono::steady_clock::now();
    bool on_disk = false;
    while (!on_disk && std::chrono::steady_clock::now() - placed < std::chrono::seconds(2)) {
      d.frames(1);
      std::string peek_error;
      auto peek = storage::Database::open(dir / "innerscape.db", peek_error, test::store_key(dir).get());
      auto count = peek->prepare("SELECT count(*) FROM parts WHERE name = 'The Fixer'");
      on_disk = count.step() && count.column_int(0) == 1;
    }
    CHECK(on_disk);
    CHECK(std::chrono::steady_clock::now() - placed < std::chrono::milliseconds(1200));
    if (test::locked_run()) {
      // Behind the lock the name is in the store, and in none of its files' bytes.
      for (const char* file : {"innerscape.db", "innerscape.db-wal"}) {
        std::ifstream in(dir / file, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(bytes.find("The Fixer") == std::string::npos);
      }
    }
    d.click({820.0f, 500.0f}, 2);
    REQUIRE(d.session->overlay().inspector.open);
    d.click(d.inspector_field("What is it feeling?"));
    d.type("Tired of holding everything together");
    // Still typing: no edit yet, but within a moment the words are in the store as a draft.
    for (int i = 0; i < 40; ++i) d.frames(1);
    CHECK(d.session->scene().system.parts.front().feeling.empty());
    std::string error2;
    auto peek = storage::Database::open(dir / "innerscape.db", error2, test::store_key(dir).get());
    REQUIRE(peek != nullptr);
    auto row = peek->prepare("SELECT text FROM drafts WHERE field = 'feeling'");
    REQUIRE(row.step());
    CHECK(row.column_text(0) == "Tired of holding everything together");
    // A crash now would lose nothing: the next start puts the words back.
    test::abandon(d.session);  // no orderly shutdown, as after a crash
  }
  auto again = Driver::with_data(dir);
  REQUIRE(again->scene().system.parts.size() == 1);
  CHECK(again->scene().system.parts.front().feeling == "Tired of holding everything together");
  CHECK(again->overlay().notice.text.find("back in place") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a damaged data file: set aside, the newest sound backup back at once, said plainly; another backup in one click") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-restore-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const core::InnerSystem demo = core::make_demo_system();
  core::InnerSystem older = demo;
  older.parts.resize(2);
  older.relationships.clear();
  {
    const auto key = test::store_key(dir);
    storage::OpenedStore store = storage::open_store(dir, true, true, key.get());
    REQUIRE(store.error.empty());
    storage::Snapshot first = store.loaded.snapshot;
    first.system = older;
    REQUIRE(storage::save_changes(*store.db, store.loaded.snapshot, first).empty());
    REQUIRE(storage::backup_to(*store.db, storage::backups_dir(dir) / "innerscape-20980101-000000.db", key.get()).empty());
    storage::Snapshot second = first;
    second.system = demo;
    REQUIRE(storage::save_changes(*store.db, first, second).empty());
    REQUIRE(storage::backup_to(*store.db, storage::backups_dir(dir) / "innerscape-20990101-000000.db", key.get()).empty());
  }
  { std::ofstream(dir / "innerscape.db", std::ios::binary | std::ios::trunc) << std::string(9000, '#'); }

  Driver d(Driver::with_data(dir));
  CHECK(d.session->scene().system.parts == demo.parts);  // the newest sound backup, at once: never an empty map
  CHECK(d.session->overlay().restore.text.find("set aside") != std::string::npos);
  CHECK(d.session->overlay().restore.text.find("1 Jan 2099") != std::string::npos);
  int set_aside = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    set_aside += entry.path().filename().string().starts_with("innerscape.db.corrupt-") ? 1 : 0;
  }
  CHECK(set_aside == 1);
  // The other backups are offered with their date and what they hold; the older one, in one click.
  d.frames(2);
  REQUIRE(d.session->overlay().restore.choices.size() >= 1);
  CHECK(d.session->overlay().restore.choices.front().find("1 Jan 2098") != std::string::npos);
  CHECK(d.session->overlay().restore.choices.front().find("2 parts") != std::string::npos);
  d.click(Driver::centre(d.session->overlay().restore.item_rects, "Use backup 1"));
  CHECK(d.session->scene().system.parts == older.parts);
  CHECK(d.session->overlay().notice.text.find("Your map is back") != std::string::npos);
  d.session.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("a map another program holds: a calm card, nothing set aside; Try again once it lets go opens the whole map") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-busy-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const core::InnerSystem demo = core::make_demo_system();
  test::write_store(dir, demo);
  const auto key = test::store_key(dir);
  // Another program's exclusive hold (exclusive locking mode keeps every other connection out).
  sqlite3* holder = nullptr;
  REQUIRE(sqlite3_open((dir / "innerscape.db").c_str(), &holder) == SQLITE_OK);
  if (key != nullptr) REQUIRE(storage::use_key(holder, *key).empty());
  REQUIRE(sqlite3_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE self_state SET glow = glow;", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  Driver d(Driver::with_data(dir));
  CHECK(d.session->store_problem().find("Another program") != std::string::npos);
  CHECK(d.session->scene().system.parts.empty());  // nothing shown that could be taken for the map
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  d.frames(2);
  d.click(Driver::centre(d.session->overlay().store_card.item_rects, "Try again"));
  CHECK(d.session->store_problem().empty());
  CHECK(d.session->scene().system.parts == demo.parts);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    CHECK(!entry.path().filename().string().starts_with("innerscape.db.corrupt-"));
  }
  d.session.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("write a trigger entry tied to a part, find it by searching, undo it") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-journal-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    Driver d(Driver::with_data(dir));
    d.click(d.palette_entry("The Pleaser"));
    d.click({820.0f, 500.0f});
    d.key(SDLK_RETURN);
    REQUIRE(d.session->scene().system.parts.size() == 1);
    const core::PartId pleaser = d.session->scene().system.parts[0].id;

    d.key(SDLK_j, KMOD_LCTRL);
    REQUIRE(d.session->overlay().journal.open);
    d.click(Driver::centre(d.session->overlay().journal.item_rects, "New entry..."));
    d.click(Driver::centre(d.session->overlay().journal.item_rects, "Trigger journal"));
    REQUIRE(d.session->overlay().entry_editor.open);
    const ui::ItemRects& editor = d.session->overlay().entry_editor.item_rects;
    // The part just placed is selected, so the new entry starts tied to it; its box can untie and tie it.
    REQUIRE(d.session->overlay().entry_editor.page() != nullptr);
    CHECK(d.session->overlay().entry_editor.page()->entry.parts == std::vector<core::PartId>{pleaser});
    d.click(Driver::centre(editor, "part:The Pleaser"));
    CHECK(d.session->overlay().entry_editor.page()->entry.parts.empty());
    d.click(Driver::centre(editor, "part:The Pleaser"));
    d.click(Driver::centre(editor, "what_happened"));
    d.type("Rain on the window, no reply, and the old worry woke up.");
    d.click(Driver::centre(d.session->overlay().entry_editor.item_rects, "Keep this entry"));
    const auto& journal = d.session->scene().system.journal;
    REQUIRE(journal.size() == 1);
    CHECK(journal[0].type == core::EntryType::trigger);
    CHECK(journal[0].parts == std::vector<core::PartId>{pleaser});
    CHECK(journal[0].answers.text("what_happened") == "Rain on the window, no reply, and the old worry woke up.");

    d.key(SDLK_f, KMOD_LCTRL);
    d.type("worr");
    REQUIRE(d.session->overlay().journal.results.has_value());
    CHECK(*d.session->overlay().journal.results == std::vector<core::EntryId>{journal[0].id});

    d.click({700.0f, 150.0f});  // leave the search field, so Ctrl+Z goes to the map
    d.key(SDLK_z, KMOD_LCTRL);
    CHECK(d.session->scene().system.journal.empty());
    d.key(SDLK_z, KMOD_LCTRL | KMOD_LSHIFT);
    CHECK(d.session->scene().system.journal.size() == 1);
  }
  // And it is there after a restart.
  auto again = Driver::with_data(dir);
  REQUIRE(again->scene().system.journal.size() == 1);
  CHECK(again->scene().system.journal[0].parts.size() == 1);
  again.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("a journal page half-written when the app dies is open again, as it was, on the next start") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-page-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    Driver d(Driver::with_data(dir));
    d.key(SDLK_j, KMOD_LCTRL);
    d.click(Driver::centre(d.session->overlay().journal.item_rects, "New entry..."));
    d.click(Driver::centre(d.session->overlay().journal.item_rects, "Radical acceptance"));
    d.click(Driver::centre(d.session->overlay().entry_editor.item_rects, "cannot_control"));
    d.type("Whether they text back tonight.");
    for (int i = 0; i < 40; ++i) d.frames(1);  // a moment passes; the page is in the store
    test::abandon(d.session);                  // no orderly shutdown, as after a crash
  }
  auto again = Driver::with_data(dir);
  const ui::EntryEditor& editor = again->overlay().entry_editor;
  REQUIRE(editor.page() != nullptr);
  CHECK(editor.open);
  CHECK(editor.page()->entry.type == core::EntryType::radical_acceptance);
  CHECK(editor.page()->entry.answers.text("cannot_control") == "Whether they text back tonight.");
  CHECK(again->scene().system.journal.empty());  // still a draft: nothing was kept for the person
  again.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("the breathing form's size follows the timeline: full on the hold, the same at equal breaths in and out") {
  Driver d;
  core::BreathPattern pattern;
  REQUIRE(core::parse_breath_pattern("4-4-6", pattern).empty());
  const core::SceneView view = d.session->scene().view;
  const glm::vec2 centre = core::world_to_screen(view, {0.0f, 0.0f});
  const float base = core::self_radius * 1.4f * core::pixels_per_unit(view);
  auto picture_at = [&](double t) {
    d.session->start_breathing(pattern, 5.0, t, true);
    const auto file = std::filesystem::temp_directory_path() / ("innerscape-breath-" + std::to_string(::getpid()) + ".png");
    REQUIRE(d.session->save_picture(file, {1280, 720}).empty());
    core::Image image = storage::read_png(file);
    std::filesystem::remove(file);
    return image;
  };
  auto light = [&](const core::Image& image, float dx) {
    const auto p = core::pixel(image, static_cast<int>(centre.x + dx), static_cast<int>(centre.y));
    return p[0] + p[1] + p[2];
  };
  const core::Image empty_lungs = picture_at(0.0);   // the start: the form at its smallest
  const core::Image half_in = picture_at(2.0);       // halfway through the in-breath
  const core::Image full = picture_at(6.0);          // the hold: the form at its largest
  const core::Image half_out = picture_at(11.0);     // halfway through the out-breath
  const float full_radius = base * (1.0f + 0.9f);
  INFO("full ring at ", full_radius, " px: start ", light(empty_lungs, full_radius), ", hold ", light(full, full_radius));
  CHECK(light(full, full_radius) > light(empty_lungs, full_radius) + 60);
  // Halfway in and halfway out the breath is equally full: the form is the same size.
  for (float dx = base; dx < base * 2.2f; dx += 1.0f) {
    CHECK(std::abs(light(half_in, dx) - light(half_out, dx)) <= 6);  // 6: dithered background, blending rounding
  }
}

TEST_CASE("F2 from anywhere opens calm mode with the breath running; its answers become a journal page") {
  Driver d;
  d.key(SDLK_F2);
  REQUIRE(d.session->overlay().calm.open);
  CHECK(d.session->breathing().running);
  CHECK(d.session->animating());  // the breath keeps frames coming
  d.click(Driver::centre(d.session->overlay().calm.item_rects, "which part"));
  d.type("The little one who waits by the window");
  d.click(Driver::centre(d.session->overlay().calm.item_rects, "needs"));
  d.type("To hear that I am staying");
  d.click(Driver::centre(d.session->overlay().calm.item_rects, "Keep this as a journal page"));
  const auto& journal = d.session->scene().system.journal;
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].type == core::EntryType::trigger);
  CHECK(journal[0].answers.text("what_happened").find("The little one who waits by the window") != std::string::npos);
  CHECK(journal[0].answers.text("soothe_next_time") == "To hear that I am staying");
}

TEST_CASE("the journal is read after the map opens: pages written before it arrives join it, nothing on disk is lost") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-late-journal-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // A store with a long journal, written as the app writes.
  const core::InnerSystem long_journal = core::make_long_journal(20000, 1767225600);
  test::write_store(dir, long_journal);
  std::string error;
  {
    auto session = app::Session::open({.size = {640, 360}, .hidden = true, .vsync = false, .shader_dir = INNERSCAPE_SHADER_DIR,
                                       .data_dir = dir, .key = test::store_key(dir)},
                                      error);
    REQUIRE_MESSAGE(session != nullptr, error);
    // The map is there at once; the journal may still be on its way. A page written now, and a save
    // made before the journal arrives, must neither lose it nor the pages on disk.
    CHECK(session->scene().system.parts.size() == long_journal.parts.size());
    const bool arrived_already = session->journal_ready();
    core::Entry page{.type = core::EntryType::movement};
    page.answers.set_text("what", "a walk by the river");
    REQUIRE(session->perform_edit(core::add_entry(session->scene().system, page, 1767225600 + 10)));
    REQUIRE(session->save_now().empty());
    session->wait_for_journal();
    CHECK(session->journal_ready());
    CHECK(session->scene().system.journal.size() == long_journal.journal.size() + 1);
    CHECK(storage::list_backups(dir).size() == 1);  // the day's backup, made after the journal was read
    const auto& journal = session->scene().system.journal;
    CHECK(std::is_sorted(journal.begin(), journal.end(), [](const core::Entry& a, const core::Entry& b) { return a.created_at < b.created_at; }));
    MESSAGE("journal arrived before the page was written: " << arrived_already);
  }
  // Whatever the timing, the store holds every page, the new one too.
  storage::OpenedStore again = test::open_test_store(dir);
  REQUIRE(again.error.empty());
  const std::vector<core::Entry>& pages = again.loaded.snapshot.system.journal;
  CHECK(pages.size() == long_journal.journal.size() + 1);
  CHECK(std::any_of(pages.begin(), pages.end(), [](const core::Entry& e) { return e.answers.text("what") == "a walk by the river"; }));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a first map can begin from the example: its parts become the person's own, its journal pages do not") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-first-run-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const core::InnerSystem example = core::make_demo_system();
  {
    Driver d(Driver::with_data(dir));
    REQUIRE(d.session->overlay().welcome.open);
    CHECK(d.session->scene().system.parts.empty());
    d.click(Driver::centre(d.session->overlay().welcome.item_rects, "With the example map"));
    CHECK(d.session->scene().system.parts.size() == example.parts.size());
    CHECK(d.session->scene().system.relationships.size() == example.relationships.size());
    CHECK(d.session->scene().system.drawings.size() == example.drawings.size());
    CHECK(d.session->scene().system.journal.empty());
    CHECK_FALSE(d.session->overlay().welcome.open);
    REQUIRE(d.session->save_now().empty());
  }
  {
    // Kept, and the welcome (read now) does not offer it again.
    Driver d(Driver::with_data(dir));
    CHECK(d.session->scene().system.parts == example.parts);
    CHECK_FALSE(d.session->overlay().welcome.open);
  }
  // An empty start stays empty.
  const auto other = dir / "empty";
  std::filesystem::create_directories(other);
  {
    Driver d(Driver::with_data(other));
    d.click(Driver::centre(d.session->overlay().welcome.item_rects, "With an empty map"));
    CHECK(d.session->scene().system.parts.empty());
    CHECK_FALSE(d.session->overlay().welcome.open);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a copy of a long journal is saved off the frame, with a progress card, and the notice says where") {
  const auto dir = std::filesystem::temp_directory_path() / ("innerscape-e2e-copy-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const core::InnerSystem long_journal = core::make_long_journal(20000, 1767225600);
  test::write_store(dir, long_journal);
  Driver d(Driver::with_data(dir));
  const auto copy = dir / "copy.json";
  d.session->export_copy(copy);
  CHECK(d.session->exporting());  // the frame did not wait for it
  d.frames(2);
  d.session->wait_for_export();
  d.frames(1);
  CHECK_FALSE(d.session->exporting());
  CHECK(d.session->overlay().notice.text.find("copy.json") != std::string::npos);
  std::ifstream in(copy, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const storage::JsonImport back = storage::from_json(text);
  REQUIRE(back.error.empty());
  CHECK(back.snapshot.system.journal.size() == long_journal.journal.size());
  // The map's past comes along (read from the store), ending at today's map...
  REQUIRE_FALSE(back.snapshot.history.empty());
  CHECK(core::state_at(back.snapshot.history, back.snapshot.history.back().at) == core::map_state(d.session->scene().system));
  // ...and the same past once the timeline holds it in memory.
  d.session->load_map_history();
  d.session->wait_for_map_history();
  const auto again = dir / "again.json";
  d.session->export_copy(again);
  d.session->wait_for_export();
  std::ifstream in_again(again, std::ios::binary);
  const storage::JsonImport back_again =
      storage::from_json(std::string((std::istreambuf_iterator<char>(in_again)), std::istreambuf_iterator<char>()));
  REQUIRE(back_again.error.empty());
  CHECK(back_again.snapshot.history == back.snapshot.history);
  d.session.reset();
  std::filesystem::remove_all(dir);
}
