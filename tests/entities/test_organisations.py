"""Organisations: nominative names, merged mentions, acronyms, recovered and quoted names."""

from __future__ import annotations

import pytest

from quotex.entities.organisations import clips, find_organisations, stands_for
from quotex.nlp import Models, annotate
from quotex.records import Entity


def organisations(text: str, models: Models) -> tuple[Entity, ...]:
    found = find_organisations(annotate(text, models), models.vocab)
    starts = [mention.start for entity in found for mention in entity.mentions]
    for entity in found:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
        assert [m.start for m in entity.mentions] == sorted(m.start for m in entity.mentions)
    firsts = [entity.mentions[0].start for entity in found]
    assert firsts == sorted(firsts), "organisations come in order of first mention"
    assert len(starts) == len(set(starts)), "no mention is reported twice"
    return found


def names(text: str, models: Models) -> list[str]:
    return [entity.name for entity in organisations(text, models)]


def mention_texts(text: str, models: Models) -> list[str]:
    return [m.text for entity in organisations(text, models) for m in entity.mentions]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Страны взаимодействуют в рамках организаций, включая Организацию тюркских государств.",
            "Организация тюркских государств",
        ),
        (
            "Заявление опубликовано на сайте Министерства иностранных дел России.",
            "Министерство иностранных дел России",
        ),
        (
            "Глава государства выразил благодарность за строительство Центра детского творчества имени "
            "Курмангазы.",
            "Центр детского творчества имени Курмангазы",
        ),
        ("Решение было раскритиковано МИДом.", "МИД"),
        ("Законопроект рассмотрят в Госдуме на следующей неделе.", "Госдума"),
        ("Депутаты Государственной думы приняли закон.", "Государственная дума"),
        ("В Верховном суде Испании отказались комментировать решение.", "Верховный суд Испании"),
        ("Он учится в Московском государственном университете.", "Московский государственный университет"),
        (
            "Об этом говорится в заявлении Министерства образования и науки Российской Федерации.",
            "Министерство образования и науки Российской Федерации",
        ),
        ("Об этом сообщает Deutsche Welle.", "Deutsche Welle"),
        ("Полиция Нью-Йорка задержала подозреваемого.", "полиция Нью-Йорка"),
    ],
)
def test_name_is_nominative_with_complements_untouched(text: str, name: str, models: Models) -> None:
    assert name in names(text, models)


def test_latin_names_stay_as_written(models: Models) -> None:
    text = "Как сообщает Report, президент дал интервью изданию Kazinform."
    assert names(text, models) == ["Report", "Kazinform"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Контрольный пакет принадлежит компании «Металлоинвест».", "Металлоинвест"),
        ("Акции компании «Газпром» подорожали.", "Газпром"),
        ('Об этом пишет газета "Известия".', "Известия"),
        ("Он выступил в эфире радиостанции «Говорит Москва».", "Говорит Москва"),
        ("Рейтинг составили журналисты журнала ''Time Out''.", "Time Out"),
    ],
)
def test_quoted_name_after_a_type_word(text: str, name: str, models: Models) -> None:
    found = organisations(text, models)
    assert [entity.name for entity in found] == [name]
    assert found[0].mentions[0].text == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Страны сотрудничают в рамках ООН и Совещания по взаимодействию и мерам доверия в Азии.",
            "Совещание по взаимодействию и мерам доверия в Азии",
        ),
        ("Министерство обороны России опровергло эти сведения.", "Министерство обороны России"),
    ],
)
def test_names_natasha_misses_are_recovered(text: str, name: str, models: Models) -> None:
    assert name in names(text, models)


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Полиция пришла в офис Фонда борьбы с коррупцией (ФБК). Сотрудники ФБК не открыли дверь.",
            "Фонд борьбы с коррупцией",
            ["Фонда борьбы с коррупцией", "ФБК", "ФБК"],
        ),
        (
            "Генеральный секретарь Организации Объединённых Наций выступил в Нью-Йорке. В ООН заявили, "
            "что переговоры продолжатся.",
            "Организация Объединённых Наций",
            ["Организации Объединённых Наций", "ООН"],
        ),
        (
            "Госдума приняла закон. Депутаты Госдумы проголосовали единогласно.",
            "Госдума",
            ["Госдума", "Госдумы"],
        ),
    ],
)
def test_mentions_merge_under_the_full_name(
    text: str, name: str, mentions: list[str], models: Models
) -> None:
    found = {entity.name: entity for entity in organisations(text, models)}
    assert name in found
    assert [mention.text for mention in found[name].mentions] == mentions


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("ООН", "Организация Объединённых Наций", True),
        ("ФБК", "Фонд борьбы с коррупцией", True),
        ("ФСБ", "Федеральная служба безопасности России", True),
        ("МИД", "МИД России", True),
        ("СВ", "Строгановское высшее художественное училище", False),
        ("ООН", "ООН", False),
    ],
)
def test_acronym_stands_for_its_full_name(acronym: str, name: str, expected: bool) -> None:
    assert stands_for(acronym, name) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Вчера в Москве шёл сильный дождь.",
        "Суд постановил продлить арест.",
        "Он прочитал роман «Война и мир».",
        "Напомним, что президент встретился с избирателями.",
        "Пострадавших доставили в больницу, рассказал очевидец.",
        "Об этом сообщили СМИ.",
    ],
)
def test_nothing_found(text: str, models: Models) -> None:
    assert organisations(text, models) == ()


