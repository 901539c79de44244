#!/usr/bin/env python3
"""escape on real code: Debian source packages built with escape-cc, their own test suites.

  test/realworld/run.py                           # every package in packages.txt, LLVM 19 and 22
  test/realworld/run.py --packages zlib expat --majors 22
  test/realworld/run.py --ci                      # the packages marked "ci" in packages.txt
  test/realworld/run.py --readme                  # also rewrite the table in README.md

For each package and LLVM major the source comes from `apt-get source PKG/CODENAME`
into a cache outside the tree ($ESCAPE_REALWORLD_CACHE, default ~/.cache/escape-realworld),
and is built and tested up to three times, each in a fresh copy of the source:

  plain   that major's clang at -O2: the reference
  escape  escape-cc at -O2 (ESCAPE_STATS gives sites, moved and the kept sites by reason)
  asan    escape-cc at -O2 with -fsanitize=address -fsanitize-address-use-after-return=always,
          tests run with ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0
          (and, only when that run reports something or fails more tests than plain,
          asan-plain: the same without the plugin, to tell escape's faults from the package's)

A test that passes in the plain build and fails in the escape build (or in the asan build,
unless it fails in asan-plain too) is a failure of escape's suite: it is printed with the
package, the test, and the translation units where escape moved something (the suspects).
Output is one line per package; the last line is "realworld: N passed, N failed, N skipped"
(tests of the escape builds; "skipped" are tests that do not pass with plain clang either).
Exit status 1 if anything failed.

Each package's recipe (how to configure, build, test and read its results) is in RECIPES
below; packages.txt says which ones run.
"""
import argparse
import fcntl
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "test", "realworld")
PACKAGES_TXT = os.path.join(HERE, "packages.txt")
README = os.path.join(HERE, "README.md")
JOBS = "2"  # the machine has 2 cores, shared
ASAN_FLAGS = "-fsanitize=address -fsanitize-address-use-after-return=always"
# allocator_may_return_null: gnulib's tests ask for 2^63 bytes and expect NULL
ASAN_OPTIONS = "detect_stack_use_after_return=1:detect_leaks=0:allocator_may_return_null=1"
# Older configure scripts and sources trip clang's newer default errors; these are
# about the package's code, not about escape, and apply to plain and escape alike.
CFLAGS = ("-O2 -Wno-error=incompatible-function-pointer-types "
          "-Wno-error=implicit-function-declaration -Wno-error=int-conversion "
          "-Wno-error=implicit-int")
STEP_TIMEOUT = 40 * 60

# ---------------------------------------------------------------------------
# Recipes. Keys:
#   apt        Debian packages the build or tests need (installed if missing)
#   dir        subdirectory of the source tree to build in
#   prepare    commands run once per build before configuring (e.g. autoreconf)
#   configure  the configure command (environment has CC, CFLAGS, ...)
#   build      the build command (timed: "build time")
#   test       the test command
#   results    how to read per-test results: automake (the .trs files), autotest
#              (tests/testsuite output), ctest, tcc, gawk, libxml2, exit (the test
#              command is one test, named by `name`), or a list of [name, command]
#              pairs run one by one, each one test
#   env        more environment variables for every step
#   asan       False if the package cannot be built under ASan (with the reason)
# $CC, $CFLAGS, $J are expanded by the shell.
# ---------------------------------------------------------------------------
AUTOTOOLS = dict(configure="./configure -q CC=\"$CC\" CFLAGS=\"$CFLAGS\"",
                 build="make -j$J", test="make -k -j$J check", results="automake")
