"""Reference enumerations (resources/enums/*.toml) and the loader/resolvers in forms.reference."""
from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import forms.reference as ref
from forms.paths import resources_dir
from forms.reference import get_enum, resolve, resolve_department, resolve_region

_CONTRACT = """
age_bands consent content_tags countries data_sources departments dev_event_types
dev_organizers directions engagement_levels event_formats fg_categories funding_sources genders
hotline_channels hotline_purposes hotline_results invited_by is_volunteering legal_forms
meeting_statuses occasions occupations official_positions organizer_types regions
rfo_operator_types support_provided support_types yes_no
"""
CONTRACT_ENUMS = set(_CONTRACT.split())

EXACT_CODES = {
    "regions": ["AST", "ALA", "SHY", "ABA", "AKM", "AKT", "ALM", "ATY", "VKO", "ZHA", "ZHT",
                "ZKO", "KAR", "KOS", "KZY", "MAN", "PAV", "SKO", "TUR", "ULY"],
    "directions": ["MED", "EDU", "ART", "HUM", "DON", "ZOO", "MEDIA", "SEARCH", "EVENT",
                   "CRISIS", "HOSPICE", "SPECIAL", "CHILD", "PRISON", "ELDER", "PUBLIC",
                   "ADDICT", "SPORT", "EMERG", "ECO", "ETHNO", "ANTICOR"],
    "age_bands": ["U14", "A14_17", "A18_28", "A29_35", "A36_50", "A51_60", "O60"],
    "genders": ["F", "M"], "yes_no": ["YES", "NO"],
    "occupations": ["SCHOOL", "STUDENT", "EMPLOYED", "UNEMPLOYED", "PENSIONER", "OTHER"],
    "event_formats": ["OFFLINE", "ONLINE", "AUTO"],
    "support_provided": ["YES", "NO", "NOT_NEEDED"],
    "dev_event_types": ["TRAINING", "TEAMBUILDING", "NGO_CAPACITY", "AWARD"],
    "dev_organizers": ["RFO_MRC", "VOL_ORG", "REPUBLICAN"],
    "occasions": ["REGULAR", "VOLUNTEER_DAY"],
    "hotline_results": ["PROCESSED", "RESOLVED", "IN_PROGRESS"],
    "hotline_channels": ["WHATSAPP", "PHONE", "TELEGRAM", "INSTAGRAM", "EMAIL", "WEBSITE",
                         "OTHER"],
    "hotline_purposes": ["JOIN", "COOPERATION", "HELP_REQUEST", "CV_CHECK", "AWARD",
                         "OTHER_NONVOL"],
    "countries": ["KZ", "RU", "AE", "ME", "FR", "BY", "TR", "UA", "UZ", "BE"],
    "fg_categories": ["SYSTEMIC", "SYSTEMIC.CHARITY", "STUDENT", "STUDENT.MASS_BIRGEMIZ",
                      "STUDENT.NOT_VOLUNTEERING", "STATE"],
    "meeting_statuses": ["HELD", "HELD_REPLACED", "NOT_HELD", "NOT_HELD_BY_AKIMAT"],
    "rfo_operator_types": ["MRC", "KGU_CIVIC", "NGO_STATE_ORDER", "MIXED"],
    "is_volunteering": ["YES", "NO", "DOUBTFUL"],
    "consent": ["YES", "NO", "NOT_ASKED"],
    "funding_sources": ["OWN", "NONE", "SPONSOR", "CROWD", "STATE_GRANT", "SMALL_GRANT",
                        "OTHER"],
}

# Words spelt the same in Kazakh and Russian (proper names, loanwords): kk == ru is correct.
SAME_IN_KK = {("countries", c) for c in ("ME", "FR", "BY", "UA", "BE")} | {
    ("event_formats", "ONLINE"), ("hotline_channels", "TELEGRAM"),
    ("hotline_channels", "WEBSITE"), ("org_size_bands", "B30000")}

