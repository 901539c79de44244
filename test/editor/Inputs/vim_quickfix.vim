" Loads compiler output into the quickfix list with editor/escape.vim's
" errorformat and writes each valid entry as FILE:LINE:COL: TEXT to the
" file named by g:out.
execute 'source ' . g:recipe
execute 'cgetfile ' . g:input
call writefile(map(filter(getqflist(), 'v:val.valid'),
      \ 'bufname(v:val.bufnr) . ":" . v:val.lnum . ":" . v:val.col . ": " . v:val.text'), g:out)
qall!
