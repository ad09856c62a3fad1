from __future__ import annotations

import io
from pathlib import Path

import pytest

import newsparse
from newsparse import (
    Article,
    DecodeError,
    FormatDetectionError,
    FormatSpec,
    ParseError,
    ReadError,
    UnknownFormatError,
    WriteError,
    hookimpl,
)

MEMO = "title: Café “Ouvert”\nauthor: Ana Ruiz\npara: Déjà vu — again.\n"


def test_str_source(memo_plugin: str) -> None:
    assert newsparse.read(MEMO, "memo").title == "Café “Ouvert”"


@pytest.mark.parametrize(
    "data",
    [
        MEMO.encode("utf-8"),
        b"\xef\xbb\xbf" + MEMO.encode("utf-8"),
        MEMO.encode("utf-16"),  # with its BOM
        MEMO.encode("utf-32"),
        bytearray(MEMO.encode("utf-8")),
    ],
)
def test_bytes_sources_decoded(memo_plugin: str, data: bytes) -> None:
    article = newsparse.read(data, "memo")
    assert article.title == "Café “Ouvert”"
    assert article.body[0].text == "Déjà vu — again."  # type: ignore[union-attr]


def test_explicit_encoding(memo_plugin: str) -> None:
    data = "title: Crème brûlée\n".encode("cp1252")
    assert newsparse.read(data, "memo", encoding="cp1252").title == "Crème brûlée"


def test_decode_error_names_offset(memo_plugin: str) -> None:
    data = b"title: ok\npara: caf\xe9 au lait\n"
    with pytest.raises(DecodeError) as info:
        newsparse.read(data, "memo")
    bad = data.index(b"\xe9")
    assert info.value.offset == bad
    assert f"offset {bad}" in str(info.value)
    assert info.value.encoding == "utf-8"


def test_path_and_file_objects(memo_plugin: str, tmp_path: Path) -> None:
    path = tmp_path / "story.memo"
    path.write_text(MEMO, encoding="utf-8")
    expected = newsparse.read(MEMO, "memo")
    assert newsparse.read(path) == expected  # format from the extension
    with path.open("rb") as f:
        assert newsparse.read(f) == expected
    with path.open(encoding="utf-8") as f:
        assert newsparse.read(f) == expected
    assert newsparse.read(io.BytesIO(MEMO.encode())) == expected  # sniffed