# Every variant listed in DOMAIN.md §2.1, verbatim, plus the canonical names.
REGION_VARIANTS = {
    "AST": ["Астана", "Астане", "г. Астана (город республиканского значения)"],
    "ALA": ["Алматы", "г. Алматы"],
    "SHY": ["Шымкент", "Шымкенте", "г. Шымкент"],
    "ABA": ["область Абай", "Область Абай", "Абайская", "Абайская область"],
    "AKM": ["Акмолинская", "Акмолинская область"],
    "AKT": ["Актюбинская", "Актобе", "Актюбинская область"],
    "ALM": ["Алматинская", "Алматинская область", "Конаев", "Қонаев"],
    "ATY": ["Атырауская", "Атырау", "Атырауская область"],
    "VKO": ["ВКО", "Восточно-Казахстанская область"],
    "ZHA": ["Жамбылская", "Жамбылская область"],
    "ZHT": ["Жетысуская", "Жетысуйская", "Жетысускую", "Область Жетысу", "область Жетысу"],
    "ZKO": ["ЗКО", "Западно-Казахстанская область"],
    "KAR": ["Карагандинская", "в Караганде", "Карагандинская область"],
    "KOS": ["Костанайская", "Костанайская область"],
    "KZY": ["Кызылординская", "Кызылординская область"],
    "MAN": ["Мангистауская", "Мангистауский области", "Мангистауская область"],
    "PAV": ["Павлодарская", "Павлодарская область"],
    "SKO": ["СКО", "Северо-Казахстанская область"],
    "TUR": ["Туркестанская", "Туркестанская область"],
    "ULY": ["Улытауская область", "Область Улытау", "Ұлытау", "область Улытау"],
}

# Every variant listed in DOMAIN.md §2.12.a, verbatim (typos included).
DEPARTMENT_VARIANTS = {
    "DVD": ["Департамент внутренних дел (ДВД)", "Департамент полиции", "ДП СКО", "УПН ДП СКО"],
    "DCHS": ["Департамент по чрезвычайным ситуациям (ДЧС)",
             "Департамент по черезвычайным ситуациям", "ДЧС Акимата города Аксу",
             "УЛЧС ДЧС СКО", "ОСО ДЧС СКО", "Управление гражданской обороны"],
    "HEALTH": ["Управление здравоохранения (УЗ)", "Управление здравохранения",
               "Управление здравохронения", "УЗ"],
    "EDUC": ["Управление образования"],
    "CULTURE": ["Управление культуры", "управление культуры и спорта",
                "управление культуры и развития языков"],
    "SPORT": ["Управление (физической культуры и) спорта", "Управление спорта",
              "Управление физической культуры и спорта",
              "департамент физической культуры и спорта"],
    "SOCDEV": ["Управление общественного развития",
               "Управление информации и общественного развития",
               "Управление развития общества", "Центр общественного развития г. Актау",
               "Общественное развитие"],
    "INTPOL": ["Управление внутренней политики", "Отдел внутренней политики", "ОВП",
               "Отдел внутренней политики регионов"],
    "YOUTH": ["Управление молодёжной политики", "Управление по вопросам молодежной политики",
              "отдел социализации молодежи и поддержки молодежных инициатив"],
    "MRC": ["Молодёжные ресурсные центры (МРЦ)", "районные МРЦ", "городские МРЦ",
            "областные МРЦ", "Облыстық Жастар ресурстық орталығы", "МРЦ"],
    "EMPLOY_SOC": ["Управление занятости и социальных программ",
                   "управление занятости и социальной защиты",
                   "Управление координации занятости и социальных программ (СОБЕС)",
                   "Отдел социального обеспечения", "областной СОБЕС",
                   "центр обеспечения работой", "Управление социальной защиты", "УКЗСП",
                   "Карьерные центры"],
    "CIVSERV": ["Агентство РК по делам государственной службы (АДГС)",
                "Агенство по делам государственной службы",
                "департамент агентства РК по делам государственной службы",
                "департамент государственной службы", "ДАДГС", "ДАС по СКО"],
    "ANTICOR": ["Антикоррупционная служба", "Антикорупционной службы",
                "департамент антикоррупционной службы",
                "Агентство по противодействию коррупции"],
    "ECOLOGY": ["Департамент экологии", "Управление природных ресурсов",
                "управление охраны окружающей среды и природопользования",
                "Управление недропользования", "УПР и РП"],
    "MASLIKHAT": ["Маслихат", "областной маслихат", "Обл.маслихат",
                  "депутат гор. маслихата"],
    "RELIGION": ["Управление по делам религии", "отдел по делам религии"],
    "STATS": ["ГУ Отдел статистики"],
    "HOUSING": ["Управление жилья",
                "управление государственного архитектурно-строительного контроля",
                "Архитектуры и градостроительства"],
    "ENERGY_UTIL": ["Управление энергетики и ЖКХ"],
    "AKIMAT": ["Акимат (сотрудники акимата)", "районные акиматы"],
    "SES": ["СЭС"], "PROCUREMENT": ["государственные закупки"],
    "STATECONTROL": ["государственный контроль"], "VETERANS": ["Совет ветеранов"],
    "APK_SECRETARIAT": ["Секретариат Ассамблеи народа Казахстана"],
    "CIVIC_CENTRE": ["КГУ «Гражданский центр»"], "ECON_FIN": ["Экономика и финансы, госзакупки"],
    "VOL_COUNCIL": ["Совет по волонтёрству при акимате"],
    "ENTREPRENEUR": ["Управление предпринимательства"],
    "CONSUMER": ["Защита прав потребителей и торговли"],
    "TECHREG": ["Департамент технического регулирования и метрологии"],
}


