"""Tests for the readers in :mod:`storyline.ingest` (all inputs are written here)."""

from __future__ import annotations

import codecs
import json
import os
import tracemalloc

import pytest

from storyline import config
from storyline.errors import InputError
from storyline.ingest import (  # the package's ``storyline.ingest`` attribute is the pipeline function
    DATE_FIELDS,
    SUPPORTED,
    SourceFile,
    _normalise_date,
    content_id,
    decode_bytes,
    discover,
    read_file,
    recognised_fields,
)
from storyline.records import BadInput, RawDocument

BODY = "The council met on Monday.\nIt approved the budget for the new bridge."

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>River town votes on new flood wall | The Valley Courier</title>
<meta property="og:title" content="River town votes on new flood wall">
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:url" content="https://courier.example/news/flood-wall">
<meta property="article:published_time" content="2023-06-29T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<p>Residents of Millbrook voted on Tuesday to fund a new flood wall along the east bank of the river,
ending a debate that has divided the town council for almost three years.</p>
<p>The mayor, Anna Kowalski, said the “decision was overdue” and that construction could begin as early
as next spring if the regional authority approves the final design.</p>
<p>Opponents argued that the cost, estimated at 4.2 million euros, would force cuts to the library and the
swimming pool, and they promised to keep campaigning before the budget vote in September.</p>
<p>Engineers from the regional water board will present three options at a public meeting next month.</p>
</article>
<footer><p>© 2019 The Valley Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""

INDEX_PAGE = """<html><head><title>News index</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><ul>""" + "".join(
    f'<li><a href="/story-{i}">Council approves budget for flood defences in district {i}</a></li>'
    for i in range(10)
) + "</ul><footer>© 2023 Example</footer></body></html>"


