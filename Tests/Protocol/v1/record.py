#!/usr/bin/env python3
"""Records control-protocol v1 as one poled build speaks it, and what one polectl build prints.

Run from the repository root against built binaries:

    python3 Tests/Protocol/v1/record.py .build/debug/poled .build/debug/polectl

It starts `poled run` on the simulated board playing pole-day.json, sends the exchanges below one
connection each, and writes beside this script:

- daemon-exchanges.jsonl: one line per step, either a wait ({"wait": ...}) or an exchange
  ({"name", "request", "answer", "mask"}): the request line as sent, the answer line as received, and
  the paths (dotted, `*` for any array element or key) whose values depend on timing, which a
  replay compares by presence only. `request_bytes` stands for a request of that many "x" bytes.
- polectl-outputs.jsonl: one line per polectl run against a stand-in daemon that answers every
  request with one recorded answer: arguments, the answer's exchange name, exit status, standard
  output and standard error ($SOCKET stands for the socket's path).

The committed files were recorded from commit 19e7741, before the protocol had a module of its own
(PoleProtocol), so Tests/PoleRuntimeTests/ProtocolReplayTests.swift can show the wire and polectl's
output unchanged.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))

STATUS_MASK = [
    "data.board", "data.store.path", "data.daemon.pid", "data.daemon.uptime_ms", "data.daemon.utc_ms", "data.daemon.snapshot_age_ms",
    "data.loop.ticks", "data.loop.overruns", "data.loop.lateness_max_us",
    "data.sensors.*.last_sample_age_ms", "data.sensors.*.state", "data.sensors.*.errors", "data.sensors.*.last_error",
    "data.air.pm1", "data.air.pm2_5", "data.air.pm10", "data.air.grade", "data.air.cai", "data.air.aqi",
    "data.air.alert", "data.air.indicator", "data.air.mist",
    "data.store.file_bytes", "data.store.events", "data.store.air_minutes", "data.store.uplink_backlog",
    "data.uplink.problem", "data.uplink.sent", "data.uplink.in_flight",
    "data.maintenance.remaining_ms", "data.maintenance.test.remaining_ms", "data.lamp.level",
    "data.crosswalk.spotlight", "data.night",
]
SENSORS_MASK = ["data.*.last_sample_age_ms", "data.*.state", "data.*.errors", "data.*.last_error"]
LINES_MASK = ["data.*.value"]
AIR_MASK = ["data.pm1", "data.pm2_5", "data.pm10", "data.grade", "data.cai", "data.aqi", "data.alert", "data.indicator", "data.mist"]
EVENTS_MASK = ["data.*.utc_ms", "data.*.t_ms", "data.*.id", "data.*.by"]


def request(cmd, **fields):
    document = {"v": 1, "cmd": cmd}
    document.update(fields)
    return json.dumps(document, separators=(",", ":"))


# Each step: ("wait", condition, None) or (name, request line, mask). A condition is checked on `status`.
PLAN = [
    ("wait", {"path": "faults.latched", "nonempty": True, "after_ms": 9000}, None),
    ("version", request("version"), []),
    ("status-latched", request("status"), STATUS_MASK),
    ("faults-latched", request("faults"), []),
    ("events-latched", request("events"), EVENTS_MASK),
    ("clear-conflict-not-latched", request("faults.clear", faults=["conflict"], reason="checked the cabinet"), []),
    ("clear-all", request("faults.clear", all=True, reason="replaced the floor cable"), []),
    ("faults-none", request("faults"), []),
    ("wait", {"path": "crosswalk.floor", "equals": "red"}, None),
    ("wait", {"path": "air.pm2_5", "not_null": True, "record_only": True}, None),
    ("status-steady", request("status"), STATUS_MASK),
    ("status-with-id", request("status", id="req-7"), STATUS_MASK),
    ("sensors", request("sensors"), SENSORS_MASK),
    ("lines", request("lines"), LINES_MASK),
    ("air", request("air"), AIR_MASK),
    ("test-outside-maintenance", request("test", role="beacon"), []),
    ("maintenance-on", request("maintenance", on=True, **{"for": "5m"}, reason="floor test"), []),
    ("status-maintenance", request("status"), STATUS_MASK),
    ("test-beacon", request("test", role="beacon", **{"for": "30s"}), []),
    ("status-testing", request("status"), STATUS_MASK),
    ("test-input-role", request("test", role="head_red"), []),
    ("test-unbound-role", request("test", role="presence_zz"), []),
    ("test-heartbeat", request("test", role="heartbeat"), []),
    ("test-unknown-role", request("test", role="floor_blue"), []),
    ("test-too-long", request("test", role="beacon", **{"for": "11m"}), []),
    ("test-too-short", request("test", role="beacon", **{"for": "500ms"}), []),
    ("maintenance-off", request("maintenance", on=False), []),
    ("maintenance-off-with-for", request("maintenance", on=False, **{"for": "1m"}), []),
    ("maintenance-no-on", request("maintenance"), []),
    ("maintenance-on-not-bool", request("maintenance", on="yes"), []),
    ("maintenance-too-long", request("maintenance", on=True, **{"for": "13h"}), []),
    ("maintenance-bad-duration", request("maintenance", on=True, **{"for": "5 minutes"}), []),
    ("maintenance-reason-too-long", request("maintenance", on=True, reason="r" * 201), []),
    ("maintenance-reason-control", request("maintenance", on=True, reason="tab\there"), []),
    ("sensors-clean", request("sensors.clean"), []),
    ("clear-no-reason", request("faults.clear", all=True), []),
    ("clear-empty-reason", request("faults.clear", all=True, reason="  "), []),
    ("clear-both", request("faults.clear", all=True, faults=["conflict"], reason="x"), []),
    ("clear-neither", request("faults.clear", reason="x"), []),
    ("clear-empty-list", request("faults.clear", faults=[], reason="x"), []),
    ("clear-unknown-fault", request("faults.clear", faults=["gremlins"], reason="x"), []),
    ("clear-faults-not-array", request("faults.clear", faults="conflict", reason="x"), []),
    ("clear-faults-numbers", request("faults.clear", faults=[1], reason="x"), []),
    ("clear-all-not-bool", request("faults.clear", all="yes", reason="x"), []),
    ("events-since", request("events", since="1h"), EVENTS_MASK),
    ("events-bad-since", request("events", since="soon"), []),
    ("events-all", request("events"), EVENTS_MASK),
    ("not-json", '{"v":1,"cmd":"status"', []),
    ("not-an-object", "[1,2,3]", []),
    ("a-string", '"status"', []),
    ("no-version", '{"cmd":"status"}', []),
    ("version-2", '{"v":2,"cmd":"status"}', []),
    ("version-string", '{"v":"1","cmd":"status"}', []),
    ("version-fraction", '{"v":1.5,"cmd":"status"}', []),
    ("no-command", '{"v":1}', []),
    ("command-number", '{"v":1,"cmd":7}', []),
    ("unknown-command", '{"v":1,"cmd":"reboot"}', []),
    ("unknown-field", '{"v":1,"cmd":"status","verbose":true}', []),
    ("unknown-fields-first-by-name", '{"v":1,"cmd":"version","zeta":1,"alpha":2}', []),
    ("duplicate-field", '{"v":1,"cmd":"status","cmd":"faults"}', []),
    ("bad-escape", '{"v":1,"cmd":"st\\qatus"}', []),
    ("trailing-text", '{"v":1,"cmd":"status"} x', []),
    ("crlf", '{"v":1,"cmd":"version"}\r', []),
    ("id-string", '{"v":1,"cmd":"version","id":"req-7"}', []),
    ("id-integer", '{"v":1,"cmd":"version","id":7}', []),
    ("id-negative", '{"v":1,"cmd":"version","id":-3}', []),
    ("id-fraction", '{"v":1,"cmd":"version","id":2.5}', []),
    ("id-bool", '{"v":1,"cmd":"version","id":true}', []),
    ("id-null", '{"v":1,"cmd":"version","id":null}', []),
    ("id-array", '{"v":1,"cmd":"version","id":[1,"a"]}', []),
    ("id-object", '{"v":1,"cmd":"version","id":{"k":1}}', []),
    ("id-on-error", '{"v":1,"cmd":"reboot","id":"req-8"}', []),
    ("id-on-bad-version", '{"v":3,"cmd":"status","id":9}', []),
    ("id-on-refusal", '{"v":1,"cmd":"test","role":"beacon","id":"req-9"}', []),
    ("id-on-done", '{"v":1,"cmd":"maintenance","on":false,"id":"req-10"}', []),
    ("too-large", None, []),
]

# polectl runs: (arguments, the exchange whose answer the stand-in daemon gives, or None for none).
POLECTL = [
    (["status"], "status-latched"), (["status", "--json"], "status-latched"),
    (["status"], "status-steady"), (["status", "--json"], "status-steady"),
    (["status"], "status-maintenance"), (["status"], "status-testing"), (["status", "--json"], "status-testing"),
    (["faults"], "faults-latched"), (["faults", "--json"], "faults-latched"),
    (["faults"], "faults-none"), (["faults", "list", "--json"], "faults-none"),
    (["faults", "clear", "--all", "--reason", "replaced the floor cable"], "clear-all"),
    (["faults", "clear", "conflict", "--reason", "checked", "--json"], "clear-conflict-not-latched"),
    (["maintenance", "on", "--for", "5m", "--reason", "floor test"], "maintenance-on"),
    (["maintenance", "off", "--json"], "maintenance-off"),
    (["test", "beacon", "--for", "30s"], "test-beacon"),
    (["test", "beacon"], "test-outside-maintenance"), (["test", "beacon", "--json"], "test-outside-maintenance"),
    (["test", "head_red"], "test-input-role"),
    (["sensors"], "sensors"), (["sensors", "--json"], "sensors"), (["sensors", "clean"], "sensors-clean"),
    (["lines"], "lines"), (["lines", "--json"], "lines"),
    (["events"], "events-latched"), (["events", "--json"], "events-latched"), (["events", "--since", "1h"], "events-all"),
    (["air"], "air"), (["air", "--json"], "air"),
    (["version"], "version"), (["version", "--json"], "version"),
    (["status"], "unknown-command"), (["status"], "version-2"), (["status", "--json"], "version-2"),
    (["status"], "not-json"), (["faults"], "unknown-field"), (["maintenance", "on"], "maintenance-too-long"),
    (["watch", "--every", "10s"], "status-steady"), (["watch", "--every", "10s", "--json"], "status-latched"),
    (["faults", "clear", "--reason", "x"], None), (["faults", "clear", "gremlins", "--reason", "x"], None),
    (["faults", "clear", "--all"], None), (["test", "floor_blue"], None), (["test", "beacon", "--for", "soon"], None),
    (["maintenance", "sideways"], None), (["maintenance", "on", "--for", "1y"], None), (["events", "--since", "x"], None),
    (["watch", "--every", "50ms"], None), (["lines", "--bogus"], None),
    (["status", "--help"], None), (["watch", "--help"], None), (["faults", "--help"], None), (["faults", "clear", "--help"], None),
    (["maintenance", "--help"], None), (["test", "--help"], None), (["sensors", "--help"], None), (["sensors", "clean", "--help"], None),
    (["lines", "--help"], None), (["events", "--help"], None), (["air", "--help"], None), (["version", "--help"], None),
    (["--version"], None),
]


def exchange(path, line_bytes, timeout=10.0):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        client.connect(path)
        try:
            client.sendall(line_bytes + b"\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        while not answer.endswith(b"\n"):
            chunk = client.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer.rstrip(b"\n").decode()


def value_at(document, dotted):
    for part in dotted.split("."):
        if not isinstance(document, dict) or part not in document:
            return None
        document = document[part]
    return document


def wait(path, condition, limit=120.0):
    deadline = time.time() + limit
    while time.time() < deadline:
        status = json.loads(exchange(path, request("status").encode()))["data"]
        value = value_at(status, condition["path"])
        if condition.get("nonempty") and value and status["daemon"]["uptime_ms"] >= condition.get("after_ms", 0):
            return
        if "equals" in condition and value == condition["equals"]:
            return
        if condition.get("not_null") and value is not None:
            return
        time.sleep(0.2)
    sys.exit(f"gave up waiting for {condition}")


def record_daemon(poled, work):
    socket_path = os.path.join(work, "control.sock")
    site = os.path.join(work, "poled.toml")
    with open(site, "w") as file:
        file.write(f'''board = "{ROOT}/boards/sim.toml"
[uplink]
enabled = true
host = "127.0.0.1"
port = 1
[loop]
tick = "30ms"
[crosswalk]
follow_allowance = "100ms"
[store]
path = "{work}/poled.sqlite"
[control]
socket = "{socket_path}"
client_timeout = "1s"
max_clients = 128
''')
    log = open(os.path.join(work, "poled.log"), "w")
    daemon = subprocess.Popen(
        [poled, "run", "--config", site, "--scenario", os.path.join(HERE, "pole-day.json"), "--status-every", "0s"],
        stdout=subprocess.DEVNULL, stderr=log,
    )
    try:
        for _ in range(300):
            if os.path.exists(socket_path):
                break
            time.sleep(0.1)
        if not os.path.exists(socket_path):
            sys.exit("poled did not open its socket: " + open(os.path.join(work, "poled.log")).read())
        steps = []
        for name, line, mask in PLAN:
            if name == "wait":
                wait(socket_path, line)
                steps.append({"wait": line})
                continue
            if line is None:
                answer = exchange(socket_path, b"x" * (64 * 1024 + 1))
                steps.append({"name": name, "request_bytes": 64 * 1024 + 1, "answer": answer, "mask": mask})
            else:
                answer = exchange(socket_path, line.encode())
                steps.append({"name": name, "request": line, "answer": answer, "mask": mask})
            print(f"{name}: {answer[:160]}")
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait()
    return steps


def stand_in(path, answer, stop):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    server.settimeout(0.1)

    def serve(connection):
        with connection:
            buffered = b""
            while True:
                try:
                    chunk = connection.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                buffered += chunk
                while b"\n" in buffered:
                    _, buffered = buffered.split(b"\n", 1)
                    connection.sendall(answer.encode() + b"\n")

    while not stop.is_set():
        try:
            connection, _ = server.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve, args=(connection,), daemon=True).start()
    server.close()
    os.unlink(path)


def record_polectl(polectl, steps, work):
    answers = {step["name"]: step["answer"] for step in steps if "name" in step}
    socket_path = os.path.join(work, "stand-in.sock")
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "Asia/Seoul", "NO_COLOR": "1", "COLUMNS": "100"}
    runs = []
    for arguments, answer_name in POLECTL:
        stop = threading.Event()
        server = None
        if answer_name is not None:
            server = threading.Thread(target=stand_in, args=(socket_path, answers[answer_name], stop), daemon=True)
            server.start()
            while not os.path.exists(socket_path):
                time.sleep(0.01)
        process = subprocess.Popen(
            [polectl] + arguments + ["--socket", socket_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
        )
        if arguments[0] == "watch" and answer_name is not None:
            time.sleep(1.5)
            process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
        stop.set()
        if server:
            server.join()
        runs.append({
            "arguments": arguments, "answer": answer_name, "status": process.returncode,
            "out": out.decode().replace(socket_path, "$SOCKET"), "err": err.decode().replace(socket_path, "$SOCKET"),
        })
        print(f"polectl {' '.join(arguments)}: {process.returncode}")
    return runs


def main():
    poled, polectl = (os.path.abspath(path) for path in sys.argv[1:3])
    with tempfile.TemporaryDirectory(prefix="poled-record-") as work:
        steps = record_daemon(poled, work)
        runs = record_polectl(polectl, steps, work)
    with open(os.path.join(HERE, "daemon-exchanges.jsonl"), "w") as file:
        for step in steps:
            file.write(json.dumps(step, ensure_ascii=False, sort_keys=True) + "\n")
    with open(os.path.join(HERE, "polectl-outputs.jsonl"), "w") as file:
        for run in runs:
            file.write(json.dumps(run, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
