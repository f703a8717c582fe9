"""Readers: find input files and turn them into :class:`RawDocument` records.

Everything here streams: :func:`discover` walks folders lazily and
:func:`read_file` yields one document (or :class:`BadInput`) at a time, so
memory does not grow with the number of files or JSONL/CSV rows. Nothing a bad
file contains makes these functions raise; it comes out as a one-line
:class:`BadInput` and the batch goes on.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import hashlib
import io
import itertools
import json
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from storyline import config
from storyline.errors import InputError
from storyline.records import BadInput, RawDocument


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file found by :func:`discover`."""

    path: str  #: as given, or ``os.path.join(folder, relative path)`` when walked
    size: int
    mtime: float
    sha256: str  #: hex digest of the bytes; ``""`` when refused before reading


SUPPORTED = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".csv"}

#: Field names recognised in JSON/JSONL objects and CSV headers; the first present wins.
BODY_FIELDS = ("text", "content", "body", "article", "maintext")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("date", "published", "published_at", "publish_date", "date_publish", "pubDate")
OUTLET_FIELDS = ("outlet", "source", "source_name", "site_name", "publisher")
ID_FIELDS = ("id", "_id", "uuid")
#: Keys of a ``.json`` object that hold the list of articles.
LIST_FIELDS = ("articles", "items", "data")

_SUPPORTED_LIST = " ".join(sorted(SUPPORTED))
_NO_ARTICLE = "no article text found in the HTML; is this a navigation/index page?"
_EMPTY = "empty file; nothing to ingest"
_EMPTY_BODY = "empty article body; fill it in or drop the record"
_SAMPLE = 64 * 1024


def recognised_fields() -> dict[str, tuple[str, ...]]:
    """The JSON/CSV field names each document attribute is read from, in priority order."""
    return {
        "body": BODY_FIELDS,
        "title": TITLE_FIELDS,
        "url": URL_FIELDS,
        "date": DATE_FIELDS,
        "outlet": OUTLET_FIELDS,
        "id": ID_FIELDS,
        "list": LIST_FIELDS,
    }


# --------------------------------------------------------------------------- discovery


