"""People: nominative names, roles from apposition, merged mentions, gender."""

from __future__ import annotations

import pytest

from quotex.entities.people import find_people, load_roles, nominative_name, person_gender, role_at
from quotex.nlp import Models, annotate

# Real sentences, most from Russian Wikinews (the NEREL dev split), with the nominative name of every
# person natasha finds in them.
NAMES = [
    (  # adjective-like surnames the dictionary does not know, both genders
        "Письма Бартоломея Соханьского и Анны Завадской пришли вчера.",
        ["Бартоломей Соханьский", "Анна Завадская"],
    ),
    (
        "Эти достижения свидетельствуют о целеустремленной и выверенной государственной политике, "
        "проводимой под руководством Президента Казахстана Касым-Жомарта Кемелевича Токаева.",
        ["Касым-Жомарт Кемелевич Токаев"],
    ),
    (
        "В Москве полиция пришла в штаб Любови Соболь и Ивана Жданова, сообщает «Медиазона» со ссылкой "
        "на пресс-секретаря Фонда борьбы с коррупцией (ФБК) Киру Ярмыш.",
        ["Любовь Соболь", "Иван Жданов", "Кира Ярмыш"],
    ),
    (
        "Вокалист британской группы The Prodigy Кит Флинт покончил жизнь самоубийством, говорится в "
        "сообщении, вероятно, Лиама Хоулетта на странице коллектива в Instagram:",
        ["Кит Флинт", "Лиам Хоулетт"],
    ),
    (
        "По словам мужа погибшей, Дэвида Маккина, во время игры детей мяч укатился в воду.",
        ["Дэвид Маккин"],
    ),
    (
        "По словам Ярослава, заметный вклад в предотвращения бедствия внесли прошедшие дожди и даже снег.",
        ["Ярослав"],
    ),
    (
        "В нём рассказывается как принадлежащий Алишеру Усманову холдинг прореагировал на пандемию COVID-19.",
        ["Алишер Усманов"],
    ),
    (
        "Об этом сообщила пресс-атташе Мариинского театра Анна Яковлева со ссылкой на письмо Анны Яковлевой.",
        ["Анна Яковлева", "Анна Яковлева"],
    ),
    ("Нейрохирург Мэри Кобб рассказала, что у боксёра было сильное кровотечение.", ["Мэри Кобб"]),
    (
        "Министр здравоохранения Перу Зулема Томас назвала состояние Гарсии «очень тяжёлым», а ранения "
        "«очень серьёзными».",
        ["Зулема Томас", "Гарсия"],
    ),
    (
        "Ранее генсек ООН Пан Ги Мун выразил надежду на то, что выборы в стране пройдут мирно.",
        ["Пан Ги Мун"],
    ),
    (
        "В среду у премьер-министра Великобритании Бориса Джонсона и его девушки Кэрри Саймондс родился сын.",
        ["Борис Джонсон", "Кэрри Саймондс"],
    ),
    (
        "Еще одним из наиболее вероятных кандидатов на президентский пост является 60-летний Модибо Сидибе "
        "(Modibo Sidibe).",
        ["Модибо Сидибе (Modibo Sidibe)"],
    ),
]