def test_sample_organisations(sample_text: str, models: Models) -> None:
    found = names(sample_text, models)
    for name in [
        "Report",
        "Kazinform",
        "ООН",
        "Организация тюркских государств",
        "Организация исламского сотрудничества",
        "Совещание по взаимодействию и мерам доверия в Азии",
        "Центр детского творчества имени Курмангазы",
    ]:
        assert name in found


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Федеральная регистрационная служба о смене главы политсовета партии пока не сообщила.",
            "Федеральная регистрационная служба",
        ),
        ("ВМС Республики Корея провели учения в Жёлтом море.", "ВМС Республики Корея"),
        ("Об этом сообщило министерство культуры Польши.", "министерство культуры Польши"),
        ("Учения провела британская армия.", "британская армия"),
        ("В заявлении говорится, что новое правительство приступило к работе.", "правительство"),
        ("Он выступил на Национальном съезде Демократической партии.", "Демократической партии"),
    ],
)
def test_mention_is_the_whole_name_and_no_more(text: str, mention: str, models: Models) -> None:
    found = mention_texts(text, models)
    assert found == [mention]


@pytest.mark.parametrize(
    "text",
    [
        "На выставке показали новый внедорожник Volga Siber, который поступит в продажу осенью.",
        "Фильм вышел в прокат под названием Moscow Nights и собрал хорошую кассу.",
        "Опытно-промышленная партия удобрений была отправлена в Казахстан.",
        "Опытно-промышленную партию удобрений отправили заказчику.",
        "Показы пройдут в кинотеатрах «Звезда», «Космос» и «Юность».",
        "Матч пройдёт на стадионе «Динамо» в субботу.",
        "Актёр получил премию «Ника» за главную роль.",
        "Об этом говорится в законе «О полиции».",
        "В министерстве сообщили, что проверка продолжается.",
    ],
)
def test_things_that_are_not_organisations(text: str, models: Models) -> None:
    assert organisations(text, models) == ()


def test_no_mention_starts_or_ends_on_punctuation(models: Models) -> None:
    text = "Суд, основываясь на мнении экспертов, отклонил иск компании «Вектор»."
    mentions = mention_texts(text, models)
    assert mentions == ["Вектор"]


def test_inflected_forms_make_one_organisation(models: Models) -> None:
    text = "По данным Левада-центра, рейтинг вырос. Социологи Левада-центр опубликовали новый опрос."
    found = organisations(text, models)
    assert [entity.name for entity in found] == ["Левада-центр"]
    assert [m.text for m in found[0].mentions] == ["Левада-центра", "Левада-центр"]


def test_a_hyphenated_name_with_an_organisation_noun(models: Models) -> None:
    text = "Об этом говорится в докладе Карнеги-центра. Карнеги-центр работает давно."
    found = organisations(text, models)
    assert [entity.name for entity in found] == ["Карнеги-центр"]
    assert [m.text for m in found[0].mentions] == ["Карнеги-центра", "Карнеги-центр"]


def test_a_hyphenated_name_read_as_a_person_is_put_in_the_nominative(models: Models) -> None:
    text = "Эксперт Карнеги-центра выступил на конференции."
    assert names(text, models) == ["Карнеги-центр"]


