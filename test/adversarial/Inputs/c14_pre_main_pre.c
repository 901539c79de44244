extern int main(int, char **);
int hook(int n) { return main(-n, 0); }
