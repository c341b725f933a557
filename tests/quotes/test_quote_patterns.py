"""Quotes and speakers on real Russian news sentences, one pattern a case, with the real models."""

from __future__ import annotations

import pytest

from quotex.pipeline import Extractor

# (text, [(kind, quote text, speaker name or None, speaker type or None)])
Expected = list[tuple[str, str, "str | None", "str | None"]]

DIRECT = [
    (
        "Министр иностранных дел России Сергей Лавров заявил: «Мы готовы к переговорам».",
        [("direct", "Мы готовы к переговорам", "Сергей Лавров", "person")],
    ),
    (
        "«Ситуация под контролем», — говорится в заявлении Министерства обороны.",
        [("direct", "Ситуация под контролем", "Министерство обороны", "organisation")],
    ),
    (
        "Губернатор Андрей Воробьёв рассказал: “Ремонт дорог завершится к осени”.",
        [("direct", "Ремонт дорог завершится к осени", "Андрей Воробьёв", "person")],
    ),
    (
        "Директор театра Иван Петров сказал: „Мы покажем премьеру в декабре“.",
        [("direct", "Мы покажем премьеру в декабре", "Иван Петров", "person")],
    ),
    (
        '"Я сам перенес тяжелое недомогание", - сказал в этой беседе Андрей Варичев.',
        [("direct", "Я сам перенес тяжелое недомогание", "Андрей Варичев", "person")],
    ),
    (
        "«Мы готовы к переговорам, — сказал министр иностранных дел России Сергей Лавров, — "
        "но не на любых условиях».",
        [
            ("direct", "Мы готовы к переговорам", "Сергей Лавров", "person"),
            ("direct", "но не на любых условиях", "Сергей Лавров", "person"),
        ],
    ),
    (
        "— Мы не отступим, — сказал Алексей Навальный журналистам.",
        [("direct", "Мы не отступим", "Алексей Навальный", "person")],
    ),
    (
        "Владимир Зеленский назвал переговоры «конструктивными».",
        [("direct", "конструктивными", "Владимир Зеленский", "person")],
    ),
    (
        "Министр здравоохранения Перу Зулема Томас назвала состояние Гарсии «очень тяжёлым», "
        "а ранения «очень серьёзными».",
        [
            ("direct", "очень тяжёлым", "Зулема Томас", "person"),
            ("direct", "очень серьёзными", "Зулема Томас", "person"),
        ],
    ),
    (
        "Действующий президент Перу Мартин Вискарра написал в Twitter:\n"
        "Подавлен кончиной бывшего президента Алана Гарсии. Мои соболезнования его семье и близким.",
        [
            (
                "direct",
                "Подавлен кончиной бывшего президента Алана Гарсии. Мои соболезнования его семье и близким",
                "Мартин Вискарра",
                "person",
            )
        ],
    ),
    (
        "«Полковник Квачков к походу и бою готов», — заявил Владимир Квачков журналистам. "
        "«На мне парадная форма русского политзаключенного», — с этими словами Квачков отправился "
        "давать пресс-конференцию.",
        [
            ("direct", "Полковник Квачков к походу и бою готов", "Владимир Квачков", "person"),
            ("direct", "На мне парадная форма русского политзаключенного", "Владимир Квачков", "person"),
        ],
    ),
]

