"""Column names of lists people keep in their own layout, per form: what a district's own
table calls a field besides the field's label (reports.survey_import.match_columns reads
them, ru / kk / en, folded as reports.text.fold does).

Also, per form of the records-list import (reports.list_read): which fields tell one row's
record from another (IDENTITY: re-importing the same list updates, never duplicates; RENAMED:
the one of them edited in place), and which date field a range «20-22.03.2024» spreads to
(SPANS: start -> end).
"""
from __future__ import annotations

# Forms whose records a district keeps one per row of its own list (events, hotline calls,
# meetings with officials); rosters, surveys and the monthly report have their own readers.
LIST_FORMS = ("event", "hotline_appeal", "leadership_meeting")

IDENTITY = {
    "event": ("date_start", "title"),
    "hotline_appeal": ("received_at", "applicant_phone", "applicant_name", "topic_text"),
    "leadership_meeting": ("planned_date", "official_name"),
}
SPANS = {"date_start": "date_end"}
# The field of IDENTITY a clerk edits in place (a typo in an event's title, a meeting's
# official spelled out): a re-import of the same file finds the row's record by its row
# when only this changed (reports.list_import).
RENAMED = {"event": "title", "hotline_appeal": "topic_text",
           "leadership_meeting": "official_name"}

class ListRefused(ValueError):
    """The file holds no list of this form (the message is in the person's language)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


_REGION = ["регион", "область", "өңір", "облыс", "region"]

EXTRA_NAMES: dict[str, dict[str, list[str]]] = {
    "organization": {
        "name_ru": ["наименование", "название", "организация", "наименование организации",
                    "название организации", "ұйым атауы", "атауы", "name"],
        "name_kk": ["наименование на казахском", "название на казахском", "атауы қазақша",
                    "мемлекеттік тілдегі атауы", "name kk"],
        "aliases": ["другие названия", "другие написания", "также известна как", "aliases"],
        "bin": ["бин", "бсн", "bin", "бин организации", "бин иин"],
        "legal_form": ["опф", "организационно правовая форма", "ұқн", "legal form"],
        "org_type": ["статус", "тип", "зарегистрирована", "type"],
        "region": _REGION,
        "directions": ["направления", "направление", "бағыттары", "directions"],
        "founded_year": ["год создания", "год основания", "құрылған жылы", "founded"]},
    "volunteer_survey": {                  # a clerk's short headers over paper answers
        "region": _REGION, "gender": ["пол", "жынысы", "gender", "sex"],
        "age_band": ["возраст", "жасы", "age"],
        "occupation": ["занятость", "жұмыспен қамтылуы", "occupation"]},
    "event": {
        "title": ["наименование мероприятия", "название", "наименование", "мероприятие",
                  "тема мероприятия", "іс шараның атауы", "іс шара атауы", "атауы",
                  "іс шара", "event", "event title", "name of the event"],
        "date_start": ["дата проведения", "дата мероприятия", "сроки проведения",
                       "өткізілген күні", "өткізу күні", "өткізу мерзімі"],
        "date_end": ["дата окончания", "аяқталу күні", "end date"],
        "district": ["район", "аудан", "город район", "district"],
        "settlement": ["населенный пункт", "место проведения", "елді мекен",
                       "өткізілетін орны", "venue"],
        "description": ["описание", "краткое описание", "содержание", "сипаттамасы",
                        "мазмұны", "description"],
        "primary_direction": ["направление", "направление волонтерства", "бағыты", "бағыт",
                              "волонтерлік бағыты", "direction"],
        "secondary_directions": ["дополнительное направление", "доп направление",
                                 "қосымша бағыт"],
        "formats": ["формат", "формат проведения", "өткізу форматы", "format"],
        "organizer_type": ["тип организатора", "ұйымдастырушы түрі", "organizer type"],
        "organizer_name": ["организатор", "организаторы", "организатор мероприятия",
                           "ұйымдастырушы", "organizer", "organiser"],
        "partner_agencies": ["совместно с", "партнеры", "бірлесіп", "partners"],
        "data_source": ["источник", "источник данных", "дерек көзі", "source"],
        "funding_sources": ["источник финансирования", "финансирование",
                            "қаржыландыру көзі", "funding"],
        "volunteers_count": ["кол во волонтеров", "количество волонтеров",
                             "число волонтеров", "волонтеров", "волонтерлер саны",
                             "волонтерлердің саны", "volunteers", "number of volunteers"],
        "volunteer_hours": ["кол во часов", "количество часов", "часы", "часов",
                            "волонтерские часы", "кол во волонтерских часов", "сағат саны",
                            "волонтерлік сағат", "hours", "volunteer hours"],
        "beneficiaries_count": ["охват", "кол во благополучателей",
                                "количество благополучателей", "благополучатели",
                                "пайда алушылар саны", "қамту", "beneficiaries"],
        "outcome_text": ["результат", "результаты", "нәтиже", "нәтижесі", "outcome"]},
    "hotline_appeal": {
        "received_at": ["дата обращения", "дата звонка", "дата поступления", "өтініш күні",
                        "өтініш түскен күні", "түскен күні", "қоңырау күні"],
        "channel": ["канал", "канал обращения", "способ обращения", "арна", "channel"],
        "purpose": ["цель", "цель обращения", "вид обращения", "тип обращения", "мақсаты",
                    "өтініш мақсаты", "purpose"],
        "volunteering_related": ["связано с волонтерством", "по волонтерству",
                                 "волонтерлікке қатысты"],
        "applicant_country": ["страна", "ел", "country"],
        "applicant_region": _REGION,
        "applicant_name": ["фио", "ф и о", "фио заявителя", "заявитель", "обратившийся",
                           "аты жөні", "өтініш беруші", "name", "applicant"],
        "applicant_phone": ["телефон", "тел", "номер телефона", "контакты", "телефон нөмірі",
                            "phone"],
        "topic_text": ["суть обращения", "содержание обращения", "вопрос", "тема обращения",
                       "тема", "өтініш мазмұны", "сұрақ", "topic", "question"],
        "result_status": ["результат", "результат рассмотрения", "статус", "нәтиже",
                          "нәтижесі", "result", "status"],
        "closed": ["закрыто", "закрыт", "жабылды", "closed"],
        "closed_at": ["дата закрытия", "жабылған күні", "closed on"]},
    "leadership_meeting": {
        "region": _REGION,
        "planned_date": ["дата встречи", "планируемая дата", "кездесу күні",
                         "жоспарланған күні"],
        "planned_time": ["время", "время встречи", "time"],
        "official_name": ["фио", "ф и о", "фио должностного лица", "с кем встреча",
                          "должностное лицо", "лауазымды тұлға", "аты жөні", "official"],
        "official_position": ["должность", "лауазымы", "position"],
        "status": ["статус", "статус встречи", "мәртебесі", "status"],
        "actual_date": ["фактическая дата", "дата проведения", "нақты күні"],
        "address": ["адрес", "место", "место проведения", "мекенжай", "address"],
        "description": ["описание", "сипаттамасы", "description"],
        "commitments": ["поручения", "договоренности", "поручения договоренности",
                        "тапсырмалар", "уағдаластықтар", "commitments"],
        "other_attendees": ["присутствовали", "участники", "қатысқандар", "attendees"],
        "funding_mentioned_kzt": ["финансирование", "сумма", "сумма тенге", "қаржыландыру",
                                  "funding"]},
}
