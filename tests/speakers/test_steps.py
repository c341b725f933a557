"""The two steps of speaker resolution apart: the mention a quote's source is named by, and the entity
of the document that mention stands for. Invented sentences, real models."""

from __future__ import annotations

from quotex.entities.organisations import find_organisations
from quotex.entities.people import find_people
from quotex.nlp import Models, annotate_many
from quotex.quotes import find_findings
from quotex.quotes.context import Context
from quotex.speakers.entities import DocumentEntities
from quotex.speakers.mentions import Mentions
from quotex.speakers.phrases import Phrases


def parts(models: Models, text: str) -> tuple[Context, DocumentEntities, Mentions, list]:
    (doc,) = annotate_many([text], models)
    ctx = Context(doc, models.vocab)
    phrases = Phrases(ctx)
    entities = DocumentEntities(
        ctx, find_people(doc, models.vocab), find_organisations(doc, models.vocab), phrases
    )
    findings = find_findings(ctx)
    return ctx, entities, Mentions(ctx, entities, phrases, [(f.start, f.end) for f in findings]), findings


def test_the_mention_of_a_quoted_person_is_the_object_of_citing(models: Models) -> None:
    _, _, mentions, (finding,) = parts(models, "«Мы заслужили победу», — цитирует Белова пресс-служба клуба.")
    assert mentions.source_of(finding).text == "Белова"


def test_the_mention_of_a_cited_source(models: Models) -> None:
    _, _, mentions, (finding,) = parts(
        models, "Согласно сообщению агентства «Вестник» со ссылкой на полицию, задержаны трое."
    )
    assert mentions.source_of(finding).text == "полицию"


def test_a_name_later_in_the_subject_is_the_mention(models: Models) -> None:
    _, _, mentions, (finding,) = parts(
        models, "Одна из организаторов фестиваля и его ведущая Анна Смирнова сообщила, что билеты проданы."
    )
    token = mentions.source_of(finding)
    assert mentions.name_in_subject(token, finding.cue_token).text == "Анна Смирнова"


def test_a_genitive_name_after_a_relative_is_not_the_mention(models: Models) -> None:
    _, _, mentions, (finding,) = parts(models, "По словам матери Анны Беловой, концерт готовили год.")
    token = mentions.source_of(finding)
    assert token.text == "матери"
    assert mentions.apposed_person(token) is None


def test_descriptors_are_the_nouns_before_a_name(models: Models) -> None:
    _, entities, _, _ = parts(models, "Американская художница Дани Кларк открыла выставку.")
    (person,) = entities.people
    assert "художница" in entities.descriptors(person)


def test_a_class_noun_stands_for_the_organisation_of_its_kind(models: Models) -> None:
    text = "Министерство обороны России провело учения. В ведомстве сообщили, что всё прошло по плану."
    _, entities, _, _ = parts(models, text)
    found = entities.organisation_of_kind("ведомство", text.index("В ведомстве"))
    assert found is not None and found.name == "Министерство обороны России"
    assert entities.organisation_of_kind("регулятор", text.index("В ведомстве")) is None


def test_a_source_phrase_leaves_out_its_relative_clause(models: Models) -> None:
    text = "Представитель министерства, которое возглавляет Иванов, заявил, что реформа продолжится."
    ctx, _, mentions, (finding,) = parts(models, text)
    token = mentions.source_of(finding)
    assert [t.text for t in Phrases(ctx).phrase(token)] == ["Представитель", "министерства"]


def test_namesakes_by_surname_are_told_apart_by_the_verbs_gender(models: Models) -> None:
    ctx, entities, _, _ = parts(
        models, "Министр Анна Рено и её брат Роберт Рено приехали в Бостон. Рено выступила."
    )
    last = [token for token in ctx.doc.tokens if token.text == "Рено"][-1]
    assert entities.by_surname(last) is None  # two people with that surname
    assert entities.by_surname(last, "Fem").name == "Анна Рено"


def test_a_quote_split_by_its_cue_has_one_source(extractor) -> None:
    text = (
        "Белова отменила тур и позднее назвала это решение ошибкой. «Это был трудный год, — сказала она "
        "об отмене, выступая в Москве в 2015 году. — Но я ни о чём не жалею»."
    )
    first, second = [quote for quote in extractor.extract(text).quotes if quote.kind == "direct"]
    assert first.mention is not None and first.mention.text == "она"
    assert (second.speaker, second.description, second.mention) == (
        first.speaker,
        first.description,
        first.mention,
    )
