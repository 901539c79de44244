# EscapeLLVM.cmake — finds the LLVM that escape is built against and checks
# that it is a supported major version (19 or 22).
#
#   cmake -B build -DLLVM_VERSION=19          # /usr/lib/llvm-19 (Debian/Ubuntu)
#   cmake -B build -DLLVM_DIR=/path/lib/cmake/llvm
#
# LLVM's own version file only matches MAJOR.MINOR exactly, and without an
# explicit LLVM_DIR CMake may pick any LLVM on the machine, so we find it
# with no version and check the major ourselves.

set(ESCAPE_SUPPORTED_LLVM 19 22)
set(LLVM_VERSION "" CACHE STRING "LLVM major to build against (19 or 22)")

if(LLVM_VERSION AND NOT LLVM_VERSION IN_LIST ESCAPE_SUPPORTED_LLVM)
  message(FATAL_ERROR
    "escape: LLVM_VERSION=${LLVM_VERSION} is not supported; use 19 or 22.")
endif()
if(NOT LLVM_DIR AND LLVM_VERSION)
  set(LLVM_DIR "/usr/lib/llvm-${LLVM_VERSION}/lib/cmake/llvm")
endif()
if(NOT LLVM_DIR)
  message(FATAL_ERROR
    "escape: no LLVM chosen. Pass -DLLVM_VERSION=19 or -DLLVM_VERSION=22 "
    "(Debian/Ubuntu layout), or -DLLVM_DIR=<prefix>/lib/cmake/llvm.")
endif()
if(NOT EXISTS "${LLVM_DIR}/LLVMConfig.cmake")
  string(REGEX MATCH "llvm-([0-9]+)" _m "${LLVM_DIR}")
  set(_v "${CMAKE_MATCH_1}")
  if(NOT _v)
    set(_v 19)
  endif()
  message(FATAL_ERROR
    "escape: no LLVMConfig.cmake in ${LLVM_DIR}. Install the LLVM ${_v} "
    "development packages: apt-get install llvm-${_v}-dev clang-${_v} "
    "llvm-${_v}-tools lld-${_v} libclang-rt-${_v}-dev")
endif()

find_package(LLVM CONFIG REQUIRED NO_DEFAULT_PATH PATHS "${LLVM_DIR}")
if(NOT LLVM_VERSION_MAJOR IN_LIST ESCAPE_SUPPORTED_LLVM)
  message(FATAL_ERROR
    "escape: LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_DIR} is not supported; "
    "use LLVM 19 or 22 (apt-get install llvm-19-dev or llvm-22-dev).")
endif()
message(STATUS "escape: building against LLVM ${LLVM_PACKAGE_VERSION} (${LLVM_DIR})")

# Tools of that same LLVM, by full path: /usr/bin/clang may be another one.
set(ESCAPE_LLVM_BIN "${LLVM_TOOLS_BINARY_DIR}")
find_program(ESCAPE_LIT NAMES lit llvm-lit PATHS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
if(NOT ESCAPE_LIT)
  find_file(ESCAPE_LIT lit.py PATHS "${LLVM_LIBRARY_DIR}/../build/utils/lit" NO_DEFAULT_PATH)
endif()