INDIRECT = [
    (
        "Пресс-секретарь президента России Дмитрий Песков заявил, что Кремль не планирует менять позицию.",
        [("indirect", "Кремль не планирует менять позицию", "Дмитрий Песков", "person")],
    ),
    (
        "По словам Дмитрия Пескова, Кремль не планирует менять позицию.",
        [("indirect", "Кремль не планирует менять позицию", "Дмитрий Песков", "person")],
    ),
    (
        "Как сообщил Дмитрий Песков, Кремль не планирует менять позицию.",
        [("indirect", "Кремль не планирует менять позицию", "Дмитрий Песков", "person")],
    ),
    (
        "Кремль не планирует менять позицию, — сообщил журналистам Дмитрий Песков.",
        [("indirect", "Кремль не планирует менять позицию", "Дмитрий Песков", "person")],
    ),
    (
        "Джонсон неделю провел в больнице, пишет Deutsche Welle.",
        [("indirect", "Джонсон неделю провел в больнице", "Deutsche Welle", "organisation")],
    ),
    (
        "Взрыв произошёл в центре города, сообщает ТАСС.",
        [("indirect", "Взрыв произошёл в центре города", "ТАСС", "organisation")],
    ),
    (  # an institution the words came from
        "Как сообщили из городской прокуратуры, расследование продолжается.",
        [("indirect", "расследование продолжается", "городская прокуратура", "organisation")],
    ),
    (  # a date set off by commas between the cue and its source
        "Взрыв произошёл в центре города, сообщило в пятницу, 5 марта 2021 года, агентство Reuters.",
        [("indirect", "Взрыв произошёл в центре города", "Reuters", "organisation")],
    ),
    (
        "Взрыв произошёл в центре города, сообщает ТАСС со ссылкой на источник в экстренных службах.",
        [("indirect", "Взрыв произошёл в центре города", None, None)],
    ),
    (
        "Принц Филипп сдал водительские права после аварии. Об этом говорится в сообщении "
        "Букингемского дворца.",
        [
            (
                "indirect",
                "Принц Филипп сдал водительские права после аварии",
                "Букингемский дворец",
                "organisation",
            )
        ],
    ),
    (
        "Тренер команды Валерий Карпин выразил уверенность, что сборная выйдет в финал.",
        [("indirect", "сборная выйдет в финал", "Валерий Карпин", "person")],
    ),
    (
        "Глава МВД Владимир Колокольцев заявил, что все обвинения против журналиста сняты "
        "и ходатайствовал об увольнении двух генералов полиции.",
        [("indirect", "все обвинения против журналиста сняты", "Владимир Колокольцев", "person")],
    ),
    (
        "Ярослав Емельяненко писал, что огонь добрался до Припяти "
        "и находился в двух километрах от хранилища.",
        [
            (
                "indirect",
                "огонь добрался до Припяти и находился в двух километрах от хранилища",
                "Ярослав Емельяненко",
                "person",
            )
        ],
    ),
    (
        "Ольга Иванова попросила коллег не опаздывать на заседание.",
        [("indirect", "не опаздывать на заседание", "Ольга Иванова", "person")],
    ),
    (
        "Адвокаты политика заявили о намерении подать жалобу в ЕСПЧ.",
        [("indirect", "о намерении подать жалобу в ЕСПЧ", None, None)],
    ),
    (
        "Эксперты считают, что цены на нефть продолжат расти.",
        [("indirect", "цены на нефть продолжат расти", None, None)],
    ),
    (
        "Как утверждают в Odebrecht, с 2004 года они заплатили почти 30 миллионов долларов.",
        [("indirect", "с 2004 года они заплатили почти 30 миллионов долларов", "Odebrecht", "organisation")],
    ),
]

ORGANISATIONS = [
    (
        "МИД России заявил, что посол будет вызван для объяснений.",
        [("indirect", "посол будет вызван для объяснений", "МИД России", "organisation")],
    ),
    (
        "В полиции заявили, что задержанный дал показания.",
        [("indirect", "задержанный дал показания", "полиция", "organisation")],
    ),
    (
        "Пресс-служба клуба сообщила, что контракт с игроком продлён до 2025 года.",
        [("indirect", "контракт с игроком продлён до 2025 года", "пресс-служба клуба", "organisation")],
    ),
    (
        "«Съемки фильма стартовали в четверг», — сообщили в пресс-службе «Киностудии КИТ».",
        [("direct", "Съемки фильма стартовали в четверг", "Киностудия КИТ", "organisation")],
    ),
]

