/* libc.c — what the C library's well-known functions do with the bits and
 * bytes of their arguments (see include/escape/call.h; call.c applies it).
 * Only functions whose behaviour the C standard or POSIX fixes are listed;
 * anything else is an unknown call, whose arguments escape. None of these
 * keeps a pointer after returning, frees it, or calls back into the
 * program (exit is marked: it runs atexit handlers).
 *
 * One letter per fixed argument:
 *   n  read; its bytes stay in the process
 *   r  read, and the result may point into it (strchr)
 *   o  read, and its bytes leave the process (write, fputs, a path for
 *      the kernel): what is stored in it escapes
 *   i  receives bytes from outside the process: they may be any address
 *   I  as i, and the result may point into it (fgets)
 *   w  receives the bytes of this call's sources (s, v and l arguments,
 *      formatted variadic arguments)
 *   W  as w, and the result may point into it (memcpy, strcpy)
 *   s  a source: its bytes are copied into the w/W arguments
 *   v  a number written as bytes into the w/W arguments (memset's byte)
 *   l  a length: how many bytes the w/W arguments receive depends on it
 *   b  a number whose bits leave the process (putchar, exit)
 *   d  a number that only the result depends on (memchr's byte)
 *   e  receives, in *arg, a pointer into argument 0 (strtol's endptr)
 *   k  kept by the library after the call (a va_list): escapes
 * Then, for variadic functions, '+' and the convention of the format (which
 * is the last fixed argument):
 *   P  printf: %s arguments' bytes leave the process, numbers' and %p's
 *      bits leave it
 *   S  sprintf: %s arguments' bytes and numbers' and %p's bits are written
 *      into the w/W arguments
 *   C  scanf: every argument receives what is parsed: the bytes of the
 *      n/r arguments, or any address
 * The result, besides the bits of every number argument, which it may be
 * computed from:
 *   -  nothing else (a count, a status)
 *   c  computed from the bytes it reads (strlen, memcmp): those of the
 *      n, r, o and s arguments, and what it writes (snprintf's count)
 *   p  parsed from those bytes, or from outside: may be any address (strtol)
 *   r  a pointer into the r, I and W arguments, or null
 *   x  memory of the library or from outside (fopen, getenv) */
#include "escape/call.h"

#include <stdlib.h>
#include <string.h>

typedef struct libc_entry {
  const char *name;
  const char *args;
  char result;
  bool calls_back;
} libc_entry;

