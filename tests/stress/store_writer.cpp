// A stand-in for the app under test: adds parts one by one through the real store and autosaver,
// and says on stdout each time an edit is known to be on disk. The kill -9 test kills it at random.
#include <cstdio>
#include <string>

#include "core/archetypes.h"
#include "core/edits.h"
#include "storage/autosaver.h"
#include "storage/store.h"

using namespace innerscape;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: store_writer DATA_DIR\n");
    return 2;
  }
  storage::OpenedStore store = storage::open_store(argv[1]);
  if (!store.error.empty()) {
    std::fprintf(stderr, "store_writer: %s\n", store.error.c_str());
    return 1;
  }
  storage::Snapshot state = store.loaded.snapshot;
  storage::Autosaver saver(std::move(store.db), state);
  for (std::size_t i = state.system.parts.size() + 1;; ++i) {
    core::Part p = core::blank_part(static_cast<core::PartKind>(i % 3), {0.001f * static_cast<float>(i), 0.0f});
    p.name = "edit " + std::to_string(i);
    p.notes = std::string(200, 'n');  // some weight, so writes take real time
    core::apply_edit(state.system, core::add_part(state.system, p, static_cast<std::int64_t>(i)));
    saver.submit(state);
    if (i % 5 == 0) {
      if (!saver.flush().empty()) return 1;
      std::printf("saved %zu\n", i);
      std::fflush(stdout);
    }
  }
}
