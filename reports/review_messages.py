"""Texts (ru / kk / en) of the scope-level data-quality findings made in reports/."""
from __future__ import annotations

MESSAGES = {
    "review_copied_period": (
        "Отчёт совпадает с отчётом за {other} ({share}% непустых ячеек) — возможная повторная "
        "подача данных прошлого периода",
        "Есеп {other} есебімен сәйкес келеді (бос емес ұяшықтардың {share}%) — өткен кезең "
        "деректерін қайта тапсыру болуы мүмкін",
        "Report matches the one for {other} ({share}% of non-zero cells): possibly a copy of "
        "an earlier period"),
    "review_jump": (
        "{field}: {value} против {base} ({basis}) — изменение более чем на ±{limit}%",
        "{field}: {value}, ал {base} ({basis}) — ±{limit}%-дан астам өзгеріс",
        "{field}: {value} against {base} ({basis}), a change beyond ±{limit}%"),
    "review_sum_mismatch": (
        "Сумма «{field}» = {sum}, а всего волонтёров {total}",
        "«{field}» қосындысы = {sum}, ал волонтерлер саны {total}",
        "Sum of {field} is {sum} but the volunteer total is {total}"),
    "review_support_type_missing": (
        "Помощь РФО оказывалась, но не указано какая",
        "ӨФО көмегі көрсетілді, бірақ қандай екені көрсетілмеген",
        "Support was provided but its type is not given"),
    "review_support_blank": (
        "Не указано, оказывалась ли помощь РФО", "ӨФО көмегі туралы белгі жоқ",
        "Whether support was provided is not stated"),
    "review_target_growth": (
        "Рост числа волонтёров за год {growth}% — близко к целевым +30%",
        "Волонтерлер санының жылдық өсімі {growth}% — мақсатты +30%-ға жақын",
        "Year-on-year growth of {growth}% is close to the +30% target"),
    "review_registry_gap": (
        "Зарегистрированных организаций {count} — меньше 80% реестра ({registry})",
        "Тіркелген ұйымдар {count} — тізілімнің 80%-нан аз ({registry})",
        "{count} registered organizations: below 80% of the registry ({registry})"),
    "review_group_ratio": (
        "Инициативных групп на одну организацию: {ratio} (ожидается 1–10)",
        "Бір ұйымға шаққандағы бастамашыл топтар: {ratio} (1–10 күтіледі)",
        "Initiative groups per registered organization: {ratio} (expected 1-10)"),
    "review_bulk_entry": (
        "{share}% записей о мероприятиях за {period} внесены в последние 2 дня",
        "{period} іс-шараларының {share}% соңғы 2 күнде енгізілген",
        "{share}% of the event rows of {period} were entered in the last 2 days"),
    "review_duplicate_person": (
        "Строка {row}: тот же человек и организация, что в строке {first}",
        "{row}-жол: {first}-жолдағы адам мен ұйым",
        "Row {row}: same person and organization as row {first}"),
    "review_person_two_regions": (
        "«{name}» есть также в списке региона {other} ({other_record})",
        "«{name}» {other} өңірінің тізімінде де бар ({other_record})",
        "«{name}» is also listed in region {other} ({other_record})"),
    "review_category_missing": (
        "Строка {row}: не указана категория участника", "{row}-жол: қатысушы санаты жоқ",
        "Row {row}: participant category missing"),
    "review_state_share": (
        "Госслужащих в фокус-группе {share}% (больше 50%)",
        "Фокус-топтағы мемлекеттік қызметшілер {share}% (50%-дан көп)",
        "{share}% of the focus group are state employees (over 50%)"),
    "review_fg_like_seminar": (
        "Список фокус-группы совпадает со списком ведомств семинара {other}",
        "Фокус-топ тізімі {other} семинарының ведомстволар тізімімен сәйкес",
        "The focus-group list matches the departments of seminar {other}"),
    "review_visit_spread": (
        "Мероприятия визита в {region} разнесены на {days} дн. (допустимо ±3)",
        "{region} сапарының іс-шаралары {days} күнге созылған (±3 рұқсат)",
        "Visit events in {region} are {days} days apart (±3 allowed)"),
    "review_two_regions_same_day": (
        "{date}: {who} записан в двух регионах ({regions})",
        "{date}: {who} екі өңірде тіркелген ({regions})",
        "{date}: {who} is recorded in two regions ({regions})"),
    "review_weekend": ("{date} — выходной день", "{date} — демалыс күні", "{date} is a weekend"),
    "review_participants_missing": (
        "Не указано количество участников семинара", "Семинар қатысушыларының саны жоқ",
        "Seminar participant count missing"),
    "review_key_departments_absent": (
        "Нет ключевых ведомств: {absent}", "Негізгі ведомстволар жоқ: {absent}",
        "Key departments absent: {absent}"),
}
_IDX = {"ru": 0, "kk": 1, "en": 2}


def review_text(code: str, lang: str = "ru", params: dict | None = None) -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        try:
            from forms import message_text

            return message_text(code, lang, params or {})
        except Exception:
            return code
    text = entry[_IDX.get(lang, 0)]
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError):
        return text
