"""Use cases. Each takes a unit of work, the acting person and plain values; it validates and
authorizes (`check_*`), changes (`do_*`) and emits live events that are published after commit."""