@pytest.fixture(params=sorted(CONTRACT_ENUMS | set(ref.enum_names())))
def enum_name(request):
    return request.param


def test_every_contract_enumeration_has_a_file():
    assert CONTRACT_ENUMS <= set(ref.enum_names())


def test_enumeration_loads_with_unique_codes_and_three_labels(enum_name):
    path = resources_dir() / "enums" / f"{enum_name}.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw["name"] == enum_name
    raw_codes = [i["code"] for i in raw["item"]]
    assert len(raw_codes) == len(set(raw_codes)), f"duplicate code in {path.name}"
    e = get_enum(enum_name)
    assert e.codes == raw_codes and e.name == enum_name
    assert all(e.title.get(lang, "").strip() for lang in ("ru", "kk", "en")), e.title
    for it in e.items:
        for lang in ("ru", "kk", "en"):
            assert it.labels.get(lang, "").strip(), f"{enum_name}.{it.code}: empty {lang}"
            assert it.labels[lang] == it.labels[lang].strip()
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)?", it.code), it.code


def test_kazakh_labels_are_kazakh_or_flagged(enum_name):
    for it in get_enum(enum_name).items:
        kk, ru = it.labels["kk"], it.labels["ru"]
        if kk == ru:
            assert it.review or (enum_name, it.code) in SAME_IN_KK, f"{enum_name}.{it.code}"
        if not re.search("[A-Za-z]", ru):
            assert not re.search("[A-Za-z]", kk), f"{enum_name}.{it.code}: Latin in kk"
        assert not re.search("[ёЁ]", kk), f"{enum_name}.{it.code}: ё is not Kazakh spelling"


@pytest.mark.parametrize("name,codes", sorted(EXACT_CODES.items()))
def test_exact_codes(name, codes):
    assert get_enum(name).codes == codes


def test_regions_extra_keys():
    e = get_enum("regions")
    assert len(e) == 20
    kinds = {it.code: it.extra["kind"] for it in e.items}
    assert {c for c, k in kinds.items() if k == "city_rep"} == {"AST", "ALA", "SHY"}
    assert sum(k == "oblast" for k in kinds.values()) == 17
    assert {it.code for it in e.items if it.extra["created_2022"]} == {"ABA", "ZHT", "ULY"}
    assert e.item("ALM").extra["centre"] == "Конаев"
    assert e.item("KAR").extra["centre"] == "Караганда"
    for it in e.items:
        assert it.extra["centre"] and it.extra["variants"]
        variants = [ref.normalize_label(v) for v in it.extra["variants"]]
        assert any(v.endswith(("облысы", "қаласы")) for v in variants), it.code
        ru = ref.normalize_label(it.labels["ru"])
        assert any(v != ru and v in ru for v in variants), f"{it.code}: no short ru name"
        assert it.labels["kk"].endswith(("облысы", "(республикалық маңызы бар қала)"))


def test_regions_short_names_and_2022_splits():
    e = get_enum("regions")
    for it in e.items:
        assert all(it.extra["short"].get(lang) for lang in ("ru", "kk", "en")), it.code
        assert resolve_region(it.extra["short"]["ru"]) == it.code
    splits = {it.code: it.extra["split_from"] for it in e.items if "split_from" in it.extra}
    assert splits == {"ABA": "VKO", "ZHT": "ALM", "ULY": "KAR"}


def test_domain_tables_add_up():
    assert sum(it.extra["share"] for it in get_enum("problem_categories").items) == 100
    assert sum(it.extra["orgs_2023"] for it in get_enum("org_size_bands").items) == 131
    rated = [c for it in get_enum("rfo_assessments").items for c in it.extra["regions_2023"]]
    assert len(rated) == len(set(rated)) == 17
    assert set(get_enum("regions").codes) - set(rated) == {"ABA", "ALM", "ULY"}


