# find_package(escape): compile a CMake project's targets with escape.
#
#   find_package(escape REQUIRED)
#   target_link_libraries(app PRIVATE escape::escape)
#
# escape::escape compiles the target's C and C++ sources with the plugin
# built for the LLVM major of the project's clang (each installed major left
# an escape-llvm<N>.cmake beside this file). It also sets
#   escape_PLUGIN       that plugin (for -Wl,--load-pass-plugin= in LTO links)
#   escape_CC           escape-cc-<N>, the matching compiler driver
#   escape_SARIF        escape-sarif
#   escape_LLVM_MAJOR   <N>
# and escape_options(<target> -escape-m=1 ...), escape's options for the
# target's C and C++ compiles only (an assembler job would reject them).
# A plugin runs only in the LLVM major it was built for: with any other
# compiler, escape is not found and the message says what to use instead.

file(GLOB _escape_parts "${CMAKE_CURRENT_LIST_DIR}/escape-llvm*.cmake")
set(_escape_majors "")
foreach(_part IN LISTS _escape_parts)
  include("${_part}")
  string(REGEX MATCH "escape-llvm([0-9]+)\\.cmake$" _m "${_part}")
  list(APPEND _escape_majors "${CMAKE_MATCH_1}")
endforeach()
string(REPLACE ";" " and " _escape_installed "${_escape_majors}")

# The compiler whose plugin is wanted: C's if the project enables C, else C++'s.
set(_escape_lang "")
foreach(_l C CXX)
  if(NOT _escape_lang AND CMAKE_${_l}_COMPILER_LOADED)
    set(_escape_lang ${_l})
  endif()
endforeach()
set(_escape_major "")
if(_escape_lang AND CMAKE_${_escape_lang}_COMPILER_ID STREQUAL "Clang")
  string(REGEX MATCH "^[0-9]+" _escape_major "${CMAKE_${_escape_lang}_COMPILER_VERSION}")
endif()

if(NOT _escape_lang)
  set(escape_FOUND FALSE)
  set(escape_NOT_FOUND_MESSAGE
    "escape: find_package(escape) needs C or CXX enabled first (project(... LANGUAGES C)).")
elseif(NOT _escape_major OR NOT _escape_major IN_LIST _escape_majors)
  set(escape_FOUND FALSE)
  string(CONCAT escape_NOT_FOUND_MESSAGE
    "escape: the ${_escape_lang} compiler is ${CMAKE_${_escape_lang}_COMPILER_ID} "
    "${CMAKE_${_escape_lang}_COMPILER_VERSION} (${CMAKE_${_escape_lang}_COMPILER}), but "
    "escape here is installed for clang ${_escape_installed} only, and a plugin runs "
    "only in the LLVM major it was built for. Configure with "
    "-DCMAKE_${_escape_lang}_COMPILER=clang-<N> for one of those, or build and "
    "install escape with -DLLVM_VERSION=<N> for this compiler.")
else()
  set(escape_LLVM_MAJOR "${_escape_major}")
  set(escape_PLUGIN "${escape_PLUGIN_${_escape_major}}")
  set(escape_CC "${escape_CC_${_escape_major}}")
  if(NOT TARGET escape::escape)
    add_library(escape::escape INTERFACE IMPORTED)
    # -fplugin= as well: clang 19 knows -mllvm -escape-* only then, and ccache
    # hashes the plugin's content only then. No unused-argument warnings for
    # these two, e.g. in a target's assembly sources.
    set_target_properties(escape::escape PROPERTIES INTERFACE_COMPILE_OPTIONS
      "$<$<COMPILE_LANGUAGE:C,CXX>:SHELL:--start-no-unused-arguments -fpass-plugin=${escape_PLUGIN} -fplugin=${escape_PLUGIN} --end-no-unused-arguments>")
  endif()
  set(escape_FOUND TRUE)
endif()

function(escape_options target)
  foreach(_o IN LISTS ARGN)
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:C,CXX>:SHELL:-mllvm ${_o}>")
  endforeach()
endfunction()
