" mosaic.vim -- check the draft you are editing with `mosaic check`.
"
"   :source mosaic.vim   (or put it in ~/.vim/plugin/)
"   :MosaicCheck         check the whole buffer; the verdict is echoed
"                        and g:mosaic_status holds the exit status
"                        (0 OK, 1 CAUTION/STOP, 2 error)
" Drafts named *.draft are checked each time they are written.
if exists('g:loaded_mosaic')
  finish
endif
let g:loaded_mosaic = 1
let g:mosaic_program = get(g:, 'mosaic_program', 'mosaic')

function! s:MosaicCheck() abort
  let l:out = system(shellescape(g:mosaic_program) . ' check',
        \ join(getline(1, '$'), "\n") . "\n")
  let g:mosaic_status = v:shell_error
  for l:line in split(l:out, "\n")
    if g:mosaic_status == 0
      echo l:line
    else
      echohl WarningMsg | echo l:line | echohl None
    endif
  endfor
endfunction

command! MosaicCheck call s:MosaicCheck()
augroup mosaic
  autocmd!
  autocmd BufWritePost *.draft MosaicCheck
augroup END