def test_directions_22_with_scope():
    e = get_enum("directions")
    assert len(e) == 22 and e.codes[-1] == "ANTICOR"
    assert e.label("MED", "kk") == "Медицинадағы волонтерлік"
    assert e.label("ECO") == "Экологическое волонтёрство"
    assert all("scope" in it.extra for it in e.items)


def test_age_bands_default_set_is_contiguous():
    e = get_enum("age_bands")
    assert [it.labels["ru"] for it in e.items] == [
        "до 14", "14–17", "18–28", "29–35", "36–50", "51–60", "старше 60"]
    assert e.meta["set"] == "default-2023"
    assert all(it.extra["set"] == "default-2023" for it in e.items)
    assert e.items[0].extra["min_age"] == 0 and "max_age" not in e.items[-1].extra
    for prev, nxt in zip(e.items, e.items[1:]):
        assert nxt.extra["min_age"] == prev.extra["max_age"] + 1


def test_support_types_canonical_ranked():
    e = get_enum("support_types")
    canon = [it for it in e.items if it.extra["canonical"]]
    assert [it.code for it in canon] == ["INFO", "COORD", "ADMIN", "GEAR", "INVENTORY",
                                         "VOLUNTEERS", "TRANSPORT", "FINANCE"]
    assert [it.extra["rank"] for it in canon] == list(range(1, 9))
    extended = {it.code for it in e.items if not it.extra["canonical"]}
    assert extended == {"ORG", "PREMISES", "COMMS", "EQUIPMENT", "SPONSORS", "FOOD",
                        "MATERIALS", "MEDIA", "BENEFICIARY_INFO"}
    assert resolve("support_types", "одежда") == "GEAR"
    assert resolve("support_types", "корм для животных") == "FOOD"
    assert resolve("support_types", "Видеосъёмка") == "MEDIA"


def test_fg_categories_parents():
    e = get_enum("fg_categories")
    parents = {it.code: it.extra.get("parent") for it in e.items}
    assert parents["SYSTEMIC.CHARITY"] == "SYSTEMIC"
    assert parents["STUDENT.MASS_BIRGEMIZ"] == parents["STUDENT.NOT_VOLUNTEERING"] == "STUDENT"
    for code, parent in parents.items():
        if parent:
            assert code.startswith(parent + ".") and parents[parent] is None


def test_departments_key_flags():
    e = get_enum("departments")
    key = {it.code for it in e.items if it.extra.get("key_department")}
    assert key == {"EDUC", "HEALTH", "EMPLOY_SOC", "ECOLOGY", "DCHS", "DVD", "CULTURE", "SPORT"}
    assert set(DEPARTMENT_VARIANTS) == set(e.codes)


def test_content_tags_point_at_directions():
    directions = set(get_enum("directions").codes)
    for it in get_enum("content_tags").items:
        assert set(it.extra["directions"]) <= directions, it.code
        if "direction" in it.extra:
            assert it.extra["direction"] in it.extra["directions"]
    flagged = {it.code for it in get_enum("content_tags").items
               if it.extra.get("is_volunteering") is False}
    assert len(flagged) == 3


def test_every_name_in_the_files_resolves_to_its_own_item(enum_name):
    for it in get_enum(enum_name).items:
        for name in ref.item_names(it):
            assert resolve(enum_name, name) == it.code, f"{enum_name}: {name!r}"


@pytest.mark.parametrize("code,texts", sorted(REGION_VARIANTS.items()))
def test_every_domain_region_variant_resolves(code, texts):
    for text in texts:
        assert resolve_region(text) == code, text


@pytest.mark.parametrize("code,texts", sorted(DEPARTMENT_VARIANTS.items()))
def test_every_domain_department_variant_resolves(code, texts):
    for text in texts:
        assert resolve_department(text) == code, text


@pytest.mark.parametrize("text,code", [
    ("ШЫМКЕНТЕ", "SHY"), ("  шымкент\u00a0", "SHY"), ("Shymkent", "SHY"),
    ("Алматы облысы", "ALM"), ("г.Алматы", "ALA"), ("Almaty", "ALA"),
    ("Almaty Region", "ALM"), ("Акмолинской области", "AKM"), ("Qaragandy", "KAR"),
    ("Jetisu", "ZHT"), ("Zhetysu", "ZHT"), ("Жетісу облысы", "ZHT"), ("Түркістан", "TUR"),
    ("Туркестанской области", "TUR"), ("Маңғыстау облысы", "MAN"), ("Mangystau", "MAN"),
    ("Шығыс Қазақстан облысы", "VKO"), ("East Kazakhstan Region", "VKO"),
    ("Нур-Султан", "AST"), ("Семей", "ABA"), ("Өскемен", "VKO"), ("Улытау", "ULY"),
    ("Управление образования Акмолинской области", "AKM"),
    ("«Жетысуская»", "ZHT"), ("Атырауская обл.", "ATY"),
])
def test_region_loose_matching(text, code):
    assert resolve_region(text) == code


