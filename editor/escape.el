;;; escape.el --- escape's verdicts in Emacs' compilation mode -*- lexical-binding: t -*-
;; The -escape-m lines and the -Rpass remarks of pass escape, as
;; informational messages (level 0) that next-error visits; the flow and
;; remedy lines under a verdict (indented) are not matched.
;;   (load "/path/to/escape/editor/escape.el")
(require 'compile)
(add-to-list 'compilation-error-regexp-alist-alist
             '(escape
               "^\\([^ :\n][^:\n]*\\):\\([0-9]+\\):\\(?:\\([0-9]+\\):\\)? \\(?:remark: \\)?\\(?:malloc\\|calloc\\|realloc\\|aligned_alloc\\|posix_memalign\\|leaking param\\|[[:alnum:]_#]+ \\(?:does not escape\\|is freed\\)\\)"
               1 2 3 0))
(add-to-list 'compilation-error-regexp-alist 'escape)
(provide 'escape)
;;; escape.el ends here
