# escape — top-level commands. The work is in CMake (build) and lit (tests);
# these targets run them for every supported LLVM major that is installed.
#
#   make demo    build the plugin, compile examples/ with it, show -m output
#   make check   build and run all tests against LLVM 19 and 22
#   make bench   run the benchmarks (see bench/README.md)
#   make realworld [PACKAGES="zlib expat"]   Debian packages built with escape and
#                tested with their own suites (see test/realworld/README.md)
#   make realworld-ci   the bounded subset that .ci/run runs

LLVM_MAJORS ?= 19 22

.PHONY: build check demo bench fuzz clean realworld realworld-ci
build:
	@for v in $(LLVM_MAJORS); do \
	  if [ -d /usr/lib/llvm-$$v/lib/cmake/llvm ]; then \
	    cmake -S . -B build-$$v -DLLVM_VERSION=$$v -DCMAKE_BUILD_TYPE=Release >/dev/null && \
	    { cmake --build build-$$v -j2 >build-$$v/build.log 2>&1 || \
	      { cat build-$$v/build.log; exit 1; }; } && echo "built build-$$v/libescape.so"; \
	  fi; \
	done

check:
	@bash test/check-all.sh $(LLVM_MAJORS)

demo: build
	@bash examples/run.sh

bench: build
	@python3 bench/run.py

# Without PACKAGES, the whole list, and the table in test/realworld/README.md is rewritten.
realworld: build
	@python3 test/realworld/run.py --majors $(LLVM_MAJORS) \
	  $(if $(PACKAGES),--packages $(PACKAGES),--readme)

realworld-ci: build
	@python3 test/realworld/run.py --ci --majors $(LLVM_MAJORS)

clean:
	rm -rf build-*
