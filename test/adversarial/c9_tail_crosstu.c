// RUN: %adversarial %s
/* class 9: tokenizer written as a state machine whose states end in "return next_state(lx)" (sibling calls, constant stack), split over two files; the word state copies the word into a 48-byte malloc buffer with strncpy to look it up; the plugin moves it (64-byte allowance for a function that may be on a cycle through another file), the slot's address reaching strncpy keeps the following calls from being tail calls, and every token now leaves a frame: 3 million tokens; pattern: hand-written lexers / protocol state machines with tail-called states RT-LTO */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
struct lexer { const char *p; long words, keywords, numbers, sum; };
/* in Inputs/c9_tail_crosstu_b.c */
long lex_number(struct lexer *lx);
long lex_space(struct lexer *lx);

static const char *const keywords[] = { "if", "else", "while", "return", "for", "do" };

long lex_word(struct lexer *lx) {
  char *word = ALLOC(48);
  size_t n = 0;
  while (lx->p[n] >= 'a' && lx->p[n] <= 'z') n++;
  if (n > 47) n = 47;
  strncpy(word, lx->p, n);
  word[n] = 0;
  for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
    if (strcmp(word, keywords[k]) == 0) { lx->keywords++; break; }
  lx->words++;
  FREE(word);
  lx->p += n;
  return lex_space(lx);
}

long lex_start(struct lexer *lx) {
  char c = *lx->p;
  if (c == 0) return lx->words + lx->numbers;
  if (c >= 'a' && c <= 'z') return lex_word(lx);
  if (c >= '0' && c <= '9') return lex_number(lx);
  return lex_space(lx);
}

int main(void) {
  static const char *const pieces[] = { "while ", "x ", "12 ", "if ", "count ", "7 ", "return ", "350 " };
  size_t ntok = 3000000, len = 0;
  char *text = malloc(ntok * 8 + 1);
  for (size_t i = 0; i < ntok; i++) { size_t k = strlen(pieces[i % 8]); memcpy(text + len, pieces[i % 8], k); len += k; }
  text[len] = 0;
  struct lexer lx = { text, 0, 0, 0, 0 };
  long tokens = lex_start(&lx);
  printf("%ld tokens: %ld words (%ld keywords), %ld numbers, sum %ld\n", tokens, lx.words, lx.keywords, lx.numbers, lx.sum);
  free(text);
  return 0;
}
