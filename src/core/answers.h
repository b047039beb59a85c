// What a person wrote, rated and chose on one journal page, packed into a single allocation, so that
// years of pages cost little more than their words. Fields are found by key (the entry type's field
// keys, see journal.h): a text, a 0..10 rating, or a list of chosen options. An empty text and an empty
// list of choices are no answer at all, so they are never kept.
//
// Fields are kept in one order (texts, then ratings, then choices; each by key, byte by byte), which
// makes two equal sets of answers equal bytes and gives writers a stable order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace innerscape::core {

class Answers {
 public:
  enum class Kind : std::uint8_t { text = 0, rating = 1, choices = 2 };

  // One field as read from the packed bytes; the views last until the answers next change.
  struct Field {
    Kind kind = Kind::text;
    std::string_view key;
    std::string_view bytes;  // a text's words; a rating's or choices' encoding (use the accessors)

    std::string_view text() const { return kind == Kind::text ? bytes : std::string_view(); }
    int rating() const;
    std::vector<std::string_view> choices() const;
  };

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Field;
    using difference_type = std::ptrdiff_t;
    using pointer = const Field*;
    using reference = const Field&;

    const_iterator() = default;
    const Field& operator*() const { return field_; }
    const Field* operator->() const { return &field_; }
    const_iterator& operator++();
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const const_iterator& other) const { return at_ == other.at_; }

   private:
    friend class Answers;
    const_iterator(std::string_view data, std::size_t at);
    void read();  // the field at at_, and where the next begins
    std::string_view data_;
    std::size_t at_ = 0;
    std::size_t next_ = 0;
    Field field_;
  };

  // Texts: "" when nothing is written there. Setting "" takes the text away.
  std::string_view text(std::string_view key) const;
  void set_text(std::string_view key, std::string_view words);

  // Ratings: nothing when not rated.
  std::optional<int> rating(std::string_view key) const;
  void set_rating(std::string_view key, int value);
  void erase_rating(std::string_view key);

  // Choices, in the order they were chosen. Setting none takes the field away.
  std::vector<std::string_view> choices(std::string_view key) const;
  bool chosen(std::string_view key, std::string_view choice) const;
  void set_choices(std::string_view key, std::span<const std::string_view> chosen);
  void set_choices(std::string_view key, std::initializer_list<std::string_view> chosen) {
    set_choices(key, std::span<const std::string_view>(chosen.begin(), chosen.size()));
  }
  void set_chosen(std::string_view key, std::string_view choice, bool on);  // on: added last, once

  // Takes away every field `keep` says no to (called with each field; the field is gone after).
  template <class Keep>
  void keep_if(Keep keep) {
    bool all = true;
    for (const Field& f : *this) all = all && keep(f);
    if (all) return;  // the common case: nothing to take away, and no new bytes
    Answers kept;
    for (const Field& f : *this) {
      if (keep(f)) kept.append(f.kind, f.key, f.bytes);
    }
    *this = std::move(kept);
  }

  const_iterator begin() const { return {data_, 0}; }
  const_iterator end() const { return {data_, data_.size()}; }
  bool empty() const { return data_.empty(); }
  std::size_t field_count() const;

  // The packed bytes' own size; after loading many pages, shrink_to_fit gives back what growth left.
  std::size_t byte_size() const { return data_.size(); }
  void shrink_to_fit() { data_.shrink_to_fit(); }
  // Room for fields of this many bytes in all (a field is its key, its value and 6 bytes), so
  // that answers read in one go are one allocation of the right size.
  void reserve(std::size_t bytes) { data_.reserve(bytes); }

  bool operator==(const Answers&) const = default;

  // The longest key kept (keys are short identifiers; a longer one is not stored).
  static constexpr std::size_t max_key_size = 255;

 private:
  // Each field: kind (1 byte), key size (1 byte), key, value size (4 bytes, little-endian), value.
  // A key every entry type knows (all of them, in practice) is instead its number in that list: the
  // kind's high bit set, then one byte. A rating's value is 4 bytes (little-endian int); choices are
  // each a 2-byte size and the key.
  std::optional<Field> find(Kind kind, std::string_view key) const;
  void put(Kind kind, std::string_view key, std::string_view value);  // replaces, inserts in order, or "" removes
  void append(Kind kind, std::string_view key, std::string_view value);
  std::string data_;
};

}  // namespace innerscape::core
