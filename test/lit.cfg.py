# lit configuration for escape's tests. Substitutions:
#   %opt      opt with the plugin loaded       %clang  clang with the plugin
#   %plugin   path of libescape.so             %clang-noplugin, %llvm-bin
#   %builddir the build directory              %other-llvm-bin, %other-major:
#   the other supported LLVM (feature other-llvm when it is installed),
#   %other-builddir its build beside this one (feature other-build)
import os
import shutil
import lit.formats

config.name = "escape-llvm" + config.llvm_major
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.join(config.escape_src, "test")
config.test_exec_root = os.path.join(os.path.dirname(config.escape_plugin), "test")

bin = config.llvm_bin
plugin = config.escape_plugin
config.environment["PATH"] = bin + os.pathsep + config.environment.get("PATH", "")
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%llvm-bin", bin))
config.substitutions.append(("%opt", f"{bin}/opt -load-pass-plugin={plugin}"))
config.substitutions.append(("%clang-noplugin", f"{bin}/clang"))
config.substitutions.append(
    ("%clang", f"{bin}/clang -fpass-plugin={plugin} -fplugin={plugin}"))
config.substitutions.append(("%python", "python3"))
config.available_features.add("llvm" + config.llvm_major)
config.recursiveExpansionLimit = 5
config.substitutions.append(("%major", config.llvm_major))
config.substitutions.append(("%escape-cc", os.path.join(os.path.dirname(plugin), "escape-cc")))
config.substitutions.append(("%escape-sarif", os.path.join(os.path.dirname(plugin), "escape-sarif")))
config.substitutions.append(("%escape-lsp", os.path.join(os.path.dirname(plugin), "escape-lsp")))
config.substitutions.append(("%builddir", os.path.dirname(plugin)))

# The other supported major, where it is installed beside this one (Debian's
# /usr/lib/llvm-N/bin layout): to load this plugin into the wrong LLVM.
for other in ("19", "22"):
    other_bin = bin.replace("llvm-" + config.llvm_major, "llvm-" + other)
    if other != config.llvm_major and other_bin != bin and os.path.exists(other_bin + "/opt"):
        config.available_features.add("other-llvm")
        config.substitutions.append(("%other-llvm-bin", other_bin))
        config.substitutions.append(("%other-major", other))
        # That major's build beside this one (make build, make check make both;
        # in a fresh checkout the first major's run comes before the second build).
        other_build = os.path.join(os.path.dirname(os.path.dirname(plugin)), "build-" + other)
        if os.path.exists(os.path.join(other_build, "cmake_install.cmake")) and \
                os.path.exists(os.path.join(other_build, "libescape.so")):
            config.available_features.add("other-build")
            config.substitutions.append(("%other-builddir", other_build))
# Tools of the user's toolchain that some tests drive, where installed.
for tool in ("ccache", "make", "cmake", "vim", "nvim"):
    if shutil.which(tool):
        config.available_features.add(tool)
# Microsoft's SARIF Multitool (npm: @microsoft/sarif-multitool-linux, which
# .ci/install-deps installs) validates escape-sarif's output: schema, SARIF
# and GitHub code scanning rules. Its npm launcher passes arguments through a
# shell, so the tests run the binary beside it.
launcher = shutil.which("sarif-multitool-linux")
multitool = os.path.join(os.path.dirname(os.path.realpath(launcher)), "Sarif.Multitool") if launcher else None
if multitool and os.access(multitool, os.X_OK):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif-multitool", multitool))
elif os.environ.get("CI"):
    lit_config.fatal("sarif-multitool-linux is not installed; run: bash .ci/install-deps")
# distccd runs only compilers masqueraded in /usr/lib/distcc (Debian's
# update-distcc-symlinks makes clang-N there).
if shutil.which("distccd") and os.path.exists("/usr/lib/distcc/clang-" + config.llvm_major):
    config.available_features.add("distcc")
