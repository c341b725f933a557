"""Countries by name, abbreviation and adjective, with ISO codes; other places as locations."""

from __future__ import annotations

import pytest

from quotex.entities.countries import find_places, load_gazetteer
from quotex.nlp import Models, annotate


def places(text: str, models: Models):
    return find_places(annotate(text, models), models.vocab)


def found(text: str, models: Models) -> list[tuple[str, str, str]]:
    """(code, mention text, form) for every country mention, in text order."""
    countries, _ = places(text, models)
    mentions = [(m.start, country.code, m.text, m.form) for country in countries for m in country.mentions]
    return [mention[1:] for mention in sorted(mentions)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every case of one name
        ("Россия поддержала резолюцию.", [("RU", "Россия", "name")]),
        ("Посол России вручил верительные грамоты.", [("RU", "России", "name")]),
        ("Делегация прибыла в Россию во вторник.", [("RU", "Россию", "name")]),
        ("Соглашение с Россией подписано в Астане.", [("RU", "Россией", "name")]),
        ("Переговоры пройдут в Казахстане.", [("KZ", "Казахстане", "name")]),
        (
            "Торговля между Казахстаном и Китаем растёт.",
            [("KZ", "Казахстаном", "name"), ("CN", "Китаем", "name")],
        ),
        # abbreviations, indeclinable names
        ("Президент РФ провёл совещание.", [("RU", "РФ", "name")]),
        ("Санкции США вступили в силу.", [("US", "США", "name")]),
        ("Делегация КНР и представители ФРГ встретились.", [("CN", "КНР", "name"), ("DE", "ФРГ", "name")]),
        ("Компания зарегистрирована в ОАЭ.", [("AE", "ОАЭ", "name")]),
        ("Выборы в Мали прошли спокойно.", [("ML", "Мали", "name")]),
        # multiword names in oblique cases, ё and е
        ("Конституция Российской Федерации гарантирует это право.", [("RU", "Российской Федерации", "name")]),
        (
            "Он жил в Соединённых Штатах Америки десять лет.",
            [("US", "Соединённых Штатах Америки", "name")],
        ),
        ("Посол Соединенных Штатов выступил с заявлением.", [("US", "Соединенных Штатов", "name")]),
        ("Визит в Южную Корею отложен.", [("KR", "Южную Корею", "name")]),
        ("Сотрудничество с Саудовской Аравией расширяется.", [("SA", "Саудовской Аравией", "name")]),
        ("Премьер Соединённого Королевства подал в отставку.", [("GB", "Соединённого Королевства", "name")]),
        (
            "Министры Великобритании и Британии — одно и то же.",
            [("GB", "Великобритании", "name"), ("GB", "Британии", "name")],
        ),
        ("Выборы в Республике Кипр назначены на февраль.", [("CY", "Республике Кипр", "name")]),
        # historical states
        ("В СССР это было запрещено.", [("SUHH", "СССР", "name")]),
        ("После распада Советского Союза завод закрылся.", [("SUHH", "Советского Союза", "name")]),
        ("Он родился в Югославии, а учился в ГДР.", [("YUCS", "Югославии", "name"), ("DDDE", "ГДР", "name")]),
        ("Граница Чехословакии проходила по реке.", [("CSHH", "Чехословакии", "name")]),
        # inside organisation names
        ("МИД России выразил протест.", [("RU", "России", "name")]),
        ("Госдеп США прокомментировал решение.", [("US", "США", "name")]),
        # adjectives, compounds
        ("Российский боксёр выиграл бой.", [("RU", "Российский", "adjective")]),
        ("Представитель британской компании отказался от комментариев.", [("GB", "британской", "adjective")]),
        ("Экспорт американских товаров вырос.", [("US", "американских", "adjective")]),
        (
            "Открылось заседание азербайджано-казахского делового совета.",
            [("AZ", "азербайджано", "adjective"), ("KZ", "казахского", "adjective")],
        ),
        (
            "Она дочь российско-британской певицы.",
            [("RU", "российско", "adjective"), ("GB", "британской", "adjective")],
        ),
        ("Советские войска вошли в город.", [("SUHH", "Советские", "adjective")]),
        # English names quoted in Russian text
        (
            "Партия «Объединение за Мали» (Rassemblement pour le Mali) победила.",
            [("ML", "Мали", "name"), ("ML", "Mali", "name")],
        ),
    ],
)
def test_country_mentions(text: str, expected: list[tuple[str, str, str]], models: Models) -> None:
    assert found(text, models) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Того же мнения придерживается и министр.",
        "Ничего такого он не говорил, кроме того, что мали было.",
        "Судно поднялось вверх по реке Нигер.",
        "Губернатор штата Джорджия подписал закон.",
        "Депутаты «Единой России» проголосовали за закон.",
        "Туристы из Северной Америки и Латинской Америки приехали в Москву.",
        "Он свободно говорит на немецком языке.",
        "В Москве и Санкт-Петербурге прошли митинги.",
        "Делегация прибыла в Астану, а затем в Баку.",
        "Об этом пишет «Советский спорт».",
        "«Американская газета» пишет, что переговоры затянутся.",
    ],
)
def test_no_country(text: str, models: Models) -> None:
    assert found(text, models) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мэр Москвы рассказал о планах: в Москве откроют 10 станций.", [("Москва", ["Москвы", "Москве"])]),
        ("Бои шли в Физули и под Шушой.", [("Физули", ["Физули"])]),
        ("Посол России прибыл в Нью-Йорк.", [("Нью-Йорк", ["Нью-Йорк"])]),
        ("Жители Северной Ирландии проголосовали.", [("Северная Ирландия", ["Северной Ирландии"])]),
    ],
)
def test_locations(text: str, expected: list[tuple[str, list[str]]], models: Models) -> None:
    _, locations = places(text, models)
    got = [(location.name, [m.text for m in location.mentions]) for location in locations]
    assert got[: len(expected)] == expected


def test_countries_in_order_of_first_mention(models: Models) -> None:
    text = (
        "Китай и США провели переговоры. Позже КНР предложила новый раунд, а Соединённые Штаты согласились."
    )
    countries, _ = places(text, models)
    assert [(c.name, c.code) for c in countries] == [("Китай", "CN"), ("США", "US")]
    assert [m.text for m in countries[0].mentions] == ["Китай", "КНР"]
    for country in countries:
        for mention in country.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_common_names_and_codes(models: Models) -> None:
    names = load_gazetteer(models.vocab).names
    assert names["RU"] == "Россия"
    assert names["US"] == "США"
    assert names["KZ"] == "Казахстан"
    assert names["SUHH"] == "СССР"
    assert names["CSHH"] == "Чехословакия"


def test_gazetteer_is_built_once(models: Models) -> None:
    assert load_gazetteer(models.vocab) is load_gazetteer(models.vocab)


def test_sample_article(sample_text: str, models: Models) -> None:
    countries, locations = places(sample_text, models)
    codes = [country.code for country in countries]
    assert "KZ" in codes and "AZ" in codes
    assert all(country.code not in {"", None} for country in countries)
    location_names = {location.name for location in locations}
    assert not location_names & {country.name for country in countries}


def test_a_country_inside_an_organisations_name_is_still_a_mention(models: Models) -> None:
    text = "В «Российских железных дорогах» сообщили, что МИД России получил ответ."
    assert [mention for _, mention, _ in found(text, models)] == ["Российских", "России"]
