# SPDX-FileCopyrightText: 2026 The libactivering authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""serve-test.py: `activering serve` over real HTTP, run by tests/serve-test.sh.

Each service is started on a free loopback port (--listen 127.0.0.1:0; the port is read from its first line on
standard error) and stopped with SIGTERM at the end, which must exit 0. The answers are compared with the
command-line tool's on the same documents. No assertion depends on timing: waits are generous upper bounds, polled.
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

SRC = os.environ["top_srcdir"]
TOOL = os.environ["ACTIVERING"]
WORK = tempfile.mkdtemp(prefix="activering-serve-test.")
RULES = os.path.join(SRC, "data", "rules", "be-vlaanderen.json")
FACTS = os.path.join(SRC, "examples", "facts", "facts-twe-eligible.json")
FACTS_0042 = os.path.join(SRC, "examples", "facts", "facts-0042-roles.json")
TRAJECTORY = os.path.join(SRC, "examples", "trajectories", "dossier-0042.json")
ORGANISATION = os.path.join(SRC, "examples", "organisations", "ocmw-voorbeeld.json")
CASELOAD = os.path.join(SRC, "examples", "caseload.jsonl")
WAIT = 60  # seconds: an upper bound for anything the service does, on a loaded machine

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


def read(path):
    with open(path, "rb") as f:
        return f.read()


def cli(*args):
    out = subprocess.run([TOOL, *args], capture_output=True, check=False)
    return out.stdout.decode()


class Service:
    """One `activering serve` process, its port and its standard error."""

    def __init__(self, *args, name="service"):
        self.log_path = os.path.join(WORK, name + ".log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([TOOL, "serve", "--listen", "127.0.0.1:0", "--threads", "2", *args],
                                     stderr=self.log, stdout=subprocess.DEVNULL)
        self.port = None
        deadline = time.monotonic() + WAIT
        while self.port is None and time.monotonic() < deadline and self.proc.poll() is None:
            for line in self.text().splitlines():
                if " on http://127.0.0.1:" in line:
                    self.port = int(line.split(" on http://127.0.0.1:")[1].split("/")[0])
            time.sleep(0.05)
        if self.port is None:
            raise SystemExit("the service did not start: " + self.text())

    def text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode(errors="replace")

    def request(self, method, path, body=None, headers=None, content_type="application/json"):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        h = dict(headers or {})
        if body is not None and content_type is not None:
            h["Content-Type"] = content_type
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def json(self, method, path, body=None, **kw):
        status, headers, data = self.request(method, path, body, **kw)
        try:
            doc = json.loads(data)
        except ValueError:
            doc = None
        return status, headers, doc

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=WAIT)
        finally:
            self.log.close()


def is_error(doc, status, code=None):
    """An activering.error/1 document (the HTTP status is checked by the caller)."""
    return (isinstance(doc, dict) and doc.get("format") == "activering.error/1"
            and (code is None or doc.get("code") == code) and bool(doc.get("message")))


def raw(port, data, wait_close=True):
    """Sends @data on a fresh connection and returns all it gets back until the server closes it."""
    s = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
    s.sendall(data)
    got = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
        if not wait_close and b"\r\n\r\n" in got:
            break
    s.close()
    return got


def raw_json(answer):
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split()[1]) if head.startswith(b"HTTP/1.1 ") else 0
    try:
        return status, head.decode(), json.loads(body)
    except ValueError:
        return status, head.decode(), None


