"""The families of Russian reported speech of issue 9, each on invented sentences.

Each case gives a text and the quotes quotex must find in it (content and kind), or none at all.
"""

from __future__ import annotations

import pytest
from quote_cases import assert_finds

from quotex.pipeline import Extractor

NOMINAL = [
    ("Министр обвинил власти в сокрытии данных о потерях.", "власти в сокрытии данных о потерях"),
    ("Президент призвал стороны к немедленному перемирию.", "стороны к немедленному перемирию"),
    ("Генеральный секретарь призвал к немедленному перемирию.", "к немедленному перемирию"),
    ("МИД сообщил о гибели 80 человек.", "о гибели 80 человек"),
    ("Министр отрицает причастность к взрыву.", "причастность к взрыву"),
    ("Посол выразил обеспокоенность ростом напряжённости.", "обеспокоенность ростом напряжённости"),
    ("Активисты потребовали её освобождения.", "её освобождения"),
    ("Депутат назвал арест нарушением прав человека.", "арест нарушением прав человека"),
    # what it is called hung by the parse on the object, not on the verb
    ("Президент назвал уход правительства своим достижением.", "уход правительства своим достижением"),
    ("Оппозиция назвала выборы фальсификацией.", "выборы фальсификацией"),  # a political camp speaks
    ("Губернатор подтвердил гибель мирных жителей.", "гибель мирных жителей"),
    ("Адвокат попросил суд о снисхождении к подсудимому.", "суд о снисхождении к подсудимому"),
    ("Лидер партии заявил о намерении баллотироваться.", "о намерении баллотироваться"),
    (
        "Мэр опроверг сообщения о том, что в городе не хватает воды.",
        "сообщения о том, что в городе не хватает воды",
    ),
    (
        "Депутат назвала министра «главным лоббистом», который провалил реформу.",
        "министра «главным лоббистом», который провалил реформу",
    ),
    (
        "Он ушёл из партии, заявив о несогласии с её курсом.",
        "о несогласии с её курсом",
    ),
    # the press speaks as an unnamed group; the author's clause of time after the claim is not the claim
    (
        "Пресса обвиняла министра в некомпетентности после того, как из страны не выслали преступников.",
        "министра в некомпетентности",
    ),
    ("Агентство рекомендовало школам отказаться от платных программ.", "отказаться от платных программ"),
]


@pytest.mark.parametrize(("text", "content"), NOMINAL)
def test_nominal_reported_speech(extractor: Extractor, text: str, content: str) -> None:
    assert_finds(extractor, text, [(content, "indirect")])


