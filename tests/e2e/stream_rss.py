#!/usr/bin/env python3
"""stream_rss.py N MOSAIC ARGS...: pipe N made-up posts as JSON Lines
through MOSAIC ARGS (`mosaic extract --jsonl`), each with new words (so
the word memo fills and is cleared), discard the output, and print the
program's peak resident set in KiB."""
import json
import os
import subprocess
import sys
import threading

PIECES = ["A client from Leeds, 34, a nurse", "my 4pm cancelled again",
          "she lost her husband in March", "in her seventies, Halifax",
          "supervision this afternoon #therapy", "@colleague thanks!"]


def feed(stdin, n):
    for i in range(n):
        words = " ".join("zq%dx%d" % (i, k) for k in range(3))
        line = {"id": i, "text": "%s %s." % (PIECES[i % len(PIECES)], words)}
        stdin.write((json.dumps(line) + "\n").encode())
    stdin.close()


def main():
    n, cmd = int(sys.argv[1]), sys.argv[2:]
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL)
    t = threading.Thread(target=feed, args=(p.stdin, n))
    t.start()
    _, status, usage = os.wait4(p.pid, 0)
    t.join()
    if status != 0:
        sys.exit("stream_rss: %s exited %d" % (cmd[0], status))
    print(usage.ru_maxrss)


if __name__ == "__main__":
    main()