# ---------------------------------------------------------------------------------------------------------------
def test_documents(svc):
    status, headers, doc = svc.json("GET", "/healthz")
    check(status == 200 and doc["status"] == "ok", "GET /healthz answers ok")
    ruleset = doc["ruleset"]
    check(headers.get("activering-ruleset") == "%s %s %s" % (ruleset["id"], ruleset["version"], ruleset["digest"]),
          "every answer names its rule set (Activering-Ruleset: id version digest)")

    # eligibility: the same answers as the tool
    status, headers, doc = svc.json("POST", "/v1/eligibility?compact=true", read(FACTS))
    check(status == 200 and doc == json.loads(cli("eligibility", "--compact", FACTS)),
          "POST /v1/eligibility?compact=true: the tool's outcomes")
    status, headers, doc = svc.json("POST", "/v1/eligibility?lang=fr&as_of=2026-06-01", read(FACTS))
    check(status == 200 and doc == json.loads(cli("eligibility", "--lang", "fr", "--as-of", "2026-06-01", FACTS)),
          "POST /v1/eligibility?lang=fr&as_of=…: the tool's result document")
    check(doc.get("ruleset") == ruleset, "the result document names the same rule set in its ruleset member")

    # bad documents and queries: 400 with the document, the path and what was expected
    status, _, doc = svc.json("POST", "/v1/eligibility",
                              b'{"format":"activering.facts/1","id":"d-1","income":{"status":3}}')
    check(status == 400 and is_error(doc, 400, "type") and doc.get("document") == "facts"
          and doc.get("path") == "/income/status" and "expected" in doc["message"],
          "a bad facts document: 400 naming the document, the JSON path and what was expected")
    status, _, doc = svc.json("POST", "/v1/eligibility", b'{"format": "activering.facts/1", "id": ')
    check(status == 400 and is_error(doc, 400, "syntax"), "a document that is not JSON: 400 syntax")
    for query, what in (("as_of=2026-13-01", "a bad as_of"), ("lang=xx", "an unknown lang"),
                        ("compact=maybe", "a bad compact"), ("colour=blue", "an unknown parameter")):
        status, _, doc = svc.json("POST", "/v1/eligibility?" + query, read(FACTS))
        check(status == 400 and is_error(doc, 400, "usage"), "%s: 400 usage" % what)

    # trajectory report: one document, or an array of it and the facts
    status, _, doc = svc.json("POST", "/v1/trajectory/report?as_of=2026-06-01", read(TRAJECTORY))
    check(status == 200 and doc == json.loads(cli("trajectory", "--as-of", "2026-06-01", TRAJECTORY)),
          "POST /v1/trajectory/report: the tool's report")
    both = b"[" + read(TRAJECTORY) + b"," + read(FACTS_0042) + b"]"
    status, _, doc = svc.json("POST", "/v1/trajectory/report?as_of=2026-06-01", both)
    check(status == 200 and doc == json.loads(cli("trajectory", "--as-of", "2026-06-01", "--facts", FACTS_0042,
                                                  TRAJECTORY)),
          "POST /v1/trajectory/report with [trajectory, facts]: the tool's report with --facts")
    status, _, doc = svc.json("POST", "/v1/trajectory/report", b'[' + read(TRAJECTORY) + b', {"format": 1}]')
    check(status == 400 and is_error(doc, 400, "format") and doc.get("document") == "request"
          and doc.get("path") == "/1/format", "an array member of no known format: 400 naming /1/format")
    status, _, doc = svc.json("POST", "/v1/trajectory/report", b'[' + read(TRAJECTORY) + b'] x')
    check(status == 400 and is_error(doc, 400, "syntax"), "a broken array: 400 syntax")

    # roles: [organisation, facts]
    status, _, doc = svc.json("POST", "/v1/roles?as_of=2026-06-01",
                              b"[" + read(ORGANISATION) + b"," + read(FACTS_0042) + b"]")
    check(status == 200 and doc == json.loads(cli("roles", "--as-of", "2026-06-01", "--organisation", ORGANISATION,
                                                  FACTS_0042)),
          "POST /v1/roles with [organisation, facts]: the tool's assignment")
    status, _, doc = svc.json("POST", "/v1/roles", read(FACTS_0042))
    check(status == 400 and is_error(doc, 400, "missing"), "POST /v1/roles without an organisation: 400 missing")

    # the rule set
    status, _, doc = svc.json("GET", "/v1/rules?lang=en")
    check(status == 200 and doc == json.loads(cli("rules", "--lang", "en", "show")), "GET /v1/rules: `rules show`")
    status, _, doc = svc.json("GET", "/v1/rules/twe_ocmw")
    check(status == 200 and doc == json.loads(cli("rules", "show", "twe_ocmw")),
          "GET /v1/rules/{measure}: `rules show MEASURE`")
    status, _, doc = svc.json("GET", "/v1/rules/no_such_measure")
    check(status == 404 and is_error(doc, 404, "usage"), "GET /v1/rules/{unknown}: 404")