def test_missing_file(memo_plugin: str, tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        newsparse.read(tmp_path / "nope.memo")


def test_unsupported_source_type() -> None:
    with pytest.raises(ReadError, match="cannot read from int"):
        newsparse.read(42)  # type: ignore[arg-type]


def test_detection_order(memo_plugin: str, tmp_path: Path) -> None:
    assert newsparse.detect_format(MEMO) == "memo"
    assert newsparse.detect_format(b"anything", media_type="text/x-memo") == "memo"
    assert newsparse.detect_format("title: x", filename="x.memo") == "memo"
    with pytest.raises(FormatDetectionError, match="file name says memo, but the content"):
        newsparse.detect_format("anything", filename="x.memo")  # the memo sniffer says no
    with pytest.raises(FormatDetectionError, match="pass format=") as info:
        newsparse.detect_format("nothing recognisable here")
    assert "cannot tell the format" in str(info.value)


def test_str_that_names_a_file_gets_a_hint(memo_plugin: str, tmp_path: Path) -> None:
    path = tmp_path / "story.unknown"
    path.write_text(MEMO, encoding="utf-8")
    with pytest.raises(FormatDetectionError, match=r"pathlib\.Path"):
        newsparse.read(str(path))


def test_unknown_format_lists_names(memo_plugin: str) -> None:
    with pytest.raises(UnknownFormatError, match="memo"):
        newsparse.read(MEMO, "nope")
    with pytest.raises(UnknownFormatError):
        newsparse.write(Article("t"), "nope")


def test_parse_error_has_position(memo_plugin: str) -> None:
    with pytest.raises(ParseError) as info:
        newsparse.read("title: ok\nbogus line\n", "memo", filename="a.memo")
    err = info.value
    assert (err.line, err.column, err.format, err.source) == (2, 1, "memo", "a.memo")
    assert "a.memo:2:1: [memo] expected 'key: value'" in str(err)
    assert "bogus line" in str(err)


def test_read_many_and_write_many(memo_plugin: str) -> None:
    articles = [Article("One"), Article("Two"), Article("Three")]
    text = "".join(newsparse.write_many(articles, "memo"))
    assert list(newsparse.read_many(text, "memo")) == articles


def test_read_many_single_article_format(fresh_registry: None) -> None:
    module = _plugin_module(FormatSpec(name="one", reader=lambda text: Article(text.strip())))
    newsparse.register_plugin(module)
    assert list(newsparse.read_many("Solo\n", "one")) == [Article("Solo")]


def test_write_checks_capability(fresh_registry: None) -> None:
    module = _plugin_module(FormatSpec(name="readonly", reader=lambda text: Article(text)))
    newsparse.register_plugin(module)
    with pytest.raises(WriteError, match="cannot write"):
        newsparse.write(Article("t"), "readonly")
    with pytest.raises(WriteError, match="expected an Article"):
        newsparse.write("not an article", "wire")  # type: ignore[arg-type]


def test_write_many_needs_many_writer(fresh_registry: None) -> None:
    module = _plugin_module(FormatSpec(name="single", writer=lambda a: a.title))
    newsparse.register_plugin(module)
    with pytest.raises(WriteError, match="one article per document"):
        list(newsparse.write_many([Article("t")], "single"))


def _plugin_module(spec: FormatSpec) -> object:
    class Plugin:
        @hookimpl
        def register_formats(self, register):  # type: ignore[no-untyped-def]
            register(spec)

    return Plugin()


def test_crashing_plugin_is_wrapped_with_its_name(fresh_registry: None) -> None:
    def reader(text: str) -> Article:
        return {}["missing"]  # type: ignore[no-any-return]

    def writer(article: Article) -> str:
        raise IndexError("oops")

    newsparse.register_plugin(
        _plugin_module(FormatSpec(name="crashy", reader=reader, writer=writer)), name="crashy-pl"
    )
    with pytest.raises(ReadError, match=r"plugin 'crashy-pl'.*KeyError") as info:
        newsparse.read("x", "crashy")
    assert isinstance(info.value.__cause__, KeyError)
    with pytest.raises(WriteError, match=r"plugin 'crashy-pl'.*IndexError"):
        newsparse.write(Article("t"), "crashy")


def test_reader_returning_wrong_type(fresh_registry: None) -> None:
    newsparse.register_plugin(_plugin_module(FormatSpec(name="bad", reader=lambda t: t)))
    with pytest.raises(ReadError, match="not an Article"):
        newsparse.read("x", "bad")


def test_unknown_reader_option(memo_plugin: str) -> None:
    with pytest.raises(newsparse.OptionError, match="the memo reader has no option"):
        newsparse.read(MEMO, "memo", no_such_option=True)


def test_read_many_streams_a_path(memo_plugin: str, tmp_path: Path) -> None:
    path = tmp_path / "many.memo"
    articles = [Article(f"Story {i}") for i in range(50)]
    path.write_text("".join(newsparse.write_many(articles, "memo")), encoding="utf-16")
    assert list(newsparse.read_many(path)) == articles


def test_read_many_stream_decode_error_offset(memo_plugin: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.memo"
    data = "title: Première\n".encode() + b"---\ntitle: caf\xe9\n"
    path.write_bytes(data)
    with pytest.raises(DecodeError) as info:
        list(newsparse.read_many(path))
    assert info.value.offset == data.index(b"\xe9")
    assert info.value.source == str(path)


def test_max_size(memo_plugin: str, tmp_path: Path) -> None:
    text = MEMO + "para: " + "x" * 5000 + "\n"
    with pytest.raises(ReadError, match="over the 1,000 limit of format 'memo'"):
        newsparse.read(text, "memo", max_size=1000)
    path = tmp_path / "big.memo"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReadError, match="bytes, over the 1,000 limit"):
        newsparse.read(path, max_size=1000)
    assert newsparse.read(text, "memo", max_size=None).title == "Café “Ouvert”"
    assert newsparse.get_format("memo").max_size == 256 * 1024 * 1024


def test_content_overrules_a_generic_suffix(tmp_path: Path) -> None:
    article = Article("Harbour reopens", url="https://news.example/h")
    for fmt in ("ninjs", "jsonld", "json"):
        path = tmp_path / f"{fmt}-saved-as.json"
        path.write_text(newsparse.write(article, fmt), encoding="utf-8")
        assert newsparse.detect_format(path) == fmt
        assert newsparse.read(path).title == "Harbour reopens"
    readme = tmp_path / "README.txt"
    readme.write_text("This is a readme.\nInstall with pip.\n", encoding="utf-8")
    with pytest.raises(FormatDetectionError, match="file name says wire"):
        newsparse.read(readme)


def test_broken_plugin_reference_costs_only_its_own_format(fresh_registry: None) -> None:
    spec = FormatSpec(name="stale", reader="no_such_module:read", sniffer="no_such_module:sniff")
    newsparse.register_plugin(_plugin_module(spec), name="stale-plugin")
    with pytest.warns(newsparse.PluginWarning, match="stale-plugin.*no_such_module:sniff"):
        assert newsparse.detect_format(" date 2024-03-05 trending:\n\nT\n\n") == "wire"
    assert [f.plugin for f in newsparse.plugin_failures()] == ["stale-plugin"]
    with pytest.raises(newsparse.PluginError, match="stale-plugin"):
        newsparse.read("x", "stale")


def test_read_many_applies_max_size_to_single_documents(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(newsparse.write(Article("T" * 100), "json"), encoding="utf-8")
    with pytest.raises(ReadError, match="over the 10 limit"):
        list(newsparse.read_many(path, max_size=10))
    assert [a.title for a in newsparse.read_many(path, max_size=None)] == ["T" * 100]


def test_unclaimed_media_type_falls_back_to_detection() -> None:
    text = newsparse.write(Article("Harbour"), "json")
    assert newsparse.read(text, media_type="application/octet-stream").title == "Harbour"


def test_a_bom_in_a_str_is_ignored() -> None:
    text = newsparse.write(Article("Harbour"), "json")
    assert newsparse.read("\ufeff" + text).title == "Harbour"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a folder"):
        newsparse.read(tmp_path)
