// A stand-in for a person writing several journal pages at once: types a word into each of five pages
// in turn (putting the others aside), through the real store and autosaver, and says on stdout each
// time what it typed is known to be on disk. The kill -9 test kills it at random.
#include <cstdio>
#include <string>

#include "core/page_drafts.h"
#include "stress/drafts_pattern.h"
#include "storage/autosaver.h"
#include "storage/store.h"

using namespace innerscape;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: drafts_writer DATA_DIR\n");
    return 2;
  }
  storage::OpenedStore store = storage::open_store(argv[1]);
  if (!store.error.empty()) {
    std::fprintf(stderr, "drafts_writer: %s\n", store.error.c_str());
    return 1;
  }
  storage::Snapshot state = store.loaded.snapshot;
  core::PageDrafts& drafts = state.page_drafts;
  storage::Autosaver saver(std::move(store.db), state);
  // Carries on where the last run was cut off: as many words as are on disk.
  long typed = 0;
  for (const core::PageDraft& page : drafts.pages) typed += test::words_on(page);
  for (long i = typed + 1;; ++i) {
    const std::size_t k = test::page_of_word(i);
    if (k >= drafts.pages.size()) {
      core::begin_page(drafts, state.system, test::kind_of_page(k));  // a new page, the one before put aside
    } else {
      core::open_page(drafts, state.system, drafts.pages[k].serial);
    }
    core::PageDraft& page = *core::open_draft(drafts);
    const std::string field(test::field_of(page.entry.type));
    page.entry.answers.set_text(field, std::string(page.entry.answers.text(field)) + test::word(i));
    saver.submit(state);
    if (i % 7 == 0) {
      if (!saver.flush().empty()) return 1;
      std::printf("saved %ld\n", i);
      std::fflush(stdout);
    }
  }
}
