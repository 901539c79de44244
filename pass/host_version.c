//===- host_version.c — refuses to run inside another LLVM major ----------===//
//
// A plugin built against one LLVM major cannot run in another: the C++
// classes it shares with its host (cl::opt, the pass manager) change layout
// between majors, and the first static initializer of plugin.cpp crashes
// clang, opt or lld inside dlopen. This constructor runs before those (the
// linker puts priority constructors first in .init_array; C++ initializers
// have the default priority), asks the host for its version through the
// LLVM C API, and on a mismatch prints one error that names both versions
// and the file to load, and exits. Nothing here touches an LLVM C++ type.
//
//===----------------------------------------------------------------------===//

#ifndef _GNU_SOURCE // LLVM's definitions may bring it
#define _GNU_SOURCE     // dladdr, dl_iterate_phdr, program_invocation_short_name
#endif
#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "llvm/Config/llvm-config.h"

// LLVMGetVersion exists from LLVM 16 on; older hosts are found by the name
// of their shared libLLVM (libLLVM-14.so.1, libLLVM.so.19.1).
static int llvm_of_object(struct dl_phdr_info *Info, size_t Size, void *Out) {
  (void)Size;
  const char *Name = strrchr(Info->dlpi_name, '/');
  Name = Name ? Name + 1 : Info->dlpi_name;
  if (strncmp(Name, "libLLVM", 7) != 0)
    return 0;
  Name += 7;
  if (*Name == '-')
    Name += 1;
  else if (strncmp(Name, ".so.", 4) == 0)
    Name += 4;
  else
    return 0;
  *(int *)Out = atoi(Name);
  return *(int *)Out > 0;
}

static int host_major(unsigned *Minor, unsigned *Patch) {
  void *Sym = dlsym(RTLD_DEFAULT, "LLVMGetVersion");
  if (Sym) {
    unsigned Major;
    void (*Get)(unsigned *, unsigned *, unsigned *);
    memcpy(&Get, &Sym, sizeof Get);
    Get(&Major, Minor, Patch);
    return (int)Major;
  }
  int Major = 0;
  dl_iterate_phdr(llvm_of_object, &Major);
  return Major; // 0: a host that tells nothing (a static LLVM): go on
}

// Self with the Which-th "-OURS" (or every one, Which < 0) made "-HOST".
static void replace(const char *Self, const char *Ours, const char *Theirs,
                    int Which, char *Out, size_t Cap) {
  size_t N = strlen(Ours), Len = 0;
  int K = 0;
  for (const char *P = Self; *P && Len + 1 < Cap;) {
    // K counts the occurrences seen; only the chosen one (or all) changes.
    if (strncmp(P, Ours, N) == 0 && (Which < 0 || K++ == Which)) {
      Len += (size_t)snprintf(Out + Len, Cap - Len, "%s", Theirs);
      P += N;
    } else {
      Out[Len++] = *P++;
    }
  }
  Out[Len < Cap ? Len : Cap - 1] = 0;
}

// The same file built for the host's major, if it is where the usual
// layouts put it: libescape-22.so next to libescape-19.so (cmake --install),
// build-22/ next to build-19/, /usr/lib/llvm-22/ next to /usr/lib/llvm-19/.
// Each "-OURS" in the path is tried alone, from the last, then all of them.
static int sibling(const char *Self, int Host, char *Out, size_t Cap) {
  char Ours[16], Theirs[16];
  snprintf(Ours, sizeof Ours, "-%d", LLVM_VERSION_MAJOR);
  snprintf(Theirs, sizeof Theirs, "-%d", Host);
  int Count = 0;
  for (const char *P = strstr(Self, Ours); P; P = strstr(P + 1, Ours))
    ++Count;
  // The last one first (the file's own name), the directories after it.
  for (int Which = Count - 1; Which >= -1; --Which) {
    replace(Self, Ours, Theirs, Which, Out, Cap);
    if (strcmp(Out, Self) != 0 && access(Out, R_OK) == 0)
      return 1;
  }
  return 0;
}

__attribute__((constructor(101))) static void escape_check_host(void) {
  unsigned Minor = 0, Patch = 0;
  int Host = host_major(&Minor, &Patch);
  if (Host == 0 || Host == LLVM_VERSION_MAJOR)
    return;
  Dl_info Me;
  const char *Self = dladdr((void *)escape_check_host, &Me) && Me.dli_fname
                         ? Me.dli_fname
                         : "libescape.so";
  char Use[4096];
  fprintf(stderr, "escape: error: %s is built for LLVM %d, but %s is LLVM %d.%u.%u; ",
          Self, LLVM_VERSION_MAJOR, program_invocation_short_name, Host, Minor, Patch);
  if (Host != 19 && Host != 22) // as plugin.cpp and cmake/EscapeLLVM.cmake
    fprintf(stderr, "escape supports LLVM 19 and 22 only: use their clang, opt or lld "
                    "(e.g. /usr/lib/llvm-%d/bin/clang)\n",
            LLVM_VERSION_MAJOR);
  else if (sibling(Self, Host, Use, sizeof Use))
    fprintf(stderr, "load %s instead\n", Use);
  else
    fprintf(stderr,
            "load escape built for LLVM %d instead (installed as libescape-%d.so; "
            "or build it: cmake -DLLVM_VERSION=%d)\n",
            Host, Host, Host);
  // Remove the output files the host registered for removal, as LLVM does
  // when it is interrupted, then stop before any C++ of this plugin runs.
  void *Cleanup = dlsym(RTLD_DEFAULT, "_ZN4llvm3sys20RunInterruptHandlersEv");
  if (Cleanup) {
    void (*Run)(void);
    memcpy(&Run, &Cleanup, sizeof Run);
    Run();
  }
  fflush(stderr);
  _exit(1);
}
