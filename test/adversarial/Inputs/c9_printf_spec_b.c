/* the printf extension: %E prints a struct expr * by rendering it */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <printf.h>
struct expr;
char *expr_to_string(const struct expr *e);
static int expr_arginfo(const struct printf_info *info, size_t n, int *argtypes, int *size) {
  (void)info;
  if (n > 0) { argtypes[0] = PA_POINTER; size[0] = sizeof(void *); }
  return 1;
}
static int expr_print(FILE *stream, const struct printf_info *info, const void *const *args) {
  (void)info;
  char *s = expr_to_string(*(const struct expr *const *)args[0]);
  int n = fputs(s, stream) < 0 ? -1 : (int)strlen(s);
  free(s);
  return n;
}
void expr_printf_init(void) { register_printf_specifier('E', expr_print, expr_arginfo); }