NO_CLAIM = [
    "Президент сообщил о визите.",
    "Министр рассказал о своих планах.",
    "Министр выразил соболезнования.",
    "Эта борьба потребовала огромных жертв со стороны солдат.",
    "Практика говорит о высокой вероятности худшего сценария.",
    "Его обвиняли в получении взяток.",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_topic_only_or_no_speaker_is_no_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


def test_quoted_word_called_is_a_direct_quote(extractor: Extractor) -> None:
    text = "Министр назвала состояние пациента «очень тяжёлым», а ранения «очень серьёзными»."
    assert_finds(extractor, text, [("очень тяжёлым", "direct"), ("очень серьёзными", "direct")])


SPANS = [
    (
        "Министр признал, что бюджет не сбалансирован, но отметил, что дефицит сократится.",
        [("бюджет не сбалансирован", "indirect"), ("дефицит сократится", "indirect")],
    ),
    (
        "Политик заявил, что выборы пройдут честно, по его словам, наблюдатели уже прибыли.",
        [("выборы пройдут честно", "indirect"), ("наблюдатели уже прибыли", "indirect")],
    ),
    (
        "Компания предупредила, что не будет голосовать, аргументировав своё решение сменой владельца.",
        [("не будет голосовать", "indirect")],
    ),
    (
        "Представитель пояснил, что пикет начался в 16:00 у здания мэрии.",
        [("пикет начался в 16:00 у здания мэрии", "indirect")],
    ),
    (
        "Эксперт считает, что реформа провалится, и предлагает отложить её.",
        [("реформа провалится", "indirect"), ("отложить её", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_a_quote_stops_before_the_next_cue_clause(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


OPINION_DASH = [
    (
        '"В прошлом сезоне оборона ошибалась, - считает тренер. - Поэтому новичок станет ключевым".',
        [("В прошлом сезоне оборона ошибалась", "direct"), ("Поэтому новичок станет ключевым", "direct")],
    ),
    ('"Новичок не сядет на лавку", - полагает тренер.', [("Новичок не сядет на лавку", "direct")]),
]


@pytest.mark.parametrize(("text", "expected"), OPINION_DASH)
def test_an_opinion_verb_after_a_dash_is_a_cue(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


NOBODY_SAYS = [
    "Многие считали, что завод закроют.",
    "Некоторые полагают, что завод закроют.",
    "Ранее сообщалось, что завод закроют.",
    "Сообщается, что завод закроют.",
]


@pytest.mark.parametrize("text", NOBODY_SAYS)
def test_a_vague_belief_or_the_authors_hedge_is_no_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


@pytest.mark.parametrize(
    "text", ["В заявлении говорится, что завод закроют.", "Эксперты полагают, что завод закроют."]
)
def test_a_report_with_a_source_is_a_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [("завод закроют", "indirect")])


BACKWARD = [
    (
        "Мэр города получил тяжёлое ранение. Неизвестный выстрелил ему в спину. "
        "Эту информацию подтвердила пресс-секретарь мэрии.",
        "Мэр города получил тяжёлое ранение. Неизвестный выстрелил ему в спину",
    ),
    ("Завод закроют до конца года. Это подтвердил директор предприятия.", "Завод закроют до конца года"),
    ("Завод закроют до конца года. Об этом говорится в заявлении компании.", "Завод закроют до конца года"),
]


@pytest.mark.parametrize(("text", "content"), BACKWARD)
def test_a_cue_pointing_back_makes_the_sentences_before_a_quote(
    extractor: Extractor, text: str, content: str
) -> None:
    assert_finds(extractor, text, [(content, "indirect")])


def test_a_second_backward_cue_adds_no_quote(extractor: Extractor) -> None:
    text = (
        "Завод закроют до конца года. Об этом говорится в сообщении компании. "
        "Полиция подтвердила эту информацию."
    )
    assert_finds(extractor, text, [("Завод закроют до конца года", "indirect")])


ACCORDING_TO = [
    ("Согласно сообщению полиции, в доме нашли оружие.", [("в доме нашли оружие", "indirect")]),
    (
        "Согласно информации издания, пассажиры не были пристёгнуты.",
        [("пассажиры не были пристёгнуты", "indirect")],
    ),
    ("По предварительным данным, министр покинул страну.", []),
    (  # ... but official or some sources are a source, though unnamed
        "По официальным данным, министр покинул страну.",
        [("министр покинул страну", "indirect")],
    ),
    (
        "По некоторым сведениям, завод закроют в мае.",
        [("завод закроют в мае", "indirect")],
    ),
    (  # a relative clause of its own inside the content of one stays in it
        "Наводнение, в котором, по официальным данным, пострадали сто домов, половина из которых "
        "разрушена, продолжается.",
        [("пострадали сто домов, половина из которых разрушена", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACCORDING_TO)
def test_according_to_a_source(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds(extractor, text, expected)


def test_an_owner_after_official_data_is_no_part_of_the_quote(extractor: Extractor) -> None:
    quotes = extractor.extract("По официальным данным МВД, в аварии погибли три человека.").quotes
    assert not any(quote.text.startswith("МВД") for quote in quotes)


CLAIMS_KEEP_THEIR_CLAUSES = [
    (  # a time clause that is the accusation's own
        "Министр обвинил полицию в бездействии, когда горел склад.",
        "полицию в бездействии, когда горел склад",
    ),
    (  # a call's deadline
        "Оппозиция призвала власти к переговорам до того, как начнутся выборы.",
        "власти к переговорам до того, как начнутся выборы",
    ),
]


@pytest.mark.parametrize(("text", "content"), CLAIMS_KEEP_THEIR_CLAUSES)
def test_a_claim_keeps_its_own_clauses(extractor: Extractor, text: str, content: str) -> None:
    assert_finds(extractor, text, [(content, "indirect")])


def test_a_second_relative_clause_on_the_head_ends_the_content(extractor: Extractor) -> None:
    text = (
        "Завод, на котором, по официальным данным, работают 500 человек, который был построен в 1950 году, "
        "закроют."
    )
    assert [quote.text for quote in extractor.extract(text).quotes] == ["работают 500 человек"]


def test_an_unnamed_official_source_is_described(extractor: Extractor) -> None:
    (quote,) = extractor.extract("По неофициальным данным, министр покинул страну.").quotes
    assert quote.speaker is None
    assert quote.description == "неофициальные данные"


RELATIVE_AND_PARTICIPIAL = [
    ("Суд выслушал трёх свидетелей, утверждавших, что подсудимый был дома.", "подсудимый был дома"),
    ("Эксперты, полагающие, что кризис закончится, оказались в меньшинстве.", "кризис закончится"),
    (
        "Он поддержал активистов, заявлявших о необходимости перемен.",
        "о необходимости перемен",
    ),
]


@pytest.mark.parametrize(("text", "content"), RELATIVE_AND_PARTICIPIAL)
def test_a_cue_inside_a_participial_clause(extractor: Extractor, text: str, content: str) -> None:
    assert_finds(extractor, text, [(content, "indirect")])


QUESTIONS_AND_REQUESTS = [
    ("Журналист спросил, готов ли министр уйти в отставку.", "готов ли министр уйти в отставку"),
    ("Депутаты потребовали, чтобы министр ушёл в отставку.", "министр ушёл в отставку"),
    ("Адвокат попросил суд отложить заседание.", "отложить заседание"),
]


@pytest.mark.parametrize(("text", "content"), QUESTIONS_AND_REQUESTS)
def test_indirect_questions_and_requests(extractor: Extractor, text: str, content: str) -> None:
    assert_finds(extractor, text, [(content, "indirect")])


def test_a_direct_quote_closed_by_a_comma_without_a_dash(extractor: Extractor) -> None:
    text = '"В таком виде бюджет не пройдёт", заявил Петров.'
    assert_finds(extractor, text, [("В таком виде бюджет не пройдёт", "direct")])


NOT_QUOTES = [
    "Группа исполнила песню «Мы ждём перемен» на бис.",
    "Эти цифры ничего бы не добавили к картине.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_titles_and_non_speech_senses_are_no_quotes(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


def test_statement_after_a_colon_at_a_line_end(extractor: Extractor) -> None:
    text = "Губернатор сказал журналистам:\nМы справимся с паводком за неделю."
    assert_finds(extractor, text, [("Мы справимся с паводком за неделю", "direct")])


def test_statement_after_a_colon_inside_a_line(extractor: Extractor) -> None:
    text = "Глава комитета заявил: область денег на ремонт не даст."  # third person: the author's words
    assert_finds(extractor, text, [("область денег на ремонт не даст", "indirect")])


def test_a_headline_source_and_content(extractor: Extractor) -> None:
    assert_finds(
        extractor,
        "Минфин: дефицит бюджета сократится\n\nТекст новости.",
        [("дефицит бюджета сократится", "indirect")],
    )


def test_an_agency_dateline_is_no_quote_by_itself(extractor: Extractor) -> None:
    text = "АФИ: Глава комитета Иван Петров заявил, что бюджет будет принят."
    quotes = extractor.extract(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("бюджет будет принят", "Иван Петров")
    ]