@pytest.mark.parametrize(
    "text",
    [
        "Эксперт Центра Карнеги Иван Петров считает, что переговоры затянутся.",
        "По мнению аналитиков Центра Карнеги, кризис затянется.",
    ],
)
def test_an_organisation_named_after_a_person(text: str, models: Models) -> None:
    assert names(text, models) == ["Центр Карнеги"]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        (
            "Верхняя палата парламента Японии одобрила закон о пенсиях.",
            ["Верхняя палата парламента Японии", "парламента Японии"],
        ),
        ("Секретариат МАГАТЭ распространил заявление о проверке.", ["Секретариат МАГАТЭ", "МАГАТЭ"]),
        (
            "Об этом сообщила пресс-служба полиции Армении.",
            ["пресс-служба полиции Армении", "полиции Армении"],
        ),
        (
            "Он преподавал в Высшей партийной школе при ЦК КПСС.",
            ["Высшей партийной школе при ЦК КПСС", "ЦК КПСС", "КПСС"],
        ),
    ],
)
def test_an_organisation_in_the_complement_of_another_is_its_own_mention(
    text: str, mentions: list[str], models: Models
) -> None:
    found = mention_texts(text, models)
    assert sorted(found) == sorted(mentions)


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Верховный суд Испании отклонил жалобу футболиста.", ["Верховный суд Испании"]),
        ("МИД России выступил с заявлением.", ["МИД России"]),
        ("Японский парламент принял закон.", ["Японский парламент"]),
        ("Он работал в Институте языкознания АН СССР.", ["Институте языкознания АН СССР", "АН СССР"]),
    ],
)
def test_a_name_inside_a_longer_name_of_the_same_organisation_is_no_second_mention(
    text: str, mentions: list[str], models: Models
) -> None:
    """ "Верховный суд" of "Верховный суд Испании" is the same court, "СССР" a country, not a body."""
    found = mention_texts(text, models)
    assert sorted(found) == sorted(mentions)


def test_a_superlative_adjective_keeps_its_stem(models: Models) -> None:
    assert names("Он преподавал в Высшей партийной школе.", models) == ["Высшая партийная школа"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Министр написал в Twitter, что переговоры продолжатся.", []),
        ("Певица поделилась новостью в своём Instagram.", []),
        ("У блогера два миллиона подписчиков в Weibo.", []),
        ("Видео опубликовано на странице компании в Facebook.", []),
        ("Бывший сотрудник Google заявил в Twitter о своём уходе.", ["Google"]),
        ("Facebook удалил аккаунт политика.", ["Facebook"]),
        ("Об этом сообщили в Министерстве иностранных дел.", ["Министерство иностранных дел"]),
    ],
)
def test_a_network_posted_in_is_a_medium_not_an_organisation(
    text: str, expected: list[str], models: Models
) -> None:
    assert names(text, models) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Туристы посетили Исаакиевский собор.", []),
        ("Цифровой коллаж из портретов врачей показали в больнице.", []),
        ("Цифровой плакат Ассоциации художников показали на выставке.", ["Ассоциация художников"]),
        ("Церемония прошла на Новодевичьем кладбище.", []),
        ("Здание ФСБ оцепили после звонка.", ["ФСБ"]),
    ],
)
def test_buildings_are_not_organisations_but_their_owners_are(
    text: str, expected: list[str], models: Models
) -> None:
    assert names(text, models) == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Он окончил философский факультет МГУ в 1980 году.", ["философский факультет МГУ", "МГУ"]),
        ("Закон одобрила нижняя палата парламента.", ["нижняя палата парламента", "парламента"]),
        ("Решение принял исполнительный комитет ФИФА.", ["исполнительный комитет ФИФА", "ФИФА"]),
        ("Об этом сообщает агентство Рейтер.", ["Рейтер"]),
        ("Посольство Китая в России опубликовало заявление.", ["Посольство Китая в России"]),
    ],
)
def test_a_unit_and_a_mission_abroad_are_named_whole(text: str, mentions: list[str], models: Models) -> None:
    """A lower-case unit that governs a name starts it; a type word before a name in apposition does not;
    an embassy's name holds the place it is in."""
    found = mention_texts(text, models)
    assert sorted(found) == sorted(mentions)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("За партию «Яблоко» проголосовали три процента избирателей.", "Яблоко"),
        ("Члены «Народной воли» готовили покушение.", "Народная воля"),
        ("Об этом сообщил телеканал «Дождь».", "Дождь"),
        ("Нападающий перешёл в футбольный клуб «Зенит».", "Зенит"),
    ],
)
def test_quoted_parties_media_and_clubs(text: str, name: str, models: Models) -> None:
    assert names(text, models) == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Фестиваль пройдёт в кинотеатрах городской сети «Горизонт»: «Луч», «Восход» и «Заря».",
            ["Горизонт"],
        ),
        ("На экранах покажут такие картины, как «Весна», «Гроза» и «Буря».", []),
        ("Группа выпустила альбомы Blue Stones (1994), Red Rivers (1997) и Green Hills (2004).", []),
        ("Премьер-министр заболел COVID-19 и лечится дома.", []),
        ("Интервью вышло в эфире телеканала «Восход».", ["Восход"]),
    ],
)
def test_titles_in_lists_and_codes_are_not_organisations(
    text: str, expected: list[str], models: Models
) -> None:
    assert names(text, models) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Российские власти отказались комментировать решение.", ["российские власти"]),
        ("Власти заявили о новых мерах.", []),
        ("По заявлению местной администрации, дорогу откроют завтра.", []),
    ],
)
def test_authorities_with_a_relational_adjective(text: str, expected: list[str], models: Models) -> None:
    assert names(text, models) == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        (
            "Начальник Генштаба Вооруженных сил РФ выступил с докладом.",
            ["Генштаба Вооруженных сил РФ", "Вооруженных сил РФ"],
        ),
        ("Задержание подтвердили в МВД по Башкирии.", ["МВД по Башкирии"]),
        ("Представитель МВД по телефону отказался от комментариев.", ["МВД"]),
        (
            "Об этом сообщили в пресс-службе ГУ МВД России по г. Москве.",
            ["пресс-службе ГУ МВД России по г. Москве", "ГУ МВД России по г. Москве", "МВД России"],
        ),
    ],
)
def test_a_body_takes_its_parent_and_its_region(text: str, mentions: list[str], models: Models) -> None:
    found = mention_texts(text, models)
    assert sorted(found) == sorted(mentions)


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Кандидата выдвинула партия «Объединение за Мали» (Rassemblement pour le Mali, RPM).",
            "Объединение за Мали",
            ["Объединение за Мали", "Rassemblement pour le Mali", "RPM"],
        ),
        (
            "Результаты опубликовала организация «Сеть поддержки выборов» (Election Support Network, ESN).",
            "Сеть поддержки выборов",
            ["Сеть поддержки выборов", "Election Support Network", "ESN"],
        ),
    ],
)
def test_a_foreign_name_and_an_acronym_in_brackets_join_the_name(
    text: str, name: str, mentions: list[str], models: Models
) -> None:
    found = {entity.name: entity for entity in organisations(text, models)}
    assert [m.text for m in found[name].mentions] == mentions