RECIPES = {
    "zlib": dict(
        configure="CC=\"$CC\" CFLAGS=\"$CFLAGS\" ./configure",
        build="make -j$J",
        results=[["teststatic", "make teststatic"], ["testshared", "make testshared"],
                 ["test64", "make test64"]]),
    "bzip2": dict(
        build="make -j$J CC=\"$CC\" CFLAGS=\"$CFLAGS -D_FILE_OFFSET_BITS=64\" bzip2 bzip2recover",
        results=[["make test", "make CC=\"$CC\" CFLAGS=\"$CFLAGS -D_FILE_OFFSET_BITS=64\" test"]]),
    "expat": dict(AUTOTOOLS, dir="expat", prepare="./buildconf.sh >/dev/null 2>&1",
                  configure="./configure -q CC=\"$CC\" CXX=\"$CXX\" CFLAGS=\"$CFLAGS\" --without-docbook"),
    "json-c": dict(
        configure="cmake -S . -B _b -DCMAKE_C_COMPILER=\"$CC\" -DCMAKE_BUILD_TYPE=None "
                  "-DCMAKE_C_FLAGS=\"$CFLAGS\" -DBUILD_TESTING=ON -DDISABLE_WERROR=ON >/dev/null",
        build="cmake --build _b -j$J", test="cd _b && ctest -j$J", results="ctest",
        env={"USE_VALGRIND": "0"}),  # its tests run under valgrind by default
    "cjson": dict(
        configure="cmake -S . -B _b -DCMAKE_C_COMPILER=\"$CC\" -DCMAKE_BUILD_TYPE=None "
                  "-DCMAKE_C_FLAGS=\"$CFLAGS\" -DENABLE_CJSON_TEST=ON -DENABLE_CJSON_UTILS=ON "
                  "-DENABLE_CUSTOM_COMPILER_FLAGS=OFF -DENABLE_VALGRIND=OFF >/dev/null",
        build="cmake --build _b -j$J", test="cd _b && ctest -j$J", results="ctest"),
    "libyaml": dict(AUTOTOOLS, prepare="autoreconf -fi >/dev/null 2>&1"),
    "jq": dict(AUTOTOOLS, apt=["libonig-dev", "bison", "flex"],
               prepare="autoreconf -fi >/dev/null 2>&1",
               configure="./configure -q CC=\"$CC\" CFLAGS=\"$CFLAGS\" --with-oniguruma=yes "
                         "--disable-docs --disable-maintainer-mode --disable-valgrind"),
    "pcre2": dict(AUTOTOOLS,
                  configure="./configure -q CC=\"$CC\" CFLAGS=\"$CFLAGS\" --enable-jit"),
    "xz-utils": dict(AUTOTOOLS,
                     configure="./configure -q CC=\"$CC\" CFLAGS=\"$CFLAGS\" --disable-doc "
                               "--disable-nls"),
    "gzip": dict(AUTOTOOLS),
    # For the GNU programs, the program's own tests; gnulib's (hundreds of small
    # programs testing the portability library) are left out for time.
    "sed": dict(AUTOTOOLS, test="make -k -j$J check SUBDIRS='po .'"),
    "diffutils": dict(AUTOTOOLS, test="make -k -j$J check SUBDIRS='lib src tests doc man po'"),
    "tar": dict(AUTOTOOLS, env={"FORCE_UNSAFE_CONFIGURE": "1"},  # configure refuses root
                test="make -k -j$J check TESTSUITEFLAGS=-j$J", results="autotest"),
    # Debian's gawk source has no manual (gawktexi.in is not free): doc/ becomes a stub,
    # and an old empty gawktexi.in keeps awklib's examples, extracted from it, up to date.
    "gawk": dict(AUTOTOOLS, prepare="printf 'all check install clean distclean:\\n\\t@:\\n' "
                                    ">doc/Makefile.in && touch -d 2000-01-01 doc/gawktexi.in doc/gawkinet.texi",
                 test="make -k check", results="gawk"),
    "lz4": dict(
        build="make -j$J CC=\"$CC\" CFLAGS=\"$CFLAGS\" lib lz4",
        results=[["test-lz4-essentials",
                  "make -C tests CC=\"$CC\" CFLAGS=\"$CFLAGS\" test-lz4-essentials"]]),
    "libzstd": dict(
        # CFLAGS from the environment: on the command line it would drop the -fPIC
        # that lib/Makefile adds for the shared library
        build="make -j$J lib-release zstd-release",
        results=[["tests/shortest", "make -C tests shortest"]],
        # without its assembly decoder: escape-cc with ESCAPE_STATS or ESCAPE_M passes
        # -mllvm -escape-* to the assembler too, which fails on .S files (reported)
        env={"ZSTD_NO_ASM": "1"}),
    # make check stops at the first failing program (runtest's "Catalog and Threads"
    # group fails on Debian's source, which lacks test/threads); run each one instead.
    "libxml2": dict(AUTOTOOLS, prepare="autoreconf -fi >/dev/null 2>&1",  # Debian patches Makefile.am
                    configure="./configure -q CC=\"$CC\" CFLAGS=\"$CFLAGS\" --without-python "
                              "--without-lzma --without-icu",
                    build="make -j$J all runtest testrecurse testapi testchar testdict",
                    test="./runtest -v; for t in testrecurse testapi testchar testdict; do "
                         "if ./$t >$t.out 2>&1; then echo \"PROGRAM $t: ok\"; "
                         "else echo \"PROGRAM $t: FAILED\"; fi; done",
                    results="libxml2"),
    "tcc": dict(
        configure="./configure --cc=\"$CC\" --extra-cflags=\"$CFLAGS\"",
        build="make -j$J", test="make -k test", results="tcc"),
}


def die(msg):
    sys.exit(f"realworld: {msg}")


def log(msg):
    print(msg, flush=True)


# ---------------------------------------------------------------------------
# Sources from apt
# ---------------------------------------------------------------------------
def codename():
    with open("/etc/os-release") as f:
        for line in f:
            if line.startswith("VERSION_CODENAME="):
                return line.split("=", 1)[1].strip().strip('"')
    die("cannot tell the Debian release from /etc/os-release (no VERSION_CODENAME)")


