#!/usr/bin/env python3
"""Peak memory of a language server with many drafts open at once.

A newsroom editor keeps dozens of drafts open. This opens COPIES copies of one draft (each
under its own URI, as separate files), waits until the server has published diagnostics for
every one, and reports the server's resident memory: after `initialize`, with all drafts open
(the peak, VmHWM), and after closing them all.

It reuses the LSP client of ../shared/tools/lspbench.py, so the server is driven exactly as
the other measurements drive it.

    python3 benches/many_drafts.py --server target/release/copydesk \\
        --doc ../shared/tools/docs/article-10k.md --copies 100
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))
import lspbench  # noqa: E402  (found through the path set just above)


def kilobytes(pid, key):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="server command line")
    parser.add_argument("--doc", required=True, help="the draft to open many times")
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()

    text = open(args.doc, encoding="utf-8").read()
    client = lspbench.Client(args.server.split())
    root = "file:///tmp/many-drafts"
    init = {
        "processId": os.getpid(),
        "rootUri": root,
        "capabilities": lspbench.client_capabilities(False),
        "initializationOptions": {"debounceMs": 0},
    }
    _, _, response = client.request("initialize", init, args.timeout)
    if "error" in response:
        sys.exit(f"initialize failed: {response['error']}")
    client.notify("initialized", {})
    pid = client.proc.pid
    baseline = kilobytes(pid, "VmRSS")

    uris = [f"{root}/draft-{number:03}.md" for number in range(args.copies)]
    started = time.perf_counter()
    for uri in uris:
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
    deadline = time.monotonic() + args.timeout
    with client.cond:
        while True:
            published = {uri for (_, uri, version, _) in client.diags if version == 1}
            if all(uri in published for uri in uris):
                break
            if time.monotonic() > deadline or client.closed:
                sys.exit(f"only {len(published)} of {len(uris)} drafts were published in time")
            client.cond.wait(0.25)
    elapsed = time.perf_counter() - started
    open_rss = kilobytes(pid, "VmRSS")
    peak = kilobytes(pid, "VmHWM")

    for uri in uris:
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    time.sleep(1.0)
    closed_rss = kilobytes(pid, "VmRSS")
    client.request("shutdown", None, args.timeout)
    client.notify("exit", None)
    client.wait_exit(5)

    words = len(text.split())
    print(f"drafts open:           {args.copies} x {os.path.basename(args.doc)} ({words} words)")
    print(f"all diagnostics in:    {elapsed * 1000:.0f} ms")
    print(f"RSS after initialize:  {baseline / 1024:.1f} MB")
    print(f"RSS with all open:     {open_rss / 1024:.1f} MB")
    print(f"peak RSS (VmHWM):      {peak / 1024:.1f} MB")
    print(f"RSS after closing all: {closed_rss / 1024:.1f} MB")


if __name__ == "__main__":
    main()
