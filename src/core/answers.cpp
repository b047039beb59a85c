#include "core/answers.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "core/journal.h"

namespace innerscape::core {
namespace {

constexpr std::size_t header_size = 1 + 1;  // kind, key size (or a known key's number)
constexpr std::size_t size_bytes = 4;        // value size
constexpr unsigned char known_flag = 0x80;

// Every field key of every entry type, sorted: what nearly all answers are keyed by.
const std::vector<std::string_view>& known_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out;
    for (const EntryTypeSpec& type : entry_types()) {
      for (const FieldSpec& f : type.fields) out.push_back(f.key);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return keys;
}

std::optional<std::size_t> known_key(std::string_view key) {
  const auto& keys = known_keys();
  const auto it = std::lower_bound(keys.begin(), keys.end(), key);
  if (it == keys.end() || *it != key || it - keys.begin() > 0xFF) return std::nullopt;
  return static_cast<std::size_t>(it - keys.begin());
}

std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return v;
}

void write_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}

std::string encode_choices(std::span<const std::string_view> chosen) {
  std::string out;
  for (std::string_view c : chosen) {
    const std::size_t n = std::min<std::size_t>(c.size(), std::numeric_limits<std::uint16_t>::max());
    out.push_back(static_cast<char>(n & 0xFFu));
    out.push_back(static_cast<char>((n >> 8) & 0xFFu));
    out.append(c.substr(0, n));
  }
  return out;
}

// Fields sort by kind, then by key byte by byte.
bool before(Answers::Kind a_kind, std::string_view a_key, Answers::Kind b_kind, std::string_view b_key) {
  return std::tie(a_kind, a_key) < std::tie(b_kind, b_key);
}

}  // namespace

int Answers::Field::rating() const {
  if (kind != Kind::rating || bytes.size() != 4) return 0;
  return static_cast<int>(static_cast<std::int32_t>(read_u32(bytes, 0)));
}

std::vector<std::string_view> Answers::Field::choices() const {
  std::vector<std::string_view> out;
  if (kind != Kind::choices) return out;
  std::size_t at = 0;
  while (at + 2 <= bytes.size()) {
    const std::size_t n = static_cast<unsigned char>(bytes[at]) | (static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8);
    at += 2;
    out.push_back(bytes.substr(at, n));
    at += n;
  }
  return out;
}

Answers::const_iterator::const_iterator(std::string_view data, std::size_t at) : data_(data), at_(at) { read(); }

Answers::const_iterator& Answers::const_iterator::operator++() {
  at_ = next_;
  read();
  return *this;
}

void Answers::const_iterator::read() {
  if (at_ + header_size + size_bytes > data_.size()) {  // the end (the bytes are only ever written whole)
    at_ = next_ = data_.size();
    return;
  }
  const auto head = static_cast<unsigned char>(data_[at_]);
  const auto kind = static_cast<Kind>(head & ~known_flag);
  const std::size_t key_byte = static_cast<unsigned char>(data_[at_ + 1]);
  const bool known = (head & known_flag) != 0;
  const std::size_t key_size = known ? 0 : key_byte;
  const std::size_t value_at = at_ + header_size + key_size + size_bytes;
  const std::size_t value_size = read_u32(data_, at_ + header_size + key_size);
  field_ = {.kind = kind,
            .key = known ? known_keys()[key_byte] : data_.substr(at_ + header_size, key_size),
            .bytes = data_.substr(value_at, value_size)};
  next_ = value_at + value_size;
}

std::size_t Answers::field_count() const { return static_cast<std::size_t>(std::distance(begin(), end())); }

std::optional<Answers::Field> Answers::find(Kind kind, std::string_view key) const {
  for (const Field& f : *this) {
    if (f.kind == kind && f.key == key) return f;
    if (before(kind, key, f.kind, f.key)) break;
  }
  return std::nullopt;
}

void Answers::append(Kind kind, std::string_view key, std::string_view value) {
  if (key.size() > max_key_size || value.size() > std::numeric_limits<std::uint32_t>::max()) return;
  const std::optional<std::size_t> known = known_key(key);
  data_.reserve(data_.size() + header_size + (known ? 0 : key.size()) + size_bytes + value.size());
  if (known) {
    data_.push_back(static_cast<char>(static_cast<unsigned char>(kind) | known_flag));
    data_.push_back(static_cast<char>(*known));
  } else {
    data_.push_back(static_cast<char>(kind));
    data_.push_back(static_cast<char>(key.size()));
    data_.append(key);
  }
  write_u32(data_, static_cast<std::uint32_t>(value.size()));
  data_.append(value);
}

void Answers::put(Kind kind, std::string_view key, std::string_view value) {
  if (key.size() > max_key_size) return;
  // Where the field is (to replace it) or belongs (to insert it).
  std::size_t at = data_.size();
  std::size_t old_end = data_.size();
  for (auto it = begin(); it != end(); ++it) {
    if (it->kind == kind && it->key == key) {
      at = it.at_;
      old_end = it.next_;
      break;
    }
    if (before(kind, key, it->kind, it->key)) {
      at = old_end = it.at_;
      break;
    }
  }
  std::string field;
  if (!value.empty()) {
    Answers one;
    one.append(kind, key, value);
    field = std::move(one.data_);
  }
  data_.replace(at, old_end - at, field);
}

std::string_view Answers::text(std::string_view key) const {
  const auto f = find(Kind::text, key);
  return f ? f->bytes : std::string_view();
}

void Answers::set_text(std::string_view key, std::string_view words) { put(Kind::text, key, words); }

std::optional<int> Answers::rating(std::string_view key) const {
  const auto f = find(Kind::rating, key);
  if (!f) return std::nullopt;
  return f->rating();
}

void Answers::set_rating(std::string_view key, int value) {
  std::string bytes;
  write_u32(bytes, static_cast<std::uint32_t>(static_cast<std::int32_t>(value)));
  put(Kind::rating, key, bytes);
}

void Answers::erase_rating(std::string_view key) { put(Kind::rating, key, {}); }

std::vector<std::string_view> Answers::choices(std::string_view key) const {
  const auto f = find(Kind::choices, key);
  return f ? f->choices() : std::vector<std::string_view>();
}

bool Answers::chosen(std::string_view key, std::string_view choice) const {
  const auto list = choices(key);
  return std::find(list.begin(), list.end(), choice) != list.end();
}

void Answers::set_choices(std::string_view key, std::span<const std::string_view> chosen) {
  put(Kind::choices, key, encode_choices(chosen));
}

void Answers::set_chosen(std::string_view key, std::string_view choice, bool on) {
  std::vector<std::string> list;  // owned: put() rewrites the bytes the views point into
  for (std::string_view c : choices(key)) {
    if (c != choice) list.emplace_back(c);
  }
  if (on) list.emplace_back(choice);
  const std::vector<std::string_view> views(list.begin(), list.end());
  set_choices(key, views);
}

}  // namespace innerscape::core