# (sentence, a word of the name, the role the text gives that person, or None)
ROLES = [
    (
        "Как сообщает Report, об этом рассказал президент Азербайджана Ильхам Алиев в интервью "
        "казахстанскому изданию Kazinform.",
        "Алиев",
        "президент Азербайджана",
    ),
    (
        "Эти достижения свидетельствуют о политике, проводимой под руководством Президента Казахстана "
        "Касым-Жомарта Кемелевича Токаева.",
        "Токаева",
        "президент Казахстана",
    ),
    ("Об этом заявил глава МВД Владимир Колокольцев.", "Колокольцев", "глава МВД"),
    (  # two roles in apposition, the parse hanging the second and the name both on the first
        "Председатель совета директоров банка, бывший председатель Центробанка Иван Кравцов, который "
        "в мае ушёл в отставку, считает, что ставки снизятся.",
        "Кравцов",
        "бывший председатель Центробанка",
    ),
    (
        "В Москве полиция пришла в штаб Любови Соболь и Ивана Жданова, сообщает «Медиазона» со ссылкой "
        "на пресс-секретаря Фонда борьбы с коррупцией (ФБК) Киру Ярмыш.",
        "Ярмыш",
        "пресс-секретарь Фонда борьбы с коррупцией (ФБК)",
    ),
    (
        "Министр здравоохранения Перу Зулема Томас назвала состояние Гарсии «очень тяжёлым».",
        "Томас",
        "министр здравоохранения Перу",
    ),
    ("Нейрохирург Мэри Кобб рассказала, что у боксёра было сильное кровотечение.", "Кобб", "нейрохирург"),
    (
        "Ранее генсек ООН Пан Ги Мун выразил надежду на то, что выборы в стране пройдут мирно.",
        "Мун",
        "генсек ООН",
    ),
    (
        "Действующий президент Перу Мартин Вискарра написал в Twitter:",
        "Вискарра",
        "действующий президент Перу",
    ),
    (
        "Премьер-министр Великобритании Борис Джонсон заявил о выходе из ЕС.",
        "Джонсон",
        "премьер-министр Великобритании",
    ),
    (
        "Заседание пройдёт под председательством министра иностранных дел Доминика Рааба.",
        "Рааба",
        "министр иностранных дел",
    ),
    (
        "Об этом сообщил пресс-секретарь президента России Дмитрий Песков.",
        "Песков",
        "пресс-секретарь президента России",
    ),
    (
        "Об этом заявил заместитель министра иностранных дел России Сергей Рябков.",
        "Рябков",
        "заместитель министра иностранных дел России",
    ),
    (
        "Официальный представитель МИД России Мария Захарова назвала это провокацией.",
        "Захарова",
        "официальный представитель МИД России",
    ),
    ("Ильхам Алиев, президент Азербайджана, прибыл в Астану.", "Алиев", "президент Азербайджана"),
    # no role: a relative of the office holder, another person in between, no role noun, a plain mention
    ("На приеме была жена президента Азербайджана Мехрибан Алиева.", "Мехрибан", None),
    (
        "Ранее дом принадлежал бывшему пресс-секретарю экс-президента США Билла Клинтона Джо Локхарту.",
        "Локхарту",
        None,
    ),
    ("По словам мужа погибшей, Дэвида Маккина, во время игры детей мяч укатился в воду.", "Маккина", None),
    ("Президент выступил с речью, а Путин его поддержал.", "Путин", None),
    # the owner of the role's complement: the party's, not its representative
    ("Представитель партии Цвангираи сообщил, что выборы были нечестными.", "Цвангираи", None),
    ("Лидер партии Морган Цвангираи сообщил о выборах.", "Морган", "лидер партии"),
    (  # the role before is the party's; the apposition after is his
        "Сторонники партии Цвангираи, премьер-министра страны, вышли на улицы.",
        "Цвангираи",
        "премьер-министр страны",
    ),
    (
        "Приговор вынесен судьей окружного суда штата Массачусетс Джорджем Смитом.",
        "Джорджем",
        "судья окружного суда штата Массачусетс",
    ),
    ("Напомним, что Владимир Путин подписал указ.", "Путин", None),
]

# (text, [(name, role, number of mentions)]) in order of first mention
PEOPLE = [
    (
        "Суд вынес решение по делу Хуана Гарсии. Адвокат Гарсии заявил, что обжалует приговор.",
        [("Хуан Гарсия", None, 2)],
    ),
    (
        "Премьер-министр Великобритании Борис Джонсон госпитализирован. Джонсон продолжит курировать "
        "работу правительства, сообщил пресс-секретарь Бориса Джонсона.",
        [("Борис Джонсон", "премьер-министр Великобритании", 3)],
    ),
    (
        "Майкл Джексон и его мать Кэтрин Джексон приехали вместе с братом певца Жерменом Джексоном. "
        "Джексон отказался от комментариев.",
        [("Майкл Джексон", None, 1), ("Кэтрин Джексон", None, 1), ("Жермен Джексон", None, 2)],
    ),
    (
        "Ярослав Емельяненко рассказал о пожаре. По словам Ярослава, вклад в тушение внесли дожди.",
        [("Ярослав Емельяненко", None, 2)],
    ),
    (
        "29-летний Брендт Кристенсен (Brendt Christensen) похитил и убил 26-летнюю Чжан Инъин в июне "
        "2017 года. Кристенсен признал вину.",
        [("Брендт Кристенсен", None, 2), ("Чжан Инъин", None, 1)],
    ),
    (
        "В феврале 2019 года Ватикан опубликовал заявление о том, что Папа Франциск лишил духовного сана "
        "бывшего кардинала США Теодора Маккаррика. "
        "Маккаррика признали виновным.",
        [("Франциск", "папа", 1), ("Теодор Маккаррик", "бывший кардинал США", 2)],
    ),
]

NO_PEOPLE = [
    "Политические отношения между Азербайджаном и Казахстаном сегодня отличаются высокой степенью прочности.",
    "Президент выступил с речью на заседании правительства.",
    "В Москве открылся новый стадион «Спартака».",
    "",
]


