extern int main(int, char **);
int again(int n) { return main(-n, 0); }