def test_openapi(svc):
    status, _, doc = svc.json("GET", "/v1/openapi.json")
    check(status == 200 and doc == json.loads(read(os.path.join(SRC, "data", "openapi.json"))),
          "GET /v1/openapi.json: data/openapi.json")
    check(doc.get("openapi", "").startswith("3.1.") and "info" in doc and "paths" in doc,
          "the OpenAPI document is 3.1 with info and paths")
    served = {"/v1/eligibility": "post", "/v1/trajectory/report": "post", "/v1/roles": "post", "/v1/rules": "get",
              "/v1/rules/{measure}": "get", "/v1/schemas/{format}": "get", "/v1/openapi.json": "get",
              "/healthz": "get", "/metrics": "get"}
    check(set(doc["paths"]) == set(served), "the OpenAPI document lists exactly the service's paths")
    for path, method in served.items():
        op = doc["paths"].get(path, {}).get(method)
        ok = op is not None and "200" in op.get("responses", {}) and op.get("operationId")
        for code, response in (op or {}).get("responses", {}).items():
            if code != "200":
                ok = ok and response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
        check(bool(ok), "OpenAPI: %s %s has an operationId, a 200 and activering.error/1 errors" % (method, path))
    refs = set()

    def walk(node):
        if isinstance(node, dict):
            if "$ref" in node:
                refs.add(node["$ref"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(doc)
    for ref in refs:
        if ref.startswith("#/"):
            target = doc
            for part in ref[2:].split("/"):
                target = target.get(part) if isinstance(target, dict) else None
            check(target is not None, "OpenAPI: %s resolves" % ref)
    # the schemas it refers to are served, are what `activering rules schema` prints, and the answers fit them
    external = sorted(r for r in refs if r.startswith("/v1/schemas/"))
    check(len(external) >= 6, "OpenAPI: the documents refer to the served JSON Schemas (%d)" % len(external))
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    schemas = {}
    for ref in external:
        status, headers, schema = svc.json("GET", ref)
        fmt = urllib.parse.unquote(ref[len("/v1/schemas/"):])
        ok = status == 200 and headers.get("content-type") == "application/schema+json" \
            and schema == json.loads(cli("rules", "schema", fmt))
        if ok and jsonschema is not None:
            jsonschema.Draft202012Validator.check_schema(schema)
        schemas[fmt] = schema
        check(ok, "GET %s: the schema `activering rules schema %s` prints" % (ref, fmt))
    status, _, doc = svc.json("GET", "/v1/schemas/activering.nothing%2F1")
    check(status == 404 and is_error(doc, 404, "usage"), "GET /v1/schemas/{unknown}: 404")
    for fmt in ("activering.result/1", "activering.error/1"):
        schemas.setdefault(fmt, svc.json("GET", "/v1/schemas/" + urllib.parse.quote(fmt, safe=""))[2])
    if jsonschema is not None:
        _, _, result = svc.json("POST", "/v1/eligibility?lang=en", read(FACTS))
        _, _, error = svc.json("POST", "/v1/eligibility", b'{"format":"activering.facts/1","id":"x","income":{"status":3}}')
        problems = [e.message for e in jsonschema.Draft202012Validator(schemas["activering.result/1"]).iter_errors(result)]
        problems += [e.message for e in jsonschema.Draft202012Validator(schemas["activering.error/1"]).iter_errors(error)]
        check(not problems, "the service's result and error documents fit their served schemas %s" % problems[:3])

    # every path the document names is served (no 404 for any of them)
    for path, method in served.items():
        concrete = path.replace("{measure}", "twe_ocmw").replace("{format}", "activering.facts%2F1")
        status, _, _ = svc.request(method.upper(), concrete, b"{}" if method == "post" else None)
        check(status != 404, "%s %s is served" % (method.upper(), path))


def test_http_errors(svc):
    status, _, doc = svc.json("GET", "/v1/nothing-here")
    check(status == 404 and is_error(doc, 404), "an unknown path: 404 with a JSON body")
    status, headers, doc = svc.json("GET", "/v1/eligibility")
    check(status == 405 and headers.get("allow") == "POST" and is_error(doc, 405), "GET on a POST endpoint: 405, Allow: POST")
    status, headers, doc = svc.json("DELETE", "/v1/rules")
    check(status == 405 and headers.get("allow") == "GET, HEAD" and is_error(doc, 405),
          "DELETE on a GET endpoint: 405, Allow: GET, HEAD")
    status, _, doc = svc.json("POST", "/v1/eligibility", read(FACTS), content_type="text/plain")
    check(status == 415 and is_error(doc, 415), "a wrong content type: 415")
    status, _, doc = svc.json("POST", "/v1/roles", read(FACTS), content_type="application/x-ndjson")
    check(status == 415 and is_error(doc, 415), "JSON lines on an endpoint that takes one document: 415")
    status, _, doc = svc.json("POST", "/v1/eligibility", read(FACTS), content_type=None)
    check(status == 415 and is_error(doc, 415), "no content type: 415")
    # curl, as a vendor's shell would call it
    out = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", "-H", "Content-Type: application/json",
                          "--data-binary", "@" + FACTS, "http://127.0.0.1:%d/v1/eligibility?compact=true" % svc.port],
                         capture_output=True, check=False).stdout.decode().rsplit("\n", 1)
    check(out[-1] == "200" and json.loads(out[0])["format"] == "activering.outcomes/1", "curl POST /v1/eligibility")
    # urllib, the other standard client
    req = urllib.request.Request("http://127.0.0.1:%d/v1/rules/ibo" % svc.port)
    with urllib.request.urlopen(req, timeout=WAIT) as r:
        check(r.status == 200 and json.loads(r.read())["code"] == "ibo", "urllib GET /v1/rules/ibo")