DEB_SRC_FILE = "/etc/apt/sources.list.d/escape-deb-src.sources"


def ensure_deb_src(release):
    """Add deb-src entries that mirror the configured Debian deb entries, once."""
    probe = subprocess.run(["apt-cache", "showsrc", "zlib"], capture_output=True, text=True)
    if probe.returncode == 0 and "Package: zlib" in probe.stdout:
        return
    stanzas = []
    for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
        if path == DEB_SRC_FILE:
            continue
        with open(path) as f:
            for stanza in f.read().split("\n\n"):
                fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", stanza, re.M))
                if "deb" in fields.get("Types", "").split() and release in fields.get("Suites", ""):
                    stanzas.append("\n".join(
                        "Types: deb-src" if l.startswith("Types:") else l
                        for l in stanza.strip().splitlines() if not l.startswith("#")))
    if os.path.exists("/etc/apt/sources.list"):
        with open("/etc/apt/sources.list") as f:
            lines = [l.replace("deb ", "deb-src ", 1) for l in f
                     if l.startswith("deb ") and release in l]
        if lines:
            stanzas.append("")  # one-line format goes into its own .list file
            listfile = DEB_SRC_FILE.replace(".sources", ".list")
    if not stanzas:
        die(f"no Debian 'deb' entry for {release} in /etc/apt/sources.list(.d); "
            "add one, or a deb-src entry, so that apt-get source works")
    if os.geteuid() != 0:
        die("apt has no deb-src entry; run as root (the driver adds one mirroring the deb "
            f"entries, as {DEB_SRC_FILE}) or add it by hand and run apt-get update")
    deb822 = [s for s in stanzas if s]
    if deb822:
        with open(DEB_SRC_FILE, "w") as f:
            f.write("# Added by escape's test/realworld/run.py: sources for apt-get source\n")
            f.write("\n\n".join(deb822) + "\n")
    if "" in stanzas:
        with open(listfile, "w") as f:
            f.writelines(lines)
    log("realworld: added deb-src entries; apt-get update")
    r = subprocess.run(["apt-get", "update", "-qq"], capture_output=True, text=True)
    if r.returncode:
        die(f"apt-get update failed:\n{r.stderr[-2000:]}")


def ensure_apt(pkgs):
    missing = [p for p in pkgs if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
    ).stdout.find("ok installed") < 0]
    if not missing:
        return
    if os.geteuid() != 0:
        die(f"missing build tools {' '.join(missing)}; install them (apt-get install) or run as root")
    log(f"realworld: apt-get install {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    r = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], env=env,
                       capture_output=True, text=True)
    if r.returncode:
        r = subprocess.run(["apt-get", "update", "-qq"], capture_output=True, text=True)
        r = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], env=env,
                           capture_output=True, text=True)
    if r.returncode:
        die(f"apt-get install {' '.join(missing)} failed:\n{r.stderr[-2000:]}")