static const libc_entry table[] = {
    /* string.h */
    {"memcpy", "Wsl", 'r', false},
    {"memmove", "Wsl", 'r', false},
    {"mempcpy", "Wsl", 'r', false},
    {"__memcpy_chk", "Wsld", 'r', false},
    {"__memmove_chk", "Wsld", 'r', false},
    {"__mempcpy_chk", "Wsld", 'r', false},
    {"memset", "Wvl", 'r', false},
    {"__memset_chk", "Wvld", 'r', false},
    {"bzero", "wl", '-', false},
    {"explicit_bzero", "wl", '-', false},
    {"memcmp", "nnd", 'c', false},
    {"bcmp", "nnd", 'c', false},
    {"memchr", "rdd", 'r', false},
    {"memrchr", "rdd", 'r', false},
    {"strlen", "n", 'c', false},
    {"strnlen", "nd", 'c', false},
    {"strcmp", "nn", 'c', false},
    {"strncmp", "nnd", 'c', false},
    {"strcasecmp", "nn", 'c', false},
    {"strncasecmp", "nnd", 'c', false},
    {"strcoll", "nn", 'c', false},
    {"strchr", "rd", 'r', false},
    {"strrchr", "rd", 'r', false},
    {"strchrnul", "rd", 'r', false},
    {"strstr", "rn", 'r', false},
    {"strcasestr", "rn", 'r', false},
    {"strpbrk", "rn", 'r', false},
    {"strspn", "nn", 'c', false},
    {"strcspn", "nn", 'c', false},
    {"strcpy", "Ws", 'r', false},
    {"__strcpy_chk", "Wsd", 'r', false},
    {"strncpy", "Wsl", 'r', false},
    {"__strncpy_chk", "Wsld", 'r', false},
    {"stpcpy", "Ws", 'r', false},
    {"__stpcpy_chk", "Wsd", 'r', false},
    {"stpncpy", "Wsl", 'r', false},
    {"strcat", "Ws", 'r', false},
    {"__strcat_chk", "Wsd", 'r', false},
    {"strncat", "Wsl", 'r', false},
    {"__strncat_chk", "Wsld", 'r', false},
    /* the copy is memory the model does not track: the bytes go there */
    {"strdup", "o", 'x', false},
    {"strndup", "od", 'x', false},
    {"strerror", "d", 'x', false},
    /* stdio.h: output. A stream may be a cookie stream (fopencookie, funopen)
     * whose functions are the program's: every call that reads, writes,
     * seeks, flushes or closes one may call back (a recursion through
     * stdio that the call graph must see) */
    {"printf", "o+P", '-', true},
    {"__printf_chk", "do+P", '-', true},
    {"fprintf", "no+P", '-', true},
    {"__fprintf_chk", "ndo+P", '-', true},
    {"dprintf", "do+P", '-', true},
    {"__dprintf_chk", "ddo+P", '-', true},
    {"vprintf", "ok", '-', true},
    {"__vprintf_chk", "dok", '-', true},
    {"vfprintf", "nok", '-', true},
    {"__vfprintf_chk", "ndok", '-', true},
    {"vdprintf", "dok", '-', true},
    {"puts", "o", '-', true},
    {"fputs", "on", '-', true},
    {"fputs_unlocked", "on", '-', true},
    {"putchar", "b", '-', true},
    {"putchar_unlocked", "b", '-', true},
    {"fputc", "bn", '-', true},
    {"fputc_unlocked", "bn", '-', true},
    {"putc", "bn", '-', true},
    {"putc_unlocked", "bn", '-', true},
    {"fwrite", "oddn", '-', true},
    {"fwrite_unlocked", "oddn", '-', true},
    {"perror", "o", '-', true},
    /* stdio.h: formatting into memory; a conversion registered with glibc's
     * register_printf_specifier (in any file, even for %d) runs the program's
     * function inside snprintf */
    {"sprintf", "ws+S", 'c', true},
    {"__sprintf_chk", "wdls+S", 'c', true},
    {"snprintf", "wls+S", 'c', true},
    {"__snprintf_chk", "wldls+S", 'c', true},
    {"vsprintf", "wsk", 'c', true},
    {"__vsprintf_chk", "wdlsk", 'c', true},
    {"vsnprintf", "wlsk", 'c', true},
    {"__vsnprintf_chk", "wldlsk", 'c', true},
    /* stdio.h: input */
    {"scanf", "n+C", '-', true},
    {"fscanf", "nn+C", '-', true},
    {"sscanf", "nn+C", '-', false},
    {"__isoc99_scanf", "n+C", '-', true},
    {"__isoc99_fscanf", "nn+C", '-', true},
    {"__isoc99_sscanf", "nn+C", '-', false},
    {"__isoc23_scanf", "n+C", '-', true},
    {"__isoc23_fscanf", "nn+C", '-', true},
    {"__isoc23_sscanf", "nn+C", '-', false},
    {"fread", "iddn", '-', true},
    {"fread_unlocked", "iddn", '-', true},
    {"fgets", "Idn", 'r', true},
    {"fgets_unlocked", "Idn", 'r', true},
    {"fgetc", "n", 'x', true},
    {"getc", "n", 'x', true},
    {"getc_unlocked", "n", 'x', true},
    {"getchar", "", 'x', true},
    {"getchar_unlocked", "", 'x', true},
    {"ungetc", "bn", '-', false},
    /* stdio.h: streams and files */
    {"fopen", "on", 'x', false},
    {"fopen64", "on", 'x', false},
    {"fdopen", "dn", 'x', false},
    {"fclose", "n", '-', true},
    {"fflush", "n", '-', true},
    {"feof", "n", '-', false},
    {"ferror", "n", '-', false},
    {"clearerr", "n", '-', false},
    {"fileno", "n", '-', false},
    {"fseek", "ndd", '-', true},
    {"ftell", "n", 'x', true},
    {"rewind", "n", '-', true},
    {"remove", "o", '-', false},
    {"rename", "oo", '-', false},
    /* stdlib.h */
    {"atoi", "n", 'p', false},
    {"atol", "n", 'p', false},
    {"atoll", "n", 'p', false},
    {"atof", "n", 'p', false},
    {"strtol", "ned", 'p', false},
    {"strtoul", "ned", 'p', false},
    {"strtoll", "ned", 'p', false},
    {"strtoull", "ned", 'p', false},
    {"strtoimax", "ned", 'p', false},
    {"strtoumax", "ned", 'p', false},
    {"__isoc23_strtol", "ned", 'p', false},
    {"__isoc23_strtoul", "ned", 'p', false},
    {"__isoc23_strtoll", "ned", 'p', false},
    {"__isoc23_strtoull", "ned", 'p', false},
    {"strtod", "ne", 'p', false},
    {"strtof", "ne", 'p', false},
    {"strtold", "ne", 'p', false},
    {"getenv", "n", 'x', false},
    {"secure_getenv", "n", 'x', false},
    {"exit", "b", '-', true},
    {"_exit", "b", '-', false},
    {"_Exit", "b", '-', false},
    {"abort", "", '-', false},
    /* unistd.h */
    {"write", "dob", '-', false},
    {"read", "did", '-', false},
    {"close", "d", '-', false},
    /* time.h, sys/time.h */
    {"time", "i", 'x', false},
    {"clock_gettime", "di", '-', false},
    {"gettimeofday", "ii", '-', false},
    /* assert.h */
    {"__assert_fail", "oodo", '-', false},
    /* pthread.h */
    {"pthread_mutex_lock", "n", '-', false},
    {"pthread_mutex_unlock", "n", '-', false},
    {"pthread_mutex_trylock", "n", '-', false},
};

