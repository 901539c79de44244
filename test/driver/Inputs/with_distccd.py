#!/usr/bin/env python3
"""Runs one command with a distcc server of its own on loopback.

  with_distccd.py LOG -- COMMAND...

Starts distccd on 127.0.0.1 at a free port (its log in LOG), points distcc
at it alone (DISTCC_HOSTS, a fresh DISTCC_DIR, no local fallback, so that a
job the server refuses fails), runs COMMAND, stops the server, and prints
how many compiles the server ran. Exits with COMMAND's status.
"""
import os
import socket
import subprocess
import sys
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    log, sep, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    assert sep == "--" and cmd, __doc__
    port = free_port()
    with open(log, "w") as log_file, tempfile.TemporaryDirectory() as state, \
            tempfile.TemporaryDirectory(dir="/tmp") as work:
        # distccd works as its own user (distccd) in TMPDIR: lit's is private.
        os.chmod(work, 0o1777)
        server = subprocess.Popen(
            ["distccd", "--no-detach", "--daemon", "--listen", "127.0.0.1",
             "--port", str(port), "--allow", "127.0.0.1", "--jobs", "2",
             "--log-stderr", "--log-level", "info"],
            stderr=log_file, stdin=subprocess.DEVNULL, start_new_session=True,
            env=dict(os.environ, TMPDIR=work))
        try:
            for _ in range(100):  # up to 5 s for it to listen
                try:
                    socket.create_connection(("127.0.0.1", port), 0.1).close()
                    break
                except OSError:
                    if server.poll() is not None:
                        break
                    time.sleep(0.05)
            else:
                sys.exit(f"with_distccd: distccd does not listen on port {port}; see {log}")
            if server.poll() is not None:
                sys.exit(f"with_distccd: distccd stopped at once; see {log}")
            env = dict(os.environ, DISTCC_HOSTS=f"127.0.0.1:{port}/2",
                       DISTCC_DIR=state, DISTCC_FALLBACK="0")
            status = subprocess.run(cmd, env=env, timeout=120).returncode
        finally:
            server.terminate()  # distccd stops and reaps its own workers
            server.wait(10)
    with open(log) as f:
        ran = f.read().count("COMPILE_OK")
    sys.stdout.flush()
    print(f"distccd compiled: {ran}")
    return status


if __name__ == "__main__":
    sys.exit(main())
