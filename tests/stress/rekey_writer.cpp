// A stand-in for someone changing their lock over and over: cycles the store in DATA_DIR through
// locked with "alpha", locked with "beta", and unlocked, through the real set_lock, saying on stdout
// each time a switch is done. The re-key kill -9 test kills it at random moments.
#include <cstdio>
#include <string>

#include "storage/passphrase_lock.h"

using namespace innerscape;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: rekey_writer DATA_DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  constexpr auto cheap = storage::KdfCost::test_minimum;
  for (long n = 1;; ++n) {
    std::string problem = storage::finish_interrupted_switch(dir);
    if (problem.empty()) {
      if (!storage::store_is_locked(dir)) {
        problem = storage::set_lock(dir, nullptr, "alpha", cheap);
      } else if (storage::Unlocked a = storage::unlock_store(dir, "alpha"); a.key) {
        problem = storage::set_lock(dir, &*a.key, "beta", cheap);
      } else if (storage::Unlocked b = storage::unlock_store(dir, "beta"); b.key) {
        problem = storage::set_lock(dir, &*b.key, std::nullopt, cheap);
      } else {
        problem = "neither passphrase opens the store";
      }
    }
    if (!problem.empty()) {
      std::fprintf(stderr, "rekey_writer: %s\n", problem.c_str());
      return 1;
    }
    std::printf("switched %ld\n", n);
    std::fflush(stdout);
  }
}
