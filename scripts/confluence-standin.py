#!/usr/bin/env python3
"""A stand-in for Confluence, for rolebook's publishing tests. NOT Confluence.

It serves, on 127.0.0.1 and an OS-assigned port (printed on stdout as
"PORT <n>"), the REST endpoints `rolebook publish confluence` uses:

  Cloud      /wiki/api/v2/...  spaces, pages, page properties, labels (read)
             /wiki/rest/api/... attachments and labels (v1)
  Data Center /rest/api/...     content, properties, attachments, labels (v1)

and behaves the way real Confluence does where tools have tripped:

  - an update must carry version = current + 1, else 409 (pages, properties);
  - a multipart attachment upload without `X-Atlassian-Token: no-check` is
    refused with 403; uploading a file name the page already has is a 400;
  - a body that is not well-formed XML (with `ac`/`ri` declared) is a 400
    "Error parsing xhtml", and so is a duplicate title in a space;
  - a saved body is rewritten the way Confluence rewrites storage format:
    `ac:schema-version` and a random `ac:macro-id` added to every macro,
    attributes reordered, whitespace between tags removed; so a client that
    compares bodies would republish forever;
  - Cloud paths want Basic auth (email:token), Data Center paths Bearer.

For the tests it records every request (method, path, query, the headers
that matter, never the Authorization value) and offers control endpoints
under /_standin/: `log`, `inject` (answer the next matching requests with a
status such as 429 + Retry-After, or 5xx), `edit` (a person saves the page),
`state` and `shutdown`.

It stops by itself after --lifetime seconds or --max-requests requests, so a
test that dies cannot leave it running.
"""

import argparse
import base64
import email.parser
import email.policy
import hashlib
import json
import os
import re
import signal
import sys
import threading
import uuid
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

AC = "http://atlassian.com/content"
RI = "http://atlassian.com/resource/identifier"


class State:
    def __init__(self, space_key, page_size):
        self.lock = threading.Lock()
        self.next_id = 10001
        self.space = {"id": "90001", "key": space_key, "homepageId": "90002"}
        self.pages = {}        # id -> page dict
        self.properties = {}   # page id -> key -> property dict
        self.attachments = {}  # page id -> title -> attachment dict
        self.labels = {}       # page id -> [names]
        self.log = []
        self.injections = []
        self.page_size = page_size

    def new_id(self):
        value = self.next_id
        self.next_id += 1
        return str(value)


def rewrite_storage(body):
    """Rewrites storage format the way Confluence does on save."""
    def macro(match):
        attributes = dict(re.findall(r'([\w:-]+)="([^"]*)"', match.group(1)))
        attributes.setdefault("ac:schema-version", "1")
        attributes["ac:macro-id"] = str(uuid.uuid4())
        ordered = " ".join('%s="%s"' % (k, attributes[k]) for k in sorted(attributes, reverse=True))
        return "<ac:structured-macro %s%s>" % (ordered, match.group(2))
    body = re.sub(r"<ac:structured-macro\s+([^>]*?)(/?)>", macro, body)
    body = re.sub(r">\s+<", "><", body)
    return body.strip()


def xhtml_error(body):
    wrapped = '<ac:confluence xmlns:ac="%s" xmlns:ri="%s">%s</ac:confluence>' % (AC, RI, body)
    try:
        ET.fromstring(wrapped.encode("utf-8"))
        return None
    except ET.ParseError as error:
        return str(error)