def test_stream(svc):
    lines = read(CASELOAD).decode().splitlines()
    body = "\n".join(lines[:3] + ["", '{"format":"activering.facts/1","id":"bad","income":{"status":3}}',
                                  "not json", "x" * 5000] + lines[3:]) + "\n"
    status, headers, data = svc.request("POST", "/v1/eligibility?compact=true", body.encode(),
                                        content_type="application/x-ndjson")
    got = [json.loads(line) for line in data.decode().splitlines()]
    expected = [json.loads(line) for line in cli("eligibility", "--jsonl", "--compact", CASELOAD).splitlines()]
    check(status == 200 and headers.get("content-type", "").startswith("application/x-ndjson"),
          "JSON lines: 200 application/x-ndjson")
    good = [d for d in got if d["format"] == "activering.outcomes/1"]
    bad = [d for d in got if d["format"] == "activering.error/1"]
    check(good == expected, "JSON lines: every good line gets the tool's answer, in order")
    check([d.get("line") for d in bad] == [5, 6, 7] and got[3:6] == bad,
          "JSON lines: the bad lines (5, 6, and 7 too long) are reported in place with their numbers")
    check(bad and bad[0].get("path") == "/income/status" and bad[2]["code"] == "too_large",
          "JSON lines: a bad line's error names its path; a line over --max-line-bytes is too_large")
    # chunked request body, as a streaming client sends it
    def chunks():
        for line in lines:
            yield (line + "\n").encode()
    conn = http.client.HTTPConnection("127.0.0.1", svc.port, timeout=WAIT)
    conn.request("POST", "/v1/eligibility?compact=1", body=chunks(), encode_chunked=True,
                 headers={"Content-Type": "application/x-ndjson", "Transfer-Encoding": "chunked"})
    r = conn.getresponse()
    got = [json.loads(line) for line in r.read().decode().splitlines()]
    conn.close()
    check(r.status == 200 and got == expected, "JSON lines sent chunked: the same answers")


def test_big_stream(svc):
    """100,000 lines in constant memory: the service's RSS, sampled all along, stays far below the body's size."""
    lines = read(CASELOAD).decode().splitlines()
    n = 100000
    base = svc.rss_kib()
    peak = [base]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], svc.rss_kib())
            time.sleep(0.05)
    sampler = threading.Thread(target=sample)
    sampler.start()
    sent = [0]

    def body():
        block = []
        for i in range(n):
            doc = json.loads(lines[i % len(lines)])
            doc["id"] = "stream-%06d" % i
            block.append(json.dumps(doc))
            if len(block) == 500:
                data = ("\n".join(block) + "\n").encode()
                sent[0] += len(data)
                yield data
                block = []
    conn = http.client.HTTPConnection("127.0.0.1", svc.port, timeout=600)
    conn.request("POST", "/v1/eligibility?compact=true", body=body(), encode_chunked=True,
                 headers={"Content-Type": "application/x-ndjson", "Transfer-Encoding": "chunked"})
    r = conn.getresponse()
    count, ids_ok, last = 0, True, None
    for line in r:
        doc = json.loads(line)
        ids_ok = ids_ok and doc.get("id") == "stream-%06d" % count
        count += 1
    conn.close()
    done.set()
    sampler.join()
    grown = peak[0] - base
    check(r.status == 200 and count == n and ids_ok, "a 100,000-line stream: 100,000 answers, in order")
    print("     body %.1f MB, RSS %d KiB before, peak %d KiB (+%d KiB)" % (sent[0] / 1e6, base, peak[0], grown))
    if os.environ.get("ACTIVERING_SANITIZED") == "yes":
        # AddressSanitizer keeps freed memory in quarantine (256 MB): RSS says nothing there
        print("note the RSS bound is checked in the plain build (AddressSanitizer's quarantine holds freed memory)")
        return
    check(grown < 48 * 1024 and grown * 1024 < sent[0] / 2,
          "a 100,000-line stream in constant memory (RSS grew %d KiB for a %.0f MB body)" % (grown, sent[0] / 1e6))