RESOLUTION = [
    (
        "Мария Захарова встретилась с журналистами. Она заявила, что Москва ответит на санкции.",
        [("indirect", "Москва ответит на санкции", "Мария Захарова", "person")],
    ),
    (  # "заявила" needs a woman: no speaker rather than a wrong one
        "Сергей Лавров встретился с коллегой. Она заявила, что Москва ответит на санкции.",
        [("indirect", "Москва ответит на санкции", None, None)],
    ),
    (
        "Владимир Путин провёл совещание. «Нужно ускорить работу», — подчеркнул президент.",
        [("direct", "Нужно ускорить работу", "Владимир Путин", "person")],
    ),
    (
        "Глава Минздрава Михаил Мурашко сообщил, что ситуация с гриппом стабильна. "
        "«Мы ожидаем спада заболеваемости уже в феврале», — отметил министр.",
        [
            ("indirect", "ситуация с гриппом стабильна", "Михаил Мурашко", "person"),
            ("direct", "Мы ожидаем спада заболеваемости уже в феврале", "Михаил Мурашко", "person"),
        ],
    ),
    (  # the unnamed resident, not the official named earlier
        "Глава агентства Ярослав Емельяненко сообщил о пожаре. По факту поджога был задержан житель "
        "одного из сёл. Он сказал, что поджёг траву ради забавы.",
        [("indirect", "поджёг траву ради забавы", None, None)],
    ),
    (
        "Собеседники РБК сообщили, что Андрей Варичев умер от пневмонии.",
        [("indirect", "Андрей Варичев умер от пневмонии", None, None)],
    ),
    (
        "Трамп и Путин также заявили о своей признательности «за вклад миллионов мужчин и женщин в тылу».",
        [("direct", "за вклад миллионов мужчин и женщин в тылу", "Трамп и Путин", "person")],
    ),
]

NOTHING = [
    "Напомним, что выборы состоятся в сентябре.",
    "Президент рассказал о планах на следующий год.",
    'Сотрудники «Газпрома» получили премии, а газета "Известия" опубликовала статью.',
    "Фильм «Доктор Лиза» выйдет на экраны в октябре.",
    "Так называемые «зелёные человечки» появились на улицах.",
    '"Спартак" обыграл "Зенит" со счётом 2:1.',
    "Неделю назад журналист, как сообщалось, был задержан.",
    "Это был отборочный поединок по версии IBF.",
    "Документы, в которых она рассказала об этом, были прикреплены к запросу в суд.",
    'Одна " лишняя кавычка не ломает документ.',
    # a name in quotes inside a phrase, though a dash and a speech verb follow it
    "Иван Петров, один из лидеров консервативной «Партии садоводов» — намекнул на отставку.",
]


def found(extractor: Extractor, text: str) -> Expected:
    result = extractor.extract(text)
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        for span in (quote.cue, quote.mention):
            assert span is None or text[span.start : span.end] == span.text
    return [
        (q.kind, q.text, q.speaker.name if q.speaker else None, q.speaker.type if q.speaker else None)
        for q in result.quotes
    ]


@pytest.mark.parametrize(("text", "expected"), DIRECT + INDIRECT + ORGANISATIONS + RESOLUTION)
def test_quotes_and_speakers(extractor: Extractor, text: str, expected: Expected) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_quote(extractor: Extractor, text: str) -> None:
    assert found(extractor, text) == []


def test_unnamed_source_gets_a_description(extractor: Extractor) -> None:
    (quote,) = extractor.extract("Источник в правительстве сообщил, что решение уже принято.").quotes
    assert quote.speaker is None
    assert quote.description == "источник в правительстве"


def test_quote_over_two_paragraphs_is_one_quote(extractor: Extractor) -> None:
    text = (
        "Министр финансов Антон Силуанов выступил на форуме.\n\n«Бюджет будет сбалансирован.\n\n"
        "«Дефицит не превысит одного процента», — сказал министр.\n"
    )
    (quote,) = extractor.extract(text).quotes
    assert quote.text == "Бюджет будет сбалансирован.\n\n«Дефицит не превысит одного процента"
    assert quote.speaker is not None and quote.speaker.name == "Антон Силуанов"


def test_a_shout_in_quotes_after_a_verb_is_a_quote(extractor: Extractor) -> None:
    quotes = extractor.extract("Депутаты кричали «Позор!» — сообщает ТАСС.").quotes
    assert [quote.text for quote in quotes] == ["Позор!"]


def test_a_statement_after_a_colon_is_the_subjects_though_no_verb_of_speech_is(extractor: Extractor) -> None:
    text = "Министр был краток: «Мы готовы к переговорам с любыми партнёрами»."
    (quote,) = extractor.extract(text).quotes
    assert quote.text == "Мы готовы к переговорам с любыми партнёрами"
    assert quote.description == "министр"


