"""The story evaluation on a tiny shared-eval folder we write ourselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from parleywatch.evaluation.stories import (
    binary_scores,
    format_report,
    read_bsnlp,
    read_paraphraser,
    roc_auc,
    run_story_eval,
)

TSV_HEADER = "INPUT:first_title\tINPUT:second_title\tINPUT:first_url\tINPUT:second_url\t" \
    "INPUT:first_text\tINPUT:second_text\tGOLDEN:quality\n"
FLOOD = "Река вышла из берегов в городе Энске, спасатели эвакуировали жителей прибрежных улиц."
FLOOD_2 = "В Энске река затопила прибрежные улицы, спасатели вывезли жителей на лодках."
CHESS = "Гроссмейстер Петров выиграл турнир в Самаре, обыграв в финале соперника из Казани."
PARAPHRASES = """<?xml version='1.0' encoding='UTF8'?>
<data><corpus>
<paraphrase><value name="text_1">Мэр Энска ушёл в отставку</value>
<value name="text_2">Мэр Энска подал в отставку</value><value name="class">1</value></paraphrase>
<paraphrase><value name="text_1">В Энске открыли новый мост</value>
<value name="text_2">Мост в Энске открыт после ремонта</value><value name="class">0</value></paraphrase>
<paraphrase><value name="text_1">Курс рубля вырос</value>
<value name="text_2">В Самаре прошёл шахматный турнир</value><value name="class">-1</value></paraphrase>
</corpus></data>
"""


def write_bsnlp(root: Path, topic: str, name: str, date: str, title: str, text: str) -> None:
    folder = root / "bsnlp" / topic / "raw" / "ru"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"{name}\nru\n{date}\nhttp://example.ru/{name}\n{title}\n\n{text}\n", "utf-8")


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    pairs = tmp_path / "tgcontest-pairs"
    pairs.mkdir()
    rows = [f"Наводнение в Энске\tЭнск затопило\tu1\tu2\t{FLOOD}\t{FLOOD_2}\tOK\n",
            f"Наводнение в Энске\tПетров выиграл турнир\tu1\tu3\t{FLOOD}\t{CHESS}\tBAD\n"]
    for name in ("en_train_pool.tsv", "ru_train_pool.tsv", "ru_exam_pool.tsv"):
        (pairs / name).write_text(TSV_HEADER + "".join(rows), "utf-8")
    write_bsnlp(tmp_path, "flood", "a.txt", "2024-05-01", "Наводнение в Энске", FLOOD)
    write_bsnlp(tmp_path, "flood", "b.txt", "2024-05-01", "Энск затопило", FLOOD_2)
    write_bsnlp(tmp_path, "chess", "c.txt", "2024-05-01", "Турнир в Самаре", CHESS)
    gold = tmp_path / "paraphraser" / "utils" / "load_from_input_xml"
    gold.mkdir(parents=True)
    (gold / "paraphrases_gold.xml").write_text(PARAPHRASES, "utf-8")
    return tmp_path


def test_run_story_eval_end_to_end(shared: Path) -> None:
    results = run_story_eval(shared)
    assert results["tgcontest"]["all"]["pairs"] == 6
    assert results["bsnlp"]["documents"] == 3
    assert results["bsnlp"]["cross_topic_merges"] == 0
    assert results["paraphraser"]["gold"]["auc_precise_vs_non"] == 1.0
    report = format_report(results)
    assert "cross-topic merges: 0" in report and "F1=" in report


def test_readers(shared: Path) -> None:
    topics = [topic for topic, _ in read_bsnlp(shared / "bsnlp")]
    assert sorted(topics) == ["chess", "flood", "flood"]
    labels = [label for *_, label in read_paraphraser(
        shared / "paraphraser/utils/load_from_input_xml/paraphrases_gold.xml")]
    assert labels == [1, 0, -1]


@pytest.mark.parametrize(
    ("positive", "negative", "expected"),
    [([0.9, 0.8], [0.1, 0.2], 1.0), ([0.1], [0.9], 0.0), ([0.5], [0.5], 0.5), ([0.9, 0.5], [0.5, 0.1], 0.875)],
)
def test_roc_auc(positive: list[float], negative: list[float], expected: float) -> None:
    assert roc_auc(positive, negative) == pytest.approx(expected)


def test_binary_scores() -> None:
    scores = binary_scores([True, True, False, False], [True, False, True, False])
    assert scores["accuracy"] == 0.5 and scores["precision"] == 0.5 and scores["f1"] == 0.5
