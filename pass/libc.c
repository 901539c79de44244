/* libc.c — what the C library's well-known functions do with their pointer
 * arguments, as leak tags. Only functions whose behaviour the C standard or
 * POSIX fixes are listed; anything else is an unknown call. None of these
 * keeps a pointer after returning, frees it, or stores a pointer into it;
 * the letters say which argument they return a pointer into.
 *   n  the argument is only read or filled with bytes: does not escape
 *   r  as n, and the result may point into it (leaking to result level=0)
 *   e  receives, in *arg, a pointer into argument 0 (strtol's endptr)
 * A trailing '+' means variadic arguments are treated as 'n'. */
#include "escape/call.h"

#include <string.h>

typedef struct libc_entry {
  const char *name;
  const char *args;
  bool copies_memory; /* memcpy-like: arg 1's contents are copied into arg 0 */
} libc_entry;

static const libc_entry table[] = {
    /* string.h */
    {"memcpy", "rnn", true},
    {"memmove", "rnn", true},
    {"__memcpy_chk", "rnnn", true},
    {"__memmove_chk", "rnnn", true},
    {"memset", "rnn", false},
    {"__memset_chk", "rnnn", false},
    {"memcmp", "nnn", false},
    {"bcmp", "nnn", false},
    {"memchr", "rnn", false},
    {"strlen", "n", false},
    {"strnlen", "nn", false},
    {"strcmp", "nn", false},
    {"strncmp", "nnn", false},
    {"strcasecmp", "nn", false},
    {"strncasecmp", "nnn", false},
    {"strcoll", "nn", false},
    {"strchr", "rn", false},
    {"strrchr", "rn", false},
    {"strstr", "rn", false},
    {"strpbrk", "rn", false},
    {"strspn", "nn", false},
    {"strcspn", "nn", false},
    {"strcpy", "rn", false},
    {"__strcpy_chk", "rnn", false},
    {"strncpy", "rnn", false},
    {"__strncpy_chk", "rnnn", false},
    {"stpcpy", "rn", false},
    {"strcat", "rn", false},
    {"__strcat_chk", "rnn", false},
    {"strncat", "rnn", false},
    {"strdup", "n", false},
    {"strndup", "nn", false},
    /* stdio.h */
    {"printf", "n+", false},
    {"__printf_chk", "nn+", false},
    {"fprintf", "nn+", false},
    {"__fprintf_chk", "nnn+", false},
    {"sprintf", "nn+", false},
    {"__sprintf_chk", "nnnn+", false},
    {"snprintf", "nnn+", false},
    {"__snprintf_chk", "nnnnn+", false},
    {"dprintf", "nn+", false},
    {"vprintf", "nn", false},
    {"vfprintf", "nnn", false},
    {"vsprintf", "nnn", false},
    {"vsnprintf", "nnnn", false},
    {"scanf", "n+", false},
    {"sscanf", "nn+", false},
    {"fscanf", "nn+", false},
    {"__isoc99_scanf", "n+", false},
    {"__isoc99_sscanf", "nn+", false},
    {"__isoc99_fscanf", "nn+", false},
    {"puts", "n", false},
    {"fputs", "nn", false},
    {"putchar", "n", false},
    {"fputc", "nn", false},
    {"putc", "nn", false},
    {"fwrite", "nnnn", false},
    {"fread", "nnnn", false},
    {"fgets", "rnn", false},
    {"fgetc", "n", false},
    {"getc", "n", false},
    {"fflush", "n", false},
    {"fopen", "nn", false},
    {"fclose", "n", false},
    {"feof", "n", false},
    {"ferror", "n", false},
    {"perror", "n", false},
    /* stdlib.h, unistd.h, time.h */
    {"atoi", "n", false},
    {"atol", "n", false},
    {"atoll", "n", false},
    {"atof", "n", false},
    {"strtol", "nen", false},
    {"strtoul", "nen", false},
    {"strtoll", "nen", false},
    {"strtoull", "nen", false},
    {"strtod", "ne", false},
    {"strtof", "ne", false},
    {"strtold", "ne", false},
    {"getenv", "n", false},
    {"exit", "n", false},
    {"abort", "", false},
    {"write", "nnn", false},
    {"read", "nnn", false},
    {"time", "n", false},
    {"clock_gettime", "nn", false},
    {"gettimeofday", "nn", false},
    {"__assert_fail", "nnnn", false},
    {"pthread_mutex_lock", "n", false},
    {"pthread_mutex_unlock", "n", false},
};

bool libc_lookup(const char *name, size_t len, unsigned nargs, leak_tag *tags,
                 leak_tag *varargs_tag, bool *copies_memory, int *end_pointer) {
  for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
    const libc_entry *e = &table[i];
    if (strlen(e->name) != len || memcmp(e->name, name, len) != 0)
      continue;
    size_t fixed = strcspn(e->args, "+");
    bool variadic = e->args[fixed] == '+';
    if (nargs < fixed || (!variadic && nargs != fixed))
      return false; /* not the signature we know: treat as unknown */
    *end_pointer = -1;
    for (unsigned a = 0; a < nargs; a++) {
      tags[a] = a < fixed && e->args[a] == 'r' ? LEAK_RESULT : 0;
      if (a < fixed && e->args[a] == 'e')
        *end_pointer = (int)a;
    }
    *varargs_tag = 0;
    *copies_memory = e->copies_memory;
    return true;
  }
  return false;
}