def write(tmp_path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def read(path: str) -> list[RawDocument | BadInput]:
    found = list(discover([path]))
    assert len(found) == 1 and isinstance(found[0], SourceFile), found
    return list(read_file(found[0]))


def docs(items) -> list[RawDocument]:
    return [d for d in items if isinstance(d, RawDocument)]


def bads(items) -> list[BadInput]:
    return [d for d in items if isinstance(d, BadInput)]


# --------------------------------------------------------------------------- discover


def test_discover_recurses_sorted_and_skips_hidden(tmp_path):
    write(tmp_path, "b.txt", BODY)
    write(tmp_path, "a.jsonl", json.dumps({"text": BODY}))
    write(tmp_path, "sub/c.HTML", ARTICLE_PAGE)
    write(tmp_path, "sub/notes.md", "ignored")
    write(tmp_path, ".hidden.txt", BODY)
    write(tmp_path, ".git/d.txt", BODY)
    write(tmp_path, "sub/.cache/e.csv", "text\nx\n")
    found = list(discover([str(tmp_path)]))
    assert all(isinstance(f, SourceFile) for f in found)
    rel = [os.path.relpath(f.path, tmp_path) for f in found]
    assert rel == ["a.jsonl", "b.txt", os.path.join("sub", "c.HTML")]
    assert found[1].path == os.path.join(str(tmp_path), "b.txt")
    assert found[1].size == len(BODY.encode())
    assert len(found[1].sha256) == 64 and found[1].mtime > 0


def test_discover_survives_symlink_loop(tmp_path):
    write(tmp_path, "sub/a.txt", BODY)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    found = list(discover([str(tmp_path)]))
    assert [os.path.basename(f.path) for f in found] == ["a.txt"]


def test_discover_is_lazy(tmp_path):
    write(tmp_path, "a.txt", BODY)
    gen = discover(iter([str(tmp_path), str(tmp_path / "missing")]))
    assert not isinstance(gen, list)
    assert isinstance(next(gen), SourceFile)


@pytest.mark.parametrize(
    "name, expect",
    [
        ("missing.txt", "no such file"),
        ("notes.md", "unsupported file type (.md)"),
        ("README", "unsupported file type (no extension)"),
    ],
)
def test_discover_explicit_bad_paths(tmp_path, name, expect):
    if name != "missing.txt":
        write(tmp_path, name, "text")
    [bad] = list(discover([str(tmp_path / name)]))
    assert isinstance(bad, BadInput) and expect in bad.reason and "\n" not in bad.reason


def test_discover_explicit_hidden_file_is_read(tmp_path):
    path = write(tmp_path, ".draft.txt", BODY)
    assert isinstance(next(discover([path])), SourceFile)


def test_discover_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", BODY)
    real_open = open

    def deny(p, *a, **k):
        if str(p) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(p, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    [bad] = list(discover([path]))
    assert isinstance(bad, BadInput) and "Permission denied" in bad.reason


def test_discover_over_limit_has_no_hash(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "x" * 500)
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 100)
    [f] = list(discover([path]))
    assert isinstance(f, SourceFile) and f.sha256 == "" and f.size == 500


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"Plain ASCII text.", "Plain ASCII text."),
        ("Zażółć gęślą jaźń".encode(), "Zażółć gęślą jaźń"),
        (codecs.BOM_UTF8 + "Café “quoted”".encode(), "Café “quoted”"),
        ("Łódź – ‘bez zmian’".encode("utf-16"), "Łódź – ‘bez zmian’"),
        ("UTF-16 BE ż".encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]), "UTF-16 BE ż"),
        ("Źródło: Gazeta, PAP. Pozostałe wiadomości".encode("cp1250"), "Źródło: Gazeta, PAP. Pozostałe wiadomości"),
        ("Pozostałe wiadomości z kraju".encode("cp1250"), "Pozostałe wiadomości z kraju"),
        ("Příliš žluťoučký kůň úpěl".encode("cp1250"), "Příliš žluťoučký kůň úpěl"),
        ("Le café était très bon à Paris. Ça coûte cher.".encode("latin-1"),
         "Le café était très bon à Paris. Ça coûte cher."),
        ("L’hôtel “près” de la gare…".encode("cp1252"), "L’hôtel “près” de la gare…"),
        ("Zażółć gęślą jaźń".encode("iso-8859-2"), "Zażółć gęślą jaźń"),
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        ("Cafe\u0301 “x” ‘y’ — z".encode(), "Caf\u00e9 “x” ‘y’ — z"),
    ],
)
def test_decode_bytes(data, expected):
    assert decode_bytes(data, path="x.txt") == expected


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04\x05\x06 text \x07\x08\x0e\x0f\x10\x11",
    ],
)
def test_decode_bytes_binary(data):
    with pytest.raises(InputError, match="looks binary"):
        decode_bytes(data, path="x.txt")


def test_content_id_stable_under_whitespace():
    a = content_id("The  council met.\n\nIt approved the budget. ")
    b = content_id(" The council met. It approved\tthe budget.")
    assert a == b and len(a) == config.ARTICLE_ID_HEX
    assert content_id("Cafe\u0301") == content_id("Caf\u00e9")
    assert content_id("The council met.") != a


# --------------------------------------------------------------------------- txt


def test_txt_reader(tmp_path):
    path = write(tmp_path, "a.txt", "Cafe\u0301 “quoted” text.\r\nSecond line.")
    [doc] = read(path)
    assert doc == RawDocument(source=path, path=path, text="Caf\u00e9 “quoted” text.\nSecond line.", format="txt")


@pytest.mark.parametrize("name", ["a.text", "a.TXT"])
def test_txt_extensions(tmp_path, name):
    [doc] = read(write(tmp_path, name, BODY))
    assert doc.text == BODY and doc.format == "txt"


@pytest.mark.parametrize(
    "name, data, expect",
    [
        ("empty.txt", b"", "empty file; nothing to ingest"),
        ("blank.txt", b" \n\t\n", "empty file; nothing to ingest"),
        ("blank.jsonl", b"\n\n", "empty file; nothing to ingest"),
        ("empty.csv", b"", "empty file; nothing to ingest"),
        ("empty.html", b"", "empty file; nothing to ingest"),
        ("empty.json", b"  ", "empty file; nothing to ingest"),
        ("binary.txt", b"\x00\x01\x02\xff\xfe\x00" * 50, "looks binary"),
        ("binary.jsonl", b"\x00\x01\x02\xff\xfe\x00" * 50, "looks binary"),
        ("binary.csv", b"\x00\x01\x02\xff\xfe\x00" * 50, "looks binary"),
    ],
)
def test_unreadable_files_become_bad_input(tmp_path, name, data, expect):
    [bad] = read(write(tmp_path, name, data))
    assert isinstance(bad, BadInput) and expect in bad.reason
    assert "\n" not in bad.reason and not bad.reason.startswith(str(tmp_path))


