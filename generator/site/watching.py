"""Native change notifications for facts/ and seeds/ under `mkdocs serve`.

MkDocs 1.6 watches its folders with watchdog's PollingObserver: every 0.5 s
it lists and stats every file below each watched folder. At 1,000 articles
facts/ and seeds/ hold ~5,700 files: ~55 ms of CPU per poll (about a tenth
of a core while nobody edits) and on average 0.25 s more before a saved
file is noticed. Where the platform has native notifications (inotify,
FSEvents, ReadDirectoryChangesW), `watch_natively` watches these folders
with watchdog's native observer instead and asks the server for a rebuild
exactly as MkDocs' own watcher does. It falls back (returns False, and the
plugin uses `server.watch`) when the server does not look like MkDocs 1.6's
LiveReloadServer, when only polling is available, or when the watch cannot
be set up (e.g. the inotify watch limit).

Only changes count: the build itself opens and reads these files, and
recent watchdog versions report opening and closing too.
"""
from __future__ import annotations

import gc
import logging
import threading

log = logging.getLogger("mkdocs.plugins.factsheets")
CHANGES = frozenset({"created", "modified", "deleted", "moved"})
_OBSERVERS: list = []


def watch_natively(server, folders: list[str]) -> bool:
    cond = getattr(server, "_rebuild_cond", None)
    if cond is None or not hasattr(server, "_want_rebuild") or not folders:
        return False
    try:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
    except ImportError:
        return False
    if issubclass(Observer, PollingObserver):
        return False

    def on_any_event(event) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        log.debug(str(event))
        with cond:
            server._want_rebuild = True
            cond.notify_all()

    handler = FileSystemEventHandler()
    handler.on_any_event = on_any_event
    observer = Observer()
    try:
        for folder in folders:
            observer.schedule(handler, folder, recursive=True)
        observer.start()
    except OSError as exc:
        log.info(f"factsheets: native file watching unavailable ({exc}); polling instead")
        return False
    _OBSERVERS.append(observer)
    log.debug(f"factsheets: watching {', '.join(folders)} with {type(observer).__name__}")
    return True


def stop_watching() -> None:
    for observer in _OBSERVERS:
        observer.stop()
    for observer in _OBSERVERS:
        observer.join(timeout=2)
    _OBSERVERS.clear()


# --- garbage collection between `mkdocs serve` rebuilds -------------------------------------
#
# Each rebuild makes a new config, plugins, ~5,700 File and Page objects (1,000 articles) and
# drops the last build's, and the process keeps the parsed facts and rendered pages: the cyclic
# garbage collector's automatic full collections took 0.3-0.5 s, inside a rebuild every second
# or third save (and its young collections ~0.1 s of each). While serving, the plugin pauses
# the automatic collector during builds and collects when the site has been idle for
# IDLE_SECONDS after a build (the page has been reloaded by then): everything unfrozen,
# collected, and what survives frozen, so that a collection never walks it during a build.
IDLE_SECONDS = 1.0
_IDLE: list = []  # the pending timer
_COLLECTED: list = []  # a collection has run


def pause_collector() -> None:
    """A build starts: no automatic collection, no pending idle one."""
    for timer in _IDLE:
        timer.cancel()
    _IDLE.clear()
    gc.disable()


def collect_when_idle(delay: float = IDLE_SECONDS) -> None:
    """A build ended: collect in `delay` seconds unless another build starts first. After the
    first build of the process, collect now (~2 s at 1,000 articles, before the first page is
    served, rather than in the middle of the first edit's rebuild)."""
    for timer in _IDLE:
        timer.cancel()
    if not _COLLECTED:
        _collect()
        return
    timer = threading.Timer(delay, _collect)
    timer.daemon = True
    _IDLE[:] = [timer]
    timer.start()


def _collect() -> None:
    _COLLECTED.append(True)
    gc.unfreeze()
    gc.collect()
    gc.freeze()
