# Per-target build settings, applied with PRIVATE scope so nothing leaks to dependants.

function(press_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(PRESS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

function(press_enable_sanitizers target)
  if(PRESS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# Both at once: every target of ours gets the same hygiene.
function(press_target target)
  press_enable_warnings(${target})
  press_enable_sanitizers(${target})
endfunction()