def test_a_body_of_a_quoted_organisation(models: Models) -> None:
    text = "Ситуацию прокомментировал председатель Совета директоров «Башинформа»."
    found = organisations(text, models)
    assert [(e.name, [m.text for m in e.mentions]) for e in found] == [
        ("Совет директоров «Башинформа»", ["Совета директоров «Башинформа»"]),
        ("Башинформ", ["Башинформа"]),
    ]


def test_a_quoted_name_after_a_whole_name_is_not_joined_to_it(models: Models) -> None:
    text = "Об этом сообщили в группе Института Пушкина «ВКонтакте»."
    assert "Институт Пушкина «ВКонтакте»" not in names(text, models)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Решение было принято на заседании кабинета министров Украины.", "кабинета министров Украины"),
        ("Новый премьер сформирует коалиционный кабинет министров.", "коалиционный кабинет министров"),
        ("Учения провела британская армия генерала Смита.", "британская армия"),
        ("Об этом сообщила пресс-служба главы государства.", "пресс-служба"),
    ],
)
def test_a_body_takes_a_plural_of_people_not_one_person(text: str, mention: str, models: Models) -> None:
    assert mention_texts(text, models) == [mention]


def test_quoted_and_unquoted_inflected_forms_make_one_organisation(models: Models) -> None:
    text = (
        "Акции компании «Газпром» подорожали. Представитель «Газпрома» заявил, что Газпром увеличит добычу."
    )
    found = organisations(text, models)
    assert [(e.name, [m.text for m in e.mentions]) for e in found] == [
        ("Газпром", ["Газпром", "Газпрома", "Газпром"])
    ]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("В 1919 году правительство А.Колчака пало.", ["правительство А.Колчака"]),
        ("Архитектор компании Microsoft Р.Оззи покинул пост.", ["Microsoft"]),
        ("Лондонский «Арсенал» надеется продать нападающего.", ["Арсенал"]),
        ("Поправки внесены в отдельные законодательные акты Российской Федерации.", []),
    ],
)
def test_initials_adjectives_and_country_names(text: str, mentions: list[str], models: Models) -> None:
    """An initial belongs to the name when the surname is its genitive complement; an adjective alone or a
    country's name is no organisation."""
    assert mention_texts(text, models) == mentions


def test_an_acronym_inside_a_quoted_name_is_part_of_it(models: Models) -> None:
    text = "Об этом сообщили в пресс-службе «Киностудии КИТ»."
    found = mention_texts(text, models)
    assert sorted(found) == sorted(["пресс-службе «Киностудии КИТ»", "Киностудии КИТ"])