class Handler(BaseHTTPRequestHandler):
    server_version = "ConfluenceStandIn/1"
    protocol_version = "HTTP/1.0"

    def log_message(self, format, *args):  # quiet
        pass

    # -- plumbing ---------------------------------------------------------

    def reply(self, status, payload=None, headers=None):
        data = b"" if payload is None else json.dumps(payload, sort_keys=True).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, message):
        self.reply(status, {"statusCode": status, "message": message})

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def json_body(self, raw):
        try:
            return json.loads(raw.decode("utf-8") or "null")
        except ValueError:
            return None

    def handle_any(self, method):
        state = self.server.state
        url = urlsplit(self.path)
        path, query = url.path, {k: v[0] for k, v in parse_qs(url.query).items()}
        raw = self.body()
        if path.startswith("/_standin/"):
            return self.control(method, path, raw)
        with state.lock:
            self.server.requests += 1
            if self.server.requests >= self.server.max_requests:
                threading.Thread(target=self.server.shutdown, daemon=True).start()
            auth = self.headers.get("Authorization") or ""
            entry = {
                "method": method, "path": path, "query": query,
                "auth": auth.split(" ")[0] if auth else "",
                "contentType": self.headers.get("Content-Type") or "",
                "atlassianToken": self.headers.get("X-Atlassian-Token") or "",
                "bodyBytes": len(raw),
            }
            state.log.append(entry)
            for injection in state.injections:
                if injection["count"] > 0 and injection["method"] in (method, "*") and path.startswith(injection["pathPrefix"]):
                    injection["count"] -= 1
                    headers = {}
                    if injection.get("retryAfter") is not None:
                        headers["Retry-After"] = str(injection["retryAfter"])
                    message = injection.get("message", "injected failure")
                    if injection.get("echoAuthorization"):
                        message += " (request had Authorization: %s)" % auth
                    entry["injected"] = injection["status"]
                    return self.reply(injection["status"], {"statusCode": injection["status"], "message": message}, headers)
            if not self.authorized(path, auth):
                entry["rejected"] = 401
                return self.error(401, "Unauthorized")
            try:
                return self.route(method, path, query, raw, entry)
            except Exception as error:  # a bug here must show up as a failing test, not a hang
                return self.error(500, "stand-in error: %r" % (error,))

    def authorized(self, path, auth):
        if path.startswith("/wiki/"):
            expected = "Basic " + base64.b64encode(("%s:%s" % (self.server.user, self.server.token)).encode()).decode()
        else:
            expected = "Bearer " + self.server.token
        return auth == expected

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_DELETE(self):
        self.handle_any("DELETE")

    # -- control ----------------------------------------------------------

    def control(self, method, path, raw):
        state = self.server.state
        payload = self.json_body(raw) or {}
        with state.lock:
            if path == "/_standin/log":
                return self.reply(200, {"requests": state.log})
            if path == "/_standin/inject":
                payload.setdefault("count", 1)
                payload.setdefault("method", "*")
                payload.setdefault("pathPrefix", "/")
                state.injections.append(payload)
                return self.reply(200, {"ok": True})
            if path == "/_standin/edit":
                page = state.pages.get(str(payload.get("id")))
                if page is None:
                    return self.error(404, "no such page")
                page["version"] = {"number": page["version"]["number"] + 1, "message": payload.get("message", ""), "minorEdit": False}
                page["body"] = page["body"] + "<p>%s</p>" % payload.get("text", "edited by a person")
                return self.reply(200, self.page_v2(page))
            if path == "/_standin/state":
                return self.reply(200, {
                    "pages": state.pages,
                    "properties": state.properties,
                    "labels": state.labels,
                    "attachments": {
                        pid: {t: {k: (hashlib.sha256(v).hexdigest() if k == "data" else v) for k, v in a.items()} for t, a in atts.items()}
                        for pid, atts in state.attachments.items()
                    },
                })
            if path == "/_standin/shutdown":
                threading.Thread(target=self.server.shutdown, daemon=True).start()
                return self.reply(200, {"ok": True})
        return self.error(404, "unknown control endpoint")

    # -- routing ----------------------------------------------------------

    def route(self, method, path, query, raw, entry):
        for prefix in ("/wiki/rest/api", "/rest/api"):
            if path.startswith(prefix + "/"):
                return self.v1(method, path[len(prefix):], query, raw, cloud=prefix.startswith("/wiki"))
        if path.startswith("/wiki/api/v2/"):
            return self.v2(method, path[len("/wiki/api/v2"):], query, raw)
        return self.error(404, "no such endpoint: %s" % path)

    # -- representations ----------------------------------------------------

    def page_v2(self, page, with_body=False):
        result = {k: page[k] for k in ("id", "status", "title", "spaceId", "parentId", "version")}
        if with_body:
            result["body"] = {"storage": {"representation": "storage", "value": page["body"]}}
        return result

    def page_v1(self, page, expand=""):
        state = self.server.state
        result = {"id": page["id"], "type": "page", "status": "current", "title": page["title"],
                  "space": {"key": state.space["key"]}, "version": page["version"]}
        if "ancestors" in expand:
            result["ancestors"] = [{"id": page["parentId"]}] if page["parentId"] else []
        if "body.storage" in expand:
            result["body"] = {"storage": {"value": page["body"], "representation": "storage"}}
        return result

    def attachment_v1(self, attachment):
        return {"id": attachment["id"], "type": "attachment", "title": attachment["title"],
                "metadata": {"comment": attachment["comment"], "mediaType": attachment["mediaType"]},
                "extensions": {"comment": attachment["comment"], "mediaType": attachment["mediaType"], "fileSize": len(attachment["data"])},
                "version": {"number": attachment["version"]}}

    def paged(self, items, query, base):
        start = int(query.get("start", 0))
        limit = min(int(query.get("limit", 25)), self.server.state.page_size)
        chunk = items[start:start + limit]
        result = {"results": chunk, "start": start, "limit": limit, "size": len(chunk), "_links": {}}
        if start + limit < len(items):
            result["_links"]["next"] = "%s?start=%d&limit=%d" % (base, start + limit, limit)
        return result

    # -- pages ----------------------------------------------------------------

    def create_page(self, title, parent_id, body):
        state = self.server.state
        if any(p["title"] == title for p in state.pages.values()):
            return None, (400, "A page with this title already exists: A page already exists with the same TITLE in this space")
        problem = xhtml_error(body)
        if problem:
            return None, (400, "Error parsing xhtml: %s" % problem)
        page = {"id": state.new_id(), "status": "current", "title": title, "spaceId": state.space["id"],
                "parentId": parent_id or state.space["homepageId"],
                "version": {"number": 1, "message": "", "minorEdit": False}, "body": rewrite_storage(body)}
        state.pages[page["id"]] = page
        return page, None

    def update_page(self, page, title, parent_id, body, version):
        number = (version or {}).get("number")
        if number != page["version"]["number"] + 1:
            return (409, "Version must be incremented on update. Current version is: %d" % page["version"]["number"])
        problem = xhtml_error(body)
        if problem:
            return (400, "Error parsing xhtml: %s" % problem)
        page["title"] = title
        if parent_id:
            page["parentId"] = parent_id
        page["body"] = rewrite_storage(body)
        page["version"] = {"number": number, "message": version.get("message", ""), "minorEdit": bool(version.get("minorEdit", False))}
        return None

    # -- v2 -------------------------------------------------------------------

    def v2(self, method, path, query, raw):
        state = self.server.state
        parts = [p for p in path.split("/") if p]
        if method == "GET" and parts == ["spaces"]:
            keys = query.get("keys", "").split(",")
            return self.reply(200, {"results": [state.space] if state.space["key"] in keys else []})
        if parts == ["pages"] and method == "GET":
            found = [self.page_v2(p) for p in state.pages.values()
                     if p["title"] == query.get("title") and p["spaceId"] == query.get("space-id")]
            return self.reply(200, {"results": found, "_links": {}})
        if parts == ["pages"] and method == "POST":
            payload = self.json_body(raw) or {}
            if payload.get("spaceId") != state.space["id"]:
                return self.error(400, "space not found")
            page, problem = self.create_page(payload.get("title"), payload.get("parentId"), ((payload.get("body") or {}).get("value")) or "")
            return self.error(*problem) if problem else self.reply(200, self.page_v2(page))
        if len(parts) >= 2 and parts[0] == "pages":
            page = state.pages.get(parts[1])
            if page is None:
                return self.error(404, "page not found")
            if len(parts) == 2 and method == "GET":
                return self.reply(200, self.page_v2(page, query.get("body-format") == "storage"))
            if len(parts) == 2 and method == "PUT":
                payload = self.json_body(raw) or {}
                problem = self.update_page(page, payload.get("title"), payload.get("parentId"), ((payload.get("body") or {}).get("value")) or "", payload.get("version"))
                return self.error(*problem) if problem else self.reply(200, self.page_v2(page))
            if len(parts) == 3 and parts[2] == "labels" and method == "GET":
                names = state.labels.get(page["id"], [])
                return self.reply(200, {"results": [{"prefix": "global", "name": n, "id": n} for n in names], "_links": {}})
            if len(parts) >= 3 and parts[2] == "properties":
                props = state.properties.setdefault(page["id"], {})
                if len(parts) == 3 and method == "GET":
                    found = [p for k, p in sorted(props.items()) if "key" not in query or k == query["key"]]
                    return self.reply(200, {"results": found, "_links": {}})
                if len(parts) == 3 and method == "POST":
                    payload = self.json_body(raw) or {}
                    if payload.get("key") in props:
                        return self.error(400, "A property with key '%s' already exists" % payload.get("key"))
                    prop = {"id": state.new_id(), "key": payload.get("key"), "value": payload.get("value"), "version": {"number": 1}}
                    props[prop["key"]] = prop
                    return self.reply(200, prop)
                if len(parts) == 4 and method == "PUT":
                    prop = next((p for p in props.values() if p["id"] == parts[3]), None)
                    if prop is None:
                        return self.error(404, "property not found")
                    payload = self.json_body(raw) or {}
                    number = (payload.get("version") or {}).get("number")
                    if number != prop["version"]["number"] + 1:
                        return self.error(409, "property version must be incremented")
                    prop["value"] = payload.get("value")
                    prop["version"] = {"number": number}
                    return self.reply(200, prop)
        return self.error(404, "no such v2 endpoint: %s %s" % (method, path))

    # -- v1 -------------------------------------------------------------------

    def v1(self, method, path, query, raw, cloud):
        state = self.server.state
        parts = [p for p in path.split("/") if p]
        if parts == ["content"] and method == "GET":
            found = [self.page_v1(p, query.get("expand", "")) for p in state.pages.values()
                     if p["title"] == query.get("title") and query.get("spaceKey") == state.space["key"]]
            return self.reply(200, {"results": found, "size": len(found), "_links": {}})
        if parts == ["content"] and method == "POST":
            payload = self.json_body(raw) or {}
            if (payload.get("space") or {}).get("key") != state.space["key"]:
                return self.error(404, "No space with key : %s" % (payload.get("space") or {}).get("key"))
            ancestors = payload.get("ancestors") or []
            body = ((payload.get("body") or {}).get("storage") or {}).get("value") or ""
            page, problem = self.create_page(payload.get("title"), ancestors[-1]["id"] if ancestors else None, body)
            return self.error(*problem) if problem else self.reply(200, self.page_v1(page, "ancestors"))
        if len(parts) >= 2 and parts[0] == "content":
            page = state.pages.get(parts[1])
            if page is None:
                return self.error(404, "No content found with id: %s" % parts[1])
            rest = parts[2:]
            if not rest and method == "GET":
                return self.reply(200, self.page_v1(page, query.get("expand", "")))
            if not rest and method == "PUT":
                payload = self.json_body(raw) or {}
                ancestors = payload.get("ancestors") or []
                body = ((payload.get("body") or {}).get("storage") or {}).get("value") or ""
                problem = self.update_page(page, payload.get("title"), ancestors[-1]["id"] if ancestors else None, body, payload.get("version"))
                return self.error(*problem) if problem else self.reply(200, self.page_v1(page, "ancestors"))
            if rest and rest[0] == "property":
                props = state.properties.setdefault(page["id"], {})
                if len(rest) == 2 and method == "GET":
                    prop = props.get(rest[1])
                    return self.reply(200, prop) if prop else self.error(404, "No property found with key: %s" % rest[1])
                if len(rest) == 1 and method == "POST":
                    payload = self.json_body(raw) or {}
                    if payload.get("key") in props:
                        return self.error(409, "A property with key '%s' already exists" % payload.get("key"))
                    prop = {"id": state.new_id(), "key": payload.get("key"), "value": payload.get("value"), "version": {"number": 1}}
                    props[prop["key"]] = prop
                    return self.reply(200, prop)
                if len(rest) == 2 and method == "PUT":
                    prop = props.get(rest[1])
                    if prop is None:
                        return self.error(404, "No property found with key: %s" % rest[1])
                    payload = self.json_body(raw) or {}
                    number = (payload.get("version") or {}).get("number")
                    if number != prop["version"]["number"] + 1:
                        return self.error(409, "Version must be incremented on update")
                    prop["value"] = payload.get("value")
                    prop["version"] = {"number": number}
                    return self.reply(200, prop)
            if rest and rest[0] == "label":
                names = state.labels.setdefault(page["id"], [])
                if method == "GET":
                    items = [{"prefix": "global", "name": n, "id": n} for n in names]
                    return self.reply(200, self.paged(items, query, "/rest/api/content/%s/label" % page["id"]))
                if method == "POST":
                    for label in self.json_body(raw) or []:
                        if label.get("name") not in names:
                            names.append(label.get("name"))
                    return self.reply(200, {"results": [{"prefix": "global", "name": n} for n in names]})
            if rest[:2] == ["child", "attachment"]:
                atts = state.attachments.setdefault(page["id"], {})
                if len(rest) == 2 and method == "GET":
                    items = [self.attachment_v1(a) for t, a in sorted(atts.items()) if "filename" not in query or t == query["filename"]]
                    return self.reply(200, self.paged(items, query, "/rest/api/content/%s/child/attachment" % page["id"]))
                if method == "POST" and (len(rest) == 2 or (len(rest) == 4 and rest[3] == "data")):
                    if self.headers.get("X-Atlassian-Token") != "no-check":
                        return self.error(403, "XSRF check failed")
                    upload = self.multipart(raw)
                    if upload is None:
                        return self.error(400, "no file in the multipart body")
                    filename, media_type, data, comment = upload
                    if len(rest) == 2:
                        if filename in atts:
                            return self.error(400, "Cannot add a new attachment with same file name as an existing attachment: %s" % filename)
                        attachment = {"id": "att" + state.new_id(), "title": filename, "mediaType": media_type, "data": data,
                                      "comment": comment, "version": 1}
                        atts[filename] = attachment
                        return self.reply(200, {"results": [self.attachment_v1(attachment)], "size": 1})
                    attachment = next((a for a in atts.values() if a["id"] == rest[2]), None)
                    if attachment is None:
                        return self.error(404, "attachment not found")
                    attachment.update({"data": data, "comment": comment, "mediaType": media_type, "version": attachment["version"] + 1})
                    return self.reply(200, self.attachment_v1(attachment))
        return self.error(404, "no such v1 endpoint: %s %s" % (method, path))

    def multipart(self, raw):
        content_type = self.headers.get("Content-Type") or ""
        if not content_type.startswith("multipart/form-data"):
            return None
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
        filename, media_type, data, comment = None, None, None, ""
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if name == "file":
                filename = part.get_filename()
                media_type = part.get_content_type()
                data = part.get_payload(decode=True)
            elif name == "comment":
                comment = part.get_payload(decode=True).decode("utf-8")
        if filename is None:
            return None
        return filename, media_type, data, comment


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--user", default="publisher@example.com")
    parser.add_argument("--token", required=True)
    parser.add_argument("--space", default="DOCS")
    parser.add_argument("--page-size", type=int, default=3, help="results per page of v1 listings (small, to exercise paging)")
    parser.add_argument("--lifetime", type=float, default=120, help="seconds before the stand-in exits by itself")
    parser.add_argument("--max-requests", type=int, default=2000)
    args = parser.parse_args()

    # The test runner may start us with SIGTERM ignored or blocked; the tests
    # stop the stand-in with SIGTERM, so restore the default.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])

    server = HTTPServer(("127.0.0.1", 0), Handler)
    server.state = State(args.space, args.page_size)
    server.user, server.token = args.user, args.token
    server.requests, server.max_requests = 0, args.max_requests
    timer = threading.Timer(args.lifetime, lambda: os._exit(3))
    timer.daemon = True
    timer.start()
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
