/* Sanitizer builds only (INNERSCAPE_SANITIZE with address): libraries are never unloaded.
 *
 * Mesa's GL driver (swrast_dri.so), SDL's sound back ends and D-Bus keep blocks in their own globals
 * until the process ends. SDL and Mesa dlclose() them on the way out; once a library is unmapped
 * LeakSanitizer sees nothing holding its blocks and reports each as a leak from "<unknown module>",
 * which no suppression can name. Kept loaded, they are still reachable, so those reports go away,
 * while a real leak (in Innerscape or in a library) is still reported, with its library's name.
 * Every executable of the sanitizer build defines this dlclose, which takes the place of libc's
 * for every library in the process (see CMakeLists.txt). */
#include <dlfcn.h>

int dlclose(void* handle) {
  (void)handle;
  return 0;
}
