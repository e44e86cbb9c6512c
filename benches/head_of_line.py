#!/usr/bin/env python3
"""Head-of-line latency: a hover on a small draft while requests wait on a large, just-edited one.

A writer keeps a long dossier open next to a short brief. When the dossier has just been edited,
a request on it (documentSymbol, as an outline view sends after every edit) waits for its new
analysis. This measures how long a hover on the brief takes meanwhile, with one and with two
such heavy requests in flight, and how long a cancelled heavy request takes to be answered with
RequestCancelled (-32800).

It reuses the LSP client of ../shared/tools/lspbench.py, so the server is driven exactly as the
other measurements drive it.

    python3 benches/head_of_line.py --server target/release/copydesk \\
        --doc ../shared/tools/docs/article-100k.md --copies 6 --rounds 5
"""

import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))
sys.path.insert(0, "/work/shared/tools")
import lspbench  # noqa: E402  (found through the paths set just above)


def wait_diagnostics(client, uri, version, timeout):
    deadline = time.monotonic() + timeout
    with client.cond:
        while True:
            if any(d[1] == uri and d[2] == version for d in client.diags):
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit(f"no diagnostics for {uri} version {version} in {timeout}s")
            client.cond.wait(min(left, 0.5))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="server command line")
    parser.add_argument("--doc", required=True, help="the draft repeated into the large one")
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()

    big_text = open(args.doc, encoding="utf-8").read() * args.copies
    small_text = "The mayor said the budget would pass on Tuesday.\n"
    client = lspbench.Client(args.server.split())
    init = {
        "processId": os.getpid(),
        "rootUri": None,
        "capabilities": lspbench.client_capabilities(False),
        "initializationOptions": {"maxFileBytes": 16 * 1024 * 1024},
    }
    client.request("initialize", init, args.timeout)
    client.notify("initialized", {})
    small, big = "file:///tmp/hol/brief.md", "file:///tmp/hol/dossier.md"
    for uri, text in ((small, small_text), (big, big_text)):
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    wait_diagnostics(client, small, 1, args.timeout)
    wait_diagnostics(client, big, 1, args.timeout)
    print(f"large draft: {len(big_text.encode()):,} bytes")

    version = 1
    hover = {"textDocument": {"uri": small}, "position": {"line": 0, "character": 5}}
    symbols = {"textDocument": {"uri": big}}

    def edit_big():
        nonlocal version
        version += 1
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": big, "version": version},
            "contentChanges": [{"range": {"start": {"line": 3, "character": 0},
                                          "end": {"line": 3, "character": 0}},
                                "text": f"Edit {version}. "}]})

    for heavy in (1, 2):
        hovers, heavies = [], []
        for _ in range(args.rounds):
            edit_big()
            started = [client.request_start("textDocument/documentSymbol", symbols)
                       for _ in range(heavy)]
            t0, t1, _ = client.request("textDocument/hover", hover, args.timeout)
            hovers.append(t1 - t0)
            for rid, t_sent in started:
                t_done, _ = client.wait_response(rid, args.timeout)
                heavies.append(t_done - t_sent)
            wait_diagnostics(client, big, version, args.timeout)
        print(f"{heavy} heavy request(s): hover on the small draft median "
              f"{statistics.median(hovers) * 1000:.1f} ms (max {max(hovers) * 1000:.1f} ms); "
              f"documentSymbol on the large draft median "
              f"{statistics.median(heavies) * 1000:.1f} ms")

    cancels = []
    codes = set()
    for _ in range(args.rounds):
        edit_big()
        rid, _ = client.request_start("textDocument/documentSymbol", symbols)
        t_cancel = lspbench.now()
        client.notify("$/cancelRequest", {"id": rid})
        t_done, reply = client.wait_response(rid, args.timeout)
        cancels.append(t_done - t_cancel)
        codes.add((reply.get("error") or {}).get("code", "a result"))
        wait_diagnostics(client, big, version, args.timeout)
    print(f"cancelled documentSymbol: answered {statistics.median(cancels) * 1000:.1f} ms "
          f"(median) after $/cancelRequest, with {sorted(map(str, codes))}")

    client.request("shutdown", None, args.timeout)
    client.notify("exit", None)
    client.wait_exit(5)


if __name__ == "__main__":
    main()
