"""spd-score for Python: Solutions Partner designation scores from Partner
Center exports, computed by the same Rust core as the CLI and the page.

    import spd_score
    report = spd_score.score(["usage.csv", "skilling.csv"])   # the CLI's --json, as a dict
    rows = spd_score.batch("partners/")                       # the CLI's batch rows
    spd_score.write(rows, "csv")                              # ... as the CLI writes them

Files are read by the core a megabyte at a time, with the interpreter
released: `batch` scores partners on every core with threads. Spark:
`python -m spd_score.spark` (docs/portfolio.md).
"""

from __future__ import annotations

import datetime
import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence, Union

from . import _core

__all__ = [
    "COLUMNS",
    "Partner",
    "batch",
    "find_partners",
    "partner_rows",
    "rulesets",
    "score",
    "summary",
    "version",
    "write",
]

#: The fields of a portfolio row, in the CLI's CSV order (docs/portfolio.md):
#: the core's own list.
COLUMNS = tuple(_core.COLUMNS)

PathLike = Union[str, "os.PathLike[str]"]
#: A file: a path, or a name and its bytes.
File = Union[PathLike, "tuple[str, bytes]"]


def _this_month() -> str:
    # As the JavaScript Scorer: rows dated after the current month are errors.
    return datetime.date.today().strftime("%Y-%m")


def _scorer_options(today: Optional[str], ruleset=None, rulesets=None) -> str:
    month = today[:7] if today else _this_month()
    return json.dumps({"ruleset": ruleset, "rulesets": list(rulesets or []), "today": month})


def _drop_none(options: dict) -> str:
    return json.dumps({k: v for k, v in options.items() if v is not None})


def _date(today: Optional[str]) -> Optional[str]:
    # `today` as a full date also adds the qualification window; a month
    # only says after which month rows are errors.
    return today if today and len(today) == 10 else None


def score(
    files: Union[File, Iterable[File]],
    *,
    as_of: Optional[str] = None,
    history: bool = False,
    today: Optional[str] = None,
    anniversary: Optional[str] = None,
    tenant_limit: Optional[int] = None,
    manual_values: Optional[Sequence[dict]] = None,
    tracks: Optional[dict] = None,
    detail: Optional[str] = None,
    ruleset: Optional[dict] = None,
    rulesets: Optional[Sequence[dict]] = None,
) -> dict:
    """The report of these files scored together, as a dict: exactly what
    `spd-score score --json FILE...` writes, parsed.

    `files`: paths, or `(name, bytes)` pairs (a dict `{name: bytes}` too).
    Options as the JavaScript API's, in snake case: `as_of` (`YYYY-MM`),
    `today` and `anniversary` (`YYYY-MM-DD`), `history`, `tenant_limit`,
    `manual_values` (`[{area, track?, metric, value}]`), `tracks`
    (`{area: track}`), `detail` (`"full"` or `"summary"`), `ruleset` /
    `rulesets` (replacing the embedded ones of their ids). A file that
    cannot be opened raises its `OSError`; bad options raise `ValueError`.
    """
    if isinstance(files, (str, os.PathLike)):
        files = [files]
    elif isinstance(files, dict):
        files = list(files.items())
    sources = [os.fspath(f) if isinstance(f, (str, os.PathLike)) else (str(f[0]), bytes(f[1])) for f in files]
    report_options = {
        "asOf": as_of,
        "history": history,
        "today": _date(today),
        "anniversary": anniversary,
        "tenantLimit": tenant_limit,
        "manualValues": list(manual_values) if manual_values is not None else None,
        "tracks": tracks,
        "detail": detail,
    }
    text = _core.report(sources, _scorer_options(today, ruleset, rulesets), _drop_none(report_options))
    return json.loads(text)


@dataclass
class Partner:
    """A partner of a portfolio: its name, its files, and why it has none."""

    name: str
    files: list = field(default_factory=list)
    problem: Optional[str] = None


def _csv_fields(line: str) -> list:
    """A manifest line's fields (RFC 4180 quotes), as the CLI reads them."""
    out, current, quoted, i = [], [], False, 0
    while i < len(line):
        c = line[i]
        if quoted:
            if c == '"' and line[i + 1 : i + 2] == '"':
                current.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                current.append(c)
        elif c == '"':
            quoted = True
        elif c == ",":
            out.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    out.append("".join(current))
    return [f.strip() for f in out]


_WHY = {"ENOENT": "no such file", "EISDIR": "is a directory", "EACCES": "permission denied", "ENOTDIR": "not a folder"}