def discover(paths: Iterable[str]) -> Iterator[SourceFile | BadInput]:
    """Yield the supported files under ``paths`` (folders walked in sorted order, hidden ones skipped)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for given in paths:
        path = os.fspath(given)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            yield BadInput(path, "no such file or folder; check the path")
            continue
        except OSError as e:
            yield BadInput(path, f"cannot open ({e.strerror}); check the path and its permissions")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, {_real(path)})
        elif not stat.S_ISREG(st.st_mode):
            yield BadInput(path, "not a regular file; name a file or a folder")
        elif _ext(path) not in SUPPORTED:
            ext = _ext(path) or "no extension"
            yield BadInput(path, f"unsupported file type ({ext}); use one of {_SUPPORTED_LIST}")
        else:
            yield _source(path, st)


def _walk(folder: str, seen: set[str]) -> Iterator[SourceFile | BadInput]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield BadInput(folder, f"cannot list the folder ({e.strerror}); check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            real = _real(entry.path)
            if real not in seen:  # guards against symlink loops
                seen.add(real)
                yield from _walk(entry.path, seen)
            continue
        if _ext(entry.name) not in SUPPORTED:
            continue
        try:
            st = os.stat(entry.path)
        except OSError as e:
            yield BadInput(entry.path, f"cannot open ({e.strerror}); fix or remove the file")
            continue
        if stat.S_ISREG(st.st_mode):
            yield _source(entry.path, st)


def _source(path: str, st: os.stat_result) -> SourceFile | BadInput:
    if st.st_size > config.MAX_FILE_BYTES:
        return SourceFile(path, st.st_size, st.st_mtime, "")
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as e:
        return BadInput(path, f"cannot read the file ({e.strerror}); check its permissions")
    return SourceFile(path, st.st_size, st.st_mtime, digest.hexdigest())


def _ext(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _real(path: str) -> str:
    return os.path.realpath(path)


# --------------------------------------------------------------------------- decoding

_LANG_LETTERS = [
    set(s)
    for s in (
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšžé",  # Croatian, Slovene, Bosnian
        "ăâîșşțţ",  # Romanian
        "äöüßé",  # German
        "àâæçéèêëîïôœùûüÿ",  # French
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíòóùú",  # Italian
        "åæøäöéáðþýíóú",  # Nordic
        "àçèéíïòóúü",  # Catalan
    )
]
_CONTROL_BYTES = bytes([b for b in range(32) if b not in (9, 10, 12, 13)] + [127])
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def decode_bytes(data: bytes, *, path: str) -> str:
    """Decode file bytes to NFC text with ``\\n`` line ends; raise :class:`InputError` for binary data."""
    return _finish(_decode_raw(data, path))


def _finish(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode_raw(data: bytes, path: str) -> str:
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            _check_text(text, path)
            return text
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        utf16 = _bomless_utf16(sample)
        if utf16 is None:
            raise _binary(path)
        text = data.decode(utf16, errors="replace")
        _check_text(text, path)
        return text
    if sample and sum(sample.count(b) for b in _CONTROL_BYTES) / len(sample) > 0.05:
        raise _binary(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for enc in _rank_encodings(sample):
        try:
            return data.decode(enc, errors="replace" if enc == "utf-8" else "strict")
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")  # pragma: no cover - latin-1 never fails


def _binary(path: str) -> InputError:
    return InputError(
        f"{path}: file looks binary (NUL bytes or control characters), not text; "
        f"convert it to one of {_SUPPORTED_LIST} first",
        code="E101",
    )


def _bomless_utf16(sample: bytes) -> str | None:
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _check_text(text: str, path: str) -> None:
    sample = text[:_SAMPLE]
    if not sample:
        return
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if "\x00" in sample or bad / len(sample) > 0.05:
        raise _binary(path)


def _rank_encodings(sample: bytes) -> list[str]:
    """Candidate encodings for ``sample``, most plausible first (ties keep this order).

    cp1252 goes before cp1250 on a tie: "hôtel près" is also valid Slovak as "hôtel prčs",
    but Polish and Czech text nearly always has letters that only cp1250 decodes as letters.
    """
    candidates = ["utf-8", "cp1252", "cp1250", "iso-8859-2"]
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
        if best is not None and best.encoding not in ("utf_8", "ascii"):
            candidates.append(best.encoding)  # e.g. cp1251 for Russian
    except Exception:  # noqa: BLE001 - the detector is only a hint
        pass
    candidates.append("latin-1")
    scored: list[tuple[float, int, str]] = []
    for order, enc in enumerate(dict.fromkeys(candidates)):
        try:
            text = sample.decode(enc, errors="replace" if enc == "utf-8" else "strict")
        except (UnicodeDecodeError, LookupError):
            # a multi-byte encoding may be cut at the sample's end
            try:
                text = sample[:-4].decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
        scored.append((-_plausibility(text) + (0.01 if enc == "utf-8" else 0.0), order, enc))
    return [enc for _, _, enc in sorted(scored)]


def _plausibility(text: str) -> float:
    """1.0 when the non-ASCII letters fit one language/script; lower for mojibake."""
    latin: Counter[str] = Counter()
    scripts: Counter[str] = Counter()
    bad = 0
    units = 0
    for i, c in enumerate(text):
        if ord(c) < 128:
            continue
        units += 1
        cat = unicodedata.category(c)
        if cat[0] == "L":
            name = unicodedata.name(c, "")
            if name.startswith("LATIN"):
                latin[c.lower()] += 1
            else:
                scripts[name.split(" ")[0]] += 1
        elif cat in ("Cc", "Co", "Cn", "Cs") or c == "\ufffd":
            bad += 5
        elif cat[0] in "NSP" and c not in "·°":
            before = text[i - 1].isalpha() if i else False
            after = text[i + 1].isalpha() if i + 1 < len(text) else False
            if (before and after) or (cat[0] in "NS" and (before or after)):
                bad += 2  # e.g. "Pozosta³e", "£êcki": a symbol glued to a word
    if not units:
        return 1.0
    good = max((sum(n for ch, n in latin.items() if ch in lang) for lang in _LANG_LETTERS), default=0)
    good += max(scripts.values(), default=0)
    letters = sum(latin.values()) + sum(scripts.values())
    return (good - bad) / max(letters, 1) if letters else 1.0 - bad / units


# --------------------------------------------------------------------------- ids


def content_id(text: str) -> str:
    """Article id: SHA-256 prefix of the NFC text with whitespace runs collapsed."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[: config.ARTICLE_ID_HEX]


# --------------------------------------------------------------------------- readers


