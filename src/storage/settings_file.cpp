// settings.json in the config folder: this computer's comfort settings, readable before a locked map opens.
#include "storage/settings_file.h"

#include <fstream>
#include <iterator>
#include <system_error>

#include "storage/settings_json.h"
#include "storage/synced_file.h"

namespace innerscape::storage {
namespace {

// Far more than the few lines it holds: anything bigger is not ours.
constexpr std::uintmax_t settings_max_bytes = 64 * 1024;

std::string unusable(const std::filesystem::path& file, const std::string& why) {
  return "Your settings in " + file.string() + " could not be read (" + why +
         "), so the usual size, colours and motion are used for now. The file is left as it is until you change a setting.";
}

}  // namespace

SettingsFile read_settings_file(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (status.type() == std::filesystem::file_type::not_found) return {};
  if (ec) return {std::nullopt, unusable(file, ec.message())};
  if (!std::filesystem::is_regular_file(status)) return {std::nullopt, unusable(file, "it is not a file")};
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > settings_max_bytes) return {std::nullopt, unusable(file, ec ? ec.message() : "it is far too large")};
  std::ifstream in(file, std::ios::binary);
  if (!in) return {std::nullopt, unusable(file, "it cannot be opened")};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return {std::nullopt, unusable(file, "it is not valid JSON")};
  core::Settings read;
  if (std::string e = read_settings(doc, "settings", read); !e.empty()) return {std::nullopt, unusable(file, e)};
  core::Settings comfort;
  core::take_comfort(comfort, read);  // the map's own state is not taken from this computer's file
  return {comfort, {}};
}

std::string write_settings_file(const std::filesystem::path& file, const core::Settings& settings) {
  return replace_file_synced(file, settings_to_json(settings, true).dump(2) + "\n");
}

}  // namespace innerscape::storage
