// The external definition of inline_use.c's keep(): it keeps the pointer.
extern long *kept;
void keep(long *p) { kept = p; }
