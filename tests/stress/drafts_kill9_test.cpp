// Killed while several journal pages are being written: a writer typing into five pages in turn,
// through the real store, is killed with SIGKILL at random points, many times over the same folder.
// Each time the database must open clean and hold every page, none written over by another, each
// with every word the writer was told was saved, and the page typed into last still the open one.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "storage/store.h"
#include "stress/drafts_pattern.h"
#include "stress/kill_child.h"
#include "test_tmp.h"

using namespace innerscape;

TEST_CASE("kill -9 while five pages are written in turn, fifteen times: every page whole, none overwritten") {
  const auto dir = test::fresh_dir("drafts_kill9");
  std::mt19937 rng(20261130);
  long confirmed = 0;
  for (int round = 0; round < 15; ++round) {
    const int ms = std::uniform_int_distribution<int>(40, 400)(rng);
    const bool killed = test::run_and_kill(INNERSCAPE_DRAFTS_WRITER, dir, ms, [&confirmed](const std::string& line) {
      if (line.starts_with("saved ")) confirmed = std::max(confirmed, std::stol(line.substr(6)));
    });
    CHECK(killed);  // it was still running: the kill really cut it off mid-work

    storage::OpenedStore store = storage::open_store(dir);
    INFO("round ", round, " after ", ms, " ms; confirmed saved: ", confirmed);
    REQUIRE_MESSAGE(store.error.empty(), store.error);
    CHECK(store.notice.empty());  // no damage was found
    CHECK(store.db->quick_check() == "ok");
    const core::PageDrafts& drafts = store.loaded.snapshot.page_drafts;
    long words = 0;
    for (const core::PageDraft& page : drafts.pages) words += test::words_on(page);
    CHECK(words >= confirmed);
    REQUIRE(drafts.pages.size() == std::min<std::size_t>(static_cast<std::size_t>(words), test::drafts_pages));
    for (std::size_t k = 0; k < drafts.pages.size(); ++k) {
      const core::PageDraft& page = drafts.pages[k];
      INFO("page ", k);
      CHECK(page.entry.type == test::kind_of_page(k));
      REQUIRE(std::string(page.entry.answers.text(test::field_of(page.entry.type))) == test::expected_text(k, words));
    }
    if (words > 0) CHECK(drafts.open == drafts.pages[test::page_of_word(words)].serial);
    confirmed = words;
  }
  CHECK(confirmed > 50);  // the writer really got work done between kills
}