def read_file(f: SourceFile) -> Iterator[RawDocument | BadInput]:
    """Yield the documents in ``f``; problems come out as :class:`BadInput`, never as exceptions."""
    if f.size > config.MAX_FILE_BYTES:
        yield BadInput(
            f.path,
            f"file is {_human(f.size)}, over the {_human(config.MAX_FILE_BYTES)} limit; "
            "split it or set STORYLINE_MAX_FILE_BYTES",
        )
        return
    ext = _ext(f.path)
    if ext not in SUPPORTED:
        yield BadInput(f.path, f"unsupported file type ({ext or 'no extension'}); use one of {_SUPPORTED_LIST}")
        return
    try:
        if ext in (".jsonl", ".ndjson"):
            yield from _read_jsonl(f.path)
        elif ext == ".csv":
            yield from _read_csv(f.path)
        else:
            data = _read_bytes(f.path)
            if not data.strip():
                yield BadInput(f.path, _EMPTY)
                return
            if ext in (".html", ".htm"):
                yield _read_html(data, f.path)
            elif ext == ".json":
                yield from _read_json(data, f.path)
            else:
                text = decode_bytes(data, path=f.path)
                yield _doc_or_bad(RawDocument(source=f.path, path=f.path, text=text, format="txt"), f.path, _EMPTY)
    except InputError as e:
        yield BadInput(f.path, _one_line(str(e.args[0]).removeprefix(f"{f.path}: ")))
    except OSError as e:
        yield BadInput(f.path, f"cannot read the file ({e.strerror}); check that it exists and is readable")


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        data = fh.read(config.MAX_FILE_BYTES + 1)
    if len(data) > config.MAX_FILE_BYTES:
        raise InputError(
            f"file is over the {_human(config.MAX_FILE_BYTES)} limit; split it or set STORYLINE_MAX_FILE_BYTES",
            code="E102",
        )
    return data


def _doc_or_bad(doc: RawDocument, where: str, empty: str = _EMPTY_BODY) -> RawDocument | BadInput:
    if not doc.text.strip():
        return BadInput(where, empty)
    if len(doc.text) > config.MAX_ARTICLE_CHARS:
        return BadInput(
            where,
            f"article body is {len(doc.text):,} characters, over the {config.MAX_ARTICLE_CHARS:,} limit; "
            "split it into smaller articles",
        )
    return doc


# HTML ------------------------------------------------------------------------


def _read_html(data: bytes, path: str) -> RawDocument | BadInput:
    html = None
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    if declared:
        _check_sample(data[:_SAMPLE], path)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                html = _finish(data.decode(declared[1].decode("ascii")))
            except (UnicodeDecodeError, LookupError):
                pass
    if html is None:
        html = decode_bytes(data, path=path)
    found = _extract_html(html, page=True)
    if found is None:
        return BadInput(path, _NO_ARTICLE)
    text, meta = found
    doc = RawDocument(source=path, path=path, text=text, format="html", **meta)
    return _doc_or_bad(doc, path, _NO_ARTICLE)


def _extract_html(html: str, *, page: bool) -> tuple[str, dict[str, Any]] | None:
    """Main text (paragraphs joined by ``\\n``) and metadata, or None when there is no article."""
    import trafilatura

    try:
        from trafilatura.settings import set_date_params

        date_params: dict[str, Any] | None = set_date_params(False)
    except ImportError:  # pragma: no cover - older trafilatura
        date_params = {"extensive_search": False, "original_date": True}
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=date_params,  # extensive search takes "© 2019" as 2019-01-01
        )
    except Exception:  # noqa: BLE001 - a parser failure means "no article"
        doc = None
    text = _finish(_get(doc, "text") or "").strip()
    if page and (not text or _mostly_links(text, html)):
        return None
    if not text and not page:
        text = _strip_tags(html)
    if not text:
        return None
    published = _get(doc, "date")
    if page and not published:
        try:
            import htmldate

            published = htmldate.find_date(html, outputformat="%Y-%m-%d", extensive_search=False)
        except Exception:  # noqa: BLE001
            published = None
    meta = {
        "title": _clean_str(_get(doc, "title")),
        "url": _clean_str(_get(doc, "url")),
        "published": _normalise_date(published),
        "outlet": _clean_str(_get(doc, "sitename")),
        "captions": _figcaptions(html),
    }
    return text, meta


def _figcaptions(html: str) -> tuple[str, ...]:
    """Texts of ``<figcaption>`` elements: photo captions are metadata, not story."""
    if "figcaption" not in html:
        return ()
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return ()
    found = (" ".join("".join(el.itertext()).split()) for el in tree.iter("figcaption"))
    return tuple(dict.fromkeys(c for c in found if c))


_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def _strip_tags(html: str) -> str:
    """Plain text of an HTML fragment, one line per block (fallback when trafilatura finds nothing)."""
    from trafilatura.utils import load_html

    tree = load_html(f"<html><body>{html}</body></html>")
    if tree is None:
        return ""
    for el in list(tree.iter("script", "style")):
        el.drop_tree()
    for el in tree.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _get(doc: Any, key: str) -> Any:
    if doc is None:
        return None
    return doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)