@pytest.mark.parametrize("text", [None, "", "   ", "Москва", "область", "Казахстан",
                                  "Астана, Алматы"])
def test_region_unknown_or_ambiguous_is_none(text):
    assert resolve_region(text) is None


@pytest.mark.parametrize("text,code", [
    ("департамент  ПОЛИЦИИ", "DVD"), ("Департамент полиции Карагандинской области", "DVD"),
    ("Управление образования г. Астаны", "EDUC"), ("районный акимат", "AKIMAT"),
    ("Ішкі істер департаменті", "DVD"), ("Мәслихат", "MASLIKHAT"),
    ("Управление культуры и развития языков", "CULTURE"),
])
def test_department_loose_matching(text, code):
    assert resolve_department(text) == code


@pytest.mark.parametrize("text", [None, "", "Министерство обороны", "Управление"])
def test_department_unknown_is_none(text):
    assert resolve_department(text) is None


def test_normalize_label():
    assert ref.normalize_label("  Волонтёрство\u00a0в  «медицине» ") == "волонтерство в медицине"
    assert ref.normalize_label("Восточно–Казахстанская") == ref.normalize_label("восточно казахстанская")
    assert ref.normalize_label("Обл.маслихат") == "обл маслихат"


def test_label_item_and_fallback():
    e = get_enum("genders")
    assert e.label("F") == "Женщины" and e.label("F", "kk") == "Әйелдер"
    assert e.label("M", "en") == "Male" and e.label("M", "de") == "Мужчины"
    assert e.item("F").code == "F" and "F" in e and "X" not in e
    with pytest.raises(KeyError, match="'X'"):
        e.item("X")


def test_unknown_enumeration_raises_clear_error():
    with pytest.raises(ref.UnknownEnumeration) as info:
        get_enum("no_such_enum")
    assert "no_such_enum" in str(info.value) and "regions" in str(info.value)
    assert isinstance(info.value, KeyError)
    for bad in ("../enums/regions", "..\\enums\\regions", ""):
        with pytest.raises(ref.UnknownEnumeration):
            get_enum(bad)


@pytest.fixture
def tmp_resources(tmp_path, monkeypatch):
    (tmp_path / "enums").mkdir()
    monkeypatch.setattr(ref, "resources_dir", lambda: tmp_path)
    ref.clear_cache()
    yield tmp_path / "enums"
    ref.clear_cache()


@pytest.mark.parametrize("body,message", [
    ('name = "bad"\n[[item]]\ncode = "A"\nru = "a"\n[[item]]\ncode = "A"\nru = "b"\n',
     "item 2: duplicate code 'A'"),
    ('name = "bad"\n[[item]]\ncode = "A"\nkk = "a"\n', "item 1 (A): missing Russian label"),
    ('name = "bad"\n[[item]]\nru = "a"\n', "item 1: missing or empty 'code'"),
    ('name = "other"\n[[item]]\ncode = "A"\nru = "a"\n', "does not match file name"),
    ('name = "bad"\n', "no [[item]] entries"),
    ('name = "bad"\nitem = [1]\n', "item 1: expected a [[item]] table"),
    ('name = "bad\n', "invalid TOML"),
])
def test_malformed_file_names_file_item_and_key(tmp_resources, body, message):
    (tmp_resources / "bad.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ref.EnumerationError, match=re.escape(message)) as info:
        get_enum("bad")
    assert "bad.toml" in str(info.value)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=60),
                 st.sampled_from(["Шымкент", "Управление", "г.", "(ДВД)", "«»", "\u00a0"])
                 .flatmap(lambda w: st.text(max_size=10).map(lambda t: w + t))))
def test_resolvers_never_raise_and_return_known_codes(text):
    assert resolve_region(text) in {None, *get_enum("regions").codes}
    assert resolve_department(text) in {None, *get_enum("departments").codes}


def test_items_are_copies_and_hashable():
    e = get_enum("genders")
    e.items.clear()
    assert get_enum("genders").codes == ["F", "M"]
    assert len({*e.items, *get_enum("genders").items}) == 2
