"""`kzlint --daemon`: runs forked from a process that has already started.

A pre-commit run over one file spends most of its half second before it reads a byte:
starting Python, importing pydantic and the rules, compiling their patterns, loading the
word list and gazetteer. The daemon (server.py) does all of that once, then waits on a
Unix socket; each `kzlint --daemon ...` (client.py) hands it its arguments, working
directory, environment and its own standard input, output and error, and the daemon
forks a child that runs exactly what `kzlint ...` would, on those. The run's output goes
straight to the caller's terminal or pipe; its exit code comes back through the socket.

Like dmypy or eslint_d, it is opt-in (`--daemon` or KZLINT_DAEMON=1, which start it when
it is not running) and per user and installation (channel.py). It stops after some idle
time, with `kzlint daemon stop`, and as soon as kzlint's files change.
"""
