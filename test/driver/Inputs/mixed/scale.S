/* long scale(long x): assembly through the C preprocessor. */
#include "scale.h"
#define FUNC(name) .globl name; .type name, @function; name:
	.text
FUNC(scale)
	imulq	$FACTOR, %rdi, %rax
	ret
	.section	.note.GNU-stack,"",@progbits
