// The journal's pages as a list that copies in an instant: copies share one list until one of them
// changes it (copy on write). Years of pages then cost nothing to hand to the saver, to keep in an
// undo step's snapshot, or to compare with what is on disk when nothing in the journal changed.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

#include "core/journal.h"

namespace innerscape::core {

class EntryList {
 public:
  using const_iterator = std::vector<Entry>::const_iterator;
  using const_reverse_iterator = std::vector<Entry>::const_reverse_iterator;

  EntryList() = default;
  EntryList(std::vector<Entry> entries) : items_(std::make_shared<std::vector<Entry>>(std::move(entries))) {}  // NOLINT: a list is a list
  EntryList(std::initializer_list<Entry> entries) : EntryList(std::vector<Entry>(entries)) {}

  // Reading: as a const std::vector.
  const std::vector<Entry>& items() const { return items_ ? *items_ : empty_list(); }
  operator const std::vector<Entry>&() const { return items(); }  // NOLINT: reads like the vector it is
  std::size_t size() const { return items().size(); }
  bool empty() const { return items().empty(); }
  const Entry& operator[](std::size_t i) const { return items()[i]; }
  const Entry& front() const { return items().front(); }
  const Entry& back() const { return items().back(); }
  const_iterator begin() const { return items().begin(); }
  const_iterator end() const { return items().end(); }
  const_reverse_iterator rbegin() const { return items().rbegin(); }
  const_reverse_iterator rend() const { return items().rend(); }

  // Changing: the list is made this copy's own first, if another copy shares it.
  std::vector<Entry>& edit();
  void push_back(Entry entry) { edit().push_back(std::move(entry)); }
  void clear() { items_.reset(); }
  void reserve(std::size_t n) { edit().reserve(n); }

  // The same list, shared by two copies (nothing changed since one was copied from the other).
  bool shares_with(const EntryList& other) const { return items_ == other.items_; }
  bool operator==(const EntryList& other) const { return shares_with(other) || items() == other.items(); }
  bool operator==(const std::vector<Entry>& other) const { return items() == other; }

 private:
  static const std::vector<Entry>& empty_list();
  std::shared_ptr<std::vector<Entry>> items_;
};

}  // namespace innerscape::core