def test_file_over_limit_is_refused_without_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "x" * 3000)
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 1024)
    [f] = list(discover([path]))
    [bad] = list(read_file(f))
    assert bad == BadInput(path, "file is 2.9 KB, over the 1 KB limit; split it or set STORYLINE_MAX_FILE_BYTES")


def test_size_message_in_megabytes(tmp_path):
    f = SourceFile(str(tmp_path / "x.txt"), int(52.4 * 1024 * 1024), 0.0, "")
    [bad] = list(read_file(f))
    assert bad.reason == "file is 52.4 MB, over the 20 MB limit; split it or set STORYLINE_MAX_FILE_BYTES"


def test_article_over_char_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "MAX_ARTICLE_CHARS", 50)
    path = write(tmp_path, "a.jsonl", json.dumps({"text": "x" * 60}) + "\n" + json.dumps({"text": "short"}))
    out = read(path)
    assert [d.text for d in docs(out)] == ["short"]
    assert bads(out)[0].path == f"{path}:1" and "over the 50 limit" in bads(out)[0].reason


def test_vanished_file(tmp_path):
    f = SourceFile(str(tmp_path / "gone.txt"), 10, 0.0, "")
    [bad] = list(read_file(f))
    assert isinstance(bad, BadInput) and "cannot read" in bad.reason


# --------------------------------------------------------------------------- HTML