def fetch_source(cache, pkg, release):
    """The unpacked source tree of pkg, downloaded once into the cache."""
    os.makedirs(os.path.join(cache, "src"), exist_ok=True)
    with open(os.path.join(cache, "src", f".{pkg}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two runs (one per major) may share the cache
        return fetch_source_locked(cache, pkg, release)


def fetch_source_locked(cache, pkg, release):
    d = os.path.join(cache, "src", pkg)
    dsc = glob.glob(os.path.join(d, "*.dsc"))
    trees = [p for p in glob.glob(os.path.join(d, "*")) if os.path.isdir(p)]
    if len(dsc) == 1 and len(trees) == 1 and os.path.exists(os.path.join(d, ".complete")):
        return trees[0], os.path.basename(dsc[0])[len(pkg) + 1:-4]
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    r = subprocess.run(["apt-get", "source", "-q", f"{pkg}/{release}"], cwd=d,
                       capture_output=True, text=True)
    if r.returncode:
        die(f"apt-get source {pkg}/{release} failed (is there a deb-src entry? "
            f"is dpkg-dev installed?):\n{r.stderr[-2000:]}")
    dsc = glob.glob(os.path.join(d, "*.dsc"))
    trees = [p for p in glob.glob(os.path.join(d, "*")) if os.path.isdir(p)]
    if len(dsc) != 1 or len(trees) != 1:
        die(f"apt-get source {pkg} left {len(dsc)} .dsc files and {len(trees)} trees in {d}")
    open(os.path.join(d, ".complete"), "w").close()
    return trees[0], os.path.basename(dsc[0])[len(pkg) + 1:-4]


# ---------------------------------------------------------------------------
# Building and testing one variant
# ---------------------------------------------------------------------------
def run(cmd, cwd, env, logpath, timeout=STEP_TIMEOUT):
    """Run a shell command, output to logpath; (exit status, seconds)."""
    t0 = time.monotonic()
    with open(logpath, "a") as out:
        out.write(f"$ {cmd}\n")
        out.flush()
        p = subprocess.Popen(["bash", "-c", cmd], cwd=cwd, env=env, stdout=out,
                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        try:
            status = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            out.write(f"\nrealworld: timed out after {timeout}s\n")
            status = -1
    return status, time.monotonic() - t0


def read(path):
    with open(path, errors="replace") as f:
        return f.read()


def results_automake(top, _log):
    res = {}
    for trs in glob.glob(os.path.join(top, "**", "*.trs"), recursive=True):
        m = re.search(r"^:test-result: (\S+)", read(trs), re.M)
        if not m:
            continue
        name = os.path.relpath(trs, top)[:-4]
        res[name] = {"PASS": "pass", "XFAIL": "pass", "SKIP": "skip"}.get(m.group(1), "fail")
    return res


def results_autotest(top, logtext):
    res = results_automake(top, logtext)
    for m in re.finditer(r"^\s*(\d+): (.*?)\s+(ok|FAILED|skipped|expected failure|"
                         r"UNEXPECTED PASS)\b", logtext, re.M):
        status = {"ok": "pass", "expected failure": "pass", "skipped": "skip"}.get(m.group(3), "fail")
        res[f"testsuite {int(m.group(1)):03d} {m.group(2)}"] = status
    return res


def results_ctest(_top, logtext):
    res = {}
    for m in re.finditer(r"Test\s+#\d+: (\S+) \.+\s*(.*)$", logtext, re.M):
        rest = m.group(2)
        res[m.group(1)] = ("pass" if rest.startswith("Passed") else
                           "skip" if "Not Run" in rest or "Skipped" in rest else "fail")
    return res


def results_gawk(top, logtext):
    # gawk's test/Makefile prints each test's name as it runs it; a failing test
    # leaves test/_NAME behind, which "make pass-fail" lists.
    res = {}
    for m in re.finditer(r"^(\w[\w.+-]*)$", logtext, re.M):
        res[m.group(1)] = "pass"
    for f in glob.glob(os.path.join(top, "test", "_*")):
        name = os.path.basename(f)[1:]
        res[name] = "fail"
    return res


def results_libxml2(_top, logtext):
    # runtest -v: "## GROUP" ... "Ran N tests, no errors" (or "E errors, L leaks") per
    # group; the other programs as the recipe's "PROGRAM NAME: ok|FAILED" lines.
    res = {}
    group = None
    for line in logtext.splitlines():
        m = re.match(r"^## (.*)", line)
        if m:
            group = "runtest: " + m.group(1).strip()
            continue
        m = re.match(r"^Ran \d+ tests, (no errors|(\d+) errors, (\d+) leaks)", line)
        if m and group:
            ok = m.group(1) == "no errors" or (m.group(2) == "0" and m.group(3) == "0")
            res[group] = "pass" if ok else "fail"
            group = None
        m = re.match(r"^PROGRAM (\S+): (ok|FAILED)", line)
        if m:
            res[m.group(1)] = "pass" if m.group(2) == "ok" else "fail"
    if group:  # runtest died inside a group
        res[group] = "fail"
    return res


def results_tcc(_top, logtext):
    res = {}
    for m in re.finditer(r"^------------ (\S+) ------------$", logtext, re.M):
        res[m.group(1)] = "pass"
    for m in re.finditer(r"^Test: (\S+)\.\.\.[ \t]*(.*)$", logtext, re.M):
        res[f"tests2/{m.group(1)}"] = "pass" if m.group(2).strip() in ("", "ok") else "fail"
    for m in re.finditer(r"^make\[\d+\]: \*\*\* \[\S+: (\S+)\] Error", logtext, re.M):
        name = m.group(1)
        if name in ("all", "test"):
            continue  # the recursive make's own targets
        if name in res:
            res[name] = "fail"
        elif name.endswith(".test") and f"tests2/{name[:-5]}" in res:
            res[f"tests2/{name[:-5]}"] = "fail"
        else:
            res[name] = "fail"
    return res


PARSERS = {"automake": results_automake, "autotest": results_autotest,
           "ctest": results_ctest, "gawk": results_gawk, "libxml2": results_libxml2,
           "tcc": results_tcc}


def read_stats(path):
    """Sum an ESCAPE_STATS file: totals by key, and moved count per translation unit."""
    totals, moved_in = {}, {}
    if not os.path.exists(path):
        return totals, moved_in
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if os.path.basename(fields[0]) == "conftest.c":
                continue  # a configure check that a build step ran, not the package's code
            kv = dict(x.split("=", 1) for x in fields[1:] if "=" in x)
            for k, v in kv.items():
                totals[k] = totals.get(k, 0) + int(v)
            if int(kv.get("moved", 0)):
                moved_in[fields[0]] = moved_in.get(fields[0], 0) + int(kv["moved"])
    return totals, moved_in


def run_tests(recipe, top, env, logpath, only=None):
    """The package's tests: {name: pass|fail|skip}. With only (names), the list-type
    recipes run just those commands; the others run their whole suite again."""
    results = recipe.get("results", "exit")
    if isinstance(results, list):
        res = {}
        for name, cmd in results:
            if only is None or name in only:
                status, _ = run(cmd, top, env, logpath)
                res[name] = "fail" if status else "pass"
        return res
    status, _ = run(recipe["test"], top, env, logpath)
    res = PARSERS[results](top, read(logpath))
    if not res:
        res[recipe["test"]] = "fail" if status else "pass"
    return res


def settle(build, ref, retries=2):
    """Tests that pass with plain clang and fail in build are run again (twice at most);
    those that then pass are flaky, not failures: returns (failing, flaky)."""
    bad = sorted(t for t, s in ref.items() if s == "pass" and build["tests"].get(t, "fail") == "fail")
    flaky = []
    for n in range(1, retries + 1):
        if not bad:
            break
        again = build["_retest"](bad, n)
        now = [t for t in bad if again.get(t, "fail") == "fail"]
        flaky += [t for t in bad if t not in now]
        bad = now
    return bad, sorted(flaky)


def build_and_test(pkg, recipe, src, workdir, compiler, major, variant):
    """One build of pkg; returns a dict of what happened."""
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(os.path.dirname(workdir), exist_ok=True)
    shutil.copytree(src, workdir, symlinks=True)
    top = os.path.join(workdir, recipe.get("dir", ""))
    logdir = workdir + ".logs"
    shutil.rmtree(logdir, ignore_errors=True)
    os.makedirs(logdir)
    stats = os.path.join(logdir, "escape-stats.tsv")
    llvm = f"/usr/lib/llvm-{major}/bin"
    env = dict(os.environ, CC=compiler, CXX=f"{llvm}/clang++", CFLAGS=CFLAGS, J=JOBS,
               LC_ALL="C.UTF-8", MAKEFLAGS="", MFLAGS="", MAKELEVEL="")
    for k in ("ESCAPE_STATS", "ESCAPE_M", "ESCAPE_FLAGS", "ASAN_OPTIONS"):
        env.pop(k, None)
    env.update(recipe.get("env", {}))
    if variant.startswith("asan"):
        if variant == "asan":
            env["ESCAPE_FLAGS"] = ASAN_FLAGS
        else:  # asan-plain: clang itself, through a wrapper so that links get the flags too
            wrapper = os.path.join(logdir, "asan-clang")
            with open(wrapper, "w") as f:
                f.write(f'#!/bin/sh\nexec {compiler} {ASAN_FLAGS} "$@"\n')
            os.chmod(wrapper, 0o755)
            env["CC"] = wrapper
        env["CXX"] = f"{llvm}/clang++ {ASAN_FLAGS}"  # C++ test drivers link the C objects
        env["ASAN_OPTIONS"] = ASAN_OPTIONS
        env["ASAN_SYMBOLIZER_PATH"] = f"{llvm}/llvm-symbolizer"
    out = {"variant": variant, "status": "ok", "build_s": None, "test_s": None}

    def step(name, cmd, e=env):
        status, secs = run(cmd, top, e, os.path.join(logdir, f"{name}.log"))
        return status, secs

    for name in ("prepare", "configure"):
        if recipe.get(name):
            status, _ = step(name, recipe[name])
            if status:
                out["status"] = f"{name} failed (see {logdir}/{name}.log)"
                return out
    benv = dict(env, ESCAPE_STATS=stats) if variant != "plain" and variant != "asan-plain" else env
    status, secs = step("build", recipe["build"], benv)
    out["build_s"] = secs
    if status:
        out["status"] = f"build failed (see {logdir}/build.log)"
        return out
    tenv = dict(benv)
    if variant.startswith("asan"):
        asandir = os.path.join(logdir, "asan")
        os.makedirs(asandir)
        tenv["ASAN_OPTIONS"] = f"{ASAN_OPTIONS}:log_path={asandir}/asan"
    t0 = time.monotonic()
    out["tests"] = run_tests(recipe, top, tenv, os.path.join(logdir, "test.log"))
    out["test_s"] = time.monotonic() - t0
    out["_retest"] = lambda names, n: run_tests(
        recipe, top, tenv, os.path.join(logdir, f"retest{n}.log"), names)
    out["stats"], out["moved_in"] = read_stats(stats)
    if variant.startswith("asan"):
        reports = {}
        for f in sorted(glob.glob(os.path.join(asandir, "asan.*"))):
            m = re.search(r"ERROR: AddressSanitizer: ([\w-]+)", read(f))
            if m:
                reports.setdefault(m.group(1), []).append(os.path.relpath(f, logdir))
        out["asan_reports"] = reports
    return out


# ---------------------------------------------------------------------------
# One package, one major
# ---------------------------------------------------------------------------
def counts(tests):
    p = sum(1 for s in tests.values() if s == "pass")
    f = sum(1 for s in tests.values() if s == "fail")
    return p, f


def fmt_s(s):
    return "-" if s is None else (f"{s:.0f}s" if s >= 10 else f"{s:.1f}s")


def do_package(pkg, major, cache, release, with_asan):
    recipe = RECIPES[pkg]
    src, version = fetch_source(cache, pkg, release)
    escape_cc = os.path.join(ROOT, f"build-{major}", "escape-cc")
    clang = f"/usr/lib/llvm-{major}/bin/clang"
    base = os.path.join(cache, f"llvm-{major}", pkg)
    t0 = time.monotonic()
    r = {"package": pkg, "version": version, "major": major, "failures": []}
    plain = build_and_test(pkg, recipe, src, os.path.join(base, "plain"), clang, major, "plain")
    esc = build_and_test(pkg, recipe, src, os.path.join(base, "escape"), escape_cc, major, "escape")
    r["plain"], r["escape"] = plain, esc
    if plain["status"] != "ok":
        r["failures"].append(f"reference build with plain clang: {plain['status']} "
                             "(a recipe problem, not escape's)")
    if esc["status"] != "ok":
        if plain["status"] == "ok":
            r["failures"].append(f"escape build: {esc['status']}")
    ref = plain.get("tests", {})
    suspects = sorted(esc.get("moved_in", {}))

    r["flaky"] = []
    if esc["status"] == "ok" and plain["status"] == "ok":
        bad, flaky = settle(esc, ref)
        r["flaky"] += flaky
        for t in bad:
            how = "fails" if t in esc["tests"] else "did not run"
            r["failures"].append(f"test {t} passes with plain clang, {how} with escape "
                                 "(three times)")
    if with_asan and recipe.get("asan", True) is True and plain["status"] == "ok":
        asan = build_and_test(pkg, recipe, src, os.path.join(base, "asan"), escape_cc, major, "asan")
        r["asan"] = asan
        if asan["status"] == "ok":
            # a test that passes in plain and did not run under ASan counts as failed here
            worse, flaky = settle(asan, ref)
            r["flaky"] += [f"asan:{t}" for t in flaky]
            nfail = len(r["failures"])
            if (worse or asan["asan_reports"]) and not asan["stats"].get("moved"):
                # the plugin changed no code, so these are the package's own (or ASan's)
                r["asan_own"] = "the package's own: nothing moved, same code as without the plugin"
            elif worse or asan["asan_reports"]:
                ap = build_and_test(pkg, recipe, src, os.path.join(base, "asan-plain"), clang,
                                    major, "asan-plain")
                r["asan_plain"] = ap
                if ap["status"] == "ok":
                    for t in worse:
                        if ap["tests"].get(t) == "pass" and asan["tests"].get(t) == "fail":
                            r["failures"].append(f"asan: test {t} passes under ASan without "
                                                 "the plugin, fails with it")
                        elif ap["tests"].get(t) == "pass":
                            r["failures"].append(f"asan: test {t} passes under ASan without "
                                                 "the plugin, did not run with it")
                    for kind in sorted(asan["asan_reports"]):
                        if kind not in ap["asan_reports"]:
                            r["failures"].append(f"asan: {kind} reported with the plugin only "
                                                 f"(see {base}/asan.logs/"
                                                 f"{asan['asan_reports'][kind][0]})")
                    if len(r["failures"]) == nfail:
                        r["asan_own"] = "the package's own: the same without the plugin"
                else:
                    r["failures"].append(f"asan: reports or failures with the plugin, and the "
                                         f"build without it: {ap['status']}")
        elif esc["status"] == "ok":
            r["asan_note"] = asan["status"]
    elif recipe.get("asan", True) is not True:
        r["asan_note"] = recipe["asan"]
    r["suspects"] = suspects if r["failures"] else []
    r["total_s"] = time.monotonic() - t0
    return r


def summary_line(r):
    esc, plain = r["escape"], r["plain"]
    st = esc.get("stats", {})
    kept = sorted(((k, v) for k, v in st.items()
                   if k not in ("sites", "moved", "solver-steps", "max-steps-per-instruction")
                   and not k.startswith("moved-") and v),
                  key=lambda kv: (-kv[1], kv[0]))
    parts = [f"sites {st.get('sites', 0)}", f"moved {st.get('moved', 0)}"]
    if kept:
        parts.append("kept " + " ".join(f"{k}={v}" for k, v in kept))
    parts.append(f"build {fmt_s(plain['build_s'])} plain, {fmt_s(esc['build_s'])} escape")
    if esc["status"] == "ok":
        p, f = counts(esc["tests"])
        rp, rf = counts(plain.get("tests", {}))
        extra = f" ({rf} also with plain clang)" if rf and f >= rf else \
                f" (plain clang: {rp} passed, {rf} failed)" if (rp, rf) != (p, f) else ""
        parts.append(f"tests {p} passed, {f} failed{extra}")
    else:
        parts.append(esc["status"])
    a = r.get("asan")
    if a and a["status"] == "ok":
        p, f = counts(a["tests"])
        rep = a["asan_reports"]
        asan_s = "clean" if not rep else "reports " + " ".join(
            f"{k}={len(v)}" for k, v in sorted(rep.items()))
        if r.get("asan_own"):
            asan_s += f" ({r['asan_own']})"
        parts.append(f"asan {p} passed, {f} failed, {asan_s}")
    elif r.get("asan_note"):
        parts.append(f"asan not run: {r['asan_note']}")
    if r.get("flaky"):
        parts.append("flaky (failed, then passed when run again): " + " ".join(r["flaky"]))
    return f"{r['package']}: " + ", ".join(parts)


def asan_cell(r):
    a = r.get("asan")
    if not a or a["status"] != "ok":
        return "not built" if not r.get("asan_note") else "not built: " + r["asan_note"]
    rep = a["asan_reports"]
    p, f = counts(a["tests"])
    what = f"{p} passed, {f} failed"
    if rep:
        what += "; reports: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(rep.items()))
    if any(x.startswith("asan:") for x in r["failures"]):
        return f"**not clean**: {what}"
    if not rep:
        return f"clean ({what})"
    return f"clean for escape ({what}; {r.get('asan_own', '')})"


def write_readme(results, total_s, majors):
    rows = ["| package | version | LLVM | sites | moved | kept, by reason | tests with escape "
            "(plain clang) | escape failures | ASan use-after-return | build plain / escape | "
            "whole package |",
            "|---|---|---|---:|---:|---|---|---|---|---|---:|"]
    for r in results:
        esc, plain = r["escape"], r["plain"]
        st = esc.get("stats", {})
        kept = ", ".join(f"{k} {v}" for k, v in sorted(
            ((k, v) for k, v in st.items() if k not in ("sites", "moved") and v),
            key=lambda kv: (-kv[1], kv[0])))
        if esc["status"] == "ok":
            p, f = counts(esc["tests"])
            rp, rf = counts(plain.get("tests", {}))
            tests = f"{p} passed, {f} failed ({rp}, {rf})"
        else:
            tests = esc["status"].split(" (see")[0]
        fails = "none" if not r["failures"] else "<br>".join(x.split(" (see")[0] for x in r["failures"])
        if r.get("flaky"):
            fails += "; flaky: " + ", ".join(r["flaky"])
        rows.append(f"| {r['package']} | {r['version']} | {r['major']} | {st.get('sites', 0)} | "
                    f"{st.get('moved', 0)} | {kept} | {tests} | {fails} | {asan_cell(r)} | "
                    f"{fmt_s(plain['build_s'])} / {fmt_s(esc['build_s'])}"
                    f"{' (M)' if 'moved_sites' in esc else ''} | "
                    f"{fmt_s(r['total_s'])} |")
    table = "\n".join(rows)
    if any("moved_sites" in r["escape"] for r in results):
        table += ("\n\n(M): that run's escape build also had `ESCAPE_M=1` (verdicts on "
                  "stderr), which made some compiles many times slower (expat's xmlparse.c: "
                  "5 s without, 244 s with), so its escape build time is not the plugin's cost; "
                  "the driver no longer sets it.")
    top = max((x["major"] for x in results), key=int)
    moved = [r for r in results if r["escape"].get("moved_in") and r["major"] == top]
    if moved:
        table += (f"\n\nWhere something moved in the LLVM {top} builds (translation units "
                  "from `ESCAPE_STATS`, with the number of moved sites; a file compiled "
                  "twice, for the static and the shared library, counts twice):\n")
        for r in moved:
            tus = ", ".join(f"{tu} ({n})" for tu, n in sorted(r["escape"]["moved_in"].items()))
            table += f"\n- {r['package']}: {tus}"
    when = time.strftime("%Y-%m-%d", time.gmtime())
    npkg = len({r["package"] for r in results})
    note = (f"Last run: {when}, {npkg} packages on LLVM {' and '.join(majors)}, "
            f"{total_s / 60:.0f} minutes in all (the sum of the last column) on this project's "
            f"2-core machine (make -j{JOBS}).")
    text = read(README)
    begin, end = "<!-- results: generated by run.py --readme -->", "<!-- end of results -->"
    if begin not in text or end not in text:
        die(f"{README} lacks the markers {begin} ... {end}")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(README, "w") as f:
        f.write(f"{head}{begin}\n{note}\n\n{table}\n{end}{tail}")


def read_packages(ci):
    pkgs = []
    with open(PACKAGES_TXT) as f:
        for n, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if words[0] not in RECIPES:
                die(f"{PACKAGES_TXT}:{n}: no recipe for {words[0]}; add one to RECIPES in "
                    f"{os.path.relpath(__file__, ROOT)}")
            if not ci or "ci" in words[1:]:
                pkgs.append(words[0])
    return pkgs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--packages", nargs="*", help="packages to run (default: packages.txt)")
    ap.add_argument("--majors", nargs="*", default=["19", "22"], help="LLVM majors (19 22)")
    ap.add_argument("--ci", action="store_true", help="only the packages marked ci")
    ap.add_argument("--no-asan", action="store_true", help="skip the ASan builds")
    ap.add_argument("--readme", action="store_true", help="rewrite the table in README.md")
    ap.add_argument("--json", help="also write all results to this file")
    ap.add_argument("--readme-from", nargs="+", metavar="JSON",
                    help="only rewrite README.md's table from the --json files of earlier runs "
                         "(for a package in several, the last file's result)")
    args = ap.parse_args()
    if args.readme_from:
        latest = {}  # a package run again in a later file replaces the earlier result
        for path in args.readme_from:
            with open(path) as f:
                for r in json.load(f):
                    latest[(r["package"], r["major"])] = r
        order = {p: i for i, p in enumerate(read_packages(False))}
        results = [r for r in latest.values() if r["package"] in order]
        results.sort(key=lambda r: (int(r["major"]), order.get(r["package"], len(order)),
                                    r["package"]))
        majors = sorted({r["major"] for r in results}, key=int)
        write_readme(results, sum(r["total_s"] for r in results), majors)
        log(f"realworld: wrote the table in {os.path.relpath(README, ROOT)} from "
            f"{len(results)} results")
        return

    cache = os.path.abspath(os.path.expanduser(os.environ.get(
        "ESCAPE_REALWORLD_CACHE", "~/.cache/escape-realworld")))
    if (cache + "/").startswith(ROOT + "/"):
        die(f"the cache {cache} is inside the source tree; set ESCAPE_REALWORLD_CACHE to a "
            "directory outside it")
    pkgs = args.packages if args.packages else read_packages(args.ci)
    for p in pkgs:
        if p not in RECIPES:
            die(f"no recipe for {p}; known: {' '.join(sorted(RECIPES))}")
    majors = [m for m in " ".join(args.majors).split()]
    for m in majors:
        if not os.path.exists(f"/usr/lib/llvm-{m}/bin/clang"):
            die(f"LLVM {m} is not installed (/usr/lib/llvm-{m}/bin/clang); "
                "bash .ci/install-deps installs 19 and 22")
        if not os.access(os.path.join(ROOT, f"build-{m}", "escape-cc"), os.X_OK):
            die(f"build-{m}/escape-cc does not exist; run make build LLVM_MAJORS={m}")
    release = codename()
    ensure_apt(["dpkg-dev", "cmake", "autoconf", "automake", "libtool", "pkg-config",
                "texinfo", "gettext", "autopoint"] +
               sorted({a for p in pkgs for a in RECIPES[p].get("apt", [])}))
    ensure_deb_src(release)
    os.makedirs(cache, exist_ok=True)
    t0 = time.monotonic()
    results, npass, nfail, nskip = [], 0, 0, 0
    for m in majors:
        log(f"== LLVM {m} (cache {cache})")
        for p in pkgs:
            r = do_package(p, m, cache, release, not args.no_asan)
            results.append(r)
            log(summary_line(r) + f" [{fmt_s(r['total_s'])}]")
            for x in r["failures"]:
                log(f"  FAIL {p} (LLVM {m}): {x}")
            if r["suspects"]:
                log(f"  translation units where escape moved something: {' '.join(r['suspects'])}")
            if args.json:  # after every package, so that a run cut short leaves its results
                with open(args.json, "w") as f:
                    json.dump(results, f, indent=1, sort_keys=True, default=lambda o: None)
            tests = r["escape"].get("tests", {})
            ref = r["plain"].get("tests", {})
            npass += sum(1 for t, s in tests.items() if s == "pass")
            nskip += sum(1 for t, s in tests.items() if s != "pass" and ref.get(t) != "pass")
            nfail += len(r["failures"])
    total = time.monotonic() - t0
    log(f"realworld: {len(pkgs)} packages x LLVM {' '.join(majors)} in {total / 60:.1f} min")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True, default=lambda o: None)
    if args.readme:
        write_readme(results, total, majors)
        log(f"realworld: wrote the table in {os.path.relpath(README, ROOT)}")
    log(f"realworld: {npass} passed, {nfail} failed, {nskip} skipped")
    sys.exit(1 if nfail else 0)


if __name__ == "__main__":
    main()
