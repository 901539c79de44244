# long add3(long a, long b, long c): plain assembly, no preprocessor.
	.text
	.globl	add3
	.type	add3, @function
add3:
	leaq	(%rdi,%rsi), %rax
	addq	%rdx, %rax
	ret
	.section	.note.GNU-stack,"",@progbits
