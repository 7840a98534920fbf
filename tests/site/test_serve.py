"""`fanzha serve` rebuilds when a material changes, without anyone copying files into docs/."""

import socket
import subprocess
import time
import urllib.request

from helpers import FANZHA


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_serve_live_reloads_materials(project):
    path = project.scam()
    port = free_port()
    server = subprocess.Popen([*FANZHA, "--root", str(project.root), "serve", "--addr", f"127.0.0.1:{port}"],
                              cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/scam/shuadan-fanli/"
        wait_for(lambda: "刷单返利类诈骗" in fetch(url))
        path.write_text(path.read_text(encoding="utf-8").replace("张某某被骗。", "王某某接到“客服”电话。"),
                        encoding="utf-8")
        wait_for(lambda: "王某某接到" in fetch(url))
        # A broken material: the page shows the problem (file:line) instead of the browser waiting for a build.
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("title: 刷单返利类诈骗", "title: 刷单{{ unit.nam }}"), encoding="utf-8")
        wait_for(lambda: "素材有问题" in fetch(url) and "materials/scam/shuadan-fanli.md:4" in fetch(url))
        path.write_text(good, encoding="utf-8")
        wait_for(lambda: "王某某接到" in fetch(url))
    finally:
        server.terminate()
        server.wait(timeout=30)