def _mostly_links(text: str, html: str) -> bool:
    """True when the extracted text is mostly link labels (an index page), or too short."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    anchors = set()
    if tree is not None:
        anchors = {" ".join(a.text_content().split()).lower() for a in tree.iter("a")}
    link_chars = other_words = 0
    for line in text.split("\n"):
        label = " ".join(line.lstrip("-• ").split()).lower()
        if label in anchors:
            link_chars += len(line)
        else:
            other_words += len(line.split())
    return other_words < 5 or link_chars > 0.5 * len(text)


# JSON / JSONL ----------------------------------------------------------------


def _read_jsonl(path: str) -> Iterator[RawDocument | BadInput]:
    any_line = False
    with open(path, "rb") as fh:
        head = fh.read(_SAMPLE)
        fh.seek(0)
        _check_sample(head, path)
        for line_no, line in enumerate(_iter_lines(fh, path), start=1):
            if not line.strip():
                continue
            any_line = True
            where = f"{path}:{line_no}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                yield BadInput(where, f"malformed JSON ({e.msg} at column {e.colno}); fix or remove the line")
                continue
            yield _row_to_doc(row, path=path, where=where, fmt="jsonl")
    if not any_line:
        yield BadInput(path, _EMPTY)


def _read_json(data: bytes, path: str) -> Iterator[RawDocument | BadInput]:
    text = decode_bytes(data, path=path)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        yield BadInput(path, f"malformed JSON ({e.msg} at line {e.lineno} column {e.colno}); fix the file")
        return
    if isinstance(obj, dict) and _pick(obj, BODY_FIELDS) is None:
        for key in LIST_FIELDS:
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    if isinstance(obj, dict):
        yield _row_to_doc(obj, path=path, where=path, fmt="json")
    elif isinstance(obj, list):
        if not obj:
            yield BadInput(path, "the JSON list is empty; nothing to ingest")
        for i, row in enumerate(obj):
            yield _row_to_doc(row, path=path, where=f"{path}:#{i}", fmt="json")
    else:
        yield BadInput(
            path,
            "no articles found: expected an object with a body field, a list of objects, "
            f"or an object with a list under {'/'.join(LIST_FIELDS)}",
        )


def _row_to_doc(row: Any, *, path: str, where: str, fmt: str) -> RawDocument | BadInput:
    """Turn one JSON object or CSV row into a document, using the recognised field names."""
    if not isinstance(row, dict):
        return BadInput(where, f"record is a JSON {type(row).__name__}, not an object; each record must be {{...}}")
    body_key = next((k for k in BODY_FIELDS if _lookup(row, k) is not None), None)
    if body_key is None:
        keys = ", ".join(str(k) for k in list(row)[:8]) or "none"
        return BadInput(where, f"no body field (fields: {keys}); put the text under one of {', '.join(BODY_FIELDS)}")
    body = _pick(row, BODY_FIELDS)
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n".join(body)
    if not isinstance(body, str):
        kind = type(body).__name__
        return BadInput(where, f"body field '{body_key}' holds a {kind}, not text; store the article as a string")
    meta: dict[str, str | None] = {
        "title": _clean_str(_pick(row, TITLE_FIELDS)),
        "url": _clean_str(_pick(row, URL_FIELDS)),
        "published": _normalise_date(_pick(row, DATE_FIELDS)),
        "outlet": _outlet(_pick(row, OUTLET_FIELDS)),
    }
    text = _finish(body)
    if text.lstrip().startswith("<") and _HTML_TAG.search(text):
        found = _extract_html(text, page=False)
        if found is None:
            return BadInput(where, "the body is HTML with no article text in it; store the plain text instead")
        text, html_meta = found
        meta = {k: meta[k] or html_meta.get(k) for k in meta}
    ident = _pick(row, ID_FIELDS)
    if isinstance(ident, dict):  # e.g. {"$oid": "..."}
        ident = next(iter(ident.values()), None)
    source = _clean_str(ident) or meta["url"] or where
    return _doc_or_bad(RawDocument(source=source, path=path, text=text, format=fmt, **meta), where)


def _lookup(row: dict[str, Any], name: str) -> Any:
    value = row.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in row.items() if isinstance(k, str) and k.lower() == lowered), None)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


def _pick(row: dict[str, Any], names: tuple[str, ...]) -> Any:
    return next((v for v in (_lookup(row, n) for n in names) if v is not None), None)


def _clean_str(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text or None


def _outlet(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return _clean_str(value)


def _normalise_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a parseable date (ISO, RFC 2822, "June 29, 2023", "29.06.2023", epoch), else None."""
    day: _dt.date | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            day = _dt.datetime.fromtimestamp(seconds, tz=_dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str) and value.strip():
        day = _parse_date(value.strip())
    if day is None or not 1800 <= day.year <= 2200:
        return None
    return day.isoformat()


