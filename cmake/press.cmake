# Per-target build settings, applied with PRIVATE scope so nothing leaks to dependants.

function(press_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(PRESS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Sanitized code compiles at -O1 with line tables only (these come after the build type's flags,
# so they win): the reports keep file and line, and the build takes half the time of -O2 -g.
# PRESS_FUZZ: coverage for libFuzzer on every target of ours (the fuzz binaries add
# -fsanitize=fuzzer at link time, which brings libFuzzer's main), with both sanitizers.
function(press_enable_sanitizers target)
  if(PRESS_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer -O1 -g)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  elseif(PRESS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer -O1 -g1)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# The programs allocate with jemalloc (Debian's libjemalloc2): Xapian's indexing keeps its
# postings in trees of small nodes, and glibc's malloc spent about 9% of the indexer's samples.
# DOJ, 2 jobs, medians of three alternating runs: 11.8 s with glibc, 10.8 s with jemalloc;
# searchd's Searcher p50 about 0.88 ms and 0.83 ms (bench/README.md). Linked even though
# nothing names it: it replaces malloc.
function(press_use_jemalloc target)
  if(TARGET PkgConfig::PRESS_JEMALLOC_LIB)
    target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed" PkgConfig::PRESS_JEMALLOC_LIB
                                            "-Wl,--pop-state")
  endif()
endfunction()

# Both at once: every target of ours gets the same hygiene.
function(press_target target)
  press_enable_warnings(${target})
  press_enable_sanitizers(${target})
endfunction()
