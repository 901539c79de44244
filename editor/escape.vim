" escape's verdicts in Vim's quickfix list (:make, :cfile): the -escape-m
" lines (the flow and remedy lines under a verdict stay out of the list) and
" the -Rpass remarks of pass escape, before the compiler's own formats.
"   :source escape.vim      or put these lines in ~/.vim/after/compiler/
let &errorformat = join([
      \ '%-G%f:%l:%c:   %.%#',
      \ '%f:%l:%c: remark: %m [-Rpass=escape]',
      \ '%f:%l:%c: remark: %m [-Rpass-missed=escape]',
      \ '%f:%l:%c: remark: %m [-Rpass-analysis=escape]',
      \ '%f:%l:%c: %trror: %m',
      \ '%f:%l:%c: %tarning: %m',
      \ '%f:%l:%c: %m',
      \ '%f:%l: %m',
      \ '%-Gescape: note: %.%#',
      \ ], ',') . ',' . &errorformat
