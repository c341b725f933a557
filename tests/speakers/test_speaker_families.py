"""Who said it: one test per family of Russian news phrasing that names (or hides) a quote's source.

Every sentence here is invented for the test; the families are those of the speaker issue (#8). A case
names a fragment of the quote and the speaker expected for it: a name, or None where a careful reader
would name nobody.
"""

from __future__ import annotations

import pytest

from quotex.pipeline import Extractor

Case = tuple[str, str, "str | None", "str | None"]  # text, fragment of the quote, speaker, speaker type


def speaker_of(extractor: Extractor, text: str, fragment: str) -> tuple[str | None, str | None]:
    quotes = [quote for quote in extractor.extract(text).quotes if fragment in quote.text]
    assert quotes, f"no quote holds {fragment!r}"
    speaker = quotes[0].speaker
    return (speaker.name, speaker.type) if speaker else (None, None)


def check(extractor: Extractor, case: Case) -> None:
    text, fragment, name, kind = case
    assert speaker_of(extractor, text, fragment) == (name, kind)


NAME_WITH_ROLE = [
    (  # a name set off from its verb by a participle clause the parse lost track of
        "Также напомним, что в 2003 году во времена пертурбаций с телеканалом Иван Петров, занимавший "
        'тогда пост председатель высшего совета "Вектора", заявил, что корпорация способна сделать канал '
        "доходным.",
        "канал доходным",
        "Иван Петров",
        "person",
    ),
    (
        "Основатель и глава компании «Вектор» Иван Петров рассказал, что выручка выросла вдвое.",
        "выручка выросла",
        "Иван Петров",
        "person",
    ),
    (
        "Одна из организаторов фестиваля и его ведущая Анна Смирнова сообщила, что билеты распроданы.",
        "билеты распроданы",
        "Анна Смирнова",
        "person",
    ),
    (
        "Председатель правления банка, бывший министр финансов Олег Кузнецов, который в мае покинул "
        "правительство, считает, что ставки снизятся.",
        "ставки снизятся",
        "Олег Кузнецов",
        "person",
    ),
]


