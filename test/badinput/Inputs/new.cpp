struct point { int x, y; };
int __attribute__((noinline)) use(point *p);
int f() {
  point *p = new point{1, 2};
  int r = use(p);
  delete p;
  return r;
}
