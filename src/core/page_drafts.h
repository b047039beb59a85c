// Journal pages being written: any number at once, each kept word for word until it is kept in the
// journal or let go. One may be open in the editor; the others wait, put aside, to be taken up again.
#pragma once

#include <cstdint>
#include <vector>

#include "core/inner_system.h"

namespace innerscape::core {

using DraftSerial = std::uint64_t;

struct PageDraft {
  // The page's own number while it is being written, never reused within a session: the editor's
  // field ids and the store's row follow it, so no page is ever mistaken for another.
  DraftSerial serial = 0;
  Entry entry;                     // id 0: a new page; else the journal entry being changed
  std::vector<PartId> begun_with;  // the parts a new page opened tied to (the part selected then)
  bool operator==(const PageDraft&) const = default;
};

struct PageDrafts {
  std::vector<PageDraft> pages;  // in the order they were begun
  DraftSerial open = 0;          // the page in the editor; 0: none
  DraftSerial next_serial = 1;
  bool operator==(const PageDrafts&) const = default;
};

const PageDraft* find_draft(const PageDrafts& drafts, DraftSerial serial);
PageDraft* find_draft(PageDrafts& drafts, DraftSerial serial);
// The page open in the editor, or null.
const PageDraft* open_draft(const PageDrafts& drafts);
PageDraft* open_draft(PageDrafts& drafts);
// The page that changes this journal entry, or null.
const PageDraft* draft_of_entry(const PageDrafts& drafts, EntryId entry);

// Whether a page holds nothing the person put there: a new page with no answers, tied to the parts it
// opened with; or a changed entry still the same as the journal's. An entry the journal does not hold
// (gone, or not read yet) is never untouched: its words are all there is.
bool untouched(const PageDraft& page, const InnerSystem& system);

// Closes the open page. It waits among the pages put aside, unless nothing was put on it: then it
// simply goes, so opening and closing a page leaves no clutter.
void put_aside(PageDrafts& drafts, const InnerSystem& system);

// A new page of `type`, tied to `parts`, opened. The page open before is put aside, never replaced.
DraftSerial begin_page(PageDrafts& drafts, const InnerSystem& system, EntryType type, std::vector<PartId> parts = {});

// Opens a journal entry to change it: the page already changing it if there is one (its words as they
// were left), else a new page holding the entry as the journal has it. The page open before is put aside.
DraftSerial open_entry(PageDrafts& drafts, const InnerSystem& system, const Entry& entry);

// Opens a page put aside; the page open before is put aside. False if there is no such page.
bool open_page(PageDrafts& drafts, const InnerSystem& system, DraftSerial serial);

// The page is done with: kept in the journal, its entry deleted, or let go by the person.
void remove_draft(PageDrafts& drafts, DraftSerial serial);

// The pages waiting, not the open one: the newest begun first, as the journal lists its pages.
std::vector<const PageDraft*> pages_put_aside(const PageDrafts& drafts);

// Takes in the pages a store holds (at start, or opened again: a backup restored) in place of the
// list. Pages in the list that the store does not hold, word for word, stay too: words in memory are
// never dropped for a file's. A stored page whose serial this session may already have used for
// another page gets a new one, so no serial names two pages in a session.
void take_stored(PageDrafts& drafts, PageDrafts stored);

// The next serial after every page's: for a list read from a store.
DraftSerial next_serial_after(const std::vector<PageDraft>& pages);

}  // namespace innerscape::core