bool libc_lookup(const char *name, size_t len, unsigned nargs, libc_model *out) {
  for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
    const libc_entry *e = &table[i];
    if (strlen(e->name) != len || memcmp(e->name, name, len) != 0)
      continue;
    size_t fixed = strcspn(e->args, "+");
    char varargs = e->args[fixed] == '+' ? e->args[fixed + 1] : 0;
    if (nargs < fixed || (!varargs && nargs != fixed))
      return false; /* not the signature we know: treat as unknown */
    *out = (libc_model){.args = e->args, .nfixed = (unsigned)fixed,
                        .varargs = varargs, .result = e->result,
                        .calls_back = e->calls_back};
    return true;
  }
  return false;
}

/* C library and POSIX functions that never call a function of the program
 * (on this thread's stack), beyond the table above: for the call graph only.
 * Sorted. qsort, bsearch, tsearch, twalk, ftw, scandir, pthread_once, exit
 * and atexit handlers, fork and its pthread_atfork handlers do call back,
 * and are not here. */
static const char *const no_callback[] = {
    "__ctype_b_loc", "__ctype_tolower_loc", "__ctype_toupper_loc", "__errno_location",
    "_exit", "abs", "accept", "access", "acos", "acosf", "asin", "asinf", "atan",
    "atan2", "atan2f", "atanf", "bind", "cbrt", "ceil", "ceilf", "chdir", "clock",
    "close", "connect", "cos", "cosf", "cosh", "difftime", "div", "dup", "dup2",
    "execv", "execve", "execvp", "exp", "exp2", "expf", "expm1", "fabs", "fabsf",
    "fcntl", "fdopen", "floor", "floorf", "fmax", "fmin", "fmod", "fmodf",
    "freeaddrinfo", "frexp", "fstat", "ftruncate", "getaddrinfo", "getcwd", "getpid",
    "getppid", "getsockopt", "gmtime", "gmtime_r", "hypot", "ioctl", "isalnum",
    "isalpha", "isatty", "isblank", "iscntrl", "isdigit", "isgraph", "islower",
    "isprint", "ispunct", "isspace", "isupper", "isxdigit", "labs", "ldexp", "ldiv",
    "listen", "llabs", "llround", "localtime", "localtime_r", "log", "log10",
    "log1p", "log2", "logf", "lround", "lseek", "lstat", "madvise", "memccpy",
    "mkdir", "mkstemp", "mktime", "mmap", "modf", "mprotect", "munmap", "nanosleep",
    "nearbyint", "open", "openat", "pclose", "pipe", "poll", "popen", "pow", "powf",
    "pthread_attr_destroy", "pthread_attr_init", "pthread_attr_setstacksize",
    "pthread_cond_broadcast", "pthread_cond_destroy", "pthread_cond_init",
    "pthread_cond_signal", "pthread_cond_timedwait", "pthread_cond_wait",
    "pthread_create", "pthread_detach", "pthread_getspecific", "pthread_join",
    "pthread_mutex_destroy", "pthread_mutex_init", "pthread_rwlock_rdlock",
    "pthread_rwlock_unlock", "pthread_rwlock_wrlock", "pthread_self",
    "pthread_setspecific", "putenv", "rand", "random", "realpath", "recv",
    "recvfrom", "recvmsg", "rint", "rmdir", "round", "roundf", "select", "sem_post",
    "sem_wait", "send", "sendmsg", "sendto", "setenv", "setlocale",
    "setsockopt", "shutdown", "sin", "sinf", "sinh", "sleep", "socket",
    "sqrt", "sqrtf", "srand", "srandom", "stat", "strerror_r", "strftime", "strsep",
    "strsignal", "strtok", "strtok_r", "sysconf", "system", "tan", "tanf", "tanh",
    "tmpfile", "tolower", "toupper", "trunc", "truncf", "unlink", "unsetenv",
    "usleep"};

