// The journal's pages as a list that copies in an instant (copy on write).
#include "core/entry_list.h"

namespace innerscape::core {

std::vector<Entry>& EntryList::edit() {
  if (!items_) {
    items_ = std::make_shared<std::vector<Entry>>();
  } else if (items_.use_count() > 1) {
    items_ = std::make_shared<std::vector<Entry>>(*items_);  // another copy keeps the old list
  }
  return *items_;
}

const std::vector<Entry>& EntryList::empty_list() {
  static const std::vector<Entry> none;
  return none;
}

}  // namespace innerscape::core