def test_html_article(tmp_path):
    path = write(tmp_path, "page.html", ARTICLE_PAGE)
    [doc] = read(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.format == "html" and doc.source == path
    assert doc.title == "River town votes on new flood wall"
    assert doc.url == "https://courier.example/news/flood-wall"
    assert doc.published == "2023-06-29"
    assert doc.outlet == "The Valley Courier"
    paragraphs = doc.text.split("\n")
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Residents of Millbrook")
    assert "“decision was overdue”" in doc.text
    for junk in ("Home", "Sport", "All rights reserved", "Privacy"):
        assert junk not in doc.text


def test_html_date_not_guessed_from_copyright(tmp_path):
    page = ARTICLE_PAGE.replace('<meta property="article:published_time" content="2023-06-29T10:00:00Z">', "")
    [doc] = read(write(tmp_path, "page.htm", page))
    assert doc.published is None


def test_html_date_from_htmldate(tmp_path):
    page = ARTICLE_PAGE.replace(
        '<meta property="article:published_time" content="2023-06-29T10:00:00Z">',
        '<meta name="date" content="2022-11-05">',
    )
    [doc] = read(write(tmp_path, "page.html", page))
    assert doc.published == "2022-11-05"


@pytest.mark.parametrize(
    "html",
    [INDEX_PAGE, "<html><body></body></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>"],
)
def test_html_without_article(tmp_path, html):
    [bad] = read(write(tmp_path, "index.html", html))
    assert bad.reason == "no article text found in the HTML; is this a navigation/index page?"


@pytest.mark.parametrize("meta", ["", '<meta charset="windows-1250">', '<meta charset="utf-8">'])
def test_html_cp1250_page(tmp_path, meta):
    page = ARTICLE_PAGE.replace('<meta charset="utf-8">', meta).replace("Anna Kowalski", "Józef Łęcki")
    [doc] = read(write(tmp_path, "page.html", page.encode("cp1250")))
    assert "Józef Łęcki" in doc.text


# --------------------------------------------------------------------------- JSON / JSONL


def test_jsonl_fields_and_malformed_line(tmp_path):
    rows = [
        json.dumps({"id": 7, "headline": "Bridge", "content": BODY, "link": "https://n.example/1",
                    "published_at": "2023-06-29T10:00:00Z", "source": {"id": "x", "name": "Daily News"}}),
        '{"text": "broken',
        "",
        json.dumps({"title": "No body here", "url": "https://n.example/2"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"maintext": "Second story.", "url": "https://n.example/3", "pubDate": "June 29, 2023",
                    "site_name": "Courier"}),
        json.dumps({"body": "Third story.", "date": "29.06.2023", "publisher": "Gazette"}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(rows) + "\n")
    out = read(path)
    assert [type(d).__name__ for d in out] == ["RawDocument", "BadInput", "BadInput", "BadInput",
                                              "RawDocument", "RawDocument"]
    first, second, third = docs(out)
    assert first == RawDocument(source="7", path=path, text=BODY, format="jsonl", title="Bridge",
                                url="https://n.example/1", published="2023-06-29", outlet="Daily News")
    assert (second.source, second.published, second.outlet) == ("https://n.example/3", "2023-06-29", "Courier")
    assert (third.source, third.published, third.outlet) == (f"{path}:7", "2023-06-29", "Gazette")
    assert [b.path for b in bads(out)] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "malformed JSON" in bads(out)[0].reason
    assert "no body field" in bads(out)[1].reason and "text, content" in bads(out)[1].reason
    assert "not an object" in bads(out)[2].reason
    assert all("\n" not in b.reason for b in bads(out))


def test_ndjson_with_bom_crlf_and_cp1250_line(tmp_path):
    data = (codecs.BOM_UTF8 + json.dumps({"text": "Cafe\u0301 one"}, ensure_ascii=False).encode() + b"\r\n"
            + json.dumps({"text": "Pozostałe wiadomości"}, ensure_ascii=False).encode("cp1250") + b"\r\n")
    out = read(write(tmp_path, "feed.ndjson", data))
    assert [d.text for d in out] == ["Caf\u00e9 one", "Pozostałe wiadomości"]


def test_jsonl_utf16_without_bom(tmp_path):
    data = (json.dumps({"text": "Zażółć"}, ensure_ascii=False) + "\n").encode("utf-16-le") * 3
    out = read(write(tmp_path, "a.jsonl", data))
    assert [d.text for d in out] == ["Zażółć"] * 3


def test_jsonl_html_body(tmp_path):
    body = "<div><p>First paragraph of the story about the harbour.</p><p>Second paragraph.</p></div>"
    [doc] = read(write(tmp_path, "a.jsonl", json.dumps({"text": body, "title": "Harbour"})))
    assert doc.text == "First paragraph of the story about the harbour.\nSecond paragraph."
    assert doc.title == "Harbour"


def test_jsonl_streams_rows(tmp_path):
    row = json.dumps({"text": "A short article body about the weather. " * 5}) + "\n"
    path = write(tmp_path, "big.jsonl", row * 20000)
    [f] = list(discover([path]))
    tracemalloc.start()
    count = 0
    for item in read_file(f):
        assert isinstance(item, RawDocument)
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 20000
    assert peak < f.size / 2, (peak, f.size)


@pytest.mark.parametrize(
    "payload, sources",
    [
        ([{"text": "One."}, {"text": "Two.", "uuid": "u-2"}], ["{path}:#0", "u-2"]),
        ({"articles": [{"text": "One.", "url": "https://x.example/1"}, {"content": "Two."}]},
         ["https://x.example/1", "{path}:#1"]),
        ({"items": [{"text": "One."}]}, ["{path}:#0"]),
        ({"data": [{"body": "One.", "_id": {"$oid": "abc"}}]}, ["abc"]),
        ({"text": "Just one.", "title": "Solo"}, ["{path}"]),
    ],
)
def test_json_shapes(tmp_path, payload, sources):
    path = write(tmp_path, "a.json", json.dumps(payload))
    out = read(path)
    assert all(isinstance(d, RawDocument) and d.format == "json" for d in out), out
    assert [d.source for d in out] == [s.format(path=path) for s in sources]


@pytest.mark.parametrize(
    "text, expect",
    [
        ('{"text": ', "malformed JSON"),
        ('"just a string"', "no articles found"),
        ('{"title": "no body"}', "no body field (fields: title)"),
        ("[]", "list is empty"),
    ],
)
def test_json_bad_files(tmp_path, text, expect):
    [bad] = read(write(tmp_path, "a.json", text))
    assert isinstance(bad, BadInput) and expect in bad.reason


def test_json_list_with_bad_rows(tmp_path):
    path = write(tmp_path, "a.json", json.dumps([{"text": "Fine."}, 3, {"text": ""}, {"text": "Also fine."}]))
    out = read(path)
    assert [d.text for d in docs(out)] == ["Fine.", "Also fine."]
    assert [b.path for b in bads(out)] == [f"{path}:#1", f"{path}:#2"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-06-29", "2023-06-29"),
        ("2023-06-29T10:00:00Z", "2023-06-29"),
        ("2023-06-29T23:30:00-05:00", "2023-06-29"),
        ("June 29, 2023", "2023-06-29"),
        ("29 June 2023", "2023-06-29"),
        ("29.06.2023", "2023-06-29"),
        ("03.04.2023", "2023-04-03"),
        ("Thu, 29 Jun 2023 10:00:00 +0000", "2023-06-29"),
        (1688032800, "2023-06-29"),
        ("June 2023", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        ("2023-13-45", None),
    ],
)
def test_dates(value, expected):
    assert _normalise_date(value) == expected


def test_recognised_fields():
    fields = recognised_fields()
    assert fields["body"][0] == "text" and "maintext" in fields["body"]
    assert fields["date"] == DATE_FIELDS and "pubDate" in fields["date"]
    assert set(fields) >= {"body", "title", "url", "date", "outlet", "id"}
    assert SUPPORTED == {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".csv"}


# --------------------------------------------------------------------------- CSV


def test_csv_semicolon_with_bad_row(tmp_path):
    long_body = "Word " * 40000  # over the default csv field limit of 131072
    text = (
        "ID;Headline;Text;Date;Outlet\n"
        "a1;First;\"Body one; with a semicolon\nand a second line\";2023-06-29;Courier\n"
        "a2;Second;Body two;29.06.2023;Courier;extra;fields\n"
        "a3;Third;;2023-06-30;Courier\n"
        f"a4;Fourth;{long_body};;\n"
    )
    path = write(tmp_path, "a.csv", text)
    out = read(path)
    good = docs(out)
    assert [d.source for d in good] == ["a1", "a4"]
    assert good[0] == RawDocument(source="a1", path=path, text="Body one; with a semicolon\nand a second line",
                                  format="csv", title="First", published="2023-06-29", outlet="Courier")
    assert len(good[1].text) == len(long_body)
    assert [b.path for b in bads(out)] == [f"{path}:4", f"{path}:5"]
    assert "header has 5" in bads(out)[0].reason


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_csv_delimiters(tmp_path, delimiter):
    rows = [["title", "content", "url"], ["T", "Body", "https://u.example/"]]
    text = "".join(delimiter.join(row) + "\n" for row in rows)
    [doc] = read(write(tmp_path, "a.csv", text))
    assert (doc.title, doc.text, doc.source) == ("T", "Body", "https://u.example/")


def test_csv_without_body_column(tmp_path):
    [bad] = read(write(tmp_path, "a.csv", "title,url\nT,https://u.example/\n"))
    assert "no body column" in bad.reason and "title, url" in bad.reason


def test_csv_utf16_and_cp1250(tmp_path):
    [doc] = read(write(tmp_path, "a.csv", "text,title\r\nŁódź wita,Nagłówek\r\n".encode("utf-16")))
    assert (doc.text, doc.title) == ("Łódź wita", "Nagłówek")
    [doc] = read(write(tmp_path, "b.csv", "text;title\nPozostałe wiadomości;Źródło\n".encode("cp1250")))
    assert (doc.text, doc.title) == ("Pozostałe wiadomości", "Źródło")