static int compare_name(const void *key, const void *entry) {
  return strcmp((const char *)key, *(const char *const *)entry);
}

bool libc_calls_back(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (strlen(table[i].name) == len && memcmp(table[i].name, name, len) == 0)
      return table[i].calls_back;
  char key[64];
  if (len >= sizeof key)
    return true;
  memcpy(key, name, len);
  key[len] = 0;
  return !bsearch(key, no_callback, sizeof no_callback / sizeof *no_callback,
                  sizeof *no_callback, compare_name);
}

/* One printf conversion at fmt[*at] (just after '%'): its classes go into
 * classes[*n...]. Returns false for what we do not read (positional
 * arguments, %n, unknown conversions). */
static bool printf_conversion(const char *fmt, size_t len, size_t *at,
                              char *classes, unsigned cap, unsigned *n) {
  size_t i = *at;
  while (i < len && strchr("-+ #0'I", fmt[i]))
    i++;
  for (int part = 0; part < 2; part++) { /* width, then .precision */
    if (part == 1) {
      if (i >= len || fmt[i] != '.')
        break;
      i++;
    }
    if (i < len && fmt[i] == '*') {
      if (*n >= cap)
        return false;
      classes[(*n)++] = 'b'; /* an int argument */
      i++;
    }
    while (i < len && fmt[i] >= '0' && fmt[i] <= '9')
      i++;
    if (i < len && fmt[i] == '$')
      return false;
  }
  while (i < len && strchr("hlLqjzZt", fmt[i]))
    i++;
  if (i >= len)
    return false;
  char conv = fmt[i++];
  *at = i;
  if (conv == '%' || conv == 'm')
    return true; /* no argument */
  if (!strchr("diouxXeEfFgGaAcCsSp", conv) || *n >= cap)
    return false;
  classes[(*n)++] = conv == 's' || conv == 'S' ? 's' : 'b';
  return true;
}

bool libc_printf_format(const char *fmt, size_t len, char *classes, unsigned cap,
                        unsigned *n) {
  *n = 0;
  for (size_t i = 0; i < len; i++) {
    if (fmt[i] != '%')
      continue;
    i++;
    if (!printf_conversion(fmt, len, &i, classes, cap, n))
      return false;
    i--; /* the loop's i++ moves past the conversion */
  }
  return true;
}
