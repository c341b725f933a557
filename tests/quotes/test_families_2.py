"""The families of issue 9 left after the first round, each on invented sentences.

Each case gives a text and the quotes quotex must find in it (content and kind), or none at all.
"""

from __future__ import annotations

import pytest
from quote_cases import assert_finds

from quotex.pipeline import Extractor

HEADLINES = [
    (
        "СМИ: завод закроют до конца года\nЗавод работает с 1950 года.",
        [("завод закроют до конца года", "indirect")],
    ),
    (
        "Эксперты: инфляция в этом году превысит прогноз\n\nЦентробанк повысил ставку.",
        [("инфляция в этом году превысит прогноз", "indirect")],
    ),
    (
        'Тренер сборной о матче с Ирландией: "Это будет трудная игра"\n\nМатч пройдёт в субботу.',
        [("Это будет трудная игра", "direct")],
    ),
    (
        "Сборная выиграла.\n\n— Министр: реформа образования провалилась\n\nРеформу начали в 2010 году.",
        [("реформа образования провалилась", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES)
def test_a_headline_source_and_content(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


NO_HEADLINE = [
    "Фото: Иван Петров / ТАСС\nЗавод работает с 1950 года.",
    "Завод работает с 1950 года.\n\nИсточник: https://www.example.com/news/2006/plant.html",
    "Завод работает.\n\nМосква: пожар в центре города потушен\n\nПожар начался утром.",
    "Завод работает.\n\n— Политика в области образования\n\nРеформу начали в 2010 году.",
]


@pytest.mark.parametrize("text", NO_HEADLINE)
def test_a_label_a_place_or_a_subheading_is_no_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


DATELINES = [
    ("Интерфакс: По его словам, бюджет будет принят.", [("бюджет будет принят", None)]),
    (
        "АФИ: Министр финансов Олег Смирнов сообщил, что налоги не вырастут.",
        [("налоги не вырастут", "Олег Смирнов")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_an_agency_dateline_is_no_quote_of_the_agency(
    extractor: Extractor, text: str, expected: list[tuple[str, str | None]]
) -> None:
    quotes = extractor.extract(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == expected


COLON_INSIDE_A_LINE = [
    (
        "Губернатор сказал журналистам: мы справимся с паводком за неделю.",
        [("мы справимся с паводком за неделю", "direct")],
    ),
    (
        "Мэр заявил практически то же самое: город денег на ремонт не даст.",
        [("город денег на ремонт не даст", "indirect")],
    ),
    (
        "Художница подчёркивает значение свободы: в её работах нет иерархии между автором и моделью.",
        [("в её работах нет иерархии между автором и моделью", "indirect")],
    ),
    (
        "Министр заявил, что его приоритетами будут: бюджет, ремонт дорог и строительство школ.",
        [("его приоритетами будут: бюджет, ремонт дорог и строительство школ", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COLON_INSIDE_A_LINE)
def test_a_statement_after_a_colon_inside_a_line(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


NO_COLON_STATEMENT = [
    "В 1998 году он написал мемуары Light My Fire: My Life with The Doors.",
    "Матч начнётся в 19:00 по московскому времени.",
    "В сборную вошли три новичка: Иванов, Петров и Сидоров.",
]


@pytest.mark.parametrize("text", NO_COLON_STATEMENT)
def test_a_colon_without_a_cue_is_no_statement(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


def test_a_dashed_list_after_a_colon_is_one_quote(extractor: Extractor) -> None:
    text = (
        "Министр перечислил задачи, которые предстоит решить:\n\n– создание новой армии;\n\n"
        "– ремонт дорог;\n\n– снижение зависимости от экспорта.\n\nЗатем он уехал."
    )
    content = "создание новой армии;\n\n– ремонт дорог;\n\n– снижение зависимости от экспорта"
    assert_finds(extractor, text, [(content, "direct")])


def test_a_paragraph_after_a_blank_line_is_not_the_colons_statement(extractor: Extractor) -> None:
    text = "В своём блоге он написал:\n\nИван Петров — русский писатель, лауреат премии «Книга года»."
    assert_finds(extractor, text, [])


def test_a_first_person_paragraph_after_a_blank_line_is_the_colons_statement(extractor: Extractor) -> None:
    text = "Министр Иван Петров сказал:\n\nЯ не собираюсь уходить в отставку.\n\nЗатем он уехал."
    assert_finds(extractor, text, [("Я не собираюсь уходить в отставку", "direct")])


@pytest.mark.parametrize(
    "paragraph",
    ["Напомним, в прошлом году в области открыли пять школ.", "Как нам стало известно, школы откроют."],
)
def test_the_authors_first_person_after_a_blank_line_is_no_statement(
    extractor: Extractor, paragraph: str
) -> None:
    assert_finds(extractor, f"Губернатор Иван Петров сказал:\n\n{paragraph}", [])


CONCLUDES = [
    (
        "Реформа провалилась, а виноваты в этом чиновники, заключает газета.",
        [("Реформа провалилась, а виноваты в этом чиновники", "indirect")],
    ),
    ("Россия и Китай заключили соглашение о поставках газа.", []),
    ("Суд заключил его под стражу.", []),
]


@pytest.mark.parametrize(("text", "expected"), CONCLUDES)
def test_concludes_is_a_cue_only_in_its_speech_sense(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


RELATIVE_CLAUSES_AND_EXPECTATIONS = [
    (
        "Министерство, в котором уверены, что реформа провалится, готовит новый закон.",
        [("реформа провалится", "indirect")],
    ),
    ("В министерстве уверены, что реформа провалится.", [("реформа провалится", "indirect")]),
    ("Аналитики ожидают, что цены на нефть вырастут.", [("цены на нефть вырастут", "indirect")]),
    ("Фермеры рассчитывают, что урожай будет богатым.", [("урожай будет богатым", "indirect")]),
    ("Как ожидается, президент посетит завод.", []),
    ("Пассажиры ожидают посадки на рейс.", []),
    ("Компания рассчитывает на помощь государства.", []),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CLAUSES_AND_EXPECTATIONS)
def test_a_belief_stated_in_a_relative_clause_or_an_expectation(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


def test_a_relative_clause_speaks_for_the_noun_it_hangs_on(extractor: Extractor) -> None:
    text = "Министерство финансов, в котором уверены, что реформа провалится, готовит новый закон."
    quotes = extractor.extract(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("реформа провалится", "Министерство финансов")
    ]


def test_quoted_words_after_a_noun_of_writing(extractor: Extractor) -> None:
    text = "Активисты развернули плакат с надписью: «Руки прочь от парка»."
    assert_finds(extractor, text, [("Руки прочь от парка", "direct")])


def test_a_hard_wrapped_line_break_does_not_cut_a_quote(extractor: Extractor) -> None:
    text = (
        "Министр финансов Олег Смирнов заявил журналистам, что бюджет\n"
        "будет принят до конца года, а налоги не вырастут.\n"
    )
    assert_finds(extractor, text, [("бюджет\nбудет принят до конца года, а налоги не вырастут", "indirect")])