def people_in(text: str, models: Models):
    return find_people(annotate(text, models), models.vocab)


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_nominative_name(models: Models, text: str, names: list[str]) -> None:
    doc = annotate(text, models)
    spans = [span for span in doc.spans if span.type == "PER"]
    assert [nominative_name(span.tokens, models.vocab) for span in spans] == names


@pytest.mark.parametrize(("text", "word", "role"), ROLES)
def test_role_at(models: Models, text: str, word: str, role: str | None) -> None:
    doc = annotate(text, models)
    token = next(token for token in doc.tokens if token.text == word)
    assert role_at(doc, token, models.vocab) == role


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_find_people_merges_mentions(models: Models, text: str, expected: list[tuple]) -> None:
    people = people_in(text, models)
    assert [(person.name, person.role, len(person.mentions)) for person in people] == expected
    for person in people:
        starts = [mention.start for mention in person.mentions]
        assert starts == sorted(starts)
        assert all(text[mention.start : mention.end] == mention.text for mention in person.mentions)


@pytest.mark.parametrize("text", NO_PEOPLE)
def test_find_people_finds_nobody(models: Models, text: str) -> None:
    assert people_in(text, models) == ()


def test_sample_people(models: Models, sample_text: str) -> None:
    people = people_in(sample_text, models)
    assert [(person.name, person.role) for person in people] == [
        ("Ильхам Алиев", "президент Азербайджана"),
        ("Касым-Жомарт Кемелевич Токаев", "президент Казахстана"),
    ]
    tokayev = people[1]
    assert len(tokayev.mentions) == sample_text.count("Токаев")
    assert {mention.text for mention in tokayev.mentions} == {
        "Касым-Жомарта Кемелевича Токаева",
        "Касым-Жомарт Кемелевич Токаев",
    }
    assert all(sample_text[m.start : m.end] == m.text for p in people for m in p.mentions)


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("Министр здравоохранения Перу Зулема Томас сообщила, что вирус не опасен.", "Fem"),
        ("Нейрохирург Мэри Кобб рассказала о кровотечении.", "Fem"),
        ("Он встретился с пресс-секретарем ФБК Кирой Ярмыш.", "Fem"),
        ("Об этом заявил глава МВД Владимир Колокольцев.", "Masc"),
        ("Принадлежащий Алишеру Усманову холдинг прореагировал на пандемию.", "Masc"),
    ],
)
def test_person_gender(models: Models, text: str, gender: str) -> None:
    doc = annotate(text, models)
    span = next(span for span in doc.spans if span.type == "PER")
    assert person_gender(span.tokens, models.vocab) == gender
    (person,) = find_people(doc, models.vocab)
    assert person_gender(person) == gender


def test_person_gender_from_a_bare_name(models: Models) -> None:
    from quotex.records import Person

    assert person_gender(Person(name="Анна Яковлева"), models.vocab) == "Fem"
    assert person_gender(Person(name="Сергей Рябков"), models.vocab) == "Masc"


def test_roles_lexicon() -> None:
    roles = load_roles()
    assert {"президент", "глава", "пресс-секретарь", "генсек", "нейрохирург"} <= roles
    assert all(role == role.lower() and role.strip() == role for role in roles)
    singles = {role for role in roles if " " not in role}
    for phrase in roles - singles:
        assert set(phrase.split()) & singles, f"{phrase!r} has no head noun of its own in roles.txt"


FULLEST_NAMES = [
    (  # a spelt-out first name over initials, whichever comes first
        "В. В. Петров на встрече с министром.\nПрезидент Владимир Петров заявил, что доволен встречей.",
        ["Владимир Петров"],
    ),
    (  # a common noun opening the sentence is no part of the name that follows it
        "Прислуга Макгрегора дала интервью. Макгрегор настаивает на невиновности.",
        ["Макгрегор"],
    ),
    (  # ... but a first name that is also a word of no person stays a name
        "Бред Питт заявил, что фильм выйдет в мае.",
        ["Бред Питт"],
    ),
    (  # ... and a name the dictionary knows only as a word in another case
        "Хамад бин Салем отрёкся от престола. Хамад бин Салем правил страной двадцать лет.",
        ["Хамад бин Салем"],
    ),
]


@pytest.mark.parametrize(("text", "names"), FULLEST_NAMES)
def test_a_person_is_named_by_the_fullest_name(models: Models, text: str, names: list[str]) -> None:
    assert [person.name for person in people_in(text, models)] == names
