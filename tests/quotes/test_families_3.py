"""The families of issue 9 left after the second round, each on invented sentences.

Each case gives a text and the quotes quotex must find in it (content and kind), or none at all.
"""

from __future__ import annotations

import pytest
from quote_cases import assert_finds

from quotex.nlp import is_hard_wrap
from quotex.pipeline import Extractor

NOMINAL = [
    (  # the object of "назвать" may point back: what the events were called is the claim
        "Вечером министр Анна Петрова назвала эти события худшим днём в своей карьере.",
        [("эти события худшим днём в своей карьере", "indirect")],
    ),
    (
        "Правозащитник Иван Петров расценил эту инициативу как проявление дискриминации.",
        [("эту инициативу как проявление дискриминации", "indirect")],
    ),
    (  # a parse that hangs the words before the verb on its claim takes none of them into it
        "Олег Смирнов и возглавляемый им широкий народный фронт призывают к формированию нового "
        "правительства, которое проведёт выборы.",
        [("к формированию нового правительства, которое проведёт выборы", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOMINAL)
def test_a_nominal_claim(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds(extractor, text, expected)


REQUESTS = [
    (  # a purpose clause is part of what was asked
        "Прокурор Иван Смирнов просит следователей изучить письмо политика, чтобы установить, был ли подкуп.",
        [("изучить письмо политика, чтобы установить, был ли подкуп", "indirect")],
    ),
    (
        "Власти потребовали выдать его США, чтобы он предстал перед судом.",
        [("выдать его США, чтобы он предстал перед судом", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REQUESTS)
def test_a_request_keeps_its_purpose(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


ACCORDING = [
    (  # after a conjunction the phrase opens the clause it stands in
        "Петров отказался от поездки, потому что, по его мнению, билеты стоили дорого, а отель был плохим.",
        [("билеты стоили дорого, а отель был плохим", "indirect")],
    ),
    (  # after a relative word, the relative clause
        "В доме, куда переехала Анна Петрова, у которой, по её словам, украли паспорт, не было света.",
        [("украли паспорт", "indirect")],
    ),
    (  # ... but inside a reported clause it belongs to the outer quote
        "Иван Петров сообщил, что встретил человека, который, по его словам, был связан с полицией.",
        [("встретил человека, который, по его словам, был связан с полицией", "indirect")],
    ),
    (  # the speaker's converb after the clause is no content
        "По мнению Ивана Петрова, эти события показали слабость власти, сравнив их с кризисом 1998 года.",
        [("эти события показали слабость власти", "indirect")],
    ),
    (  # a cue in the middle of a sentence still gives the whole sentence
        "Выход, по мнению министра, в снижении налогов.",
        [("Выход, по мнению министра, в снижении налогов", "indirect")],
    ),
    (  # ... a subject before it too
        "Он, по словам министра, давно собирался уйти.",
        [("Он, по словам министра, давно собирался уйти", "indirect")],
    ),
    (  # ... and an object of the clause, though it is a pronoun
        "У него, по словам врача, случился инфаркт.",
        [("У него, по словам врача, случился инфаркт", "indirect")],
    ),
    (  # but a connective before it is the author's: the clause after the phrase
        "При этом, по словам министра, переговоры могут затянуться до весны.",
        [("переговоры могут затянуться до весны", "indirect")],
    ),
    (
        "Тем не менее, по данным полиции, задержаны ещё двое подозреваемых.",
        [("задержаны ещё двое подозреваемых", "indirect")],
    ),
    (  # a relative clause on the source is no part of what it said
        "По словам Олега Савельева, который возил больного писателя в последние месяцы его жизни, "
        "агенты спецслужб сделали ему смертельную инъекцию в больнице.",
        [("агенты спецслужб сделали ему смертельную инъекцию в больнице", "indirect")],
    ),
    (  # a cue with its source after a connective, set off by commas: what follows
        "Впрочем, подчёркивает газета, Савельев — не единственный кандидат на этот пост.",
        [("Савельев — не единственный кандидат на этот пост", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ACCORDING)
def test_according_to_a_source_inside_a_sentence(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


ADVERB_BEFORE_CUE = [
    (
        "Как позднее сообщил Иван Петров, завод закроют в следующем году.",
        [("завод закроют в следующем году", "indirect")],
    ),
    (
        "Завод закроют в следующем году, также сказал директор завода Иван Петров.",
        [("Завод закроют в следующем году", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADVERB_BEFORE_CUE)
def test_an_adverb_before_the_cue(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds(extractor, text, expected)


NOTHING = [
    "Министр Иван Петров отказался заявить, что реформа провалилась.",  # refused to say it: not said
    "Как позднее выяснилось, завод закроют в следующем году.",
    "Завод закроют в следующем году, также известно из документов.",
    "Петров отказался от поездки, потому что, по предварительным данным, билеты подорожали.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_source_no_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


MORE_CUES = [
    (  # a short passive participle of saying, with the place it is said in
        "В заявлении министерства финансов было сказано, что налоги не вырастут.",
        [("налоги не вырастут", "indirect")],
    ),
    ("В документе отмечено, что налоги не вырастут.", [("налоги не вырастут", "indirect")]),
    (  # a verb and its noun as one cue
        "Комиссия пришла к выводу, что пожар начался из-за неисправной проводки.",
        [("пожар начался из-за неисправной проводки", "indirect")],
    ),
    (  # a converb clause that opens the sentence ends before the main clause
        "Отмечая, что эти шаги потребуют больших средств, Петров приходит к выводу, что лидер не "
        "справится с проблемами.",
        [
            ("эти шаги потребуют больших средств", "indirect"),
            ("лидер не справится с проблемами", "indirect"),
        ],
    ),
    (  # quoted pieces the author joins into one clause are that clause
        "Министр Иван Петров пояснил, что «сделал всё, что мог», но «надо жить дальше».",
        [("«сделал всё, что мог», но «надо жить дальше»", "indirect")],
    ),
    (  # ... one quote filling the clause is direct
        "Министр Иван Петров пояснил, что «сделал всё, что мог, и надо жить дальше».",
        [("сделал всё, что мог, и надо жить дальше", "direct")],
    ),
    (  # a trailing cue after a dash with no comma before it, typed as a hyphen or as a dash
        "По факту гибели рабочего возбуждено уголовное дело - сообщил прокурор района Иван Кравцов.",
        [("По факту гибели рабочего возбуждено уголовное дело", "indirect")],
    ),
    (
        "Цены на бензин вырастут на десять процентов — сообщает агентство.",
        [("Цены на бензин вырастут на десять процентов", "indirect")],
    ),
    ("Министр Иван Петров посчитал, что реформа провалилась.", [("реформа провалилась", "indirect")]),
    (  # an infinitive of saying after "поспешить", "успеть": it is said
        "Министр Иван Петров поспешил заявить, что реформа не провалилась.",
        [("реформа не провалилась", "indirect")],
    ),
    (  # a stated reason
        "Судья Иван Петров мотивировал решение тем, что обвиняемый может скрыться.",
        [("обвиняемый может скрыться", "indirect")],
    ),
    (  # a cue inserted between dashes: the sentence, cue and all
        "Самое важное для нас в этой ситуации — говорят врачи — сохранить спокойствие.",
        [("Самое важное для нас в этой ситуации — говорят врачи — сохранить спокойствие", "indirect")],
    ),
    (  # sharing and telling are saying
        "Тренер Олег Савельев поделился с журналистами, что команда готова к сезону.",
        [("команда готова к сезону", "indirect")],
    ),
    ("Певица Анна Белова поведала, что снова выходит на сцену.", [("снова выходит на сцену", "indirect")]),
    ("Сенатор Иван Петров намекнул, что может баллотироваться.", [("может баллотироваться", "indirect")]),
]


@pytest.mark.parametrize(("text", "expected"), MORE_CUES)
def test_more_cues(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds(extractor, text, expected)


NO_CUE = [
    "Он пришёл в офис, чтобы забрать вещи.",
    "Как было сказано выше, завод закроют.",
    "Налоги было решено не повышать, что отмечено в плане.",
]


@pytest.mark.parametrize("text", NO_CUE)
def test_no_cue_without_its_noun_or_place(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


CREDITED = [
    (  # a sentence that reports its own source's "что"-clause: the outlet after it adds no quote
        "После матча тренер Иван Петров признался, что ему удалось обхитрить судей, сообщает ВВС.",
        [("ему удалось обхитрить судей", "indirect")],
    ),
    ("Завод закроют в следующем году, сообщает ВВС.", [("Завод закроют в следующем году", "indirect")]),
]


@pytest.mark.parametrize(("text", "expected"), CREDITED)
def test_an_outlet_credited_after_a_quote_with_its_own_source(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


WRITING = [
    (
        "Неизвестный оставил на двери сообщение «Мы ещё вернёмся».",
        [("Мы ещё вернёмся", "direct")],
    ),
    (
        "Избиратели получили письма с надписью: «Важная информация о возврате налога».",
        [("Важная информация о возврате налога", "direct")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WRITING)
def test_quoted_words_after_a_noun_of_writing(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


def test_the_writer_is_who_wrote_not_who_received(extractor: Extractor) -> None:
    left = extractor.extract("Министр Иван Петров оставил на двери записку «Я скоро вернусь».").quotes
    received = extractor.extract("Министр Иван Петров получил записку «Я скоро вернусь».").quotes
    assert [q.speaker.name if q.speaker else None for q in left] == ["Иван Петров"]
    assert [q.speaker for q in received] == [None]


NOT_WRITING = [
    "Об этом говорится в сообщении «Газпрома».",
    "Избирательная кампания проходит под лозунгом «В первую очередь наша страна».",
]


@pytest.mark.parametrize("text", NOT_WRITING)
def test_a_name_after_a_noun_of_writing_is_no_quote(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


HARD_WRAPPED = [
    (  # a direct quote wrapped at a fixed width stays one quote, line break and all
        "Министр финансов Олег Смирнов заявил журналистам: «Бюджет будет\n"
        "принят до конца года, а налоги не вырастут».",
        [("Бюджет будет\nпринят до конца года, а налоги не вырастут", "direct")],
    ),
    (  # a headline with no final punctuation still ends at its line break
        "Глава МВД заявил, что преступность в стране в этом году снизилась\nПреступность снизилась везде.",
        [("преступность в стране в этом году снизилась", "indirect")],
    ),
    (  # a short line is no wrapped one
        "Министр заявил, что бюджет\nбудет принят.",
        [("бюджет", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HARD_WRAPPED)
def test_a_hard_wrap_is_no_sentence_end(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


def test_wiki_markup_after_a_headline_is_no_wrapped_line() -> None:
    text = "Губернатор области подал в отставку по собственному желанию\nмини|слева|Губернатор\n"
    assert not is_hard_wrap(text, text.index("\n"))


VERSIONS = [
    (  # an outlet's name in quotes may have a version of events; a ranking body's "version" is no claim
        "По версии «Спорт-Экспресса», лучшим игроком сезона стал Иван Петров.",
        [("лучшим игроком сезона стал Иван Петров", "indirect")],
    ),
    (
        "По версии газеты «Северные вести», завод закроют в следующем году.",
        [("завод закроют в следующем году", "indirect")],
    ),
    ("По версии IBF, боксёр занимает третье место в рейтинге.", []),
]


@pytest.mark.parametrize(("text", "expected"), VERSIONS)
def test_an_outlets_version(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds(extractor, text, expected)


PRECISION = [
    (  # "что" after a claim in an "о"-phrase refers back to it: no clause of its own
        "Король объявил о переименовании страны в Королевство Эсватини, что на местном языке означает "
        "«земля предков».",
        [("о переименовании страны в Королевство Эсватини", "indirect")],
    ),
    (  # ... but "о том, что" opens the clause
        "Министр Иван Петров сообщил о том, что налоги не вырастут.",
        [("налоги не вырастут", "indirect")],
    ),
    (  # an outlet's "как пишет" over a sentence with its own source and "что": that source's quote
        "Между тем, как пишет газета «Вести», президент Иван Петров уже подтвердил, что проект находится "
        "в стадии разработки.",
        [("проект находится в стадии разработки", "indirect")],
    ),
    (
        "Как пишет газета «Вести», проект находится в стадии разработки.",
        [("проект находится в стадии разработки", "indirect")],
    ),
    (  # a dated title is no statement, whatever its verbs
        "В пьесах «Мистерия» (1969) и «Не можешь платить — не плати» (1981) сатира соседствует с клоунадой.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRECISION)
def test_what_is_not_a_quote_of_its_own(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


SECOND_PREDICATE = [
    (  # a second predicate of the speaker after "и" and an adverbial; an aside's subject is not the clause's
        "Министр Иван Петров заявил о своём уходе из политики (в этом он был солидарен с коллегой) и до "
        "последнего времени работал в частном секторе.",
        [("о своём уходе из политики (в этом он был солидарен с коллегой)", "indirect")],
    ),
    (  # the clause's own subject keeps its own second predicate
        "Министр заявил, что президент подписал указ и уехал в Москву.",
        [("президент подписал указ и уехал в Москву", "indirect")],
    ),
    (
        "Министр Иван Петров заявил, что завод закроют и рабочих уволят.",
        [("завод закроют и рабочих уволят", "indirect")],
    ),
    (  # ... after "но", "однако", "а": the speaker's next predicate
        "МИД Италии подтвердил, что журналист задержан, однако не сообщил никаких подробностей.",
        [("журналист задержан", "indirect")],
    ),
    (
        "Министр заявил, что реформа провалилась, но отказался назвать виновных.",
        [("реформа провалилась", "indirect")],
    ),
    (  # ... or another source's cue
        "Адвокаты утверждают, что подсудимый был в другом городе, а прокурор настаивает, что алиби ложное.",
        [("подсудимый был в другом городе", "indirect"), ("алиби ложное", "indirect")],
    ),
    (  # the clause's own predicates stay in it
        "Режиссёр сказал, что не ставит себе задачу снять памятник, а хочет рассказать историю семьи.",
        [("не ставит себе задачу снять памятник, а хочет рассказать историю семьи", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_PREDICATE)
def test_the_speakers_second_predicate_ends_the_clause(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


def test_a_clause_that_runs_into_a_direct_quote_ends_where_it_begins(extractor: Extractor) -> None:
    # "1969г." hides the sentence end from the segmenter: the clause must not cross the quote after it
    text = (
        "Иван Петров рассказал в интервью, что его дед отказывался смотреть трансляцию матча в 1969г. "
        '"Он делал вид, что ему это неинтересно! Но мы включили телевизор, и он увидел гол", - рассказал '
        "Петров."
    )
    assert_finds(
        extractor,
        text,
        [
            ("его дед отказывался смотреть трансляцию матча в 1969г", "indirect"),
            ("Он делал вид, что ему это неинтересно! Но мы включили телевизор, и он увидел гол", "direct"),
        ],
    )


SHORT_WORDS = [
    (  # a pronoun or an adverb makes three words said, not a name, before ", сказала X"
        "«Это слегка неловко», сказала певица Анна Смирнова.",
        [("Это слегка неловко", "direct")],
    ),
    ("«Не сейчас», ответил министр Иван Петров.", [("Не сейчас", "direct")]),
    (  # a name in quotes before a comma and a cue is still no quote of its own
        "Главным соперником остаётся «Спартак», сказал тренер Иван Петров.",
        [("Главным соперником остаётся «Спартак»", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_WORDS)
def test_a_short_quote_with_words_said(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


NEGATED_AND_TOPICS = [
    ("Министерство ничего не сообщает о деталях операции.", []),  # a claim denied is none
    (  # "говоря о" names the topic of what follows
        "Говоря о будущем социальных сетей, министр Иван Петров отметил, что они изменят мир.",
        [("они изменят мир", "indirect")],
    ),
    (  # another gerund's "о"-phrase may state a claim
        "Объявив об отмене всех концертов до конца года, певица Анна Смирнова извинилась перед поклонниками.",
        [("об отмене всех концертов до конца года", "indirect")],
    ),
    ("Министр Иван Петров не исключил, что уйдёт в отставку.", [("уйдёт в отставку", "indirect")]),
    (  # "не только ..., но и" negates nothing
        "Президент Иван Петров не только подтвердил гибель военных, но и пообещал наказать виновных.",
        [("гибель военных", "indirect"), ("наказать виновных", "indirect")],
    ),
    (  # not denying is admitting
        "Адвокат Иван Петров не отрицает причастности клиента к хищению.",
        [("причастности клиента к хищению", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEGATED_AND_TOPICS)
def test_negated_claims_topics_and_possibilities(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


POINTING_BACK = [
    (  # the object of the thing itself, not of what was reported: no quote
        "Законы действуют в пяти регионах страны. Европарламент осудил эти законы.",
        [],
    ),
    (
        "Законы действуют в пяти регионах страны. Министр Иван Петров подтвердил эту информацию.",
        [("Законы действуют в пяти регионах страны", "indirect")],
    ),
    (
        "Законы действуют в пяти регионах страны. Министр Иван Петров подтвердил это.",
        [("Законы действуют в пяти регионах страны", "indirect")],
    ),
    (
        "В результате обстрела погибли трое военных. Министр Иван Петров подтвердил эту цифру.",
        [("В результате обстрела погибли трое военных", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), POINTING_BACK)
def test_a_cue_points_back_to_what_was_reported(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


NO_COMMA = [
    (  # the comma before "что" left out
        "Министр Иван Петров сказал что его семья оплакивает потерю.",
        [("его семья оплакивает потерю", "indirect")],
    ),
    ("Он сказал что-то невнятное и ушёл.", []),
]


@pytest.mark.parametrize(("text", "expected"), NO_COMMA)
def test_a_that_clause_without_its_comma(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


INSERTED_CUES = [
    (  # a cue set into the sentence between its subject and its predicate: the whole sentence
        "Уроженец штата Нью-Йорк, 46-летний Иван Петров, отмечает издание, служил в Ираке.",
        [("Уроженец штата Нью-Йорк, 46-летний Иван Петров, отмечает издание, служил в Ираке", "indirect")],
    ),
    (
        "Министр, как сообщает агентство ТАСС, хочет добиться отставки судьи.",
        [("Министр, как сообщает агентство ТАСС, хочет добиться отставки судьи", "indirect")],
    ),
    (  # a connective before the cue is no part of what was said
        "Более того, как сообщает агентство ТАСС, министр хочет добиться отставки судьи.",
        [("министр хочет добиться отставки судьи", "indirect")],
    ),
    (  # a one-word subject
        "Путин, сообщил Песков, не планирует встречу с президентом Франции.",
        [("Путин, сообщил Песков, не планирует встречу с президентом Франции", "indirect")],
    ),
    (  # the clause around the cue, not the one before it
        "Министр уехал в Берлин, а его заместитель, как сообщает ТАСС, проведёт переговоры в Москве.",
        [("его заместитель, как сообщает ТАСС, проведёт переговоры в Москве", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INSERTED_CUES)
def test_a_cue_inside_the_sentence_it_reports(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


THINGS_PROPOSE = [
    ("Новый закон предлагает лишать свободы за подобные нарушения.", []),
    ("Выдвижение кандидата обещает сделать процесс утверждения более напряжённым.", []),
    ("Защита просит отпустить обвиняемого под залог.", [("отпустить обвиняемого под залог", "indirect")]),
    (
        "Министерство предлагает лишать свободы за подобные нарушения.",
        [("лишать свободы за подобные нарушения", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), THINGS_PROPOSE)
def test_a_thing_that_proposes_says_nothing(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)


def test_sharing_impressions_is_no_quote_without_their_content(extractor: Extractor) -> None:
    assert_finds(extractor, "Тренер Олег Савельев поделился впечатлениями о сезоне.", [])


NOT_SAID = [
    "Министр не сказал, что уходит в отставку.",  # a denied cue says nothing
    "Черепаху причисляют к так называемым «живым ископаемым».",  # "так называемый" names, quotes nobody
    "Министр опубликовал статью под заголовком «Глядя из окна, всё видно иначе».",  # a title
]


@pytest.mark.parametrize("text", NOT_SAID)
def test_no_quote_where_nothing_was_said(extractor: Extractor, text: str) -> None:
    assert_finds(extractor, text, [])


SAID_AFTER_ALL = [
    ("Министр не исключил, что уйдёт в отставку.", [("уйдёт в отставку", "indirect")]),
    (  # "не только ..., но и": the pair's second half is the speaker's
        "Министр не только заявил, что уходит, но и назвал преемника.",
        [("уходит", "indirect")],
    ),
    (  # an initial's dot ends no clause
        "Министр пообещал рассмотреть жалобу на губернатора С.Дарькина, однако отметил, что денег нет.",
        [("рассмотреть жалобу на губернатора С.Дарькина", "indirect"), ("денег нет", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SAID_AFTER_ALL)
def test_what_is_said_despite_a_negation_or_an_initial(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert_finds(extractor, text, expected)
