// Journal pages being written, any number at once; none overwritten by another.
#include "core/page_drafts.h"

#include <algorithm>

namespace innerscape::core {

const PageDraft* find_draft(const PageDrafts& drafts, DraftSerial serial) {
  if (serial == 0) return nullptr;
  const auto it = std::find_if(drafts.pages.begin(), drafts.pages.end(), [&](const PageDraft& p) { return p.serial == serial; });
  return it == drafts.pages.end() ? nullptr : &*it;
}

PageDraft* find_draft(PageDrafts& drafts, DraftSerial serial) {
  return const_cast<PageDraft*>(find_draft(static_cast<const PageDrafts&>(drafts), serial));
}

const PageDraft* open_draft(const PageDrafts& drafts) { return find_draft(drafts, drafts.open); }
PageDraft* open_draft(PageDrafts& drafts) { return find_draft(drafts, drafts.open); }

const PageDraft* draft_of_entry(const PageDrafts& drafts, EntryId entry) {
  if (entry == 0) return nullptr;
  const auto it = std::find_if(drafts.pages.begin(), drafts.pages.end(), [&](const PageDraft& p) { return p.entry.id == entry; });
  return it == drafts.pages.end() ? nullptr : &*it;
}

bool untouched(const PageDraft& page, const InnerSystem& system) {
  if (page.entry.id == 0) return page.entry.answers.empty() && page.entry.parts == page.begun_with;
  const Entry* kept = find_entry(system, page.entry.id);
  return kept != nullptr && kept->answers == page.entry.answers && kept->parts == page.entry.parts;
}

void put_aside(PageDrafts& drafts, const InnerSystem& system) {
  const PageDraft* page = open_draft(drafts);
  const DraftSerial serial = drafts.open;
  drafts.open = 0;
  if (page != nullptr && untouched(*page, system)) remove_draft(drafts, serial);
}

DraftSerial begin_page(PageDrafts& drafts, const InnerSystem& system, EntryType type, std::vector<PartId> parts) {
  put_aside(drafts, system);
  PageDraft page{.serial = drafts.next_serial++, .entry = Entry{.type = type, .parts = parts}, .begun_with = std::move(parts)};
  drafts.open = page.serial;
  drafts.pages.push_back(std::move(page));
  return drafts.open;
}

DraftSerial open_entry(PageDrafts& drafts, const InnerSystem& system, const Entry& entry) {
  if (const PageDraft* page = draft_of_entry(drafts, entry.id)) {
    const DraftSerial serial = page->serial;
    open_page(drafts, system, serial);
    return serial;
  }
  put_aside(drafts, system);
  drafts.pages.push_back({.serial = drafts.next_serial++, .entry = entry, .begun_with = entry.parts});
  drafts.open = drafts.pages.back().serial;
  return drafts.open;
}

bool open_page(PageDrafts& drafts, const InnerSystem& system, DraftSerial serial) {
  if (find_draft(drafts, serial) == nullptr) return false;
  if (drafts.open == serial) return true;
  put_aside(drafts, system);
  drafts.open = serial;
  return true;
}

void remove_draft(PageDrafts& drafts, DraftSerial serial) {
  std::erase_if(drafts.pages, [&](const PageDraft& p) { return p.serial == serial; });
  if (drafts.open == serial) drafts.open = 0;
}

std::vector<const PageDraft*> pages_put_aside(const PageDrafts& drafts) {
  std::vector<const PageDraft*> out;
  for (auto it = drafts.pages.rbegin(); it != drafts.pages.rend(); ++it) {
    if (it->serial != drafts.open) out.push_back(&*it);
  }
  return out;
}

DraftSerial next_serial_after(const std::vector<PageDraft>& pages) {
  DraftSerial next = 1;
  for (const PageDraft& p : pages) next = std::max(next, p.serial + 1);
  return next;
}

void take_stored(PageDrafts& drafts, PageDrafts stored) {
  DraftSerial next = std::max({drafts.next_serial, stored.next_serial, next_serial_after(stored.pages)});
  // A serial this session may already have given another page is given anew: an editor's field id
  // never meets words other than its own page's.
  DraftSerial open = 0;
  for (PageDraft& p : stored.pages) {
    const bool was_open = p.serial == stored.open;
    if (p.serial < drafts.next_serial) p.serial = next++;
    if (was_open) open = p.serial;
  }
  for (const PageDraft& mine : drafts.pages) {
    const bool held = std::any_of(stored.pages.begin(), stored.pages.end(), [&](const PageDraft& p) { return p.entry == mine.entry; });
    if (held) continue;
    // Its serial is below every stored page's now: it keeps it, and its fields their ids.
    if (mine.serial == drafts.open && open == 0) open = mine.serial;
    stored.pages.push_back(mine);
  }
  drafts.pages = std::move(stored.pages);
  drafts.open = open;
  drafts.next_serial = next;
}

}  // namespace innerscape::core
