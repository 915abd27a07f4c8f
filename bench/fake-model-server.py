#!/usr/bin/env python3
"""A scripted model on the loopback for benches: the OpenAI chat-completions protocol (POST .../chat/completions)
with the response shape OpenAI sends, answering each call with the next reply of a script (a JSON list of reply
texts) and the last one to every later call. It bills each reply as the test server does (a token per 4
characters of request and of reply) and appends one JSON line per call to the log: a bench reads from it what
the lab was told and what it cost.
    bench/fake-model-server.py SCRIPT.json PORT_FILE LOG.jsonl   (writes the port it listens on to PORT_FILE)"""
import http.server, json, sys, threading

script_file, port_file, log_file = sys.argv[1:4]
replies = json.load(open(script_file, encoding="utf-8"))
lock, calls = threading.Lock(), [0]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        with lock:
            index = calls[0]
            calls[0] += 1
        text = replies[min(index, len(replies) - 1)]
        prompt, completion = max(1, len(body) // 4), max(1, len(text) // 4)
        answer = json.dumps({
            "id": f"chatcmpl-bench{index}", "object": "chat.completion", "created": 1741570283,
            "model": "gpt-4o-2024-08-06",
            "choices": [{"index": 0, "logprobs": None, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text, "refusal": None, "annotations": []}}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                      "total_tokens": prompt + completion},
        }).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)
        with lock, open(log_file, "a", encoding="utf-8") as log:
            log.write(json.dumps({"call": index + 1, "prompt_tokens": prompt, "completion_tokens": completion,
                                  "request": json.loads(body)}) + "\n")

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