def test_connections_released(svc):
    """Connections their clients close, before a request, after one or in between, give their descriptors back
    (libsoup 3.2 alone would keep those closed between two requests)."""
    def fds():
        return len(os.listdir("/proc/%d/fd" % svc.proc.pid))
    before = fds()
    for i in range(60):
        c = socket.create_connection(("127.0.0.1", svc.port), timeout=WAIT)
        if i % 3:
            for _ in range(i % 3):
                c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                answer = b""
                while not answer.endswith(b"}}\n"):
                    answer += c.recv(65536)
        c.close()
    check(wait_for(lambda: fds() <= before), "60 connections closed by their clients give their descriptors back "
          "(%d before, %d after)" % (before, fds()))
    check(wait_for(lambda: b"activering_open_connections 1\n" in svc.request("GET", "/metrics")[2]),
          "and are no longer counted open")


def test_metrics(svc):
    status, headers, data = svc.request("GET", "/metrics")
    text = data.decode()
    check(status == 200 and headers.get("content-type", "").startswith("text/plain; version=0.0.4"),
          "GET /metrics: the Prometheus text format")
    samples = {}
    well_formed = True
    for line in text.splitlines():
        if line.startswith("#"):
            well_formed = well_formed and (line.startswith("# HELP ") or line.startswith("# TYPE "))
            continue
        name, _, value = line.rpartition(" ")
        try:
            samples[name] = float(value)
        except ValueError:
            well_formed = False
    check(well_formed, "metrics: every line is a comment or a sample")
    _, _, health = svc.json("GET", "/healthz")
    r = health["ruleset"]
    info = 'activering_ruleset_info{id="%s",version="%s",digest="%s"}' % (r["id"], r["version"], r["digest"])
    check(samples.get(info) == 1, "metrics: the rule set's id, version and digest (activering_ruleset_info)")
    check(samples.get('activering_http_requests_total{endpoint="eligibility",code="200"}', 0) >= 3
          and samples.get('activering_http_requests_total{endpoint="eligibility",code="400"}', 0) >= 1
          and samples.get('activering_http_request_errors_total{endpoint="eligibility"}', 0) >= 1,
          "metrics: requests and errors per endpoint and status")
    check(samples.get('activering_http_request_duration_seconds_count{endpoint="eligibility"}', 0) >= 4
          and 'activering_http_request_duration_seconds_bucket{endpoint="eligibility",le="+Inf"}' in samples,
          "metrics: a latency histogram per endpoint")
    check(samples.get("activering_stream_bad_lines_total", 0) >= 3, "metrics: the streams' bad lines")


def test_access_log(svc):
    log = svc.text()
    access = [l for l in log.splitlines() if l.startswith("activering: access: ")]
    check(any(l.startswith("activering: access: POST /v1/eligibility?compact 200 ") for l in access),
          "access log: method, path, query names, status, size, duration")
    check(all(l.endswith(" ms") for l in access), "access log: every line ends with its duration")
    leaked = [w for w in ("voorbeeld-01", "dossier-0042", "stream-000001", "twe_ocmw\"", "2026-06-01", "blue", "1990")
              if w in log]
    check(not leaked, "no dossier id or content in the log (found: %s)" % leaked)
    status, _, _ = svc.request("GET", "/v1/private-dossier-123")
    check("private-dossier-123" not in svc.text(), "the log shows an unknown path as such, not what it held")


def readme_block(language, after="## The service"):
    readme = read(os.path.join(SRC, "README.md")).decode()
    section = readme[readme.index(after):]
    start = section.index("```" + language + "\n") + len(language) + 4
    return section[start:section.index("```", start)]


def test_readme_clients(svc):
    """The README's Python and Java clients run as written, against this service's port."""
    import contextlib
    import io
    code = readme_block("py").replace("8080", str(svc.port))
    printed = io.StringIO()
    here = os.getcwd()
    os.chdir(SRC)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(here)
    out = printed.getvalue().splitlines()
    check(len(out) == 2 and out[0].startswith("be-vlaanderen ") and out[0].split()[-1] in
          ("eligible", "not_eligible", "undetermined", "not_applicable") and out[1] == "200 ibo",
          "the README's Python client (urllib, http.client) runs: %s" % out)
    if shutil.which("javac") is None or shutil.which("java") is None:
        print("note the README's Java client is not compiled here (no javac)")
        return
    java_dir = os.path.join(WORK, "java")
    os.makedirs(java_dir, exist_ok=True)
    body = readme_block("java").replace("8080", str(svc.port))
    with open(os.path.join(java_dir, "ReadmeClient.java"), "w") as f:
        f.write("import java.net.URI;\nimport java.net.http.*;\nimport java.nio.file.Path;\n"
                "public class ReadmeClient {\n  public static void main(String[] args) throws Exception {\n"
                + body + "  }\n}\n")
    built = subprocess.run(["javac", "-d", java_dir, os.path.join(java_dir, "ReadmeClient.java")],
                           capture_output=True, check=False, timeout=300)
    if not check(built.returncode == 0, "the README's Java 17 client compiles"):
        print(built.stderr.decode())
        return
    ran = subprocess.run(["java", "-cp", java_dir, "ReadmeClient"], capture_output=True, check=False, timeout=300,
                         cwd=SRC)
    lines = [line for line in ran.stdout.decode().splitlines() if line]
    check(ran.returncode == 0 and len(lines) == 2 and lines[0].startswith("200 be-vlaanderen ")
          and json.loads(lines[1])["format"] == "activering.outcomes/1",
          "the README's Java 17 client (HttpClient) runs: %s" % lines[:1])


