#ifndef FACTOR
#define FACTOR 6
#endif
