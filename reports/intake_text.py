"""The words of the list import (preview lines, findings) in ru / kk / en: one place.

`say(code, lang, **params)` formats one message; an unknown language falls back to Russian.
"""
from __future__ import annotations

MESSAGES: dict[str, dict] = {  # a text per language; a "hint" per surface
    "where": {"ru": "строка {row}, столбец «{column}»: ", "kk": "{row}-жол, «{column}» бағаны: ",
              "en": "row {row}, column «{column}»: "},
    "where_row": {"ru": "строка {row}: ", "kk": "{row}-жол: ", "en": "row {row}: "},
    "encoding_loss": {
        "ru": "«{text}»: буква потеряна при сохранении файла (знак «?» внутри слова); "
              "исправьте в таблице",
        "kk": "«{text}»: файлды сақтағанда әріп жоғалды (сөз ішінде «?» белгісі); кестеде "
              "түзетіңіз",
        "en": "«{text}»: a letter was lost when the file was saved («?» inside a word); "
              "correct it in the grid"},
    "row_hidden": {
        "ru": "«{name}»: строка скрыта в файле, но импортирована; проверьте, был ли участник, "
              "и удалите строку в таблице, если нет",
        "kk": "«{name}»: жол файлда жасырылған, бірақ импортталды; қатысушының болғанын "
              "тексеріңіз, болмаса жолды кестеден өшіріңіз",
        "en": "«{name}»: the row is hidden in the file but was imported; check the person "
              "attended and delete the row in the grid if not"},
    "list_row_hidden": {
        "ru": "«{text}»: строка скрыта в файле, но прочитана; проверьте, нужна ли эта запись, "
              "и удалите черновик, если нет",
        "kk": "«{text}»: жол файлда жасырылған, бірақ оқылды; бұл жазба керек пе, тексеріңіз, "
              "керек болмаса жобаны өшіріңіз",
        "en": "«{text}»: the row is hidden in the file but was read; check the record is "
              "wanted and delete the draft if not"},
    "column_hidden": {
        "ru": "столбец «{column}» ({letter}) скрыт в файле, но прочитан: проверьте, что так и "
              "задумано",
        "kk": "«{column}» бағаны ({letter}) файлда жасырылған, бірақ оқылды: солай "
              "көзделгенін тексеріңіз",
        "en": "column «{column}» ({letter}) is hidden in the file but was read: check this "
              "is intended"},
    "number_exponent": {
        "ru": "«{text}»: число сохранено в сокращённом виде Excel, последние цифры потеряны; "
              "введите номер заново в таблице",
        "kk": "«{text}»: сан Excel-дің қысқартылған түрінде сақталған, соңғы цифрлары "
              "жоғалды; нөмірді кестеде қайта енгізіңіз",
        "en": "«{text}»: the number was saved in Excel's short form and its last digits are "
              "lost; type it again in the grid"},
    "list_on_sheet": {
        "ru": "список взят с листа «{sheet}»: на первом листе («{first}») таблицы нет",
        "kk": "тізім «{sheet}» парағынан алынды: бірінші парақта («{first}») кесте жоқ",
        "en": "the list was taken from the sheet «{sheet}»: the first sheet («{first}») has "
              "no table"},
    "more_lists": {
        "ru": "прочитан только лист «{sheet}»; списки есть и на листах {others}: {hint}",
        "kk": "тек «{sheet}» парағы оқылды; тізімдер {others} парақтарында да бар: {hint}",
        "en": "only the sheet «{sheet}» was read; the sheets {others} hold lists too: {hint}",
        "hint": {"cli": {"ru": "импортируйте их отдельно, выбрав лист (--sheet)",
                         "kk": "оларды парақты таңдап, бөлек импорттаңыз (--sheet)",
                         "en": "import them one by one, choosing the sheet (--sheet)"},
                 "desktop": {"ru": "импортируйте их отдельно, выбирая лист в поле «Лист:» "
                                   "окна импорта",
                             "kk": "парақты импорт терезесінің «Парақ:» өрісінде таңдап, "
                                   "оларды бөлек импорттаңыз",
                             "en": "import them one by one, choosing the sheet in the import "
                                   "window's «Sheet:» box"}}},
    "text_encoding_repaired": {
        "ru": "текст файла был сохранён в неверной кодировке ({right}, прочитанный как "
              "{wrong}: «РЎРїРёСЃРѕРє», «Ñïèñîê»); буквы восстановлены, проверьте фамилии",
        "kk": "файлдың мәтіні қате кодтаумен сақталған ({right}, {wrong} ретінде оқылған: "
              "«РЎРїРёСЃРѕРє», «Ñïèñîê»); әріптер қалпына келтірілді, тегтерді тексеріңіз",
        "en": "the file's text was saved in the wrong encoding ({right} read as {wrong}: "
              "«РЎРїРёСЃРѕРє», «Ñïèñîê»); the letters were restored, check the names"},
    "unknown_choice": {
        "ru": "«{text}» — неизвестное значение; допустимо: {allowed}",
        "kk": "«{text}» — белгісіз мән; рұқсат етілген: {allowed}",
        "en": "«{text}» is not a known value; allowed: {allowed}"},
    "required": {
        "ru": "не заполнено; дополните в таблице",
        "kk": "толтырылмаған; кестеде толықтырыңыз",
        "en": "empty; complete it in the grid"},
    "column_missing": {
        "ru": "в файле нет столбца «{label}»: {hint}",
        "kk": "файлда «{label}» бағаны жоқ: {hint}",
        "en": "the file has no «{label}» column: {hint}",
        "hint": {"cli": {"ru": "дополните {count} {count:plural:строку|строки|строк} в таблице "
                               "или задайте значение для всего списка (--set {field}=...)",
                         "kk": "кестеде {count} жолды толықтырыңыз немесе бүкіл тізімге мән "
                               "беріңіз (--set {field}=...)",
                         "en": "complete {count} {count:plural:row|rows} in the grid or give "
                               "one value for the whole list (--set {field}=...)"},
                 "desktop": {"ru": "дополните {count} {count:plural:строку|строки|строк} в "
                                   "таблице после импорта",
                             "kk": "импорттан кейін кестеде {count} жолды толықтырыңыз",
                             "en": "complete {count} {count:plural:row|rows} in the grid after "
                                   "the import"}}},
    # the app's import preview offers a drop-down for the whole list for some fields
    # (desktop/import_values.py): these two findings then name it (desktop/import_jobs.py)
    "column_missing.pick": {
        "ru": "в файле нет столбца «{label}»: выберите выше «{label} для всего списка» или "
              "дополните {count} {count:plural:строку|строки|строк} в таблице после импорта",
        "kk": "файлда «{label}» бағаны жоқ: жоғарыда «Бүкіл тізім үшін: {label}» мәнін "
              "таңдаңыз немесе импорттан кейін кестеде {count} жолды толықтырыңыз",
        "en": "the file has no «{label}» column: choose «{label} for the whole list» above or "
              "complete {count} {count:plural:row|rows} in the grid after the import"},
    "list_column_missing.pick": {
        "ru": "в файле нет столбца «{label}»: {count} {count:plural:запись останется "
              "черновиком|записи останутся черновиками|записей останутся черновиками} с "
              "замечанием; выберите выше «{label} для всего списка» или дополните записи "
              "после импорта",
        "kk": "файлда «{label}» бағаны жоқ: {count} жазба ескертуі бар жоба болып қалады; "
              "жоғарыда «Бүкіл тізім үшін: {label}» мәнін таңдаңыз немесе жазбаларды "
              "импорттан кейін толықтырыңыз",
        "en": "the file has no column «{label}»: {count} {count:plural:record stays|records "
              "stay} a draft with a finding; choose «{label} for the whole list» above or "
              "complete the records after the import"},
    "duplicate_stored": {
        "ru": "этот человек из этой организации уже есть в сохранённом списке (VR-20)",
        "kk": "бұл ұйымның бұл адамы сақталған тізімде бар (VR-20)",
        "en": "this person and organization are already in the list already stored (VR-20)"},
    "person_in_other_list": {
        "ru": "«{name}» из той же организации есть в списке {record} ({region}, строка {no}) "
              "(VR-20)",
        "kk": "«{name}» осы ұйымнан {record} тізімінде бар ({region}, {no}-жол) (VR-20)",
        "en": "«{name}» of the same organization is on list {record} ({region}, row {no}) "
              "(VR-20)"},
    "namesake_in_other_list": {
        "ru": "тёзка «{name}» из другой организации в списке {record} ({region}, строка {no}): "
              "скорее всего, другой человек (VR-20)",
        "kk": "«{name}» — басқа ұйымнан аттас адам, {record} тізімі ({region}, {no}-жол): "
              "бәлкім, басқа адам (VR-20)",
        "en": "a namesake «{name}» of another organization is on list {record} ({region}, "
              "row {no}): most likely another person (VR-20)"},
    "duplicate_in_list": {
        "ru": "тот же человек и организация, что в строке {first} (VR-20)",
        "kk": "{first}-жолдағы адам мен ұйым қайталанады (VR-20)",
        "en": "same person and organization as row {first} (VR-20)"},
    "numbering_gap": {
        "ru": "нумерация в файле пропускает номера перед строками {rows}; строки перенумерованы",
        "kk": "файлдағы нөмірлеу {rows}-жолдар алдында үзіледі; жолдар қайта нөмірленді",
        "en": "numbering in the file skips before row(s) {rows}; rows were renumbered"},
    "column_unsure": {
        "ru": "столбец «{column}» похож на «{label}»: проверьте сопоставление{hint}",
        "kk": "«{column}» бағаны «{label}» сияқты: {hint}",
        "en": "column «{column}» looks like «{label}»: check the mapping{hint}",
        "hint": {"cli": {"ru": " (--map)", "kk": "сәйкестендіруді тексеріңіз (--map)",
                         "en": " (--map)"},
                 "desktop": {"ru": " в таблице «Столбец в файле» окна импорта",
                             "kk": "импорт терезесінің «Файлдағы баған» кестесінде "
                                   "сәйкестендіруді тексеріңіз",
                             "en": " in the import window's «Column in the file» table"}}},
    "period_date": {
        "ru": "дата в файле {date} не входит в период {period}",
        "kk": "файлдағы {date} күні {period} кезеңіне кірмейді",
        "en": "the file's date {date} is not in the period {period}"},
    "set_no_field": {
        "ru": "--set {field}=…: в этом списке нет поля «{field}»; для всего списка можно "
              "задать: {allowed}; ничего не импортировано",
        "kk": "--set {field}=…: бұл тізімде «{field}» өрісі жоқ; бүкіл тізімге беруге "
              "болады: {allowed}; ештеңе импортталмады",
        "en": "--set {field}=…: this list has no field «{field}»; for the whole list you may "
              "give: {allowed}; nothing was imported"},
    "no_field": {
        "ru": "в форме нет поля для значения «{text}» ({what}); не сохранено",
        "kk": "формада «{text}» мәніне өріс жоқ ({what}); сақталмады",
        "en": "the form has no field for «{text}» ({what}); not saved"},
    "skip.header_repeat": {"ru": "повтор заголовка", "kk": "тақырып қайталанады",
                           "en": "header repeated"},
    "skip.column_numbers": {"ru": "номера столбцов", "kk": "баған нөмірлері",
                            "en": "column numbers"},
    "skip.total": {"ru": "строка итога", "kk": "қорытынды жол", "en": "totals line"},
    "skip.walk_ins": {"ru": "пришли без регистрации: {count}", "kk": "тіркеусіз келгендер: "
                      "{count}", "en": "walk-ins: {count}"},
    "skip.no_name": {"ru": "нет Ф.И.О.", "kk": "аты-жөні жоқ", "en": "no name"},
    "skip.absent": {"ru": "отмечен(а) как не явившийся(аяся); не считается участником",
                    "kk": "келмеген деп белгіленген; қатысушы болып саналмайды",
                    "en": "marked as not come; not counted as a participant"},
    "skip.repeat": {"ru": "повтор: тот же человек, что в строке {count} (список следующего "
                          "дня или страницы)",
                    "kk": "қайталану: {count}-жолдағы адам (келесі күннің не беттің тізімі)",
                    "en": "repeated: the same person as row {count} (the next day's or page's "
                          "list)"},
    "skip.section": {"ru": "раздел списка: его значение получают строки ниже",
                     "kk": "тізім бөлімі: оның мәні төмендегі жолдарға беріледі",
                     "en": "a section of the list: the rows below take its value"},
    "skip.note": {"ru": "строка текста, не участник", "kk": "мәтін жолы, қатысушы емес",
                  "en": "a line of text, not a participant"},
    "skip.no_figures": {"ru": "нет показателей", "kk": "көрсеткіштер жоқ", "en": "no figures"},
    "skip.month_line": {"ru": "месяц строк ниже", "kk": "төмендегі жолдардың айы",
                        "en": "the month of the rows below"},
    "skip.empty": {"ru": "пустая строка", "kk": "бос жол", "en": "an empty row"},
    "skip.same_row": {"ru": "повтор строки {count}: та же запись", "kk": "{count}-жолдың "
                      "қайталануы: сол жазба", "en": "repeats row {count}: the same record"},
    "skip.unchanged": {"ru": "уже импортирована, без изменений", "kk": "бұрын импортталған, "
                       "өзгеріссіз", "en": "imported before, unchanged"},
    "skip.deleted": {"ru": "запись удалена в приложении; не восстановлена",
                     "kk": "жазба қосымшада өшірілген; қалпына келтірілмеді",
                     "en": "the record was deleted in the app; not brought back"},
    "no_header": {
        "ru": "в первых {rows} строках нет строки заголовков со столбцом «Ф.И.О.»; ожидаются "
              "столбцы: {wanted}; найдено: {found}. {hint}",
        "kk": "алғашқы {rows} жолда «Аты-жөні» бағаны бар тақырып жолы жоқ; күтілетін "
              "бағандар: {wanted}; табылғаны: {found}. {hint}",
        "en": "no header row with a name column (Full name) in the first {rows} rows; expected "
              "columns: {wanted}; found: {found}. {hint}",
        "hint": {"cli": {"ru": "Укажите сопоставление столбцов (--map)",
                         "kk": "Бағандарды сәйкестендіріңіз (--map)",
                         "en": "Give an explicit column mapping (--map)"},
                 "desktop": {"ru": "Подпишите столбцы списка так, как в форме (хотя бы "
                                   "«Ф.И.О.»), и откройте файл снова",
                             "kk": "Тізімнің бағандарын нысандағыдай атаңыз (кемінде "
                                   "«Аты-жөні») және файлды қайта ашыңыз",
                             "en": "Head the list's columns as the form names them (at least "
                                   "Full name) and open the file again"}}},
    "bad_mapping_column": {
        "ru": "--map: столбца «{key}» нет в строке заголовка {row}; в ней: {found}",
        "kk": "--map: {row}-тақырып жолында «{key}» бағаны жоқ; онда: {found}",
        "en": "--map: no column «{key}» in header row {row}; it has: {found}"},
    "bad_mapping_field": {
        "ru": "--map: «{key}» -> «{field}»: такого поля нет; допустимо: {allowed}",
        "kk": "--map: «{key}» -> «{field}»: мұндай өріс жоқ; рұқсат етілген: {allowed}",
        "en": "--map: «{key}» -> «{field}»: no such field; allowed: {allowed}"},
    "skipped_line": {"ru": "строка {row} пропущена ({why}): {text}",
                     "kk": "{row}-жол өткізілді ({why}): {text}",
                     "en": "row {row} skipped ({why}): {text}"},
}


def say(code: str, lang: str = "ru", **params) -> str:
    """`{n:plural:one|few|many}` takes the plural form of the count; a `{hint}` is said for
    the surface shown on (`"hint": {"cli": {...}, "desktop": {...}}`, forms.messages)."""
    from forms.messages import plural_format, with_hint

    texts = MESSAGES[code]
    template = with_hint(texts.get(lang, texts["ru"]), texts.get("hint"), lang)
    return plural_format(template, lang, params)


def at(row, column, lang: str = "ru") -> str:
    """The «row N, column «X»: » prefix (empty when the place is unknown)."""
    if row is None or column is None:
        return ""
    return say("where", lang, row=row, column=column)
