"""The bounded worker pool and its queue: never more tasks at once than workers, each participant's place known.

``workers`` processes (:mod:`lawcheck.serve.work`) run the tasks; ``workers`` runner coroutines take the
waiting tasks one at a time, best priority first, then first come first served: short tasks a participant
waits for on the page (an explanation, a download, a decision) go before checks, so that reading a report
stays quick while thirty bills queue. A task knows its place in the queue and, while it runs, how many of
the checklist's entries it has judged (the workers send that through a pipe, read by one thread).

A worker that dies (killed, out of memory) fails its task with one line and the pool starts new workers.
``waiting_limit`` bounds the queue: past it a new check is refused (the page says to try again shortly).
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from lawcheck.errors import LawcheckError
from lawcheck.serve import work

LOG = logging.getLogger("lawcheck.serve")
URGENT, CHECK = 0, 1  # priorities: what a participant waits for on the page, then checks
TASKS_PER_WORKER = 200  # a worker is replaced after so many tasks: its memory never creeps up for long


class Busy(Exception):
    """The queue is full."""


class Failed(Exception):
    """A task failed: ``str()`` is the one line to show (or "" for an internal error, logged)."""


@dataclass(eq=False)
class Task:
    name: str
    args: tuple
    priority: int
    order: int
    job: str = ""
    state: str = "waiting"  # waiting, running, done, failed
    done: int = 0
    total: int = 0
    future: asyncio.Future = field(default_factory=lambda: asyncio.get_running_loop().create_future())

    def key(self) -> tuple[int, int]:
        return self.priority, self.order


class Pool:
    def __init__(self, workers: int, offences: str | None = None, waiting_limit: int = 100,
                 warm: tuple[str, ...] = ()) -> None:
        self.workers = workers
        self.warm = warm  # the languages each worker loads before the first check
        self.offences = offences
        self.waiting_limit = waiting_limit
        self.running = 0
        self.most_running = 0  # the most tasks ever run at once (tests read it: never above workers)
        self._waiting: list[Task] = []
        self._running: dict[str, Task] = {}
        self._order = itertools.count()
        self._context = multiprocessing.get_context("spawn")
        # Progress messages go through a pipe (no lock: a message this small is written at once)
        self._progress_in, self._progress = self._context.Pipe(duplex=False)
        self._executor: ProcessPoolExecutor | None = None
        self._runners: list[asyncio.Task] = []
        self._warming: list[asyncio.Task] = []
        self._stopping = False
        self._ready: asyncio.Condition | None = None
        self._reader: threading.Thread | None = None

    # ----------------------------------------------------------------------- life

    async def start(self) -> None:
        self._ready = asyncio.Condition()
        self._executor = self._new_executor()
        self._reader = threading.Thread(target=self._read_progress, name="lawcheck-progress", daemon=True)
        self._reader.start()
        self._runners = [asyncio.create_task(self._runner()) for _ in range(self.workers)]
        # start the workers now and warm them up, before the first participant
        self._warming = [asyncio.create_task(self._warm()) for _ in range(self.workers)]

    async def stop(self) -> None:
        """Stop at once: the waiting tasks are cancelled, a running check is not awaited (its worker ends)."""
        self._stopping = True
        for runner in self._runners + self._warming:
            runner.cancel()
        for task in self._waiting:
            if not task.future.done():
                task.future.cancel()
        self._waiting.clear()
        if self._executor is not None:
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.terminate()
            await asyncio.to_thread(self._executor.shutdown, True, cancel_futures=True)  # tidies up, workers gone
        self._progress.send(None)
        if self._reader is not None:
            await asyncio.to_thread(self._reader.join, 5)
        self._progress.close()
        self._progress_in.close()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=work.start,
                                   initargs=(self._progress, self.offences), max_tasks_per_child=TASKS_PER_WORKER)

    async def _warm(self) -> None:
        task = await self.submit("warm", (self.warm,), URGENT)
        try:
            await task.future
        except (Failed, asyncio.CancelledError):
            pass

    # ----------------------------------------------------------------------- the queue

    async def submit(self, name: str, args: tuple, priority: int = URGENT, job: str = "") -> Task:
        """Queue a task (``name`` in :data:`lawcheck.serve.work.TASKS`); await ``task.future`` for its result."""
        assert self._ready is not None, "the pool is not started"
        if priority == CHECK and sum(t.priority == CHECK for t in self._waiting) >= self.waiting_limit:
            raise Busy()
        task = Task(name, args, priority, next(self._order), job)
        task.future.add_done_callback(_retrieved)
        async with self._ready:
            bisect.insort(self._waiting, task, key=Task.key)
            self._ready.notify()
        return task

    def place(self, task: Task) -> int:
        """1 for the next task to run, 2 for the one after...; 0 once it runs."""
        try:
            return self._waiting.index(task) + 1
        except ValueError:
            return 0

    def waiting(self) -> int:
        return len(self._waiting)

    async def _runner(self) -> None:
        assert self._ready is not None
        while True:
            async with self._ready:
                await self._ready.wait_for(lambda: bool(self._waiting))
                task = self._waiting.pop(0)
            await self._run(task)

    async def _run(self, task: Task) -> None:
        task.state = "running"
        self.running += 1
        self.most_running = max(self.most_running, self.running)
        tag = task.job or f"task-{task.order}"
        self._running[tag] = task
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self._executor, work.run, tag, task.name, *task.args)
        except LawcheckError as error:
            self._finish(task, error=Failed(str(error)))
        except BrokenProcessPool:
            if not self._stopping:
                LOG.error("a worker stopped while running %s; starting new workers", task.name)
                self._replace_executor()
            self._finish(task, error=Failed(""))
        except Exception:  # a bug: logged for the trainer, one line for the participant
            LOG.exception("task %s failed", task.name)
            self._finish(task, error=Failed(""))
        else:
            self._finish(task, result=result)
        finally:
            self.running -= 1
            self._running.pop(tag, None)

    def _finish(self, task: Task, result: Any = None, error: Failed | None = None) -> None:
        task.state = "failed" if error else "done"
        if task.future.done():
            return
        if error is not None:
            task.future.set_exception(error)
        else:
            task.future.set_result(result)

    def _replace_executor(self) -> None:
        old, self._executor = self._executor, self._new_executor()
        if old is not None:
            old.shutdown(wait=False, cancel_futures=True)

    def _read_progress(self) -> None:
        while True:
            try:
                message = self._progress_in.recv()
            except (EOFError, OSError):
                return
            if message is None:
                return
            tag, done, total = message
            task = self._running.get(tag)
            if task is not None:
                task.done, task.total = done, total


def _retrieved(future: asyncio.Future) -> None:
    """A task nobody awaits (a check followed by its job) fails without a "never retrieved" warning."""
    if not future.cancelled():
        future.exception()
