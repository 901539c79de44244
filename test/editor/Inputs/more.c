__attribute__((annotate("escape.stack"))) int *promised(void) {
  return malloc(8);
}