def test_limits():
    svc = Service("--max-body-bytes", "4096", "--max-stream-bytes", "65536", "--max-header-bytes", "2048",
                  "--request-timeout", "2", "--idle-timeout", "6", "--max-concurrent", "2", "--max-connections", "4",
                  name="limits")
    big = b'{"format":"activering.facts/1","id":"big","x_note":"' + b"x" * 5000 + b'"}'
    status, headers, doc = svc.json("POST", "/v1/eligibility", big)
    check(status == 413 and is_error(doc, 413, "too_large") and "--max-body-bytes" in doc["message"],
          "a body over --max-body-bytes: 413")
    def chunked():
        yield big[:3000]
        yield big[3000:]
    conn = http.client.HTTPConnection("127.0.0.1", svc.port, timeout=WAIT)
    conn.request("POST", "/v1/eligibility", body=chunked(), encode_chunked=True,
                 headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    r = conn.getresponse()
    doc = json.loads(r.read())
    conn.close()
    check(r.status == 413 and is_error(doc, 413, "too_large"), "a chunked body over --max-body-bytes: 413")
    stream = (read(CASELOAD) * 20)
    status, _, doc = svc.json("POST", "/v1/eligibility", stream, content_type="application/x-ndjson")
    check(status == 413 and is_error(doc, 413) and "--max-stream-bytes" in doc["message"],
          "a stream over --max-stream-bytes: 413")
    status, _, doc = svc.json("GET", "/v1/rules", headers={"X-Padding": "p" * 3000})
    check(status == 431 and is_error(doc, 431, "too_large"), "headers over --max-header-bytes: 431")

    # 408: a body that takes longer than --request-timeout (sent in pieces, each well within --idle-timeout)
    s = socket.create_connection(("127.0.0.1", svc.port), timeout=WAIT)
    body = read(FACTS)
    s.sendall(b"POST /v1/eligibility HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
              % len(body))
    # all but the last byte at once; the last 3.5 s later, over the 2 s timeout and within the 6 s --idle-timeout
    s.sendall(body[:-1])
    time.sleep(3.5)
    s.sendall(body[-1:])
    answer = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        answer += chunk
    s.close()
    status, _, doc = raw_json(answer)
    check(status == 408 and is_error(doc, 408, "io"), "a body slower than --request-timeout: 408")

    # idle connections are closed after --idle-timeout
    s = socket.create_connection(("127.0.0.1", svc.port), timeout=WAIT)
    start = time.monotonic()
    closed = s.recv(10) == b""
    check(closed and time.monotonic() - start >= 5.5, "a silent connection is closed after --idle-timeout")
    s.close()

    # 503: over --max-concurrent (2). Three streams are started and none is finished, so at least one of them is
    # refused at once (a request just answered may still count until its last byte is written: more may be).
    import select
    first = read(CASELOAD).splitlines()[0] + b"\n"
    streams = []
    for _ in range(3):
        s = socket.create_connection(("127.0.0.1", svc.port), timeout=WAIT)
        s.sendall(b"POST /v1/eligibility?compact=true HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        s.sendall(b"%x\r\n%s\r\n" % (len(first), first))
        streams.append(s)

    def answer_of(s):
        answer = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
            head, _, body = answer.partition(b"\r\n\r\n")
            if body.endswith(b"}\n") or body.endswith(b"\r\n0\r\n\r\n"):
                break
        return answer
    readable, _, _ = select.select(streams, [], [], WAIT)
    refused = [raw_json(answer_of(s)) for s in readable]
    check(refused and all(st == 503 and is_error(doc, 503, "failed") and "--max-concurrent" in doc["message"]
                          and "Retry-After: 1" in head for st, head, doc in refused),
          "a request over --max-concurrent: 503 with Retry-After")
    answered = 0
    for s in streams:
        if s not in readable:
            s.sendall(b"0\r\n\r\n")
            answered += answer_of(s).startswith(b"HTTP/1.1 200")
        s.close()
    check(answered == 3 - len(readable) and answered >= 1, "the requests in flight are answered")

    # 503: over --max-connections. Four keep-alive connections, each with a request answered (so the service has
    # taken it up; one refused while earlier connections were still closing is tried again), then one more.
    def open_counted():
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            c = http.client.HTTPConnection("127.0.0.1", svc.port, timeout=WAIT)
            try:
                c.request("GET", "/healthz")
                r = c.getresponse()
                r.read()
                if r.status == 200:
                    return c
            except (OSError, http.client.HTTPException):
                pass
            c.close()
            time.sleep(0.2)
        return None
    idle = [open_counted() for _ in range(4)]
    status, head, doc = raw_json(raw(svc.port, b"GET /v1/rules HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
    refused = doc if status == 503 else None
    check(refused is not None and is_error(refused, 503, "failed") and "max-connections" in refused["message"],
          "a connection over --max-connections: 503")
    for c in idle:
        if c is not None:
            c.close()
    check(svc.stop() == 0, "the limits' service stops with status 0")


def test_token():
    token_file = os.path.join(WORK, "token")
    token = "s3cret-token-of-the-service-0123456789"
    with open(token_file, "w") as f:
        f.write(token + "\n")
    svc = Service("--token-file", token_file, name="token")
    status, _, _ = svc.json("GET", "/healthz")
    check(status == 200, "with --token-file, /healthz needs no token")
    for path in ("/v1/rules", "/metrics", "/v1/openapi.json", "/v1/nothing"):
        status, headers, doc = svc.json("GET", path)
        expected = 404 if path == "/v1/nothing" else 401
        check(status == expected and is_error(doc, expected)
              and (expected == 404 or headers.get("www-authenticate") == "Bearer"),
              "without the token, GET %s: %d" % (path, expected))
    status, _, doc = svc.json("POST", "/v1/eligibility", read(FACTS), headers={"Authorization": "Bearer wrong"})
    check(status == 401 and is_error(doc, 401, "usage"), "a wrong token: 401")
    status, _, doc = svc.json("POST", "/v1/eligibility", read(FACTS),
                              headers={"Authorization": "Bearer " + token[:-1] + "X"})
    check(status == 401, "a token wrong in its last character: 401")
    status, _, doc = svc.json("POST", "/v1/eligibility?compact=1", read(FACTS), headers={"Authorization": "Bearer " + token})
    check(status == 200 and doc["format"] == "activering.outcomes/1", "the right token: 200")
    check(token not in svc.text(), "the token never appears in the log")
    check(svc.stop() == 0, "the token service stops with status 0")
    # where the service refuses to start
    for args, what in ((["--listen", "0.0.0.0:0"], "a non-loopback address without --token-file"),
                       (["--listen", "127.0.0.1:0", "--token-file", os.path.join(WORK, "none")], "a missing token file"),
                       (["--listen", "nowhere:80"], "an address that is not an IP"),
                       (["--listen", "127.0.0.1:0", "--threads", "0"], "--threads 0"),
                       (["--listen", "127.0.0.1:0", "--max-body-bytes", "12x"], "a bad limit")):
        out = subprocess.run([TOOL, "serve", *args], capture_output=True, timeout=WAIT, check=False)
        check(out.returncode == 2 and out.stderr.startswith(b"activering: "), "refused at start: " + what)
    short = os.path.join(WORK, "short-token")
    with open(short, "w") as f:
        f.write("abc\n")
    out = subprocess.run([TOOL, "serve", "--listen", "127.0.0.1:0", "--token-file", short], capture_output=True,
                         timeout=WAIT, check=False)
    check(out.returncode == 2 and b"at least 16" in out.stderr, "refused at start: a token shorter than 16 characters")


def wait_for(predicate):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_reload():
    rules = os.path.join(WORK, "rules.json")
    shutil.copy(RULES, rules)
    original = json.loads(read(RULES))
    svc = Service("--rules", rules, name="reload")
    _, headers, health = svc.json("GET", "/healthz")
    old = health["ruleset"]

    # a request in flight keeps the rule set it started with
    s = socket.create_connection(("127.0.0.1", svc.port), timeout=WAIT)
    s.sendall(b"POST /v1/eligibility?compact=true HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    first = read(CASELOAD).splitlines()[0] + b"\n"
    s.sendall(b"%x\r\n%s\r\n" % (len(first), first))
    check(wait_for(lambda: b"activering_in_flight_requests 2" in svc.request("GET", "/metrics")[2]),
          "a stream is in flight")

    changed = dict(original, version=original["version"] + "-hup")
    with open(rules + ".new", "w") as f:
        json.dump(changed, f, ensure_ascii=False, indent=2)
    os.rename(rules + ".new", rules)
    svc.proc.send_signal(signal.SIGHUP)
    check(wait_for(lambda: svc.json("GET", "/healthz")[2]["ruleset"]["version"] == changed["version"]),
          "SIGHUP: the new rule set is served")
    _, headers, _ = svc.json("GET", "/v1/rules")
    check(changed["version"] in headers.get("activering-ruleset", ""), "after a reload, answers name the new set")
    s.sendall(b"0\r\n\r\n")
    answer = b""
    while b"\r\n0\r\n\r\n" not in answer and not answer.endswith(b"}\n"):
        chunk = s.recv(65536)
        if not chunk:
            break
        answer += chunk
    s.close()
    check(answer.startswith(b"HTTP/1.1 200") and ("Activering-Ruleset: %s %s %s" % (old["id"], old["version"],
                                                                                      old["digest"])).encode() in answer,
          "a request in flight during the reload finishes on the old rule set, and says so")

    # a bad rule set is refused: the old one stays, the error is logged
    with open(rules, "w") as f:
        f.write('{"format": "activering.rules/1", "id": "broken"')
    svc.proc.send_signal(signal.SIGHUP)
    check(wait_for(lambda: "reload (SIGHUP) refused" in svc.text()), "SIGHUP with a bad rule set: refused, logged")
    _, _, health = svc.json("GET", "/healthz")
    check(health["ruleset"]["version"] == changed["version"], "the rule set in use stays after a refused reload")
    status, _, doc = svc.json("POST", "/v1/eligibility?compact=true", read(FACTS))
    check(status == 200, "and it still answers")

    # the file changes: reloaded without a signal
    again = dict(original, version=original["version"] + "-file")
    with open(rules + ".new", "w") as f:
        json.dump(again, f, ensure_ascii=False, indent=2)
    os.rename(rules + ".new", rules)
    check(wait_for(lambda: svc.json("GET", "/healthz")[2]["ruleset"]["version"] == again["version"]),
          "a changed --rules file is reloaded")
    status, _, data = svc.request("GET", "/metrics")
    check(b'activering_ruleset_reloads_total{result="refused"} 1' in data, "metrics: the refused reload is counted")
    check(svc.stop() == 0, "the reload service stops with status 0")


def test_graceful_stop():
    svc = Service(name="stop")
    s = socket.create_connection(("127.0.0.1", svc.port), timeout=WAIT)
    s.sendall(b"POST /v1/eligibility?compact=true HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    lines = read(CASELOAD).splitlines()
    s.sendall(b"%x\r\n%s\r\n" % (len(lines[0]) + 1, lines[0] + b"\n"))
    check(wait_for(lambda: b"activering_in_flight_requests 2" in svc.request("GET", "/metrics")[2]),
          "a request is in flight")
    svc.proc.send_signal(signal.SIGTERM)
    check(wait_for(lambda: "stopping" in svc.text()), "SIGTERM: the service stops accepting")
    refused = False
    try:
        c = socket.create_connection(("127.0.0.1", svc.port), timeout=5)
        c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        refused = c.recv(100) == b""
        c.close()
    except OSError:
        refused = True
    check(refused, "after SIGTERM, new connections are refused")
    rest = b"".join(line + b"\n" for line in lines[1:])
    s.sendall(b"%x\r\n%s\r\n0\r\n\r\n" % (len(rest), rest))
    answer = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        answer += chunk
    s.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    check(head.startswith(b"HTTP/1.1 200") and body.count(b'"activering.outcomes/1"') == len(lines),
          "the request in flight is answered whole after SIGTERM")
    code = svc.proc.wait(timeout=WAIT)
    svc.log.close()
    check(code == 0, "the service exits 0 after finishing it")


def main():
    svc = Service("--max-line-bytes", "4096", name="main")
    try:
        test_documents(svc)
        test_openapi(svc)
        test_http_errors(svc)
        test_readme_clients(svc)
        test_stream(svc)
        test_connections_released(svc)
        test_metrics(svc)
        test_big_stream(svc)
        test_access_log(svc)
    finally:
        check(svc.stop() == 0, "SIGTERM: the service exits 0")
    test_limits()
    test_token()
    test_reload()
    test_graceful_stop()
    if failures:
        print("%d check(s) failed; the services' logs are in %s" % (len(failures), WORK))
        sys.exit(1)
    shutil.rmtree(WORK)
    print("all checks passed")


main()
