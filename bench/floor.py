"""The floor of our own stack: a minimal Flask app (GET /hello answers JSON, POST /echo answers the
JSON it got) run by gunicorn's threaded worker with the settings `mus serve` uses (passed as JSON
by bench/stack.py: `python bench/floor.py '{"bind": ..., "workers": 1, "threads": 16, ...}'`).

Imports nothing of the app, so its worker's memory is that of Flask and gunicorn alone."""

from __future__ import annotations

import json
import sys

from flask import Flask, jsonify, request
from gunicorn.app.base import BaseApplication

app = Flask(__name__)


@app.get("/hello")
def hello():
    return jsonify(status="ok", message="hello")


@app.post("/echo")
def echo():
    return jsonify(request.get_json()), 201


class FloorServer(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)
        self.cfg.set("worker_class", "gthread")

    def load(self):
        return app


if __name__ == "__main__":
    FloorServer(json.loads(sys.argv[1])).run()