@pytest.mark.parametrize("case", NAME_WITH_ROLE)
def test_a_name_with_its_role_in_the_subject(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


PERSON_BY_DESCRIPTION = [
    (
        "Депутат Европарламента Марк Лефевр приехал в Киев. Европарламентарий отметил, что "
        "переговоры будут трудными.",
        "переговоры будут",
        "Марк Лефевр",
        "person",
    ),
    (
        "Художница Ольга Белова открыла выставку в Казани. «Я снимала эти кадры пять лет», — "
        "пояснила художница.",
        "снимала эти кадры",
        "Ольга Белова",
        "person",
    ),
    (
        "Ректор университета Павел Орлов выступил на совете. Как рассказал ректор, приём "
        "завершится в августе.",
        "приём завершится",
        "Павел Орлов",
        "person",
    ),
    (
        "Канадский боксёр Джеймс Морган проиграл бой. Канадец заявил, что подаст апелляцию.",
        "подаст апелляцию",
        "Джеймс Морган",
        "person",
    ),
    (
        "Телеведущая Ирина Климова вернулась в эфир. Она сказала, что отпуск пошёл ей на пользу.",
        "отпуск пошёл",
        "Ирина Климова",
        "person",
    ),
    (  # the noun the text put before the name, not in the role lexicon
        "Знаменитый велогонщик Лэнс Армстронг вернулся в спорт. В своём заявлении велогонщик "
        "подчеркнул, что готов к гонке.",
        "готов к гонке",
        "Лэнс Армстронг",
        "person",
    ),
    (
        "Певица Мария Лопес вернулась на сцену. 45-летняя исполнительница рассказала, что записала "
        "новый альбом.",
        "записала новый",
        "Мария Лопес",
        "person",
    ),
    (  # a role of a named country goes to the one who holds it there
        "Бывший президент Бразилии Жоао Силва лежит в больнице. Президент Франции Пьер Дюпон прилетел "
        "в Рио. Как заявил президент Франции, визит продлится два дня.",
        "визит продлится",
        "Пьер Дюпон",
        "person",
    ),
    (  # a foreign first name that looks like a Russian man's name in another case keeps her gender
        "Американская художница Дани Кларк открыла выставку. «Я снимала эти кадры пять лет», — "
        "пояснила художница.",
        "снимала эти кадры",
        "Дани Кларк",
        "person",
    ),
    (  # "она" after her brother was named: his mentions hold the bare surname, the verb's gender hers
        "Судья Марина Котова ушла в отставку. Её брат Олег Котов работает в прокуратуре. Котова не раз "
        "выступала в суде. «Я довольна своей работой», — сказала она.",
        "довольна своей",
        "Марина Котова",
        "person",
    ),
    (  # "он" after a role-noun subject: the person that role names, not a name in a relative clause
        "Главный тренер Питер Ван Дейк объявил состав. Он отчислил защитника Ивана Орлова, который "
        "получил травму. При этом тренер не стал менять вратаря. «Это важнейшая игра», — подчеркнул он.",
        "важнейшая игра",
        "Питер Ван Дейк",
        "person",
    ),
    (  # "он" after a report about him: a reported clause is narration, its subject counts
        "Тренер Иван Серов ушёл из клуба. По некоторым сведениям, сам Олег Петров наблюдал за игрой с "
        "трибуны. После матча он сказал, что доволен командой.",
        "доволен командой",
        "Олег Петров",
        "person",
    ),
    (  # the main clause's subject before a subject inside what was said
        "Министр Пётр Соколов заявил, что посол Игорь Иванов уйдёт в отставку. Он добавил, что "
        "преемника назовут в мае.",
        "преемника назовут",
        "Пётр Соколов",
        "person",
    ),
    (  # "они" for people named together just before, roles and all
        "Сенатор Анна Белова и конгрессмен Игорь Петров выступили в Вашингтоне. Они призвали "
        "отменить пошлины.",
        "отменить пошлины",
        "Анна Белова и Игорь Петров",
        "person",
    ),
    (  # a plural noun for the people named together a few sentences before, of its gender
        "В Риге две актрисы — Анна Белова и Ольга Котова — открыли театр. Об этом сообщает агентство "
        "LETA. Театр разместился в бывшем кинотеатре. Женщины заявили, что первый спектакль покажут в мае.",
        "первый спектакль",
        "Анна Белова и Ольга Котова",
        "person",
    ),
    (  # ... not of another gender
        "Анна Белова и Олег Котов открыли театр. Театр разместился в бывшем кинотеатре. Женщины заявили, "
        "что первый спектакль покажут в мае.",
        "первый спектакль",
        None,
        None,
    ),
    (  # ... nor past someone else named since
        "Анна Белова и Ольга Котова открыли театр. Их поздравил мэр Иван Петров. Женщины заявили, "
        "что первый спектакль покажут в мае.",
        "первый спектакль",
        None,
        None,
    ),
    (  # a joint source named in part, then "они" for it
        "Глава фракции и депутат Олег Смирнов призвали провести выборы. Они заявили, что голосование "
        "должно пройти в мае.",
        "голосование должно",
        "глава фракции и Олег Смирнов",
        "person",
    ),
    (  # "они" for the representatives of an organisation, the subject just before
        "Представители компании «Вектор» провели брифинг. Они заявили, что завод закроют в мае.",
        "завод закроют",
        "Вектор",
        "organisation",
    ),
    (  # "их" for the organisation whose people spoke just before
        "В МВД Армении заявили, что задержанных отпустят. По их словам, вина не доказана.",
        "вина не доказана",
        "МВД Армении",
        "organisation",
    ),
    (  # ... not when others became the subject since
        "В МВД Армении заявили, что задержанных отпустят. Родственники задержанных не согласны: по их "
        "словам, вина не доказана.",
        "Родственники задержанных",
        None,
        None,
    ),
    (  # a name that goes on as a subject of its own is no joint source
        "«Мы выиграем», — сказал Иван Петров и Олег Смирнов кивнул.",
        "Мы выиграем",
        "Иван Петров",
        "person",
    ),
    (  # ... not for an outlet that spoke as one
        "Агентство «Вестник» сообщило, что мост закрыт. По их словам, ремонт продлится месяц.",
        "ремонт продлится",
        None,
        None,
    ),
    (  # any other "они" stays unnamed
        "Жители района пришли к мэрии. Они заявили, что дорогу так и не отремонтировали.",
        "дорогу так",
        None,
        None,
    ),
    (  # a pronoun going on about the source of the quote before, even an unnamed one
        "«Мы не отступим», — сказал дипломат. По его словам, переговоры продолжатся в июне.",
        "переговоры продолжатся",
        None,
        None,
    ),
    (  # a surname that is also a common noun, which the NER leaves out
        "Тренер Дик Молот провёл тренировку. По словам Молота, команда готова к матчу.",
        "команда готова",
        "Дик Молот",
        "person",
    ),
    (  # two people: the verb's gender picks the woman
        "Министр Ольга Захарова встретилась с послом Игорем Семёновым. Она заявила, что "
        "договор будет подписан.",
        "договор будет",
        "Ольга Захарова",
        "person",
    ),
    (  # a participle's clause between the subject and the verb
        "Бывший командующий армией генерал Пьер Дюваль, поднявший в 1989 году мятеж, заявил, что "
        "вернётся в страну.",
        "вернётся в страну",
        "Пьер Дюваль",
        "person",
    ),
    (  # a converb after an infinitive: the subject of the finite verb above both
        "Представители клуба «Вымпел» отказались комментировать эти слухи, подчеркнув, что состав "
        "останется прежним.",
        "состав останется",
        "Вымпел",
        "organisation",
    ),
    (  # a descriptor after the verb, the name in apposition past adverbials
        "«Мы откроем границу весной», — заявил на встрече с журналистами чрезвычайный и полномочный "
        "посол Литвы Йонас Петраускас.",
        "откроем границу",
        "Йонас Петраускас",
        "person",
    ),
    (  # a relative's genitive name is not the speaker
        "Певица Анна Белова выступила в Москве. По словам матери Анны Беловой, концерт готовили год.",
        "концерт готовили",
        None,
        None,
    ),
    (  # two men were just named: "политик" could be either
        "Депутат Олег Смирнов встретился с мэром Игорем Волковым. Политик заявил, что бюджет будет принят.",
        "бюджет будет",
        None,
        None,
    ),
    (  # the person the text is about, named again as a politician when nothing nearer resolves it
        "Бывший мэр Самары Виктор Орлов снова баллотируется. Соперники Орлова обвинили его в подкупе "
        "избирателей. На листовках стояла подпись Орлова. В обращении к жителям политик пообещал, что "
        "налоги снизятся.",
        "налоги снизятся",
        "Виктор Орлов",
        "person",
    ),
    (  # ... and as a specialist, past a referee named once
        "Главный тренер «Вектора» Иван Кравцов пропустит матч. Лига дисквалифицировала Кравцова на две "
        "игры после его спора с арбитром Олегом Петренко. Клуб поддержал Кравцова. После этого опытный "
        "специалист заявил, что будет следить за игрой с трибуны.",
        "следить за игрой",
        "Иван Кравцов",
        "person",
    ),
    (  # a role names its holder, not the holder of a prefixed role ("вице-губернатор")
        "Губернатор области Антон Лебедев провёл совещание. На нём выступил первый вице-губернатор Максим "
        "Орлов. Губернатор заявил, что бюджет будет принят.",
        "бюджет будет",
        "Антон Лебедев",
        "person",
    ),
    (  # an unnamed local is someone new, not the official named before
        "Губернатор Антон Лебедев осмотрел дамбу. Один из местных жителей рассказал, что вода "
        "поднималась ночью.",
        "вода поднималась",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", PERSON_BY_DESCRIPTION)
def test_a_person_referred_back_to(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


ORGANISATION_BY_NOUN = [
    (  # a broadcaster or an election commission speaks by its common noun
        "Иранское государственное телевидение заявило, что выборы прошли честно.",
        "выборы прошли",
        "иранское государственное телевидение",
        "organisation",
    ),
    (
        "Центризбирком Венесуэлы объявил, что явка составила 80 процентов.",
        "явка составила",
        "Центризбирком Венесуэлы",
        "organisation",
    ),
    (  # the club the text introduced with a type acronym
        "В прошлом сезоне ФК «Вектор» занял третье место. Руководство клуба сообщило, что тренер останется.",
        "тренер останется",
        "Вектор",
        "organisation",
    ),
    (  # ... the company, never the type acronym alone
        "Акционеры ОАО «Вектор» собрались в Москве. Завод ОАО выпустил сто машин. Представитель компании "
        "сообщил, что дивиденды не выплатят.",
        "дивиденды не выплатят",
        "Вектор",
        "organisation",
    ),
    (  # a type word before a quoted name, past a participle clause
        "Группа «Вектор», представляющая интересы Ивана Петрова, в пятницу предупредила, что "
        "воздержится от голосования.",
        "воздержится от голосования",
        "Вектор",
        "organisation",
    ),
    (  # an unnamed institution speaks by its common noun, "офис" as "полиция"
        "Причиной смерти стала травма головы. Об этом сообщили в офисе судмедэксперта.",
        "травма головы",
        "офис судмедэксперта",
        "organisation",
    ),
    (  # an unnamed source of a newspaper is not the newspaper
        "Источник «Вестника» в правительстве сообщил, что министр уйдёт в отставку.",
        "министр уйдёт",
        None,
        None,
    ),
    (
        "Компания «Вектор» представила новый смартфон. В компании пообещали, что продажи начнутся в марте.",
        "продажи начнутся",
        "Вектор",
        "organisation",
    ),
    (
        "Министерство обороны России провело учения. В ведомстве сообщили, что в них участвовали "
        "пять тысяч военных.",
        "участвовали",
        "Министерство обороны России",
        "organisation",
    ),
    (  # ... not one of another country than its adjective says
        "МИД Канады выступил с заявлением. Американское внешнеполитическое ведомство заявило, что санкции "
        "сохранятся.",
        "санкции сохранятся",
        "американское внешнеполитическое ведомство",
        "organisation",
    ),
    (  # ... the class noun described by adjectives too
        "Министерство обороны Эстонии провело учения. Эстонское оборонное ведомство сообщило, что в них "
        "участвовали пять тысяч военных.",
        "участвовали",
        "Министерство обороны Эстонии",
        "organisation",
    ),
]


@pytest.mark.parametrize("case", ORGANISATION_BY_NOUN)
def test_an_organisation_referred_back_to(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


PRESS_OFFICES = [
    (  # an employee of a press office speaks for its owner, as the office does
        "Сотрудник пресс-службы компании «Вектор» пояснил, что завод закроют в мае.",
        "завод закроют",
        "Вектор",
        "organisation",
    ),
    (
        "Работник пресс-службы губернатора Ивана Петрова пояснил, что завод закроют в мае.",
        "завод закроют",
        "Иван Петров",
        "person",
    ),
    (  # "собеседник": the source of the quote just before, an organisation included
        "«Самолёты вернулись на базу», — сообщил представитель пресс-службы Южного военного округа. "
        "По словам собеседника, полёты продолжатся завтра.",
        "полёты продолжатся",
        "Южный военный округ",
        "organisation",
    ),
    (  # a country's "side" speaks as an unnamed institution
        "По оценке белорусской стороны, транзит подорожает на треть.",
        "транзит подорожает",
        "белорусская сторона",
        "organisation",
    ),
    (
        "Пресс-служба МВД Киргизии сообщила, что задержаны трое подозреваемых.",
        "задержаны трое",
        "МВД Киргизии",
        "organisation",
    ),
    (
        "Как сообщил представитель пресс-службы посольства Франции, консул встретится с задержанными.",
        "консул встретится",
        "посольство Франции",
        "organisation",
    ),
    (
        "Официальный представитель Министерства иностранных дел Японии заявил, что Токио "
        "направит ноту протеста.",
        "Токио направит",
        "Министерство иностранных дел Японии",
        "organisation",
    ),
    (  # the press office of a person speaks as that person
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Берлин. В пресс-службе главы государства "
        "сообщили, что визит продлится два дня.",
        "визит продлится",
        "Касым-Жомарт Токаев",
        "person",
    ),
    (  # a bare press office, after a person quoted: the office named with its owner before
        "Об этом сообщает агентство со ссылкой на представителя пресс-службы ГУ МВД по Самарской "
        "области Ольгу Зимину. «Водитель задержан», — рассказала Зимина. «Он был пьян», — уточнили в "
        "пресс-службе.",
        "Он был пьян",
        "ГУ МВД по Самарской области",
        "organisation",
    ),
    (  # an unnamed owner by its fuller description before
        "Пресс-служба американской военной базы в Бишкеке отказалась от комментариев. «Вопросами "
        "занимается посольство», — сообщили в пресс-службе базы.",
        "Вопросами занимается",
        "американская военная база",
        "organisation",
    ),
    (  # "другой" describes another one: no fuller name for it
        "Пресс-служба другой базы молчит. «Вопросами занимается посольство», — сообщили в пресс-службе базы.",
        "Вопросами занимается",
        "пресс-служба базы",
        "organisation",
    ),
    (  # no press office named before: a description, not a speaker called "пресс-служба"
        "Мост через реку закрыт на ремонт. «Работы продлятся месяц», — уточнили в пресс-службе.",
        "Работы продлятся",
        None,
        None,
    ),
    (  # a representative named again as a person speaks for the same organisation
        "Норвегия готова к диалогу, сообщил представитель МИД Норвегии. «Мы открыты для "
        "переговоров», — сказал дипломат. По его словам, встреча пройдёт в Осло.",
        "встреча пройдёт",
        "МИД Норвегии",
        "organisation",
    ),
    (  # "там" for the organisation cited just before
        "Полиция задержала двоих подростков, сообщает агентство со ссылкой на пресс-службу ГУ МВД по "
        "Самарской области. Там уточнили, что задержанные находились в розыске.",
        "находились в розыске",
        "ГУ МВД по Самарской области",
        "organisation",
    ),
    (  # "там" with no organisation cited before: no one
        "Иван Петров вернулся в город. Там рассказали, что мост откроют в мае.",
        "мост откроют",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", PRESS_OFFICES)
def test_press_offices_speak_for_their_owner(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


DOCUMENTS = [
    (  # the statement named in the same sentence, by whoever issued it
        "Министр Иван Петров распространил заявление, в котором сообщается, что визит отменён.",
        "визит отменён",
        "Иван Петров",
        "person",
    ),
    (  # "в нём": the statement named just before, spoken by who published it
        "Министерство финансов опубликовало комментарий к проекту бюджета. В нём сказано, что налоги "
        "не вырастут.",
        "налоги не вырастут",
        "Министерство финансов",
        "organisation",
    ),
    (  # a commentary, a report: statement nouns whose owner speaks
        "В официальном комментарии министерства отмечается, что посол будет отозван.",
        "посол будет отозван",
        "министерство",
        "organisation",
    ),
    (
        "В отчёте Международного валютного фонда отмечается, что рост замедлится.",
        "рост замедлится",
        "Международный валютный фонд",
        "organisation",
    ),
    (  # the statement mentioned before: who made it, not who published it
        "Министр Иван Петров и министр Анна Белова подписали совместное заявление. Заявление "
        "опубликовано пресс-службой правительства. В заявлении подчёркивается, что торговля вырастет.",
        "торговля вырастет",
        "Иван Петров и Анна Белова",
        "person",
    ),
    (
        "Союз журналистов распространил заявление. В заявлении говорится, что арест незаконен.",
        "арест незаконен",
        "Союз журналистов",
        "organisation",
    ),
    (  # the owner of a statement past an aside
        "Гитарист группы покончил с собой, говорится в сообщении, вероятно, Джона Смита на странице группы.",
        "покончил с собой",
        "Джон Смит",
        "person",
    ),
    (  # a document no one was said to issue names no one
        "В заявлении говорится, что переговоры продолжатся.",
        "переговоры продолжатся",
        None,
        None,
    ),
    (  # "в документе" goes back to a statement of another name
        "Губернатор Олег Седов подписал указ о выходном дне. В документе говорится, что 3 мая станет "
        "нерабочим днём.",
        "станет нерабочим",
        "Олег Седов",
        "person",
    ),
    (  # "согласно сообщению", no owner: the statement mentioned just before
        "«Задержаны трое», — говорится в сообщении МВД Армении. Согласно сообщению, все они граждане России.",
        "граждане России",
        "МВД Армении",
        "organisation",
    ),
    (  # a note is no earlier statement
        "Партия распространила заявление о выборах. В квартире нашли записку: «Прощайте все».",
        "Прощайте все",
        None,
        None,
    ),
    (  # an outlet quoting an excerpt from a document: the document's author speaks
        "Министр Иван Петров распространил заявление о реформе. «Все задачи успешно выполнены», — "
        "цитирует «Вестник» выдержку из заявления.",
        "Все задачи",
        "Иван Петров",
        "person",
    ),
    (  # joint authors listed with "а также"
        "Компания закроет завод в Туле до конца года. Об этом говорится в совместном заявлении Ивана "
        "Петрова, а также Олега Смирнова и Анны Беловой, которые покидают совет директоров.",
        "Компания закроет завод",
        "Иван Петров, Олег Смирнов и Анна Белова",
        "person",
    ),
]


@pytest.mark.parametrize("case", DOCUMENTS)
def test_a_document_speaks_as_its_author(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


QUOTED_BY_AN_OUTLET = [
    (  # "по словам X" before a colon and the quote
        "По словам протоиерея Ивана Петрова: «Служба прошла торжественно».",
        "Служба прошла",
        "Иван Петров",
        "person",
    ),
    (  # "цитирует X Y": Y speaks, an animate object the parse may tag genitive
        "«Мы не допустим повышения цен», — цитирует РИА Новости министра финансов Ивана Кравцова.",
        "повышения цен",
        "Иван Кравцов",
        "person",
    ),
    (  # "приводит X слова Y": the owner of the words speaks
        "«Мы не допустим повышения цен», — приводит агентство слова министра финансов Ивана Кравцова.",
        "повышения цен",
        "Иван Кравцов",
        "person",
    ),
    (  # an outlet's name in quotation marks, cut by the tokenizer at its dot
        "Как сообщает «Газета.ру», в качестве обвиняемых привлечены трое.",
        "привлечены трое",
        "Газета.ру",
        "organisation",
    ),
    (  # ... or of two words, after the verb
        'Мост через реку откроют в октябре, пишет "Вечерняя Казань".',
        "Мост через реку",
        "Вечерняя Казань",
        "organisation",
    ),
    (  # "телекомпания" for the outlet that passed on its own sources' words
        "Министр подал в отставку, сообщила, ссылаясь на собственные источники, BBC. По данным "
        "телекомпании, преемника назовут в мае.",
        "преемника назовут",
        "BBC",
        "organisation",
    ),
    (  # "издание" for the outlet, past an institution quoted in between
        "Министра задержали в аэропорту, сообщает Daily Mirror со ссылкой на The Sunday People. По данным "
        "полиции, он пытался улететь в Дубай. Издание отмечает, что министр отрицает вину.",
        "отрицает вину",
        "Daily Mirror",
        "organisation",
    ),
    (  # ... not the company whose representative the outlet cited
        "Министр ушёл в отставку. Об этом сообщает газета «Вести» со ссылкой на представителя компании "
        "Nike. Издание отмечает, что решение принято из-за возраста.",
        "решение принято",
        "Вести",
        "organisation",
    ),
    (  # ... but the outlet named since with a media word, though it was quoted by no one
        "По данным Bloomberg, состояние Петрова составляет 18 млрд долларов. Петров возглавил рейтинг "
        "журнала Forbes. По оценке издания, его состояние составило 17 млрд долларов.",
        "его состояние составило",
        "Forbes",
        "organisation",
    ),
    (  # ... of the same kind: "агентство" is no newspaper named since
        "Об отставке сообщило агентство Reuters. Ранее газета «Вести» опубликовала интервью с министром. "
        "По данным агентства, министр уйдёт в мае.",
        "министр уйдёт",
        "Reuters",
        "organisation",
    ),
    (  # ... and one named with a media word alone
        "Об отставке министра написала газета «Вечерний курьер». По данным газеты, преемника назовут в мае.",
        "преемника назовут",
        "Вечерний курьер",
        "organisation",
    ),
    (  # ... described by adjectives too
        "Об отставке министра написал журнал «Вестник». По версии влиятельного издания, преемника назовут "
        "в мае.",
        "преемника назовут",
        "Вестник",
        "organisation",
    ),
    (  # one mention, one speaker: the quote after the indirect one of the same subject is his too
        "Министры обсудили Иран, сказал представитель компании «Вектор». Дипломат сообщил, что встреча "
        "прошла хорошо, передает «Интерфакс». «Мы провели переговоры с европейцами, был достигнут "
        "значительный прогресс».",
        "Мы провели переговоры",
        "Вектор",
        "organisation",
    ),
    (  # "по словам X" before the marks names the speaker; the agency after them only passes it on
        "Посол Олег Смирнов выступил в Минске. По словам дипломата, «Литва как член Евросоюза ждёт "
        "конкретных предложений от соседей», передает «Интерфакс».",
        "Литва как член",
        "Олег Смирнов",
        "person",
    ),
    (  # the source an outlet cites, a Latin name too
        "Министр подал в отставку, сообщает Daily Mirror со ссылкой на The Sunday People.",
        "Министр подал",
        "The Sunday People",
        "organisation",
    ),
    (  # an account speaks for its owner
        "Выборы пройдут в срок, говорится в Twitter министерства иностранных дел Канады.",
        "Выборы пройдут",
        "министерство иностранных дел Канады",
        "organisation",
    ),
    (  # a Latin name typed with a Cyrillic letter ("С" in "СNN") is read in one script
        "По сообщению телекомпании СNN, переговоры продолжатся в июне.",
        "переговоры продолжатся",
        "CNN",
        "organisation",
    ),
    (  # "со ссылкой на X": X is the original source
        "Согласно сообщению агентства «Вестник» со ссылкой на пресс-службу МВД Киргизии, задержаны "
        "трое подозреваемых.",
        "задержаны трое",
        "МВД Киргизии",
        "organisation",
    ),
    (
        "Нападающий Иван Белов забил два мяча. «Мы заслужили победу», — цитирует Белова пресс-служба клуба.",
        "заслужили победу",
        "Иван Белов",
        "person",
    ),
]


@pytest.mark.parametrize("case", QUOTED_BY_AN_OUTLET)
def test_the_one_an_outlet_quotes_speaks(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


NO_GUESS = [
    (  # an unnamed representative of a person is no one named
        "Певица Анна Белова отменила тур. Представитель Беловой сообщил, что билеты можно сдать.",
        "билеты можно сдать",
        None,
        None,
    ),
    (  # an office with its own complement names its holder only: here nobody holds it
        "Министр финансов Пётр Орлов выступил в парламенте. Премьер-министр страны ранее говорил, "
        "что налоги не вырастут.",
        "налоги не вырастут",
        None,
        None,
    ),
    (  # a defining clause makes a new, unnamed person
        "Губернатор Антон Лебедев осмотрел дамбу. Прокурор, занимающийся этим делом, добавил, что "
        "виновные найдены.",
        "виновные найдены",
        None,
        None,
    ),
    (
        "Певица Ольга Белая заболела. Врачи заявили, что ей нужен покой.",
        "нужен покой",
        None,
        None,
    ),
    (  # "сказал" needs a man; the only person named is a woman
        "Министр Ольга Захарова посетила завод. «Мы увеличим выпуск», — сказал он.",
        "увеличим выпуск",
        None,
        None,
    ),
    (  # a group led by a named person is not that person
        "Депутаты от оппозиции во главе с Анной Кравец заявили, что бюджет не будет принят.",
        "бюджет не будет",
        None,
        None,
    ),
    (  # two men named as often: "специалист" could be either
        "Иван Кравцов и Олег Петренко поспорили после матча. Лига наказала Кравцова и Петренко. Позже "
        "специалист заявил, что не согласен с решением.",
        "не согласен",
        None,
        None,
    ),
    (  # the man the text is about is a striker: "специалист" is someone else (a doctor)
        "Нападающий Иван Петров перешёл в «Зенит». Петров забил три гола. Петров получил травму. Травма "
        "Петрова оказалась серьёзной. Специалист заявил, что восстановление займёт месяц.",
        "восстановление займёт",
        None,
        None,
    ),
    (  # ... a businessman: "политик" is someone else
        "Бизнесмен Олег Иванов продал акции. Иванов вложил деньги в недвижимость. Сделка Иванова удивила "
        "рынок. Политик заявил, что рынок вырастет.",
        "рынок вырастет",
        None,
        None,
    ),
    (  # the man the text is about, but another was the subject just before
        "Бывший мэр Самары Виктор Орлов снова баллотируется. Соперники Орлова обвинили его в подкупе "
        "избирателей. На листовках стояла подпись Орлова. Губернатор области Антон Лебедев выступил в "
        "четверг. В обращении к жителям политик пообещал, что налоги снизятся.",
        "налоги снизятся",
        None,
        None,
    ),
    (  # a plural role is a group, not the one person with that role
        "Депутат Анна Кравец выступила в парламенте. Депутаты от оппозиции заявили, что бюджет "
        "не будет принят.",
        "бюджет не будет",
        None,
        None,
    ),
    (  # outlets in the plural name no one
        "Певица Анна Белова умерла в Лондоне. Российские издания сообщают, что причиной стал инфаркт.",
        "причиной стал",
        None,
        None,
    ),
    (
        "Источник в правительстве сообщил, что отставка министра решена.",
        "отставка министра",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", NO_GUESS)
def test_null_rather_than_a_guess(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


ONE_PERSON = [
    (  # a nickname in quotes inside the full name, then the nickname and surname
        "Тренер Джеймс «Бадди» Паркер остановил бой. Бадди Паркер после боя заявил, что спортсмен жив.",
        "спортсмен жив",
        "Джеймс Паркер",
        "person",
    ),
    (  # a three-word foreign name, then its last two words
        "Активистка Мария Лопес Гарсия приехала в Мадрид. Лопес Гарсия заявила, что подаст в суд.",
        "подаст в суд",
        "Мария Лопес Гарсия",
        "person",
    ),
]


@pytest.mark.parametrize("case", ONE_PERSON)
def test_one_person_under_the_fullest_name(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


NAMED_AGAIN = [
    (  # a nationality and a group noun for the coach quoted two sentences before
        "Главный тренер сборной Дании Ян Ларсен провёл пресс-конференцию в Москве. «Мы готовы к игре», — "
        "сказал Ларсен. Команда прилетела в понедельник. Соперник силён и опасен. «Нам нужна победа», — "
        "цитирует датского специалиста пресс-служба федерации.",
        "Нам нужна победа",
        "Ян Ларсен",
        "person",
    ),
    (
        "Глава департамента министерства Павел Орлов заявил: «Мы оплатили только разработку программ». "
        "Школы до сих пор ждут денег. По словам чиновника, реформа продолжится.",
        "реформа продолжится",
        "Павел Орлов",
        "person",
    ),
    (  # a description of no one else: the only person quoted before
        "Игорь Зайцев заявил: «Я не продам компанию». Его акции подорожали. В своём обращении "
        "новоиспечённый кандидат сказал, что страна нуждается в переменах.",
        "страна нуждается",
        "Игорь Зайцев",
        "person",
    ),
    (  # another man named since: no guess
        "Главный тренер сборной Дании Ян Ларсен провёл пресс-конференцию в Москве. «Мы готовы к игре», — "
        "сказал Ларсен. Защитник Олег Смирнов получил травму. «Нам нужна победа», — цитирует датского "
        "специалиста пресс-служба федерации.",
        "Нам нужна победа",
        None,
        None,
    ),
    (  # the one quoted before was described as someone else
        "Свидетель Игорь Зайцев заявил: «Я видел машину». Его допросили дважды. Следователь сказал, что "
        "дело закроют.",
        "дело закроют",
        None,
        None,
    ),
    (  # an office of a thing: the head just quoted
        "Губернатор Тверской области Игорь Руденко заявил, что дорогу откроют в мае. «Работы идут по "
        "графику», — сказал глава региона.",
        "Работы идут",
        "Игорь Руденко",
        "person",
    ),
    (  # "глава X" for whoever holds an office of X
        "Президент компании Orion Марк Левин выступил в Берлине. Инвесторы ждут решений. Глава Orion "
        "выразил надежду, что цели будут достигнуты.",
        "цели будут достигнуты",
        "Марк Левин",
        "person",
    ),
    (  # "глава X" names no one the text made no leader of X
        "Юрист компании Orion Марк Левин выступил в Берлине. Инвесторы ждут решений. Глава Orion "
        "выразил надежду, что цели будут достигнуты.",
        "цели будут достигнуты",
        None,
        None,
    ),
    (  # a noun that names no role and no one again: not the person quoted before
        "Министр Иван Петров заявил: «Школы закроют на карантин». Уроки отменили. Дети ушли домой. "
        "Школьник рассказал, что рад каникулам.",
        "рад каникулам",
        None,
        None,
    ),
    (  # the author of something is someone new
        "Активист Олег Смирнов заявил: «Я подам в суд». Автор петиции сказал, что соберёт подписи.",
        "соберёт подписи",
        None,
        None,
    ),
    (  # an unnamed source quoted in between
        "Нападающий Олег Смирнов сказал: «Я в форме». «Он травмирован», — сообщил инсайдер. Позже "
        "опытный специалист заявил, что состав не изменится.",
        "состав не изменится",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", NAMED_AGAIN)
def test_a_description_names_again_the_person_quoted_before(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


CLIPPED_NAMES = [
    (  # a stump compound of the name given before: one organisation, under its full name
        "Госдепартамент США распространил заявление о санкциях. «Переговоры продолжатся», — сказал "
        "представитель Госдепа.",
        "Переговоры продолжатся",
        "Госдепартамент США",
        "organisation",
    ),
    (
        "Акционеры компании «Уральская сталь» собрались в Челябинске. «Уралсталь» заявила, что продаст "
        "завод.",
        "продаст завод",
        "Уральская сталь",
        "organisation",
    ),
    (  # a name that begins a longer one is no clipping of it
        "Компания «Газпромнефть» купила завод. «Газпром» заявил, что продаст акции.",
        "продаст акции",
        "Газпром",
        "organisation",
    ),
]


@pytest.mark.parametrize("case", CLIPPED_NAMES)
def test_a_clipped_name_speaks_under_the_full_one(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


OTHER_CLAUSES = [
    (  # a pronoun refers to someone named before it, not to a name in the clause it reports
        "Президент Иван Петров выступил по телевидению. Он объявил, что его полномочия переходят к "
        "вице-президенту Олегу Смирнову, и призвал своих сторонников поддержать его.",
        "поддержать его",
        "Иван Петров",
        "person",
    ),
    (  # a converb after a quote is the cue's speaker's, wherever the parse hung it inside the quote
        "«Он погиб мученической смертью, защищая республику», — заявил лидер партии Иван Петров, "
        "обвинив в убийстве мятежников.",
        "в убийстве",
        "Иван Петров",
        "person",
    ),
    (  # a conjoined subject of another clause, which the parse gave the singular verb
        "Владимир Путин и Дмитрий Медведев приехали в Москву, а министр Сергей Лавров заявил, что "
        "переговоры продолжатся.",
        "переговоры продолжатся",
        "Сергей Лавров",
        "person",
    ),
    (  # a name the parse hung on the role noun from an earlier clause
        "Иван Петров и его заместитель Олег Смирнов уехали в США, а министр спорта Виталий Кузнецов "
        "сообщил, что лаборатория будет закрыта.",
        "лаборатория будет закрыта",
        "Виталий Кузнецов",
        "person",
    ),
    (  # whom the press office told is no speaker
        "В пресс-службе музея журналистам ИА Регнум сообщили, что выставка откроется в мае.",
        "выставка откроется",
        "пресс-служба музея",
        "organisation",
    ),
    (  # a word inside the name of the subject's university is no subject of its own
        "Студент МГУ им. Ломоносова признал, что списал экзамен.",
        "списал экзамен",
        None,
        None,
    ),
    (  # a name natasha left untagged keeps its capital in a joint source
        "Путин и Медведев заявили, что переговоры продолжатся.",
        "переговоры продолжатся",
        "Путин и Медведев",
        "person",
    ),
]


@pytest.mark.parametrize("case", OTHER_CLAUSES)
def test_a_source_of_another_clause_or_the_addressee_does_not_speak(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


STATEMENT_OWNERS = [
    (  # a foreign name after the statement noun owns it
        "Прибыль компании выросла вдвое, отмечается в сообщении Berkshire Hathaway.",
        "Прибыль компании",
        "Berkshire Hathaway",
        "organisation",
    ),
    (  # the statement posted on the site of a named club
        "В заявлении на официальном сайте клуба «Спартак» говорится, что тренер покинул команду.",
        "тренер покинул",
        "Спартак",
        "organisation",
    ),
    (  # an unnamed club's site names nobody
        "В заявлении на официальном сайте клуба говорится, что тренер покинул команду.",
        "тренер покинул",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", STATEMENT_OWNERS)
def test_the_owner_of_a_statement_speaks(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


def test_what_someone_is_accused_of_is_no_source(extractor: Extractor) -> None:
    """ "обвиняют в организации «X»": the "в"-phrase is the accusation, not an institution that speaks."""
    quotes = extractor.extract("Его также обвиняют в организации «эскадронов смерти».").quotes
    assert all(quote.speaker is None for quote in quotes)
    quotes = extractor.extract("В полиции заявили, что задержан подозреваемый.").quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["полиция"]
    quotes = extractor.extract("В МИД России обвинили США в срыве переговоров.").quotes  # the ministry speaks
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["МИД России"]


def test_a_spokesman_is_not_the_person_the_text_is_about(extractor: Extractor) -> None:
    text = (
        "Солист группы «Вектор» Иван Кравцов станет отцом. Кравцову 60 лет. У Кравцова уже есть двое "
        "детей. Пресс-секретарь группы подтвердил, что ребёнок родится осенью."
    )
    assert speaker_of(extractor, text, "ребёнок родится")[0] != "Иван Кравцов"


def test_the_opposition_speaks_as_an_institution(extractor: Extractor) -> None:
    text = "Оппозиция утверждает, что правительство скрывает данные о бюджете."
    assert speaker_of(extractor, text, "правительство скрывает") == ("оппозиция", "organisation")


OWNERS_OF_A_RELATIVE_CLAUSE = [
    (  # "в пресс-службе которого": the press office of the person the clause hangs on
        "Соболезнования семье выразил губернатор области Олег Савельев, в пресс-службе которого "
        "сообщили, что он высоко ценит вклад погибшего.",
        "высоко ценит вклад",
        "Олег Савельев",
        "person",
    ),
    (  # the parse may hang the clause on a noun of the quote after the colon
        "Соболезнования семье и друзьям актёра уже выразил мэр Москвы Олег Савельев, в пресс-службе "
        "которого рассказали: «Мэр высоко ценит роли, которые сыграл Пётр Орлов в театрах столицы».",
        "высоко ценит роли",
        "Олег Савельев",
        "person",
    ),
    (
        "Заявление сделала компания «Вектор», в пресс-службе которой сообщили, что поставки будут "
        "продолжены.",
        "поставки будут продолжены",
        "Вектор",
        "organisation",
    ),
    (  # a representative of the person is someone unnamed
        "Заявление сделал министр Олег Савельев, представитель которого сообщил, что поставки будут "
        "продолжены.",
        "поставки будут продолжены",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", OWNERS_OF_A_RELATIVE_CLAUSE)
def test_a_press_office_in_a_relative_clause_speaks_for_its_owner(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


MEDIUM_BESIDE_A_PRONOUN = [
    (  # the medium's name, which the parse makes a second subject, is not who speaks
        "Депутат Олег Савельев выступил на форуме. В своём микроблоге Twitter он отметил, что закон примут "
        "весной.",
        "закон примут",
        "Олег Савельев",
        "person",
    ),
    (  # razdel ends a sentence at "E!": the pronoun still speaks
        "Известный актёр Олег Савельев вернулся в Москву. В интервью E! News он рассказал, что фильм "
        "выйдет осенью.",
        "фильм выйдет",
        "Олег Савельев",
        "person",
    ),
    (  # a pronoun of the wrong gender finds no one: null, never the outlet
        "Депутат Олег Савельев выступил на форуме. В интервью CNN она заявила, что закон примут весной.",
        "закон примут",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", MEDIUM_BESIDE_A_PRONOUN)
def test_a_pronoun_speaks_rather_than_the_medium_named_beside_it(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


NOBODY_ELSES = [
    (  # "его адвокат", "его сын": someone of the person's, never the person
        "Депутат Олег Савельев вернулся в Москву. Его адвокат заявил, что дело будет закрыто.",
        "дело будет закрыто",
        None,
        None,
    ),
    (
        "Британский актёр Олег Савельев умер в пятницу в возрасте 90 лет. Причиной смерти стал рак, как "
        "заявил его сын.",
        "Причиной смерти",
        None,
        None,
    ),
    (  # ... but the relative the text introduced by name before speaks under that name
        "Мать скончавшегося в мае певца Ивана Петрова Анна Петрова подала в суд. Позже мать Ивана Петрова "
        "сообщила, что примирилась с семьёй.",
        "примирилась с семьёй",
        "Анна Петрова",
        "person",
    ),
    (  # ... not someone named who was no relative of his
        "Анна Петрова подала в суд. Мать Ивана Петрова сообщила, что примирилась с семьёй.",
        "примирилась с семьёй",
        None,
        None,
    ),
    (  # a plural verb: a group, whatever the tagger made of the hyphenated noun
        "Писатель Олег Савельев приехал в Казань. Активисты-правозащитники отмечают, что условия в колонии "
        "ухудшились. Савельев провёл в колонии пять лет. Савельев вышел на свободу в мае.",
        "условия в колонии",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", NOBODY_ELSES)
def test_the_person_a_noun_belongs_to_does_not_speak_for_it(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


def test_a_possessive_stays_in_the_description(extractor: Extractor) -> None:
    text = "Депутат Олег Савельев вернулся в Москву. Его адвокат заявил, что дело будет закрыто."
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker is None
    assert quote.description == "его адвокат"


TYPE_AND_NAME = [
    (  # a type word and the name after it: the name speaks
        "Группа «Вектор» отменила турне. Об этом сообщила промоутерская компания Live Nation.",
        "отменила турне",
        "Live Nation",
        "organisation",
    ),
    (
        "Нефтяная компания Роснефть сообщила, что добыча выросла.",
        "добыча выросла",
        "Роснефть",
        "organisation",
    ),
    (  # an owner in the genitive is not the company's name
        "Дочерняя компания Роснефти сообщила, что добыча выросла.",
        "добыча выросла",
        "дочерняя компания Роснефти",
        "organisation",
    ),
]


@pytest.mark.parametrize("case", TYPE_AND_NAME)
def test_an_organisation_type_word_speaks_under_the_name_after_it(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


def test_a_cue_before_a_colon_is_looked_for_in_its_own_clause(extractor: Extractor) -> None:
    """ "X не отвечают, хотя она не требует ничего: «Q»": the statement is hers, not the answer the
    first clause denies."""
    text = (
        "Актриса Анна Белова выступила в Париже. Власти не отвечают на её просьбы, хотя она не требует "
        "ничего необычайного: «Я больше не поддерживаю эту страну»."
    )
    assert speaker_of(extractor, text, "не поддерживаю") == ("Анна Белова", "person")


ROLES_BEFORE_ONE_NAME = [
    (  # two roles joined before one name, a verb in the singular: one person
        "«Это лучший вечер в моей жизни», — сказала комедиантка и телеведущая Анна Белова.",
        "лучший вечер",
        "Анна Белова",
        "person",
    ),
    (  # a connective, then the cue and its source set off by commas
        "Кроме того, сообщили в полиции, задержаны ещё двое подозреваемых.",
        "задержаны ещё двое",
        "полиция",
        "organisation",
    ),
]


@pytest.mark.parametrize("case", ROLES_BEFORE_ONE_NAME)
def test_a_source_set_off_or_joined_is_found(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


def test_two_roles_under_a_plural_verb_are_not_one_named_person(extractor: Extractor) -> None:
    text = "Президент и премьер Олег Савельев заявили, что налоги не вырастут."
    assert speaker_of(extractor, text, "налоги не вырастут")[0] != "Олег Савельев"


def test_a_pronoun_is_not_the_person_its_report_names(extractor: Extractor) -> None:
    """Reported speech calls its own speaker "он": a pronoun whose nearest person is named in the
    report is someone else (here the organisation before), so no one rather than a guess."""
    text = (
        "Белый дом охарактеризовал Петра Орлова как «провидца». Он также заявил, что Орлов был настоящим "
        "гигантом истории."
    )
    assert speaker_of(extractor, text, "гигантом истории") == (None, None)
    text = "Министр Олег Савельев встретился с Петром Орловым. Он заявил, что Орлов — надёжный партнёр."
    assert speaker_of(extractor, text, "надёжный партнёр") == ("Олег Савельев", "person")


def test_an_office_of_a_thing_is_someone_new_unless_the_text_gave_it(extractor: Extractor) -> None:
    """ "Владелец кафе заявил" after a paragraph about someone else: a new, unnamed person; the person
    the text made "владелец кафе" is the one it names again."""
    text = "Иван Сорокин опубликовал пост. Владелец кафе заявил, что не знает его."
    assert speaker_of(extractor, text, "не знает его") == (None, None)
    text = (
        "Иван Сорокин, владелец кафе «Ромашка», опубликовал пост. Владелец кафе заявил, что не знает "
        "посетителя."
    )
    assert speaker_of(extractor, text, "не знает посетителя") == ("Иван Сорокин", "person")


DESCRIBED_AGAIN = [
    (  # a description goes back to the only person of its gender named just before, the parser's
        # reading of that sentence or not
        "Анна Котова перенесла операцию. Рядом с ней был муж Пётр Лавров. Актриса сообщила, что чувствует "
        "себя хорошо.",
        "чувствует себя хорошо",
        "Анна Котова",
        "person",
    ),
    (  # ... never to a photo caption's name, which has no verb
        "Юрий Пиотровский\nПрокурор просил суд приговорить Пиотровского к двум годам.",
        "приговорить Пиотровского",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", DESCRIBED_AGAIN)
def test_a_description_goes_back_to_the_subject_just_named(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


NOT_THE_RULE = [  # the rules of this family with what they must leave alone
    (  # a pair noun with a modifier may be anyone
        "Анна Белова и Ольга Котова открыли театр в селе. Местные женщины заявили, что театр им не нужен.",
        "театр им не нужен",
        None,
        None,
    ),
    (  # ... and names people, not an organisation that spoke
        "Представители компании «Вектор» встретились с супругами Петровыми. Супруги заявили, что довольны "
        "встречей.",
        "довольны встречей",
        None,
        None,
    ),
    (  # an outlet named inside the credited outlet's own report is not "the outlet"
        "Газета «Вести» сообщает, что министр подал в суд на журнал «Огонёк». По данным издания, иск "
        "рассмотрят в мае.",
        "иск рассмотрят",
        "Вести",
        "organisation",
    ),
    (  # an outlet of another country than its adjective says
        "Об отставке министра сообщила газета «Известия». По данным американского издания, министр уже "
        "покинул страну.",
        "министр уже покинул",
        None,
        None,
    ),
    (  # a former employee of a press office speaks for himself
        "Бывший сотрудник пресс-службы компании «Вектор» заявил, что его уволили незаконно.",
        "его уволили",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", NOT_THE_RULE)
def test_what_the_rules_leave_alone(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


def test_the_one_acted_on_before_a_colon_is_no_speaker(extractor: Extractor) -> None:
    (quote,) = extractor.extract(
        "Министр был освистан протестующими: «Уходи в отставку, ты нам не нужен»."
    ).quotes
    assert quote.description != "министр"


MORE_LAYOUTS = [
    (  # an animate object's name the tagger reads genitive is still in apposition to it
        "Телеканал процитировал министра финансов Ивана Петрова, который заявил, что бюджет будет исполнен.",
        "бюджет будет исполнен",
        "Иван Петров",
        "person",
    ),
    (  # a subject's name in apposition, though the tagger read the subject as a genitive
        "Художница Анна Петрова подчеркнула, съемка проводилась с согласия участников.",
        "съемка проводилась",
        "Анна Петрова",
        "person",
    ),
    (  # a participle's clause set off by a comma speaks for the noun before it, however it is parsed
        "Иван Петров стал одним из лидеров «Народного фронта», заявлявшего о необходимости наведения "
        "порядка в стране.",
        "о необходимости наведения порядка",
        "Народный фронт",
        "organisation",
    ),
    (  # the speaker's next cue after a comma, hung by the parse on the first, is his
        "Министр Иван Петров заявил, что закон является незаконным, призвал граждан к спокойствию.",
        "граждан к спокойствию",
        "Иван Петров",
        "person",
    ),
    (  # organisations joined under a plural verb speak as one source
        "Пожар в здании телецентра потушен, сообщают Пятый канал и РЕН ТВ.",
        "Пожар в здании",
        "Пятый канал и РЕН ТВ",
        "organisation",
    ),
    (  # ... and "их" after them, though they denied what was said before
        "На дороге произошла авария. ГИБДД и МЧС опровергли эту информацию. По их информации, пострадавших "
        "нет.",
        "пострадавших нет",
        "ГИБДД и МЧС",
        "organisation",
    ),
    (  # a named person's press agent speaks as that person
        "Актёр Мел Гибсон попал в больницу. Пресс-агент Гибсона подтвердил, что актёр чувствует себя хорошо.",
        "чувствует себя хорошо",
        "Мел Гибсон",
        "person",
    ),
    (  # the outlet told is no speaker, past an adjective's phrase on the source
        "Источник, близкий к расследованию, сообщил агентству AFP, что подозреваемый, возможно, попал "
        "под влияние экстремистов в тюрьме.",
        "попал под влияние",
        None,
        None,
    ),
    (  # ... nor when the tagger reads its indeclinable name as a second subject
        'Москва рассчитывает решить вопрос на следующем заседании. Это подтвердил "Ъ" один из участников '
        "встречи в Дохе.",
        "решить вопрос",
        None,
        None,
    ),
    (  # whose words an outlet "привели" speaks
        "Иранские СМИ привели слова президента Ирана Хасана Рухани о том, что Израиль является «раной на "
        "теле мусульманского мира».",
        "раной на теле",
        "Хасан Рухани",
        "person",
    ),
    ("Телеканал процитировал министра Ивана Петрова: «Мы готовы».", "Мы готовы", "Иван Петров", "person"),
    (  # a cue with no subject of its own in a clause on the text it is said in: the text's author
        "Депутат Иван Петров опубликовал статью, в которой заявил, что министр лжёт.",
        "министр лжёт",
        "Иван Петров",
        "person",
    ),
    (
        "Депутат Иван Петров опубликовал статью в газете, где жёстко ответил министру: «Это ложь».",
        "Это ложь",
        "Иван Петров",
        "person",
    ),
    (  # ... whatever noun the parse hangs the clause on
        "В феврале Иван Петров дал интервью немецкой газете Der Spiegel, в котором рассказал, что расстался "
        "с женой.",
        "расстался с женой",
        "Иван Петров",
        "person",
    ),
    (  # ... but a subject of its own speaks
        "Иван Петров прочитал письмо, в котором жена заявила, что уходит.",
        "уходит",
        None,
        None,
    ),
    (  # someone's servant is not that someone
        "Олег Смирнов был соседом Ивана Петрова. Прислуга Ивана Петрова дала интервью, в котором утверждала, "
        "что между ними возникали конфликты.",
        "возникали конфликты",
        None,
        None,
    ),
    (  # ... though the tagger reads the two as one name
        "Фолл являлся соседом Макафи. Прислуга Макафи дала интервью, в котором утверждала, что между ними "
        "ранее возникали серьёзные конфликты.",
        "возникали серьёзные конфликты",
        None,
        None,
    ),
    (  # "он" after a person named by a bare role noun in its own sentence: no guess at anyone before
        "Премьер-министр Олег Смирнов назвал решение актёра «жалким поступком». Подобные высказывания "
        "обидели актёра, и он направил премьеру открытое письмо, в котором возмутился: «Уважайте мой "
        "выбор!»",
        "Уважайте мой выбор",
        None,
        None,
    ),
    (  # ... but the subject of that sentence is the one meant
        "Режиссёр Иван Петров не может начать съёмки, не выбрав актёра на главную роль, так как, по его "
        "мнению, актёры должны сыграться.",
        "актёры должны сыграться",
        "Иван Петров",
        "person",
    ),
    (  # the source after a trailing cue past a date set off by commas
        "Пожар на складе в центре города потушен, сообщили в воскресенье, 8 июля 2018 года, представители "
        "полиции.",
        "Пожар на складе",
        "полиция",
        "organisation",
    ),
    (  # an office of a person's role speaks as the person the text gave that role
        "Премьер-министр Великобритании Тони Блэр провёл встречу. Ранее канцелярия премьер-министра "
        "Соединенного Королевства подтвердила, что ожидаются перестановки.",
        "ожидаются перестановки",
        "Тони Блэр",
        "person",
    ),
    (  # ... and with no owner it is the office
        "Премьер-министр Великобритании Тони Блэр провёл встречу. В канцелярии сообщили, что ожидаются "
        "перестановки.",
        "ожидаются перестановки",
        "канцелярия",
        "organisation",
    ),
    (  # "по моему мнению" in a quote is the speaker's own words, no cue: the quote goes to who
        # the sentence before is about
        'Учитель Иван Петров поддерживает реформу. "По моему мнению, следует отдавать предпочтение '
        'свободному ПО, даже если расходы выше".',
        "следует отдавать",
        "Иван Петров",
        "person",
    ),
    (  # a document is its issuer's: one he issued by his own act
        "9 сентября президент России Владимир Путин своим указом освободил Ивана Петрова от должности. В "
        "указе отмечается, что Петров уволен по собственному желанию.",
        "уволен по собственному",
        "Владимир Путин",
        "person",
    ),
    (  # ... one it published, the second of two joined verbs
        "ФСБ зарегистрировала и опубликовала приказ № 432. Данный приказ устанавливает процедуру получения "
        "ключей. Как указывается в документе, организатор обязан предоставить ключи.",
        "организатор обязан",
        "ФСБ",
        "organisation",
    ),
    (  # what is said on a website is its owner's
        "Президент Владимир Путин поздравил актёра с юбилеем. Об этом сообщается на сайте Кремля.",
        "поздравил актёра",
        "Кремль",
        "organisation",
    ),
    (  # ", после чего" goes on to the next act of the subject before it
        "После матча в раздевалку зашёл директор клуба Иван Петров, чтобы поздравить игроков с победой, "
        "после чего сообщил, что команду вновь будет готовить Олег Смирнов.",
        "команду вновь",
        "Иван Петров",
        "person",
    ),
    (  # a quote after the colon that ends a reported clause is the same source's
        "В компании, по словам министра Ивана Петрова, были недовольны: «это выглядело так, будто мы платим "
        "школам».",
        "это выглядело так",
        "Иван Петров",
        "person",
    ),
    (  # a bare surname two people share names the one the story is about, not the relative named last
        "Гражданин России Роман Петров признал себя виновным в мошенничестве. Следствие обвиняет "
        "33-летнего Петрова, сына депутата Валерия Петрова, в хищении данных. Петров заявил, что сожалеет "
        "о случившемся.",
        "сожалеет о случившемся",
        "Роман Петров",
        "person",
    ),
]


@pytest.mark.parametrize("case", MORE_LAYOUTS)
def test_the_source_in_more_layouts(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


NAME_ENDS_THE_DESCRIPTION = [
    (  # a name in the nominative ending the source's phrase is the source's, however the parse hung it
        "У здания суда полиция задержала лидера движения «Вперёд», националист Дмитрий Смирнов, который "
        "успел заявить, что на полицию «оказывают давление» местные элиты.",
        "оказывают давление",
        "Дмитрий Смирнов",
        "person",
    ),
    (  # ... not after a noun of someone else's
        "Представитель Лопес заявила, что певица не знала о ситуации.",
        "не знала о ситуации",
        None,
        None,
    ),
    ("Адвокаты Ивана Петрова заявили, что обжалуют приговор.", "обжалуют приговор", None, None),
]


@pytest.mark.parametrize("case", NAME_ENDS_THE_DESCRIPTION)
def test_a_name_ending_the_description_speaks(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


INSTITUTIONS = [
    (  # a coalition, a council, a commission speaks as an institution, under the name it was given
        "Правящая коалиция распалась. Коалиция заявила, что выборы пройдут досрочно.",
        "выборы пройдут досрочно",
        "коалиция",
        "organisation",
    ),
    (
        "Конституционный совет Туниса провёл заседание. Совет также заявил, что выборы пройдут в срок.",
        "выборы пройдут в срок",
        "Конституционный совет Туниса",
        "organisation",
    ),
]


@pytest.mark.parametrize("case", INSTITUTIONS)
def test_more_institutions_speak(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


ADMISSIONS = [
    (  # what someone admits is his claim
        "Иван Петров признал свое участие в драке, но отверг обвинения в хулиганстве.",
        "свое участие в драке",
        "Иван Петров",
        "person",
    ),
    (  # "который" of another gender than the person the parse hangs it on: no one
        "Ведущая Анна Петрова (Anna Petrova) потребовала компенсацию от отеля и Ивана Смирнова, который "
        "признал свою вину в преследовании журналистки в 2009 году.",
        "свою вину",
        None,
        None,
    ),
]


@pytest.mark.parametrize("case", ADMISSIONS)
def test_an_admission_is_its_speakers(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


REVIEWED_AGAIN = [  # a second round of probes of the "который" gender check
    (  # the role noun's gender, not the name's guess ("Андреа")
        "Тенор Андреа Бочелли, который заявил, что завершает карьеру, дал последний концерт.",
        "завершает карьеру",
        "Андреа Бочелли",
        "person",
    ),
    (
        "Певица Ким Кардашьян, которая заявила, что разводится, удалила страницу.",
        "разводится",
        "Ким Кардашьян",
        "person",
    ),
]


@pytest.mark.parametrize("case", REVIEWED_AGAIN)
def test_a_relative_clause_agrees_with_its_person(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


REVIEWED = [  # what a second reader's probes of this session's rules showed they must leave alone
    (  # ", после чего" goes on to the main clause's subject, not one of a relative clause
        "Министр встретился с губернатором, который прибыл в Москву накануне, после чего заявил, что "
        "проблема решена.",
        "проблема решена",
        None,  # "министр", unnamed
        None,
    ),
    (  # a feminine accusative is no genitive: the adviser, not Петров
        "Газета процитировала советницу Ивана Петрова, которая заявила, что переговоры сорваны.",
        "переговоры сорваны",
        None,
        None,
    ),
    (  # a role noun in the pronoun's sentence names again the person given that role
        "Министр финансов Иван Петров прибыл в Казань. Встреча с министром прошла в мэрии, и он заявил, что "
        "бюджет будет исполнен.",
        "бюджет будет исполнен",
        "Иван Петров",
        "person",
    ),
    (
        "Актриса Анна Петрова приехала на фестиваль. Главный приз вручили актрисе, и она сказала, что "
        "посвящает его матери.",
        "посвящает его матери",
        "Анна Петрова",
        "person",
    ),
    (  # an office of a role the text gives no one stays the office
        "Премьер-министр Израиля Биньямин Нетаньяху прибыл в Лондон. Канцелярия премьер-министра "
        "Великобритании сообщила, что визит отложен.",
        "визит отложен",
        "Канцелярия премьер-министра Великобритании",
        "organisation",
    ),
]


@pytest.mark.parametrize("case", REVIEWED)
def test_what_the_new_rules_leave_alone(extractor: Extractor, case: Case) -> None:
    check(extractor, case)


def test_a_source_in_the_media_is_described(extractor: Extractor) -> None:
    (quote,) = extractor.extract("По информации в СМИ, министр подал в отставку.").quotes
    assert quote.description == "СМИ"


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (  # a quotation mark the phrase opens and the text closes right after it
            'Отставка губернатора ожидается в мае. «Решение уже принято», — сообщил собеседник "Ъ".',
            'собеседник "Ъ"',
        ),
        (  # a bracket closed right after the phrase
            "В полиции уточнили детали. По словам агента из города Мобил (штат Алабама), подозреваемый "
            "задержан.",
            "агент из города Мобил (штат Алабама)",
        ),
    ],
)
def test_a_description_keeps_its_marks_in_pairs(extractor: Extractor, text: str, description: str) -> None:
    (quote,) = [q for q in extractor.extract(text).quotes if q.speaker is None]
    assert quote.description == description


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Пожар на складе в центре города потушен, сообщили официальные лица.", "официальные лица"),
        ("Новая пара говорит, что счастлива.", "новая пара"),
    ],
)
def test_officials_and_a_couple_are_described(extractor: Extractor, text: str, description: str) -> None:
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker is None and quote.description == description
