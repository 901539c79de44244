/* second translation unit of c3_extern_int */
#include <stdint.h>
static void *slots[8];
uintptr_t registry_slot(int i) { return (uintptr_t)&slots[i]; }
void *registry_get(int i) { return slots[i]; }
