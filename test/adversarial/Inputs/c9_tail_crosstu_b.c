/* second file of c9_tail_crosstu: the number and space states */
#include <stdlib.h>
struct lexer { const char *p; long words, keywords, numbers, sum; };
long lex_start(struct lexer *lx);
long lex_space(struct lexer *lx);

long lex_number(struct lexer *lx) {
  char *end;
  long v = strtol(lx->p, &end, 10);
  lx->sum += v;
  lx->numbers++;
  lx->p = end;
  return lex_space(lx);
}

long lex_space(struct lexer *lx) {
  while (*lx->p == ' ' || *lx->p == '\n') lx->p++;
  return lex_start(lx);
}
