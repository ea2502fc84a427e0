"""Actor registry and linking, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from parleywatch.actors import RULES, Actor, ActorRegistry, ArticleLinks, Mention, link_article, merge_actors
from parleywatch.actors.fuzzy import close_surname, edit_distance
from parleywatch.actors.registry import RegistryError
from parleywatch.nlp import Analyzer
from parleywatch.records import Article


@pytest.fixture(scope="session")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


@pytest.fixture(scope="session")
def analyzer(registry: ActorRegistry) -> Analyzer:
    return Analyzer(gazetteers={"en": registry.gazetteer(), "uk": registry.gazetteer()})


@pytest.fixture()
def link(registry: ActorRegistry, analyzer: Analyzer):  # type: ignore[no-untyped-def]
    def run(text: str, language: str = "ru", day: str | None = "2025-12-23") -> ArticleLinks:
        article = Article("a1", "test", None, None, "title", day, language, text)
        return link_article(article, analyzer.analyze(article), registry)

    return run


def found(links: ArticleLinks) -> dict[str, str]:
    return {m.text: m.actor_id for m in links.mentions}


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Переговоры вёл Кириллом Дмитриевым назначенный посланник.", "Кириллом Дмитриевым", "per:kirill-dmitriev"),
        ("Встреча Марии Захаровой с журналистами прошла в Москве.", "Марии Захаровой", "per:maria-zakharova"),
        ("Песков ответил на вопросы журналистов.", "Песков", "per:dmitry-peskov"),
        ("Письмо передали Сергею Алексеевичу Рябкову вчера.", "Сергею Алексеевичу Рябкову", "per:sergey-ryabkov"),
        ("Делегации встретились в Эр-Рияде.", "Эр-Рияде", "loc:riyadh"),
        ("Позицию изложил Госдеп накануне.", "Госдеп", "org:us-state-department"),
        ("Представители РФПИ приехали.", "РФПИ", "org:rdif"),
    ],
)
def test_inflected_names(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text))[surface] == actor_id


@pytest.mark.parametrize(
    ("text", "day", "surface", "actor_id"),
    [
        ("Госсекретарь США прибыл в Женеву.", "2024-06-01", "Госсекретарь США", "per:antony-blinken"),
        ("Госсекретарь США прибыл в Женеву.", "2025-06-01", "Госсекретарь США", "per:marco-rubio"),
        ("Глава МИД выступил в Анкаре.", "2025-06-01", "Глава МИД", "per:sergey-lavrov"),
        ("Спецпосланник президента США приедет.", "2025-06-01", "Спецпосланник президента США", "per:steve-witkoff"),
        ("Глава РФПИ приедет.", "2025-06-01", "Глава РФПИ", "per:kirill-dmitriev"),
        ("Посол России в США вручил ноту.", "2024-06-01", "Посол России в США", "per:anatoly-antonov"),
        ("Посол России в США вручил ноту.", "2025-06-01", "Посол России в США", "per:alexander-darchiev"),
        ("Замглавы МИД РФ Сергей Рябков дал интервью.", "2025-06-01", "Замглавы МИД РФ", "per:sergey-ryabkov"),
    ],
)
def test_roles_resolved_by_date(link, text: str, day: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    mentions = {m.text: m for m in link(text, day=day).mentions}
    assert mentions[surface].actor_id == actor_id
    assert mentions[surface].type == "DESC"


def test_ambiguous_role_without_name_is_not_linked(link) -> None:  # type: ignore[no-untyped-def]
    assert "Замглавы МИД РФ" not in found(link("Замглавы МИД РФ дал интервью."))


def test_role_qualified_by_another_country_is_not_linked(link) -> None:  # type: ignore[no-untyped-def]
    assert found(link("Министр иностранных дел Египта приехал.")).get("Министр иностранных дел") is None


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Москва заявила о готовности к диалогу.", "Москва", "gov:ru"),
        ("Москва и Вашингтон провели консультации.", "Вашингтон", "gov:us"),
        ("Переговоры прошли в Москве.", "Москве", "loc:moscow"),
        ("Делегация прилетела в Вашингтон.", "Вашингтон", "loc:washington"),
        ("В Кремле заявили, что ждут ответа.", "Кремле", "gov:ru"),
        ("Позиция Киева не изменилась.", "Киева", "gov:ua"),
        ("Белый дом отказался от комментариев.", "Белый дом", "gov:us"),
        ("Moscow said the proposal was unacceptable.", "Moscow", "gov:ru"),
        ("The delegation arrived in Moscow on Monday.", "Moscow", "loc:moscow"),
    ],
)
def test_metonyms_versus_places(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    language = "en" if text.isascii() else "ru"
    assert found(link(text, language))[surface] == actor_id


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Об этом сказал Дональд Трап на брифинге.", "Дональд Трап", "per:donald-trump"),
        ("Заявление сделал Сергей Лавроф утром.", "Сергей Лавроф", "per:sergey-lavrov"),
    ],
)
def test_misspellings_that_link(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    mention = next(m for m in link(text).mentions if m.text == surface)
    assert (mention.actor_id, mention.rule) == (actor_id, "misspelled_person")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Иван Песков, однофамилец чиновника, открыл кафе.", "Иван Песков"),
        ("Елена Лаврова выиграла турнир.", "Елена Лаврова"),
        ("Об этом рассказал Дмитрий Пешков из Тулы.", "Дмитрий Пешков"),
        ("Иван Трапов приехал.", "Иван Трапов"),
    ],
)
def test_names_that_must_not_link(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text))[surface].startswith("prov:per:")


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Делегации встретились в Вашинтоне.", "Вашинтоне", "loc:washington"),  # one letter dropped
        ("Лавров оценил контакты Москвы и Вашинтона.", "Вашинтона", "loc:washington"),  # tagged a person
    ],
)
def test_misspelled_places_that_link(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    mention = next(m for m in link(text).mentions if m.text == surface)
    assert (mention.actor_id, mention.rule) == (actor_id, "misspelled_place")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Делегация прибыла в Гродно.", "Гродно"),  # short names are never guessed at
        ("Встреча прошла в Хьюстоне.", "Хьюстоне"),  # no registry place that close
    ],
)
def test_places_that_must_not_be_taken_for_misspellings(link, text: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    mention = next(m for m in link(text).mentions if m.text == surface)
    assert mention.rule != "misspelled_place"


def test_provisional_actor_and_surname_memory(link) -> None:  # type: ignore[no-untyped-def]
    links = link("Конгрессвумен Анна Паулина Луна выступила с речью. Позже Луна добавила детали.")
    ids = found(links)
    assert ids["Анна Паулина Луна"] == ids["Луна"] == "prov:per:анна паулина луна"
    actor = links.actors["prov:per:анна паулина луна"]
    assert actor.provisional and actor.type == "person"


def test_in_article_full_name_beats_registry_surname(link) -> None:  # type: ignore[no-untyped-def]
    ids = found(link("Фермер Игорь Лавров продал урожай. Лавров доволен."))
    assert ids["Лавров"] == ids["Игорь Лавров"] != "per:sergey-lavrov"


@pytest.mark.parametrize(
    ("text", "language", "surface", "actor_id", "label"),
    [
        ("Российский диктатор угрожает.", "ru", "Российский диктатор", "per:vladimir-putin", "российский диктатор"),
        ("Президент РФ провёл совещание.", "ru", "Президент РФ", "per:vladimir-putin", "президент РФ"),
        ("Кремлёвский режим продолжает войну.", "ru", "Кремлёвский режим", "gov:ru", "кремлёвский режим"),
        ("Російський диктатор погрожує.", "uk", "Російський диктатор", "per:vladimir-putin", "российский диктатор"),
        ("Глава Кремля провёл совещание.", "ru", "Глава Кремля", "per:vladimir-putin", "глава Кремля"),
    ],
)
def test_evaluative_labels(link, text: str, language: str, surface: str, actor_id: str, label: str) -> None:  # type: ignore[no-untyped-def]
    mention = next(m for m in link(text, language).mentions if m.text == surface)
    assert (mention.actor_id, mention.label) == (actor_id, label)


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Зустріч зі Стівом Віткоффом відбулася у Києві.", "Стівом Віткоффом", "per:steve-witkoff"),
        ("Речник Кремля Дмитро Пєсков прокоментував заяву.", "Дмитро Пєсков", "per:dmitry-peskov"),
        ("Андрій Сибіга прибув до Варшави.", "Андрій Сибіга", "per:andrii-sybiha"),
    ],
)
def test_ukrainian_forms(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text, "uk"))[surface] == actor_id


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Secretary of State Marco Rubio flew to Istanbul.", "Marco Rubio", "per:marco-rubio"),
        ("Talks with Kirill Dmitriev were held in Miami.", "Miami", "loc:miami"),
        ("The State Department declined to comment.", "State Department", "org:us-state-department"),
        ("Senator Jane Example met reporters.", "Jane Example", "prov:per:jane example"),
    ],
)
def test_english_forms(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text, "en"))[surface] == actor_id


def test_mention_offsets_and_sentences(link) -> None:  # type: ignore[no-untyped-def]
    text = "Вступление. Лавров встретился с Рубио в Эр-Рияде."
    for mention in link(text).mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.sentence_start == 12 and mention.sentence_end == len(text)


def test_records_round_trip(link) -> None:  # type: ignore[no-untyped-def]
    links = link("Лавров встретился с Рубио.")
    for record in links.records():
        kind = Mention if record["kind"] == "mention" else Actor
        assert kind.from_dict(record).to_dict() == record
    assert {r["kind"] for r in links.records()} == {"actor", "mention"}


def test_merge_provisional_actors() -> None:
    first = Actor("prov:per:x y", "X Y", "person", None, ["X Y"], True)
    second = Actor("prov:per:x y", "X Y", "person", None, ["Xа Yа"], True)
    assert merge_actors(first, second).names == ["X Y", "Xа Yа"]


@pytest.mark.parametrize(
    ("word", "surnames", "alone", "close"),
    [("трап", {"трамп"}, False, True), ("трап", {"трамп"}, True, False), ("пешков", {"песков"}, True, False),
     ("лавроф", {"лавров"}, False, True), ("мамп", {"трамп"}, False, False)],
)
def test_close_surname_guards(word: str, surnames: set[str], alone: bool, close: bool) -> None:
    assert close_surname(word, surnames, alone) is close


def test_edit_distance() -> None:
    assert (edit_distance("рубио", "рубио"), edit_distance("уиткофф", "виткофф")) == (0, 1)


def test_rules_end_with_provisional() -> None:
    assert RULES[-1].__name__ == "provisional"


@pytest.mark.parametrize(
    "entry", ["{id: x, name: X, type: alien}", "{id: cty:no, name: Norway, type: country, country: NO}"]
)
def test_bad_data_file_is_reported(tmp_path: Path, entry: str) -> None:
    (tmp_path / "persons.yaml").write_text(f"- {entry}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"persons\.yaml"):
        ActorRegistry.load(tmp_path)


@pytest.mark.parametrize(
    ("text", "surface", "full"),
    [
        ("Министр Зоя Кручинина выступила. Позже Зоя добавила детали.", "Зоя", "Зоя Кручинина"),
        ("Министр Зоя Кручинина выступила. Позже З. Кручинина добавила детали.", "З. Кручинина", "Зоя Кручинина"),
    ],
)
def test_first_name_or_initial_of_a_person_named_before(link, text: str, surface: str, full: str) -> None:  # type: ignore[no-untyped-def]
    ids = found(link(text))
    assert ids[surface] == ids[full]


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Встреча с Зоей Кручининой прошла спокойно.", "prov:per:зоя кручинина"),
        ("Зоя Кручинина приехала.", "prov:per:зоя кручинина"),
        ("Речь Аркадия Буйнова длилась час.", "prov:per:аркадий буйнов"),
    ],
)
def test_provisional_ids_are_lemmas_so_every_inflection_is_one_actor(link, text: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    assert actor_id in {m.actor_id for m in link(text).mentions}


@pytest.mark.parametrize(
    ("text", "names"),
    [("Голосовали: Монако • Чили • Перу.", ["Монако", "Чили", "Перу"]),
     ("Отставка Зои Кручининой\n\nВторник начался спокойно.", ["Зои Кручининой"])],
)
def test_names_do_not_run_over_list_marks_or_line_breaks(text: str, names: list[str]) -> None:
    from parleywatch.actors.linking import name_pieces
    from parleywatch.nlp import Entity

    entity = Entity(text.index(names[0]), len(text.rstrip(".")), text[text.index(names[0]) : len(text.rstrip("."))],
                    "LOC", "")
    assert [p.text for p in name_pieces(entity)] == names


def test_place_acting_as_its_government_is_marked(link) -> None:  # type: ignore[no-untyped-def]
    mention = next(m for m in link("Москва заявила о готовности.").mentions if m.text == "Москва")
    assert (mention.actor_id, mention.rule) == ("gov:ru", "metonymy")


# --- countries, capitals, embassies, organisations, undated roles --------------------------------


@pytest.mark.parametrize(
    ("text", "language", "surface", "actor_id"),
    [
        ("Делегация вылетела в Германию утром.", "ru", "Германию", "cty:de"),
        ("Переговоры с Францией продолжатся.", "ru", "Францией", "cty:fr"),
        ("Министры Нидерландов и Бельгии встретились.", "ru", "Нидерландов", "cty:nl"),
        ("Визит в Кот-д'Ивуар отложили.", "ru", "Кот-д'Ивуар", "cty:ci"),
        ("Позиция ЮАР осталась прежней.", "ru", "ЮАР", "cty:za"),
        ("КНДР провела испытание.", "ru", "КНДР", "cty:kp"),
        ("Посол прибыл в Великобританию.", "ru", "Великобританию", "cty:gb"),
        ("Делегація прибула до Німеччини.", "uk", "Німеччини", "cty:de"),
        ("The minister flew to the Netherlands.", "en", "Netherlands", "cty:nl"),
        ("Встреча прошла в Улан-Баторе.", "ru", "Улан-Баторе", "loc:ulaanbaatar"),
    ],
)
def test_every_country_and_capital_in_any_inflection(link, text: str, language: str, surface: str,  # type: ignore[no-untyped-def]
                                                     actor_id: str) -> None:
    assert found(link(text, language))[surface] == actor_id


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [("В Париже прошла выставка.", "Париже", "loc:paris"), ("Париж заявил о поддержке.", "Париж", "loc:paris"),
     ("Москва заявила о поддержке.", "Москва", "gov:ru")],
)
def test_only_the_capitals_news_uses_for_governments_act(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text))[surface] == actor_id


@pytest.mark.parametrize(
    ("text", "absent"),
    [("Того же мнения придерживается министр.", "cty:tg"), ("Мало кто ожидал такого ответа.", "loc:male"),
     ("Экипаж шаттла «Колумбия» вернулся.", "cty:co"), ("Доклад (Zimbabwe Election Support Network) вышел.", "cty:zw")],
)
def test_words_spelt_like_a_place_are_not_the_place(link, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert absent not in found(link(text)).values()


def test_a_first_name_of_a_person_named_before_is_not_the_capital(link) -> None:  # type: ignore[no-untyped-def]
    ids = found(link("София Ротару выступила. Потом София улыбнулась."))
    assert ids["София"] == ids["София Ротару"] != "loc:sofia"


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("В посольстве США в Москве ответили на вопросы.", "посольстве США", "org:us-embassy-moscow"),
        ("Посольство США в России выступило с заявлением.", "Посольство США", "org:us-embassy-moscow"),
        ("Американское посольство выступило с заявлением.", "Американское посольство", "org:us-embassy"),
        ("Дипмиссия США сократила штат.", "Дипмиссия США", "org:us-embassy"),
        ("Посольство США в Киеве закрылось. Позже посольство США открылось.", "посольство США", "org:us-embassy-kyiv"),
        ("В Москве прошёл митинг. В американском представительстве промолчали.", "американском представительстве",
         "org:us-embassy-moscow"),
        ("Посольство России в США направило ноту.", "Посольство России", "org:ru-embassy-washington"),
        ("Посольство Франции в Москве закрыто.", "Посольство Франции", "org:fr-embassy"),
        ("The US Embassy in Kyiv issued a warning.", "US Embassy", "org:us-embassy-kyiv"),
    ],
)
def test_embassies_by_city_then_article_then_generic(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    mention = next(m for m in link(text, "en" if text.isascii() else "ru").mentions if m.text == surface)
    assert (mention.actor_id, mention.type) == (actor_id, "ORG")


def test_an_embassy_phrase_replaces_its_country_and_keeps_its_city(link) -> None:  # type: ignore[no-untyped-def]
    ids = found(link("В посольстве США в Москве ответили на вопросы."))
    assert ids == {"посольстве США": "org:us-embassy-moscow", "Москве": "loc:moscow"}


@pytest.mark.parametrize(
    "text", ["Представительство России при ООН распространило заявление.", "Торговое представительство США открылось."]
)
def test_other_missions_are_not_embassies(link, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any("embassy" in actor_id for actor_id in found(link(text)).values())


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("ЦБ повысил ставку.", "ЦБ", "org:bank-of-russia"),
        ("Центробанк сохранил ставку.", "Центробанк", "org:bank-of-russia"),
        ("Банк России сохранил ставку.", "Банк России", "org:bank-of-russia"),
        ("ЦБ Турции снизил ставку.", "ЦБ", "prov:org:цб турция"),
        ("Глава МИД Польши приехал.", "МИД", "prov:org:мид польша"),
        ("Смена курса МИД России удивила.", "МИД России", "org:ru-mfa"),
    ],
)
def test_one_organisation_by_every_alias_and_namesakes_apart(link, text: str, surface: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    assert found(link(text))[surface] == actor_id


@pytest.mark.parametrize(
    ("text", "language", "surface", "actor_id"),
    [
        ("Законопроект внесли в Государственную думу.", "ru", "Государственную думу", "org:ru-state-duma"),
        ("Решение Совфеда ожидается в среду.", "ru", "Совфеда", "org:ru-federation-council"),
        ("Делегация встретилась с сенаторами из Сената США.", "ru", "Сената США", "org:us-senate"),
        ("Представители Палаты представителей прилетели в Киев.", "ru", "Палаты представителей", "org:us-house"),
        ("Депутаты Верховной рады Украины проголосовали.", "ru", "Верховной рады Украины", "org:ua-verkhovna-rada"),
        ("Задержание провели сотрудники ФСБ России.", "ru", "ФСБ России", "org:ru-fsb"),
        ("Инспекторы МАГАТЭ посетили Запорожскую АЭС.", "ru", "Запорожскую АЭС", "org:zaporizhzhia-npp"),
        ("Санкции против «Лукойла» ввёл Минфин США.", "ru", "Лукойла", "org:lukoil"),
        ("Об этом говорится в решении Международного уголовного суда.", "ru", "Международного уголовного суда",
         "org:icc"),
        ("Законопроект підтримали у Верховній Раді.", "uk", "Верховній Раді", "org:ua-verkhovna-rada"),
        ("Речник Держдепу поспілкувався з Радою Європи.", "uk", "Радою Європи", "org:council-of-europe"),
        ("Місія прибула на Запорізьку АЕС.", "uk", "Запорізьку АЕС", "org:zaporizhzhia-npp"),
        ("The Senate passed the bill on Tuesday.", "en", "Senate", "org:us-senate"),
        ("Gazprom cut supplies, the Financial Times reported.", "en", "Financial Times", "org:ft"),
        ("Inspectors from the International Atomic Energy Agency arrived.", "en", "International Atomic Energy Agency",
         "org:iaea"),
    ],
)
def test_legislatures_services_bodies_companies_and_media(link, text: str, language: str, surface: str,  # type: ignore[no-untyped-def]
                                                          actor_id: str) -> None:
    assert found(link(text, language))[surface] == actor_id


@pytest.mark.parametrize(
    ("text", "language", "surface", "not_id"),
    [
        ("Дума Ставропольского края приняла бюджет.", "ru", "Дума", "org:ru-state-duma"),  # a regional duma
        ("Сенат Польши одобрил закон.", "ru", "Сенат", "org:us-senate"),  # another country's senate
        ("Служба внешней разведки Украины опровергла сообщение.", "ru", "Служба внешней разведки", "org:ru-svr"),
        ("Коммерсант Иванов открыл магазин.", "ru", "Коммерсант", "org:kommersant"),  # a businessman
        ("The Sputnik V vaccine was registered in August.", "en", "Sputnik V", "org:sputnik"),  # a vaccine
    ],
)
def test_organisation_namesakes_and_common_words_are_not_linked(link, text: str, language: str, surface: str,  # type: ignore[no-untyped-def]
                                                                 not_id: str) -> None:
    ids = found(link(text, language))
    assert not_id not in ids.values()
    assert ids[surface].startswith("prov:")


@pytest.mark.parametrize(
    ("text", "day", "actor_id"),
    [
        ("Президент России провёл совещание.", "2010-06-01", "per:dmitry-medvedev"),
        ("Президент России провёл совещание.", "2025-06-01", "per:vladimir-putin"),
        ("Президент России провёл совещание.", None, None),
        ("Дмитрий Медведев приехал. Президент России провёл совещание.", None, "per:dmitry-medvedev"),
        ("Николя Саркози приехал. Президент Франции провёл совещание.", None, "per:nicolas-sarkozy"),
    ],
)
def test_role_titles_by_date_and_undated_only_to_a_holder_named(link, text: str, day: str | None,  # type: ignore[no-untyped-def]
                                                               actor_id: str | None) -> None:
    described = [m.actor_id for m in link(text, day=day).mentions if m.type == "DESC"]
    assert described == ([actor_id] if actor_id else [])


def test_undated_holders_are_everyone_who_held_the_role(registry: ActorRegistry) -> None:
    holders = set(registry.holders("ru-president", None))
    assert {"per:vladimir-putin", "per:dmitry-medvedev", "per:boris-yeltsin"} <= holders


@pytest.mark.parametrize(
    ("text", "name"),
    [("Связанное с Исламским государством агентство Amaq выпустило видео.", "Исламским государством"),
     ("Велосипедисты катаются на склонах Воробьёвых гор.", "Воробьёвых гор")],
)
def test_a_name_ends_where_the_tagger_glued_a_noun_of_another_phrase(link, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in found(link(text)) and not any("агентство" in surface for surface in found(link(text)))


@pytest.mark.parametrize(
    ("word", "language", "ids"),
    [("российско-американских", "ru", ["cty:ru", "cty:us"]), ("южнокорейский", "ru", ["cty:kr"]),
     ("британське", "uk", ["cty:gb"]), ("Swiss", "en", ["cty:ch"]), ("корейский", "ru", [])],
)
def test_nationality_adjectives(registry: ActorRegistry, word: str, language: str, ids: list[str]) -> None:
    assert registry.adjective_countries(word, language) == ids


def test_the_registry_knows_every_sovereign_state(registry: ActorRegistry) -> None:
    countries = [k.actor for k in registry.known.values() if k.actor.type == "country"]
    assert len(countries) >= 197
    assert all(any(n.isascii() for n in c.names) and not all(n.isascii() for n in c.names) for c in countries)
    assert all(registry.generic_mission(str(c.country)) for c in countries)


def test_no_adjective_stem_names_two_countries(registry: ActorRegistry) -> None:
    for table in registry.demonyms.values():
        owners: dict[str, set[str]] = {}
        for stem, country_id in table:
            owners.setdefault(stem, set()).add(country_id)
        assert [stem for stem, ids in owners.items() if len(ids) > 1] == []