def test_a_person_a_body_is_named_after_is_no_organisation_inside_it(models: Models) -> None:
    text = "Об этом рассказал президент института Пушкина Виталий Костомаров."
    assert names(text, models) == ["институт Пушкина"]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Парламент не обладает законодательной властью, а судебная власть независима.", ["Парламент"]),
        ("Российские власти не ответили на запрос журналистов.", ["Российские власти"]),
        ("Действующий кабинет министров подал в отставку.", ["кабинет министров"]),
        ("Отставку сформированного кабинета министров приняли вчера.", ["кабинета министров"]),
        ("Верховный суд отклонил жалобу.", ["Верховный суд"]),
        ("Новый банк развития выделил кредит.", ["Новый банк развития"]),  # only a participle is stripped
    ],
)
def test_power_and_describing_participles_are_no_names(
    text: str, mentions: list[str], models: Models
) -> None:
    """ "власть" in the singular is power, not the authorities; a participle describes a body and a capital
    that only opens the sentence makes no name of it."""
    assert mention_texts(text, models) == mentions


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Компания РЖД Якунина закупила новые вагоны.", ["РЖД"]),
        ("Корпорация Apple Стива Джобса выпустила новый телефон.", ["Apple"]),
        ("Сотрудники Центра Карнеги опубликовали доклад.", ["Центра Карнеги"]),
        ("Конституционный совет страны отклонил жалобу оппозиции.", ["Конституционный совет"]),
        ("Законопроект внесли в Законодательное собрание Тверской области.", None),
    ],
)
def test_a_name_does_not_run_on_into_its_head_or_the_country_of_the_text(
    text: str, mentions: list[str] | None, models: Models
) -> None:
    """A company named by a name does not take the genitive of the person who runs it (a centre named
    after one does); a bare "страны", "области" is the place the text is about, no part of the name."""
    found = mention_texts(text, models)
    if mentions is None:
        assert "Законодательное собрание Тверской области" in found
    else:
        assert mentions[0] in found and not any(m.startswith(mentions[0] + " ") for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Он много лет вёл вечернее шоу на CNN.", ["CNN"]),
        ("Тендер на строительство моста выиграл Сбербанк.", ["Сбербанк"]),
        ("Команда впервые вышла в финал Лиги чемпионов.", []),
        ("Он сыграл в финале НХЛ в прошлом году.", ["НХЛ"]),
        ("Матч с «Зенитом» закончился вничью.", ["Зенит"]),
    ],
)
def test_competitions_are_not_organisations(text: str, expected: list[str], models: Models) -> None:
    """A name right after a final, a match or a win, headed by a competition noun, is a competition; a
    league's acronym, a quoted team or a company that won a tender is not."""
    assert names(text, models) == expected


@pytest.mark.parametrize(
    ("name", "other", "expected"),
    [
        ("Норникель", "Норильский никель", True),
        ("Минобороны", "Министерство обороны России", True),
        ("Госдеп", "Госдепартамент США", True),
        ("Карнеги-центр", "Московский Центр Карнеги", True),
        ("Росбанк", "Российский банк развития", False),  # every word, not the first two
        ("Газпром", "Газпромнефть", False),  # a word of its own, not a cut
        ("Ростех", "Ростехнадзор", False),
        ("Никель", "Норильский никель", False),
        ("Яндекс", "Яндекс.Браузер", False),
        ("Газпром", "Газпромавиа", True),  # a cut of one word: for speakers only, never merged
        ("МВД", "Министерство внутренних дел", False),  # an acronym: ``stands_for``
    ],
)
def test_stump_compounds_clip_a_longer_name(name: str, other: str, expected: bool) -> None:
    assert clips(name, other) is expected


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Компания «Норильский никель» отчиталась о прибыли. Акции Норникеля выросли.",
            "Норильский никель",
            ["Норильский никель", "Норникеля"],
        ),
        (
            "Доклад подготовил Московский Центр Карнеги. Эксперты Карнеги-центра считают иначе.",
            "Московский Центр Карнеги",
            ["Московский Центр Карнеги", "Карнеги-центра"],
        ),
    ],
)
def test_a_stump_compound_is_the_same_organisation(
    text: str, name: str, mentions: list[str], models: Models
) -> None:
    (entity,) = organisations(text, models)
    assert (entity.name, [m.text for m in entity.mentions]) == (name, mentions)


def test_two_companies_one_named_inside_the_other_stay_two(models: Models) -> None:
    text = "Самолёт авиакомпании «Газпромавиа» совершил посадку. В Газпроме заявили, что все целы."
    assert len(organisations(text, models)) == 2