def _why(e: OSError) -> str:
    import errno

    return _WHY.get(errno.errorcode.get(e.errno or 0, ""), e.strerror or str(e))


def find_partners(source: PathLike) -> list:
    """The partners of `source`, as `spd-score batch` finds them: a folder
    of partner folders (each folder's files, hidden ones and sub-folders
    left out), or a manifest CSV `partner,file` (paths relative to the
    manifest; a `partner,file` header line is optional). In name order."""
    path = os.fspath(source)
    if not os.path.exists(path):
        raise FileNotFoundError(2, "no such folder or manifest", path)
    partners = {}
    if os.path.isdir(path):
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
                    continue
                partner = Partner(entry.name)
                try:
                    with os.scandir(entry.path) as inside:
                        partner.files = sorted(
                            f.path for f in inside if not f.name.startswith(".") and not f.is_dir(follow_symlinks=False)
                        )
                    if not partner.files:
                        partner.problem = f"{entry.name}: no files in the folder"
                except OSError as e:
                    partner.problem = f"{entry.name}: {_why(e)}"
                partners[entry.name] = partner
    else:
        base = os.path.dirname(os.path.abspath(path))
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        for i, line in enumerate(text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")):
            if not line.strip():
                continue
            fields = _csv_fields(line)
            name, file = fields[0], fields[1] if len(fields) > 1 else ""
            if i == 0 and name.lower() == "partner" and file.lower() == "file":
                continue
            if not name or not file:
                raise ValueError(f"{path}:{i + 1}: a manifest line is partner,file")
            partners.setdefault(name, Partner(name)).files.append(os.path.normpath(os.path.join(base, file)))
    return sorted(partners.values(), key=lambda p: p.name)


def partner_rows(
    partner: Union[Partner, str],
    files: Sequence[PathLike] = (),
    *,
    unread: Sequence[str] = (),
    as_of: Optional[str] = None,
    today: Optional[str] = None,
) -> list:
    """One partner's rows, as `spd-score batch` writes them: one per
    designation in Partner Center's order, or one with `area` None and the
    reason in `errors` when none of its files could be read."""
    if isinstance(partner, Partner):
        name, files, unread = partner.name, partner.files, [partner.problem] if partner.problem else list(unread)
    else:
        name = partner
    text = _core.partner_rows(
        name,
        [os.fspath(f) for f in files],
        list(unread),
        _scorer_options(today),
        _drop_none({"asOf": as_of, "today": _date(today)}),
    )
    return json.loads(text)


def batch(
    source: Union[PathLike, Iterable[Partner]],
    *,
    workers: Optional[int] = None,
    as_of: Optional[str] = None,
    today: Optional[str] = None,
) -> list:
    """Every partner's rows, in the portfolio's order (partner name, then
    Partner Center's order of designations): `spd-score batch`'s rows as
    dicts. `source`: a folder of partner folders, a manifest CSV, or
    `Partner`s. `workers` threads (default: one per core) score partners
    in parallel; one partner's broken files never stop the others."""
    partners = find_partners(source) if isinstance(source, (str, os.PathLike)) else list(source)
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise ValueError("workers must be at least 1")

    def one(p: Partner) -> list:
        return partner_rows(p, as_of=as_of, today=today)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        rows = [row for rows in pool.map(one, partners) for row in rows]
    # Stable: each partner's rows stay in the core's order.
    rows.sort(key=lambda r: r["partner"])
    return rows


def write(rows: Sequence[dict], format: str) -> Union[str, dict]:
    """Rows written as the CLI writes them: `"csv"` (with its header, CRLF)
    or `"jsonl"` (text), in the portfolio's order; `"summary"` is a dict."""
    # A whole score as the CLI writes it: 79, not 79.0 (rows that went
    # through a float column, such as Spark's, come back as floats).
    whole = lambda s: int(s) if isinstance(s, float) and s.is_integer() else s  # noqa: E731
    text = _core.write(json.dumps([{**r, "score": whole(r.get("score"))} for r in rows]), format)
    return json.loads(text) if format == "summary" else text


def summary(rows: Sequence[dict]) -> dict:
    """The portfolio at a glance, as `spd-score batch --json`'s last line:
    per designation the partners scored, qualified, within ten points and
    above the incentive line; the partners not scored or with errors."""
    return write(rows, "summary")


def rulesets() -> list:
    """Every embedded area ruleset, in Partner Center's order."""
    return [json.loads(r) for r in _core.rulesets()]


def version() -> str:
    """The version of the scoring core."""
    return _core.version()