def test_unclosed_quote_runs_to_the_end_of_its_paragraph(extractor: Extractor) -> None:
    text = (
        'Глава государства Касым-Жомарт Токаев подчеркнул: "Мы продолжим реформы. Это наш приоритет.\nДалее.'
    )
    (quote,) = extractor.extract(text).quotes
    assert quote.text == "Мы продолжим реформы. Это наш приоритет."
    assert quote.speaker is not None and quote.speaker.name == "Касым-Жомарт Токаев"


def test_pronoun_mention_and_cue_point_into_the_text(extractor: Extractor) -> None:
    text = "Мария Захарова встретилась с журналистами. Она заявила, что Москва ответит на санкции."
    (quote,) = extractor.extract(text).quotes
    assert quote.mention is not None and quote.mention.text == "Она"
    assert quote.cue is not None and quote.cue.text == "заявила"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (  # the outlet credited before speaks again as "газета"
            'Как пишет газета "Сегодня", Педченко занимал должность замминистра. '
            "Ранее кандидатом назывался командующий Сухопутными войсками Геннадий Воробьев. "
            "Как отмечает газета, его назначение не состоялось.",
            "отмечает",
            "Сегодня",
        ),
        (  # "the agency" is the one the text named so, past an institution quoted in between
            "Агентство S&P понизило рейтинг банка «Пересвет». В пресс-службе ЦБ РФ говорится, что банк "
            "продолжит работу. Как сообщает агентство, рейтинги изменены из-за ограничений.",
            "сообщает",
            "S&P",
        ),
        (  # ... not an organisation merely mentioned without the word
            "Компания Lukas понизила цены на бензин. В пресс-службе ЦБ РФ говорится, что банк "
            "продолжит работу. Как сообщает агентство, цены изменены из-за налогов.",
            "сообщает",
            None,
        ),
        (
            "Солистка группы Василиса Старшова сообщила в Instagram, что покидает группу.",
            "сообщила",
            "Василиса Старшова",
        ),
        (  # the parse hangs the reported clause's subject on the cue verb: no speaker beats a wrong one
            'Отставку главы ГРУ "Коммерсантъ" объяснил тем, что в апреле президент России Дмитрий '
            "Медведев поручил чиновникам покинуть советы директоров.",
            "объяснил",
            None,
        ),
    ],
)
def test_speaker_of_a_cue(extractor: Extractor, text: str, cue: str, speaker: str | None) -> None:
    (quote,) = [q for q in extractor.extract(text).quotes if q.cue and q.cue.text == cue]
    assert (quote.speaker.name if quote.speaker else None) == speaker


def test_windows_line_ends_change_nothing_but_offsets(extractor: Extractor, sample_text: str) -> None:
    crlf = sample_text.replace("\n", "\r\n")
    unix, windows = extractor.extract(sample_text), extractor.extract(crlf)
    assert [(q.kind, q.speaker) for q in windows.quotes] == [(q.kind, q.speaker) for q in unix.quotes]
    assert [q.text.replace("\r\n", "\n") for q in windows.quotes] == [q.text for q in unix.quotes]
    assert all(crlf[q.start : q.end] == q.text for q in windows.quotes)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_quote_on_the_line_after_the_colon(extractor: Extractor, newline: str) -> None:
    text = f"Министр иностранных дел Сергей Лавров заявил:{newline}«Мы готовы к переговорам»."
    (quote,) = extractor.extract(text).quotes
    assert quote.text == "Мы готовы к переговорам"
    assert quote.speaker is not None and quote.speaker.name == "Сергей Лавров"


def test_role_noun_and_surname_after_the_verb(extractor: Extractor) -> None:
    text = "Сергей Лавров прибыл в Анкару. «Мы готовы», — сказал министр Лавров."
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Сергей Лавров"


@pytest.mark.parametrize(
    "text",
    [
        "   \n\t",
        "...!!!",
        "«»«»",
        "«««»»»",
        '""""',
        "— — —",
        "«" * 50,
        "Текст. " * 2000,
        "а" * 5000,
        "\r\n\r\n",
    ],
)
def test_odd_input_never_fails(extractor: Extractor, text: str) -> None:
    document = extractor.extract(text)
    assert all(any(char.isalnum() for char in q.text) for q in document.quotes)
    for quote in document.quotes:
        assert text[quote.start : quote.end] == quote.text
