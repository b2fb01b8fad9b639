#!/usr/bin/env python3
"""A loopback stand-in for a Kubernetes API server, for rolebook's tests.

It serves the CustomResourceDefinitions of the YAML files it is given at
GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions, in pages of at
most `limit` items with `metadata.continue` tokens, as a real API server does
(kubectl get --raw does not follow them: rolebook must). It speaks HTTPS with
the certificate it is given, demands `Authorization: Bearer TOKEN` (401
otherwise), can answer 410 Gone once to a continue token, logs every request
path to a file, binds 127.0.0.1 on a port the OS picks, prints that port, and
exits by itself after --lifetime seconds.
"""
import argparse
import base64
import json
import ssl
import os
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import yaml


KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
  - name: stand-in
    cluster:
      server: https://127.0.0.1:{port}
      certificate-authority-data: {ca}
users:
  - name: tester
    user:
      token: {token}
contexts:
  - name: stand-in
    context: {{ cluster: stand-in, user: tester }}
  - name: elsewhere
    context: {{ cluster: stand-in, user: nobody }}
current-context: elsewhere
"""


def load_crds(paths):
    items = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for document in yaml.safe_load_all(handle):
                if isinstance(document, dict) and document.get("kind") == "CustomResourceDefinition":
                    items.append(document)
    items.sort(key=lambda item: item["metadata"]["name"])
    return items


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--kubeconfig", required=True)
    parser.add_argument("--expire-once", action="store_true")
    parser.add_argument("--lifetime", type=float, default=60.0)
    parser.add_argument("crds", nargs="+")
    args = parser.parse_args()
    items = load_crds(args.crds)
    state = {"expired": False}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def reply(self, code, body):
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def status(self, code, reason, message):
            self.reply(code, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                              "reason": reason, "message": message, "code": code})

        def do_GET(self):
            with lock:
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(self.path + "\n")
            if self.headers.get("Authorization") != "Bearer " + args.token:
                return self.status(401, "Unauthorized", "Unauthorized")
            url = urllib.parse.urlparse(self.path)
            query = urllib.parse.parse_qs(url.query)
            if url.path == "/api":
                return self.reply(200, {"kind": "APIVersions", "versions": ["v1"]})
            if url.path == "/apis":
                return self.reply(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": []})
            if url.path != "/apis/apiextensions.k8s.io/v1/customresourcedefinitions":
                return self.status(404, "NotFound", "the server could not find the requested resource")
            limit = int(query.get("limit", ["500"])[0])
            start = 0
            if "continue" in query:
                with lock:
                    expire = args.expire_once and not state["expired"]
                    state["expired"] = state["expired"] or expire
                if expire:
                    return self.status(410, "Expired", "The provided continue parameter is too old")
                start = int(query["continue"][0].removeprefix("tok+en/"))
            page = items[start:start + limit]
            metadata = {"resourceVersion": "42"}
            if start + limit < len(items):
                # '+' and '/' as in real (base64) tokens: clients must encode them.
                metadata["continue"] = "tok+en/" + str(start + limit)
                metadata["remainingItemCount"] = len(items) - start - limit
            self.reply(200, {"kind": "CustomResourceDefinitionList",
                             "apiVersion": "apiextensions.k8s.io/v1",
                             "metadata": metadata, "items": page})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    with open(args.ca, "rb") as handle:
        ca_data = base64.b64encode(handle.read()).decode()
    with open(args.kubeconfig, "w", encoding="utf-8") as handle:
        handle.write(KUBECONFIG.format(port=port, ca=ca_data, token=args.token))
    with open(args.port_file + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(str(port))
    os.rename(args.port_file + ".tmp", args.port_file)
    timer = threading.Timer(args.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