def _parse_date(s: str) -> _dt.date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", s)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    from dateutil import parser

    dayfirst = bool(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}.*", s))
    try:  # two defaults: a date missing its day or month parses differently and is refused
        a = parser.parse(s, dayfirst=dayfirst, default=_dt.datetime(2000, 1, 1))
        b = parser.parse(s, dayfirst=dayfirst, default=_dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    return a.date() if a.date() == b.date() else None


# CSV -------------------------------------------------------------------------


def _read_csv(path: str) -> Iterator[RawDocument | BadInput]:
    csv.field_size_limit(max(csv.field_size_limit(), min(config.MAX_FILE_BYTES + 1, 2**31 - 1)))
    with open(path, "rb") as fh:
        head = fh.read(_SAMPLE)
        fh.seek(0)
        _check_sample(head, path)
        lines = _iter_lines(fh, path)
        first = next((ln for ln in lines if ln.strip()), None)
        if first is None:
            yield BadInput(path, _EMPTY)
            return
        delimiter = _csv_delimiter(first)
        reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
        if not any(h.lower() in BODY_FIELDS for h in header):
            yield BadInput(
                path,
                f"no body column (header: {', '.join(header[:8])}); "
                f"name the text column one of {', '.join(BODY_FIELDS)}",
            )
            return
        done = reader.line_num
        while True:
            start = done + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                if reader.line_num == done:
                    break
                done = reader.line_num
                yield BadInput(f"{path}:{start}", f"malformed CSV row ({e}); fix the quoting on this line")
                continue
            done = reader.line_num
            if not values or not any(v.strip() for v in values):
                continue
            where = f"{path}:{start}"
            extra = values[len(header):]
            if any(v.strip() for v in extra):
                yield BadInput(
                    where,
                    f"row has {len(values)} fields but the header has {len(header)}; "
                    f"quote values that contain '{_show(delimiter)}'",
                )
                continue
            row = dict(zip(header, values, strict=False))
            yield _row_to_doc(row, path=path, where=where, fmt="csv")


def _csv_delimiter(header_line: str) -> str:
    counts = {}
    for d in (",", ";", "\t"):
        names = next(csv.reader([header_line], delimiter=d), [])
        if any(n.strip().lower().lstrip("\ufeff") in BODY_FIELDS for n in names):
            counts[d] = len(names) + 1000
        else:
            counts[d] = header_line.count(d)
    return max(counts, key=lambda d: counts[d])


def _show(delimiter: str) -> str:
    return "\\t" if delimiter == "\t" else delimiter


# shared streaming helpers ------------------------------------------------------


def _check_sample(head: bytes, path: str) -> None:
    """Refuse a binary file from its first bytes before streaming it."""
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if _bomless_utf16(head) is None:
            raise _binary(path)
    elif head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if sum(head.count(b) for b in _CONTROL_BYTES) / len(head) > 0.05:
            raise _binary(path)


def _iter_lines(fh: BinaryIO, path: str) -> Iterator[str]:
    """Decoded lines (ends kept); UTF-8 per line with a legacy fall-back, UTF-16/32 via BOM."""
    head = fh.read(_SAMPLE)
    fh.seek(0)
    enc = None
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        enc = "utf-32"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    elif b"\x00" in head:
        enc = _bomless_utf16(head) or "utf-16-le"
    if enc:
        wrapper = io.TextIOWrapper(fh, encoding=enc, errors="replace", newline="")
        try:
            for line in wrapper:
                yield unicodedata.normalize("NFC", line.lstrip("\ufeff"))
        finally:
            wrapper.detach()
        return
    for i, raw in enumerate(fh):
        if i == 0 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        try:
            yield unicodedata.normalize("NFC", raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                yield unicodedata.normalize("NFC", _decode_raw(raw, path))
            except InputError:  # a stray binary line: keep going, JSON/CSV parsing reports it
                yield raw.decode("utf-8", errors="replace")


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _human(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    value, unit = (n / 1024, "KB") if n < 1024 * 1024 else (n / (1024 * 1024), "MB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"
