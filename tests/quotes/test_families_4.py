"""Families of session 20 on quotes, each on invented sentences.

Each case gives a text and the quotes quotex must find in it (content and kind), or none at all.
"""

from __future__ import annotations

import pytest
from quote_cases import assert_finds

from quotex.pipeline import Extractor

ACCORDING_OPENS_A_CLAUSE = [
    (  # the phrase after a comma opens its clause, which runs on though the parse hangs words elsewhere
        "Министр Иван Петров заявил, что выборы станут выбором между «миром и кризисом», по его словам, "
        "речь идёт о «жизни и смерти» страны.",
        [
            ("выборы станут выбором между «миром и кризисом»", "indirect"),
            ("речь идёт о «жизни и смерти» страны", "indirect"),
        ],
    ),
    (  # words before the phrase with no verb of their own are its clause's: the whole sentence
        "В компании, по словам чиновника, были очень недовольны, когда началось обсуждение.",
        [("В компании, по словам чиновника, были очень недовольны, когда началось обсуждение", "indirect")],
    ),
    (
        "Главным препятствием, по мнению министра, является отсутствие приглашения — запрос прислал "
        "парламент.",
        [
            (
                "Главным препятствием, по мнению министра, является отсутствие приглашения — запрос прислал "
                "парламент",
                "indirect",
            )
        ],
    ),
    (  # ... up to a colon that opens a quote
        "В компании, по словам министра, были недовольны: «это выглядело так, будто мы платим школам».",
        [
            ("В компании, по словам министра, были недовольны", "indirect"),
            ("это выглядело так, будто мы платим школам", "direct"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACCORDING_OPENS_A_CLAUSE)
def test_an_according_phrase_opening_a_clause(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


CUES = [
    (  # "упомянуть" reports like "сказать"
        "Президент Иван Петров упомянул о том, что экономика растет быстрее прогнозов.",
        [("экономика растет быстрее прогнозов", "indirect")],
    ),
    ("Министр упомянул, что переговоры продолжатся.", [("переговоры продолжатся", "indirect")]),
    (  # people have a version of events as institutions do
        "По версии прокуроров, подозреваемый действовал по заказу.",
        [("подозреваемый действовал по заказу", "indirect")],
    ),
    (  # "признать X Y" states what the source holds X to be
        "Правозащитный центр «Мемориал» признал журналиста Ивана Петрова политическим заключенным.",
        [("журналиста Ивана Петрова политическим заключенным", "indirect")],
    ),
    ("Иван Петров признал себя невиновным.", [("себя невиновным", "indirect")]),
    ("Министр признал свою ошибку.", [("свою ошибку", "indirect")]),  # an admission
    (  # a threat with what is threatened, a criticism with what for
        "Террористы угрожают убить заложников, если их требования не выполнят.",
        [("убить заложников, если их требования не выполнят", "indirect")],
    ),
    ("Министр раскритиковал губернатора за медлительность.", [("губернатора за медлительность", "indirect")]),
    (  # more cues: drawing attention, doubt, agreeing, a joke, indignation
        "Министр обратил также внимание на то, что цены растут.",
        [("цены растут", "indirect")],
    ),
    ("Эксперт сомневается, что цены снизятся.", [("цены снизятся", "indirect")]),
    ("Министр согласился, что ситуация сложная.", [("ситуация сложная", "indirect")]),
    (
        "Актриса Анна Петрова пришла на церемонию в тёмных очках. Она отшутилась: «Это была аллергия».",
        [("Это была аллергия", "direct")],
    ),
    ("Министр возмутился: «Это ложь».", [("Это ложь", "direct")]),
    ("Министр обратил внимание на проблему.", []),  # a topic, no claim
]


@pytest.mark.parametrize(("text", "expected"), CUES)
def test_a_cue_of_mention_or_of_holding(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


NOT_SAID = [
    "Хорошевский суд Москвы признал Ивана Петрова виновным в нарушении правил.",  # a verdict
    "Мособлсуд признал приговор законным и обоснованным.",
    "Судья Анна Петрова признала Ивана Смирнова виновным по статье 214.",  # a judge's verdict
    "Более 100 стран признали оппозиционную коалицию в качестве законного представителя народа.",  # an act
    "Трибунал приговорил генерала к пожизненному заключению, признав его виновным в геноциде.",
    "В 1997 году Иван Петров был признан «Человеком года» как лучший организатор.",  # a title
    "По моему мнению, реформа провалилась.",  # the author's own view, reported from no one
    # the author's hedge with a place after it, in a sentence read in full for its quotation marks
    "Теплоход затонул. По последним данным на борту теплохода «Булгария» находился 201 человек.",
    # a relative "что" on a demonstrative, and a thing that "напоминает"
    "Реформы означают движение к модели, напоминающей ту, что существовала в довоенной Чехословакии.",
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_a_verdict_or_a_title_is_no_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


NO_THAT = [
    (  # a clause with its own subject right after the cue's comma, "что" left out
        "Министр Иван Петров заявил, ситуация остается сложной.",
        [("ситуация остается сложной", "indirect")],
    ),
    (
        "Художница Анна Петрова подчеркнула, съемка проводилась с согласия участников.",
        [("съемка проводилась с согласия участников", "indirect")],
    ),
    ("Министр уточнил, когда начнутся переговоры.", []),  # a question, no claim
    ("Петров рассказал анекдот, все засмеялись.", []),  # the cue has its object: the next clause is not it
    ("Он сообщил, в частности, цены вырастут.", []),  # a phrase after the comma: no clause of its own
]


@pytest.mark.parametrize(("text", "expected"), NO_THAT)
def test_a_clause_reported_without_that(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


BACK_TO_THE_EVENT = [
    (  # a bare event noun in an "о"-phrase opening the sentence: the event the sentence before told of
        "В понедельник в аварии погиб министр Иван Петров. О несчастном случае сообщила полиция Москвы.",
        [("В понедельник в аварии погиб министр Иван Петров", "indirect")],
    ),
    (
        "Утром в центре города загорелся склад. О пожаре рассказали в МЧС.",
        [("Утром в центре города загорелся склад", "indirect")],
    ),
    (  # "Это" opening a sentence as the object of a speech verb points back too
        "Фигуристка Анна Петрова завершила карьеру из-за травмы. Это сообщила мать спортсменки Ольга "
        "Петрова.",
        [("Фигуристка Анна Петрова завершила карьеру из-за травмы", "indirect")],
    ),
    (  # a source after its trailing cue past a date set off by commas
        "Пожар на складе в центре города потушен, сообщили в воскресенье, 8 июля 2018 года, представители "
        "полиции.",
        [("Пожар на складе в центре города потушен", "indirect")],
    ),
    (  # "Такое заявление сделал X", "С таким заявлением выступил X" point back like "Об этом заявил X"
        "Талибы называют более высокую цифру погибших. Такое заявление сделал пресс-секретарь талибов Иван "
        "Петров.",
        [("Талибы называют более высокую цифру погибших", "indirect")],
    ),
    (
        "Цены вырастут на 10 процентов. С таким заявлением выступил министр экономики Иван Петров.",
        [("Цены вырастут на 10 процентов", "indirect")],
    ),
    ("Министр выступил с заявлением о бюджете.", []),  # a topic
    (  # "соответствующее", "подобное" point back as "такое" does
        "Цены вырастут на десять процентов. Соответствующее заявление сделал министр экономики Иван Петров.",
        [("Цены вырастут на десять процентов", "indirect")],
    ),
    (  # a short sentence in quotation marks before is what was said
        "«Цены вырастут». Такое заявление сделал министр экономики Иван Петров.",
        [("Цены вырастут", "direct")],
    ),
    ("Итоги года. Об этом заявил министр Иван Петров.", []),  # a short heading is no statement
    ("Министр прибыл в Париж. О визите сообщила пресс-служба.", []),  # a visit is a topic, no event
    ("Министр выступил на сайте.", []),  # a website, nothing said
    ("Боксёр завоевал титул чемпиона мира по версии Всемирного боксерского совета.", []),  # a ranking
    ("На дороге произошла авария. В ГИБДД опровергли эту информацию.", []),  # denied, not said
    (  # an event set apart from the one before
        "В 2010 году посредником на переговорах уже выступал Иван Петров. О нынешнем аресте первыми "
        "сообщили южнокорейские СМИ.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BACK_TO_THE_EVENT)
def test_an_event_noun_refers_to_the_sentence_before(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


ONE_QUOTE = [
    (  # someone quoted inside someone else's quote is that quote's words
        "Министр Иван Петров сказал, что президент обещал снизить налоги.",
        [("президент обещал снизить налоги", "indirect")],
    ),
    (  # an outlet's report of a nominal claim is one quote, the outlet's
        "Представители партии в четверг объявили о массовых нарушениях при голосовании, сообщает агентство "
        "Рейтер.",
        [("Представители партии в четверг объявили о массовых нарушениях при голосовании", "indirect")],
    ),
    (  # the speaker's next cue after a comma ends the clause, though the parse hangs it on the first
        "Министр заявил, что закон является незаконным, призвал граждан к спокойствию.",
        [("закон является незаконным", "indirect"), ("граждан к спокойствию", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ONE_QUOTE)
def test_one_quote_for_one_stretch_of_words(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


LEFT_ALONE_TOO = [  # a second round of probes
    ("Река угрожает выйти из берегов после сильных дождей.", []),  # a thing threatens nothing said
    # "признававшаяся лучшей": an award
    ("Нападающая Анна Петрова, трижды признававшаяся лучшей футболисткой мира, завершила карьеру.", []),
    ("Фильмом года по версии кинокритиков стала картина «Брат».", []),  # a ranking
    (  # a ranking word in the sentence before is no ranking
        "Команда заняла третье место. По версии следствия, матч был договорным.",
        [("матч был договорным", "indirect")],
    ),
    (  # a direct quote with its own cue stays, "Такое заявление" after it takes nothing back
        "«Цены вырастут», — предупредил министр. Такое заявление он сделал на форуме в Сочи.",
        [("Цены вырастут", "direct")],
    ),
    ("Министр раскритиковал работу губернатора за последние два года.", []),  # "за" of time
    ("Иван Петров признал вину.", [("вину", "indirect")]),  # a bare admission
    (  # the time of an admission is no part of it
        "Министр признал наличие у него второго паспорта только после публикации.",
        [("наличие у него второго паспорта", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEFT_ALONE_TOO)
def test_what_the_new_rules_leave_alone_too(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


LEFT_ALONE = [  # what a second reader's probes of this session's rules showed they must leave alone
    # a comma past the cue opens the next clause, unless a date sits between two commas
    ("Работы на линии завершены, сообщили в среду, однако жители по-прежнему остаются без света.", []),
    # an event noun with nothing of that event in the sentence before, a second event, a question
    ("В Москве прошел саммит. О задержании сообщила полиция.", []),
    ("Первый взрыв прогремел в девять утра. О втором взрыве сообщили в полиции.", []),
    ("Что случилось на трассе? О происшествии рассказал водитель.", []),
    # ... and someone's own words before it stay his
    (
        "«Мы потрясены», — сказал мэр Иван Петров. О трагедии он рассказал журналистам.",
        [("Мы потрясены", "direct")],
    ),
    # others' reaction after the comma of a cue is no clause it reports
    ("Губернатор пошутил, зал рассмеялся.", []),
    ("Министр ответил, журналисты ему не поверили.", []),
    ("Он сказал, она не ответила.", []),
    # another source's cue after "тогда как", "однако" ends the first clause
    (
        "Министр заявил, что цены вырастут, тогда как эксперты считают, что они снизятся.",
        [("цены вырастут", "indirect"), ("они снизятся", "indirect")],
    ),
    (
        "По словам министра, цены вырастут, однако эксперты уверены, что они снизятся.",
        [("цены вырастут", "indirect"), ("они снизятся", "indirect")],
    ),
    # the speaker's next act after "а затем" is no part of what he said
    (
        "Министр Иван Петров заявил, что налоги не вырастут, а затем покинул зал.",
        [("налоги не вырастут", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEFT_ALONE)
def test_what_the_new_rules_leave_alone(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


MARKS_INSIDE_A_CLAUSE = [
    (  # words of the author's after "что" before the marks: the whole clause is indirect
        "Следователь отметил, что на момент обыска «в доме никого не было».",
        [("на момент обыска «в доме никого не было»", "indirect")],
    ),
    ("Министр заявил, что «мы готовы к переговорам».", [("мы готовы к переговорам", "direct")]),
    (  # a quote that runs on past the clause's sentence stays the quote
        "Министр пообещал, что в ситуации, «если парламент распустят, правительство останется до осени. "
        "Как раз к этому сроку будет готов бюджет».",
        [
            (
                "если парламент распустят, правительство останется до осени. Как раз к этому сроку будет "
                "готов бюджет",
                "direct",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKS_INSIDE_A_CLAUSE)
def test_quotation_marks_inside_a_reported_clause(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)
