// reader() for ThinLTO: small enough to be imported into lto_main.c's module,
// where the ThinLTO backend then sees that sum()'s buffer does not escape.
int reader(const int *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}
