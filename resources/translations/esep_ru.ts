<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>AnnualReportDialog</name>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="41" />
        <source>Annual report…</source>
        <translation>Годовой отчёт…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="108" />
        <source>Annual report «Volunteering in figures»</source>
        <translation>Годовой отчёт «Волонтёрство в цифрах»</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="109" />
        <source>Year:</source>
        <translation>Год:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="109" />
        <source>Region:</source>
        <translation>Регион:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="110" />
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="110" />
        <source>Save as:</source>
        <translation>Сохранить как:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="113" />
        <source>Whole country</source>
        <translation>Вся страна</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="114" />
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="115" />
        <source>Write</source>
        <translation>Сформировать</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="116" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="117" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="118" />
        <source>report.docx, .xlsx or .pdf</source>
        <translation>отчёт.docx, .xlsx или .pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="122" />
        <source>Save the annual report</source>
        <translation>Сохранить годовой отчёт</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="124" />
        <source>Word (*.docx);;Excel (*.xlsx);;PDF (*.pdf)</source>
        <translation>Документ Word (*.docx);;Книга Excel (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="136" />
        <source>Choose a file ending in .docx, .xlsx or .pdf.</source>
        <translation>Выберите файл с расширением .docx, .xlsx или .pdf.</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="147" />
        <source>Writing the report…</source>
        <translation>Отчёт формируется…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="156" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="167" />
        <source>Written: %1</source>
        <translation>Готово: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="175" />
        <source>Cancelled: no file was written.</source>
        <translation>Отменено: файл не записан.</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="177" />
        <source>The report was not written: %1</source>
        <translation>Отчёт не записан: %1</translation>
    </message>
</context>
<context>
    <name>BundleBox</name>
    <message>
        <location filename="../../desktop/bundle_box.py" line="39" />
        <source>Save for USB…</source>
        <translation>Сохранить для флешки…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="40" />
        <source>No line: save the changes to a file that anyone connected can deliver to the server</source>
        <translation>Нет связи: сохранить изменения в файл, который доставит на сервер любой, у кого есть связь</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="42" />
        <source>Load reply…</source>
        <translation>Загрузить ответ…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="43" />
        <source>Apply the server's reply file brought back on the USB stick</source>
        <translation>Применить файл ответа сервера, привезённый на флешке</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="59" />
        <source>this computer has no signing key yet: sync online once</source>
        <translation>у этого компьютера ещё нет ключа подписи: один раз синхронизируйтесь по сети</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="61" />
        <source>the file was changed, or not signed by this computer's server</source>
        <translation>файл изменён или подписан не сервером этого компьютера</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="63" />
        <source>the file is damaged</source>
        <translation>файл повреждён</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="64" />
        <source>this is not an Esep bundle file</source>
        <translation>это не файл пакета Esep</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="65" />
        <source>the file has expired: make a new one</source>
        <translation>срок действия файла истёк: создайте новый</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="66" />
        <source>the file comes from another server</source>
        <translation>файл с другого сервера</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="67" />
        <source>the reply is meant for another computer</source>
        <translation>ответ предназначен для другого компьютера</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="68" />
        <source>wrong password</source>
        <translation>неверный пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="80" />
        <location filename="../../desktop/bundle_box.py" line="90" />
        <source>Save for USB</source>
        <translation>Сохранить для флешки</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="82" />
        <source>Esep bundles (*.esep)</source>
        <translation>Пакеты Esep (*.esep)</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="91" />
        <source>Your password (it unlocks this computer's signing key):</source>
        <translation>Ваш пароль (он открывает ключ подписи этого компьютера):</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="95" />
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="104" />
        <source>Saved %1 changes to %2: take the file to anyone connected, then load the reply here.</source>
        <translation>Сохранено изменений: %1, файл %2. Передайте его тому, у кого есть связь, затем загрузите здесь ответ.</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="112" />
        <source>Load reply</source>
        <translation>Загрузить ответ</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="113" />
        <source>Esep bundles (*.esep *.reply);;All files (*)</source>
        <translation>Пакеты Esep (*.esep *.reply);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="116" />
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="125" />
        <source>Reply loaded: %1 changes confirmed, %2 received, %3 conflicts</source>
        <translation>Ответ загружен: подтверждено изменений — %1, получено — %2, конфликтов — %3</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="134" />
        <source>Refused, nothing applied: %1</source>
        <translation>Отклонено, ничего не применено: %1</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../desktop/confirm.py" line="14" />
        <source>Confirm submission</source>
        <translation>Подтверждение подачи</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="15" />
        <source>Submit %1?</source>
        <translation>Подать %1?</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="17" />
        <source>After submission the record can be changed only if the region returns it.</source>
        <translation>После подачи запись можно изменить, только если регион вернёт её на доработку.</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="19" />
        <source>Submit</source>
        <translation>Подать</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="21" />
        <location filename="../../desktop/confirm.py" line="38" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="31" />
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="32" />
        <source>%1 has unsaved changes. Save them as a draft?</source>
        <translation>В записи %1 есть несохранённые изменения. Сохранить их как черновик?</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="36" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="37" />
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="244" />
        <source>mine</source>
        <translation>моё</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="244" />
        <source>theirs</source>
        <translation>с сервера</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="245" />
        <source>edit</source>
        <translation>исправить</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="248" />
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="248" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="249" />
        <source>Comment on warnings</source>
        <translation>Комментарий к предупреждениям</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="250" />
        <source>Reviewer's comment</source>
        <translation>Комментарий проверяющего</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="253" />
        <source>Resolve a conflict</source>
        <translation>Разрешение конфликта</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="257" />
        <source>Another device created the same report for this org unit and month.</source>
        <translation>Другое устройство создало такой же отчёт для этого подразделения за этот месяц.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="259" />
        <source>The report was changed on the server while you edited it.</source>
        <translation>Пока вы редактировали отчёт, его изменили на сервере.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="260" />
        <source>%1 values differ. Choose per row which value to keep, or edit it.</source>
        <translation>Различающихся значений: %1. В каждой строке выберите, какое оставить, или исправьте его.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="262" />
        <source>The result is sent as a normal change.</source>
        <translation>Результат будет отправлен как обычное изменение.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>My value</source>
        <translation>Моё значение</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>Server value</source>
        <translation>Значение на сервере</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="264" />
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="264" />
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="266" />
        <source>Keep all mine</source>
        <translation>Оставить все мои</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="267" />
        <source>Keep all theirs</source>
        <translation>Оставить все с сервера</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="287" />
        <source>%1: «%2» is not a whole number; type one, e.g. 12.</source>
        <translation>%1: «%2» — не целое число; введите целое, например 12.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="288" />
        <source>%1: «%2» is not a number; type one, e.g. 12 or 7,5.</source>
        <translation>%1: «%2» — не число; введите число, например 12 или 7,5.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="298" />
        <source>Not a valid value</source>
        <translation>Недопустимое значение</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="301" />
        <source>Could not save the resolution</source>
        <translation>Не удалось сохранить решение конфликта</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="40" />
        <source>&amp;Move my records there</source>
        <translation>Перенести мои записи туда</translation>
    </message>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="41" />
        <source>&amp;Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="59" />
        <source>You worked offline for «%1» (records: %2). Which district of the server is it? Its drafts and returned records move there; this cannot be undone.</source>
        <translation>Вы работали офлайн за «%1» (записей: %2). Какой это район на сервере? Черновики и возвращённые записи будут перенесены туда; отменить это нельзя.</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../desktop/connection.py" line="12" />
        <source>Offline only (no server)</source>
        <translation>Только офлайн (сервер не настроен)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="13" />
        <source>Checking connection…</source>
        <translation>Проверка связи…</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="14" />
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="15" />
        <source>Offline: the server does not answer, retrying</source>
        <translation>Нет связи: сервер не отвечает, пробуем снова</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="16" />
        <source>Online, but the server wants you to log in</source>
        <translation>В сети, но сервер просит войти</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desktop/review_page.py" line="286" />
        <source>Correct a submitted report</source>
        <translation>Исправление поданного отчёта</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="304" />
        <source>Field:</source>
        <translation>Поле:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="305" />
        <source>Current value:</source>
        <translation>Текущее значение:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="306" />
        <source>New value:</source>
        <translation>Новое значение:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="307" />
        <source>Reason (required):</source>
        <translation>Причина (обязательно):</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="209" />
        <source>Year:</source>
        <translation>Год:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="210" />
        <source>From month:</source>
        <translation>С месяца:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="211" />
        <source>to:</source>
        <translation>по:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="216" />
        <source>Hourly rate, ₸:</source>
        <translation>Стоимость часа, ₸:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="217" />
        <source>Include drafts</source>
        <translation>Учитывать черновики</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="218" />
        <source>Rates…</source>
        <translation>Ставки…</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="219" />
        <source>Hourly rates by region and year</source>
        <translation>Стоимость часа по регионам и годам</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="220" />
        <source>Headline numbers</source>
        <translation>Основные показатели</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="221" />
        <location filename="../../desktop/dashboard_page.py" line="286" />
        <source>Completeness and timeliness</source>
        <translation>Полнота и своевременность</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="235" />
        <source>Monthly reports</source>
        <translation>Ежемесячные отчёты</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="236" />
        <source>Economic contribution, ₸</source>
        <translation>Экономический вклад, ₸</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="237" />
        <source>Minimum estimate, ₸ (hours rounded up to a million)</source>
        <translation>Минимальная оценка, ₸ (часы, округлённые до миллиона вверх)</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="239" />
        <source>Stock: latest report of each org unit, summed</source>
        <translation>Остаток: последний отчёт каждого подразделения, в сумме</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="240" />
        <source>Flow: summed over the months of the period</source>
        <translation>Поток: сумма за месяцы периода</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="224" />
        <source>Org unit</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="224" />
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="225" />
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="225" />
        <source>On time</source>
        <translation>В срок</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="226" />
        <source>Received, %</source>
        <translation>Получено, %</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="246" />
        <source>The national report's method: the recorded hours rounded up to the next million, times the rate. Shown for national and regional totals only.</source>
        <translation>Метод национального доклада: учтённые часы, округлённые вверх до миллиона, умноженные на ставку. Показывается только для итогов по стране и по региону.</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="302" />
        <source>All regions</source>
        <translation>Все регионы</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="329" />
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="341" />
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="355" />
        <source>Trend over months</source>
        <translation>Динамика по месяцам</translation>
    </message>
</context>
<context>
    <name>EventFill</name>
    <message>
        <location filename="../../desktop/event_fill.py" line="23" />
        <source>Fill from events</source>
        <translation>Заполнить из мероприятий</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="24" />
        <source>Sum this month's volunteering events of the org unit into the event figures, hours and positions; check them, then save.</source>
        <translation>Сложить волонтёрские мероприятия подразделения за месяц в показатели мероприятий, часов и позиций; проверьте их и сохраните.</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="33" />
        <source>Choose the org unit and the month first.</source>
        <translation>Сначала выберите подразделение и месяц.</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="43" />
        <source>Filled from %1 events of %2: check the figures and save.</source>
        <translation>Заполнено по мероприятиям за %2 (%1): проверьте показатели и сохраните.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../desktop/export_actions.py" line="19" />
        <source>Export to Excel</source>
        <translation>Экспорт в Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="20" />
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="21" />
        <source>Blank workbook…</source>
        <translation>Пустая книга Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="31" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="32" />
        <source>CSV table (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="33" />
        <source>JSON records (*.json)</source>
        <translation>Записи JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="34" />
        <location filename="../../desktop/export_actions.py" line="48" />
        <location filename="../../desktop/export_actions.py" line="56" />
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="47" />
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="55" />
        <source>Could not save the file: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="142" />
        <source>summary</source>
        <translation>сводка</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <location filename="../../desktop/field_widgets.py" line="45" />
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../desktop/field_widgets.py" line="348" />
        <source>Choose on the calendar</source>
        <translation>Выбрать в календаре</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../desktop/findings_panel.py" line="17" />
        <source>Enter the period as YYYY-MM.</source>
        <translation>Укажите период в виде ГГГГ-ММ.</translation>
    </message>
    <message>
        <location filename="../../desktop/findings_panel.py" line="92" />
        <source>Findings — errors: %1, warnings: %2, notes: %3</source>
        <translation>Замечания — ошибки: %1, предупреждения: %2, сведения: %3</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/first_run.py" line="186" />
        <source>Esep — first start</source>
        <translation>Esep — первый запуск</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="187" />
        <source>Welcome to Esep</source>
        <translation>Добро пожаловать в Esep</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="188" />
        <source>&amp;Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="189" />
        <source>Work on this computer only, or connect to the central server to sync your reports?</source>
        <translation>Работать только на этом компьютере или подключиться к центральному серверу для синхронизации отчётов?</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="191" />
        <source>Work &amp;offline</source>
        <translation>Работать офлайн</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="192" />
        <source>&amp;Connect to a server</source>
        <translation>Подключиться к серверу</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>&amp;Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>&amp;District</source>
        <translation>Район</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>Your &amp;name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="196" />
        <source>Server &amp;URL</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="196" />
        <source>&amp;User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="197" />
        <source>&amp;Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="199" />
        <source>&amp;Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="200" />
        <source>&amp;Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="202" />
        <source>&amp;Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="225" />
        <source>Pick a district or type its name</source>
        <translation>Выберите район или впишите его название</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="226" />
        <source>Type the district's name</source>
        <translation>Впишите название района</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="234" />
        <source>Choose the region and type or pick a district.</source>
        <translation>Выберите регион и выберите или впишите район.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="253" />
        <source>Enter the server URL, user and password.</source>
        <translation>Введите адрес сервера, пользователя и пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="256" />
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="283" />
        <source>Your password was reset: choose a new one.</source>
        <translation>Ваш пароль был сброшен: задайте новый.</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../desktop/form_editor.py" line="90" />
        <source>Choose the month</source>
        <translation>Выбрать месяц</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="330" />
        <source>&amp;Org unit</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="331" />
        <source>&amp;Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="332" />
        <source>YYYY-MM</source>
        <translation>ГГГГ-ММ</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="334" />
        <source>Comment on warnings (required to submit with warnings)</source>
        <translation>Комментарий к предупреждениям (обязателен, чтобы подать с предупреждениями)</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="335" />
        <source>Save &amp;draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="336" />
        <source>&amp;Submit</source>
        <translation>Подать</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="337" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="359" />
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="175" />
        <source>Fix the errors to submit.</source>
        <translation>Исправьте ошибки, чтобы подать отчёт.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="178" />
        <source>Not shown yet: %1; F8 goes to the next one.</source>
        <translation>Ещё не показано: %1; F8 — к следующей.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="182" />
        <source>Warnings need a comment before you submit.</source>
        <translation>Перед подачей напишите комментарий к предупреждениям.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="240" />
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="243" />
        <source>Draft saved.</source>
        <translation>Черновик сохранён.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="305" />
        <source>Submission blocked: see the findings.</source>
        <translation>Подача невозможна: см. замечания.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="309" />
        <source>Not submitted: %1</source>
        <translation>Не подано: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="313" />
        <source>Submitted: %1.</source>
        <translation>Подано: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="31" />
        <source>Save correction…</source>
        <translation>Сохранить исправление…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="32" />
        <source>Correct…</source>
        <translation>Исправить…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="54" />
        <source>Change the values, then save the correction with a reason.</source>
        <translation>Измените значения, затем сохраните исправление с указанием причины.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="59" />
        <source>Correction</source>
        <translation>Исправление</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="60" />
        <source>Reason for the correction (required):</source>
        <translation>Причина исправления (обязательно):</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="72" />
        <source>A correction needs a reason.</source>
        <translation>Для исправления нужна причина.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="84" />
        <source>Correction blocked: see the findings.</source>
        <translation>Исправление невозможно: см. замечания.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="88" />
        <source>Not corrected: %1</source>
        <translation>Не исправлено: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="92" />
        <source>Correction saved (revision %1).</source>
        <translation>Исправление сохранено (редакция %1).</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="21" />
        <source>The report is approved and locked; no one changes it.</source>
        <translation>Отчёт принят и заблокирован: его никто не меняет.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="24" />
        <source>A submitted report is not changed in place; the region or the centre corrects it with a reason.</source>
        <translation>Поданный отчёт не меняют на месте: его исправляет регион или центр с указанием причины.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="28" />
        <source>Your role does not enter or submit this form.</source>
        <translation>Ваша роль не заполняет и не подаёт эту форму.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="30" />
        <source>Not available for a record in this status.</source>
        <translation>Недоступно для записи в этом статусе.</translation>
    </message>
</context>
<context>
    <name>HistoryHints</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="108" />
        <source>last month: %1 · last year: %2</source>
        <translation>прошлый месяц: %1 · год назад: %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/import_texts.py" line="16" />
        <source>Import a file</source>
        <translation>Импорт файла</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="17" />
        <source>Lists and tables</source>
        <translation>Списки и таблицы</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="24" />
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="26" />
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="27" />
        <source>note</source>
        <translation>замечание</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="63" />
        <source>row %1</source>
        <translation>строка %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="66" />
        <source>column «%1»</source>
        <translation>столбец «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="138" />
        <source>Import: %1</source>
        <translation>Импорт: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="139" />
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="140" />
        <source>Org unit:</source>
        <translation>Подразделение:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="141" />
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="143" />
        <source>YYYY-MM</source>
        <translation>ГГГГ-ММ</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="144" />
        <source>YYYY-MM; empty: the month of the list's date</source>
        <translation>ГГГГ-ММ; пусто — месяц даты в списке</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="79" />
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="80" />
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="102" />
        <source>Chosen at the last import of a list with this header; choose again if it is wrong</source>
        <translation>Выбрано при прошлом импорте списка с таким же заголовком; если неверно, выберите заново</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="111" />
        <source>Required, in no column: %1</source>
        <translation>Обязательные поля, которых нет ни в одном столбце: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="146" />
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="147" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="152" />
        <source>To add: %1</source>
        <translation>Добавить: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="153" />
        <source>To change: %1</source>
        <translation>Изменить: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="154" />
        <source>Skipped: %1</source>
        <translation>Пропущено: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="82" />
        <source>Findings: %1</source>
        <translation>Замечания: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="84" />
        <source>Errors: %1, warnings: %2</source>
        <translation>Ошибки: %1, предупреждения: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="188" />
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="189" />
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="199" />
        <source>Rows read: %1</source>
        <translation>Прочитано строк: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="215" />
        <source>Cancelled; nothing was imported.</source>
        <translation>Отменено; ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="218" />
        <source>Nothing was imported: %1</source>
        <translation>Ничего не импортировано: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="238" />
        <source>Errors: %1 — correct the file; nothing will be imported.</source>
        <translation>Ошибок: %1 — исправьте файл; ничего не будет импортировано.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="240" />
        <source>Check the preview, then press Import.</source>
        <translation>Проверьте предпросмотр и нажмите «Импортировать».</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="244" />
        <source>Header row: %1</source>
        <translation>Строка заголовка: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="89" />
        <source>— not imported —</source>
        <translation>— не импортировать —</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="327" />
        <source>Org unit</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="279" />
        <location filename="../../desktop/import_dialog.py" line="328" />
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="247" />
        <source>columns as chosen at the last import</source>
        <translation>столбцы — как выбраны при прошлом импорте</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="329" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="376" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="100" />
        <source>Reason for the correction</source>
        <translation>Причина исправления</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="101" />
        <source>%1

Why do the submitted figures change?</source>
        <translation>%1

Почему меняются поданные показатели?</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="37" />
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="53" />
        <source>All sheets</source>
        <translation>Все листы</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="54" />
        <source>(hidden)</source>
        <translation>(скрыт)</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../desktop/link_dialog.py" line="29" />
        <source>Find in the registry</source>
        <translation>Поиск в реестре</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="43" />
        <source>Registry entries that «%1» may mean, the likeliest first:</source>
        <translation>Записи реестра, которые может означать «%1», сначала самые вероятные:</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="47" />
        <source>No registry entry looks like «%1».</source>
        <translation>В реестре нет записи, похожей на «%1».</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="52" />
        <source>Link</source>
        <translation>Связать</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="94" />
        <source>Find in the registry…</source>
        <translation>Найти в реестре…</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="104" />
        <location filename="../../desktop/link_dialog.py" line="129" />
        <source>Linked to the registry entry «%1».</source>
        <translation>Связано с записью реестра «%1».</translation>
    </message>
</context>
<context>
    <name>ListValues</name>
    <message>
        <location filename="../../desktop/import_values.py" line="39" />
        <source>— not set —</source>
        <translation>— не задано —</translation>
    </message>
    <message>
        <location filename="../../desktop/import_values.py" line="44" />
        <source>%1 for the whole list:</source>
        <translation>%1 для всего списка:</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login_dialog.py" line="83" />
        <source>Log in to the server</source>
        <translation>Вход на сервер</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="84" />
        <source>Enter the server address, your user name and password.</source>
        <translation>Введите адрес сервера, имя пользователя и пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="86" />
        <source>The server %1 asks you to log in again. Your changes are kept and sync continues after the login.</source>
        <translation>Сервер %1 просит войти снова. Ваши изменения сохранены, синхронизация продолжится после входа.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="89" />
        <source>Server &amp;URL</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="89" />
        <source>&amp;User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="90" />
        <source>&amp;Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="92" />
        <source>&amp;Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="93" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="99" />
        <source>Enter the server URL, user and password.</source>
        <translation>Введите адрес сервера, пользователя и пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="104" />
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../../desktop/main_menu.py" line="99" />
        <location filename="../../desktop/main_menu.py" line="117" />
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="100" />
        <source>Ctrl+N — a new record of the list on screen
Ctrl+S — save the draft
Ctrl+Enter — submit (you are asked to confirm)
Ctrl+F — search the list
Enter — next field · F8 — next finding
F1 — this help</source>
        <translation>Ctrl+N — новая запись в открытом списке
Ctrl+S — сохранить черновик
Ctrl+Enter — подать (с подтверждением)
Ctrl+F — поиск по списку
Enter — следующее поле · F8 — следующее замечание
F1 — эта справка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="104" />
        <location filename="../../desktop/main_menu.py" line="118" />
        <source>About Esep</source>
        <translation>О программе Esep</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="107" />
        <source>&amp;File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="108" />
        <source>&amp;Edit</source>
        <translation>Правка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="109" />
        <source>&amp;View</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="110" />
        <source>&amp;Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="111" />
        <source>New record</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="112" />
        <source>Save draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="113" />
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="114" />
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="115" />
        <source>Export the list…</source>
        <translation>Экспорт списка…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="116" />
        <source>Find in the list</source>
        <translation>Найти в списке</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="35" />
        <source>Monthly reports</source>
        <translation>Ежемесячные отчёты</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="37" />
        <source>Events</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="39" />
        <source>Seminars</source>
        <translation>Семинары</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="41" />
        <source>Focus groups</source>
        <translation>Фокус-группы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="43" />
        <source>Questionnaires</source>
        <translation>Анкеты госслужащих</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="45" />
        <source>Leadership meetings</source>
        <translation>Встречи с руководством</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="47" />
        <source>Hotline</source>
        <translation>Горячая линия</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="49" />
        <source>Volunteer surveys</source>
        <translation>Анкеты волонтёров</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="51" />
        <source>Organization surveys</source>
        <translation>Анкеты организаций</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="53" />
        <source>Organization registry</source>
        <translation>Реестр организаций</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="55" />
        <source>Review</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="57" />
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="59" />
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="61" />
        <source>Data quality</source>
        <translation>Качество данных</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="63" />
        <location filename="../../desktop/sync_page.py" line="222" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="212" />
        <source>Esep — volunteering in figures</source>
        <translation>Esep — волонтёрство в цифрах</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../desktop/refused_box.py" line="51" />
        <source>Move to another unit</source>
        <translation>Перенести в другое подразделение</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="58" />
        <source>Move %1 to:</source>
        <translation>Перенести %1 в:</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="59" />
        <source>No other org unit you may keep this form under: open the record or drop its change.</source>
        <translation>Нет другого подразделения, в котором вам можно вести эту форму: откройте запись или отмените её изменение.</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="68" />
        <source>Move</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="70" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="76" />
        <source>Esep: passphrase</source>
        <translation>Esep: пароль к данным</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="78" />
        <source>This computer has no keyring, so the personal data in Esep is encrypted with a passphrase. Choose one of at least %1 characters and keep it: without it the data cannot be opened.</source>
        <translation>На этом компьютере нет хранилища ключей, поэтому персональные данные в Esep шифруются паролем. Придумайте пароль не короче %1 символов и сохраните его: без него данные не открыть.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="82" />
        <source>The personal data in Esep is encrypted. Type the passphrase to open %2.</source>
        <translation>Персональные данные в Esep зашифрованы. Введите пароль, чтобы открыть %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="86" />
        <source>Passphrase:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="87" />
        <source>Once more:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="89" />
        <source>This passphrase does not open the data. Try again; nothing was changed.</source>
        <translation>Этот пароль не открывает данные. Попробуйте ещё раз; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="96" />
        <source>Type the passphrase.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="98" />
        <source>The passphrase is too short: %1 characters, at least %2 are needed.</source>
        <translation>Пароль слишком короткий: %1 симв., нужно не меньше %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="102" />
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>Пароли не совпадают; введите один и тот же дважды.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/password_dialog.py" line="68" />
        <source>Change password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="69" />
        <source>&amp;Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="70" />
        <source>&amp;New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="71" />
        <source>&amp;Repeat the new password</source>
        <translation>Повторите новый пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="77" />
        <source>Enter your current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="79" />
        <source>The new password needs at least %1 characters.</source>
        <translation>Новый пароль должен содержать не менее %1 символов.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="82" />
        <source>The two new passwords differ.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="84" />
        <source>The new password must differ from the current one.</source>
        <translation>Новый пароль должен отличаться от текущего.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="93" />
        <source>No server is set: enter the server URL in the settings first.</source>
        <translation>Сервер не указан: сначала введите адрес сервера в настройках.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="100" />
        <source>Changing the password…</source>
        <translation>Пароль меняется…</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="121" />
        <source>The current password is wrong. Nothing was changed.</source>
        <translation>Текущий пароль неверен. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="123" />
        <source>The server cannot be reached. Nothing was changed.</source>
        <translation>Сервер недоступен. Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="125" />
        <source>The server refused the new password: %1</source>
        <translation>Сервер не принял новый пароль: %1</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../desktop/quality_page.py" line="251" />
        <source>Rule:</source>
        <translation>Правило:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="252" />
        <source>Severity:</source>
        <translation>Важность:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="253" />
        <source>Org unit:</source>
        <translation>Подразделение:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="254" />
        <source>Check again</source>
        <translation>Проверить заново</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="256" />
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="259" />
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="257" />
        <source>Org unit</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="257" />
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="258" />
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="258" />
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="256" />
        <source>Finding</source>
        <translation>Замечание</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="264" />
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="264" />
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="265" />
        <source>info</source>
        <translation>к сведению</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="271" />
        <source>(all)</source>
        <translation>(все)</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="330" />
        <source>Could not check the records: %1</source>
        <translation>Не удалось проверить записи: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="336" />
        <source>Findings: %1 (errors: %2, warnings: %3, info: %4)</source>
        <translation>Замечаний: %1 (ошибок %2, предупреждений %3, к сведению %4)</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="345" />
        <source>Data quality</source>
        <translation>Качество данных</translation>
    </message>
</context>
<context>
    <name>RateTableModel</name>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="145" />
        <source>%1: “%2” is not a valid rate. Enter a number of tenge greater than 0, or leave it empty for the default.</source>
        <translation>%1: «%2» — недопустимая ставка. Введите число тенге больше 0 или оставьте поле пустым, чтобы применялась ставка по умолчанию.</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="206" />
        <source>Hourly rates by region</source>
        <translation>Стоимость часа по регионам</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="207" />
        <source>Year:</source>
        <translation>Год:</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="208" />
        <source>Value of one volunteer hour in each region, ₸. Leave a rate empty to use the default rate (%1 ₸/h).</source>
        <translation>Стоимость одного часа волонтёрского труда в каждом регионе, ₸. Оставьте ставку пустой, чтобы применялась ставка по умолчанию (%1 ₸/ч).</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="211" />
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="211" />
        <source>Own rate, ₸/h</source>
        <translation>Своя ставка, ₸/ч</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="212" />
        <source>Rate applied, ₸/h</source>
        <translation>Применяемая ставка, ₸/ч</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="215" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="217" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="219" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="227" />
        <source>These rates are set by the centre and come with each sync; they cannot be changed here. Last change: %1. Regions without a rate use the default rate (%2 ₸/h).</source>
        <translation>Ставки устанавливает центр, они приходят при каждой синхронизации; здесь их изменить нельзя. Последнее изменение: %1. Для регионов без ставки применяется ставка по умолчанию (%2 ₸/ч).</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="231" />
        <source>These rates are set by the centre and come with each sync; they cannot be changed here. Regions without a rate use the default rate (%1 ₸/h).</source>
        <translation>Ставки устанавливает центр, они приходят при каждой синхронизации; здесь их изменить нельзя. Для регионов без ставки применяется ставка по умолчанию (%1 ₸/ч).</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="260" />
        <source>Could not save the rates: %1</source>
        <translation>Не удалось сохранить ставки: %1</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../desktop/record_list_page.py" line="157" />
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="158" />
        <source>YYYY-MM</source>
        <translation>ГГГГ-ММ</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="160" />
        <source>&amp;New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="163" />
        <source>&amp;Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="164" />
        <source>Recover unsaved input</source>
        <translation>Восстановить несохранённое</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/record_list_page.py" line="221" />
        <source>%n report(s) returned for changes — open</source>
        <translation>
            <numerusform>%n отчёт возвращён на доработку — открыть</numerusform>
            <numerusform>%n отчёта возвращены на доработку — открыть</numerusform>
            <numerusform>%n отчётов возвращено на доработку — открыть</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="239" />
        <source>All org units</source>
        <translation>Все подразделения</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="245" />
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="281" />
        <source>Showing %1 of %2</source>
        <translation>Показано %1 из %2</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="289" />
        <source>No records match the filters. Clear the search or the filters.</source>
        <translation>Под фильтры не подходит ни одна запись. Очистите поиск или фильтры.</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="291" />
        <source>No records yet. Press %1 or «%2» to enter the first one.</source>
        <translation>Записей пока нет. Нажмите %1 или «%2», чтобы внести первую.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/record_model.py" line="19" />
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="20" />
        <source>Org unit</source>
        <translation>Подразделение</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="21" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="22" />
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="23" />
        <source>Updated</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="24" />
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="47" />
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="48" />
        <source>submitted</source>
        <translation>подан</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="49" />
        <source>returned</source>
        <translation>возвращён</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="50" />
        <source>approved</source>
        <translation>принят</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="51" />
        <source>conflict</source>
        <translation>конфликт</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="52" />
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="37" />
        <source>Nothing to import: every organization of the list is in the registry already.</source>
        <translation>Импортировать нечего: все организации этого списка уже есть в реестре.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="45" />
        <source>Matched to no field of the registry (not imported): %1</source>
        <translation>Не сопоставлены ни с одним полем реестра (не импортируются): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="48" />
        <source>Row %1: in the registry already, as the list has it; not saved again</source>
        <translation>Строка %1: уже есть в реестре в том же виде; повторно не сохраняется</translation>
    </message>
</context>
<context>
    <name>RejectedBox</name>
    <message>
        <location filename="../../desktop/refused_box.py" line="99" />
        <source>The server never had %1. Drop it? It is removed from this computer; its history keeps it as deleted.</source>
        <translation>Сервер никогда не получал %1. Отменить? Запись будет удалена с этого компьютера; в истории она останется удалённой.</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="103" />
        <source>Drop the refused change of %1? Its changes not accepted by the server are discarded, and the server's copy (version %2) comes back.</source>
        <translation>Отменить отклонённое изменение %1? Не принятые сервером изменения будут стёрты, вернётся копия сервера (версия %2).</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="108" />
        <source>Drop the refused change</source>
        <translation>Отмена отклонённого изменения</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="110" />
        <source>Drop</source>
        <translation>Отменить изменение</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="113" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="150" />
        <source>Rejected by the server</source>
        <translation>Отклонено сервером</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="151" />
        <source>Open the record to fix it</source>
        <translation>Открыть запись, чтобы исправить</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="152" />
        <source>Send again</source>
        <translation>Отправить снова</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="153" />
        <source>Move to another unit…</source>
        <translation>Перенести в другое подразделение…</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="154" />
        <source>Drop…</source>
        <translation>Отменить изменение…</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="156" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="156" />
        <source>Why it was rejected</source>
        <translation>Причина отклонения</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="199" />
        <source>Not dropped</source>
        <translation>Изменение не отменено</translation>
    </message>
</context>
<context>
    <name>RestoreBanner</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="159" />
        <source>Unsaved input from %1 was kept after the app closed. Restore it?</source>
        <translation>Несохранённый ввод от %1 сохранился после закрытия программы. Восстановить?</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="161" />
        <source>&amp;Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="162" />
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
</context>
<context>
    <name>ReturnBanner</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="200" />
        <source>Returned for changes by %1 on %2:</source>
        <translation>Возвращено на доработку (%1, %2):</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/review_page.py" line="67" />
        <source>missing</source>
        <translation>нет отчёта</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="67" />
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="68" />
        <source>submitted</source>
        <translation>подан</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="68" />
        <source>late</source>
        <translation>просрочен</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="69" />
        <source>returned</source>
        <translation>возвращён</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="69" />
        <source>approved</source>
        <translation>принят</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="70" />
        <source>not due yet</source>
        <translation>срок не наступил</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="132" />
        <source>Year:</source>
        <translation>Год:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="133" />
        <source>Reports due by day of next month:</source>
        <translation>Срок сдачи — число следующего месяца:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="137" />
        <source>Changes after submission</source>
        <translation>Изменения после подачи</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="138" />
        <source>Comment to the district (required to return)</source>
        <translation>Комментарий для района (обязателен при возврате)</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="139" />
        <source>Open report</source>
        <translation>Открыть отчёт</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="140" />
        <source>Approve</source>
        <translation>Принять</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="141" />
        <source>Return with comment</source>
        <translation>Вернуть с комментарием</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="142" />
        <source>Correct a value…</source>
        <translation>Исправить значение…</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="144" />
        <source>Revision</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="144" />
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Was</source>
        <translation>Было</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Now</source>
        <translation>Стало</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Editor</source>
        <translation>Кто изменил</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="146" />
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="146" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="187" />
        <source>Select a cell of the grid to see the report.</source>
        <translation>Выберите ячейку таблицы, чтобы увидеть отчёт.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="202" />
        <source>Comment on warnings: %1</source>
        <translation>Комментарий к предупреждениям: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="204" />
        <source>Reviewer's comment: %1</source>
        <translation>Комментарий проверяющего: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="228" />
        <source>Comment required</source>
        <translation>Нужен комментарий</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="227" />
        <source>Write what the district must fix before returning the report.</source>
        <translation>Напишите, что район должен исправить, прежде чем вернуть отчёт.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="235" />
        <source>Could not save the review</source>
        <translation>Не удалось сохранить решение</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="251" />
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="253" />
        <source>The report cannot be approved yet:</source>
        <translation>Отчёт пока нельзя принять:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="254" />
        <source>Return it to the district with a comment saying what to correct or explain, or correct a value yourself.</source>
        <translation>Верните его району с комментарием, что исправить или пояснить, или исправьте значение сами.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="274" />
        <source>Could not save the correction</source>
        <translation>Не удалось сохранить исправление</translation>
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <location filename="../../desktop/roster_editor.py" line="187" />
        <source>Add row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="188" />
        <source>Delete row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="189" />
        <location filename="../../desktop/roster_editor.py" line="245" />
        <source>Paste from Excel</source>
        <translation>Вставить из Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="194" />
        <source>Rows: %1</source>
        <translation>Строк: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="196" />
        <source>duplicates: %1</source>
        <translation>повторов: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="198" />
        <source>left out of the paste (titles, totals, notes): %1</source>
        <translation>не вставлены (заголовки, итоги, примечания), строки: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="234" />
        <source>Delete rows</source>
        <translation>Удаление строк</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="246" />
        <source>Nothing to paste: select the rows in Excel, copy them (Ctrl+C), then press «Paste from Excel» again.</source>
        <translation>Нечего вставлять: выделите строки в Excel, скопируйте их (Ctrl+C) и снова нажмите «Вставить из Excel».</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="258" />
        <source>Paste</source>
        <translation>Вставка</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="263" />
        <source>Paste again?</source>
        <translation>Вставить ещё раз?</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="264" />
        <source>All %1 pasted rows are already in the list. Add them once more?</source>
        <translation>Все вставляемые строки (%1) уже есть в списке. Добавить их ещё раз?</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="267" />
        <source>Add again</source>
        <translation>Добавить ещё раз</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="268" />
        <source>Do not add</source>
        <translation>Не добавлять</translation>
    </message>
</context>
<context>
    <name>ServerErrors</name>
    <message>
        <location filename="../../desktop/server_errors.py" line="14" />
        <source>Not authorised: log in again.</source>
        <translation>Не авторизованы: войдите снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="19" />
        <source>Wrong user or password.</source>
        <translation>Неверный пользователь или пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="20" />
        <source>Too many attempts: wait a little and try again.</source>
        <translation>Слишком много попыток: подождите и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="22" />
        <source>The server does not answer: check the connection.</source>
        <translation>Сервер не отвечает: проверьте связь.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="24" />
        <source>The server needs a newer Esep: install the update. Your changes are kept.</source>
        <translation>Серверу нужна более новая версия Esep: установите обновление. Ваши изменения сохранены.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="27" />
        <source>Plain http is allowed only to this computer: use an https:// address.</source>
        <translation>Незащищённый http разрешён только для этого компьютера: укажите адрес https://.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="30" />
        <source>Too much data in one request.</source>
        <translation>Слишком много данных в одном запросе.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="31" />
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="33" />
        <source>The server reported an error (%1).</source>
        <translation>Сервер сообщил об ошибке (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="34" />
        <source>This is not a server address (expected https://host)</source>
        <translation>Это не адрес сервера (ожидается https://хост)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/settings_page.py" line="34" />
        <source>District staff</source>
        <translation>Сотрудник района</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="35" />
        <source>Regional coordinator</source>
        <translation>Координатор региона</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="36" />
        <source>Central office</source>
        <translation>Центральный офис</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="37" />
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="102" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="103" />
        <source>&amp;Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="103" />
        <source>Server &amp;URL</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="104" />
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="104" />
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="105" />
        <location filename="../../desktop/settings_page.py" line="163" />
        <source>Data folder</source>
        <translation>Папка данных</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="108" />
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="109" />
        <source>&amp;Back up to a file…</source>
        <translation>Резервная копия в файл…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="110" />
        <source>&amp;Restore from a file…</source>
        <translation>Восстановить из файла…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="111" />
        <source>Log &amp;out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="112" />
        <location filename="../../desktop/sync_page.py" line="221" />
        <source>&amp;Connect to a server…</source>
        <translation>Подключиться к серверу…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="113" />
        <source>Change &amp;password…</source>
        <translation>Сменить пароль…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="152" />
        <source>Connected to %1. Sync starts now.</source>
        <translation>Подключено к %1. Синхронизация начинается.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="159" />
        <source>The new data folder is used from the next start: %1</source>
        <translation>Новая папка данных будет использована при следующем запуске: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="170" />
        <source>Backup written to %1</source>
        <translation>Резервная копия записана: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="177" />
        <source>Not restored: %1</source>
        <translation>Не восстановлено: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="180" />
        <source>Restored. The previous data was kept in %1</source>
        <translation>Восстановлено. Прежние данные сохранены в %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="193" />
        <source>Back up to a file</source>
        <translation>Резервная копия в файл</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="200" />
        <source>Restore from a file</source>
        <translation>Восстановить из файла</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="210" />
        <source>Your password has been changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="225" />
        <source>Logged out. The first-run screen opens at the next start.</source>
        <translation>Вы вышли. При следующем запуске откроется экран первого запуска.</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <location filename="../../desktop/status_bar.py" line="93" />
        <source>Last sync: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="93" />
        <source>never</source>
        <translation>не было</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="97" />
        <source>please sync (over %1 days)</source>
        <translation>синхронизируйтесь (прошло больше %1 дней)</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="100" />
        <source>Changes waiting: %1</source>
        <translation>Ожидают отправки: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="101" />
        <source>Conflicts: %1 · Rejected: %2</source>
        <translation>Конфликты: %1 · Отклонено: %2</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="50" />
        <source>To add: %1</source>
        <translation>Добавить: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="51" />
        <source>To update: %1</source>
        <translation>Обновить: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="52" />
        <source>Skipped: %1</source>
        <translation>Пропущено: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="54" />
        <source>Findings: %1</source>
        <translation>Замечания: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="91" />
        <source>Nothing to import: every response of the file was imported before.</source>
        <translation>Импортировать нечего: все ответы этого файла уже импортированы раньше.</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="94" />
        <source>Matched to no question (not imported): %1</source>
        <translation>Не сопоставлены ни с одним вопросом (не импортируются): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="101" />
        <source>Row %1: imported before and unchanged; not saved again</source>
        <translation>Строка %1: импортирована раньше и не изменилась; повторно не сохраняется</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="137" />
        <source>Row %1: %2: %3 → %4</source>
        <translation>Строка %1: %2: %3 → %4</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="147" />
        <source>Row</source>
        <translation>Строка</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../desktop/sync_page.py" line="134" />
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="135" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="136" />
        <source>Sync:</source>
        <translation>Синхронизация:</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_mode.py" line="8" />
        <source>automatically when the server answers</source>
        <translation>автоматически, когда сервер доступен</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_mode.py" line="9" />
        <source>only when I press Sync now</source>
        <translation>только по кнопке «Синхронизировать»</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="138" />
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="139" />
        <location filename="../../desktop/sync_page.py" line="147" />
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="140" />
        <source>Resolve…</source>
        <translation>Разрешить…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="145" />
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="145" />
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="146" />
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="146" />
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="147" />
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="148" />
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="150" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="150" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="156" />
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="156" />
        <source>done, needs a person</source>
        <translation>выполнено, нужно решение человека</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="157" />
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="157" />
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="158" />
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="165" />
        <source>reason unknown</source>
        <translation>причина неизвестна</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="167" />
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="174" />
        <source>same report made on two devices</source>
        <translation>один отчёт создан на двух устройствах</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="175" />
        <source>changed here and on the server</source>
        <translation>изменено здесь и на сервере</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="186" />
        <source>Working offline: no server is set up (Settings → server).</source>
        <translation>Работа без сети: сервер не настроен (Настройки → сервер).</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="197" />
        <source>You have not synced for %1 days: connect and press Sync now.</source>
        <translation>Вы не синхронизировались %1 дн.: подключитесь к сети и нажмите «Синхронизировать».</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="212" />
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="219" />
        <source>No server is set up, so there is nothing to sync with: press «%1» in %2, or take the changes on a USB stick with «%3».</source>
        <translation>Сервер не настроен, синхронизировать не с чем: нажмите «%1» в разделе «%2» или перенесите изменения на флешке кнопкой «%3».</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="228" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="235" />
        <source>receiving</source>
        <translation>получение</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="235" />
        <source>sending</source>
        <translation>отправка</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="238" />
        <source>%1: %2 records · %3 KB sent · %4 KB received</source>
        <translation>%1: записей %2 · отправлено %3 КБ · получено %4 КБ</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="256" />
        <source>Done: %1 sent, %2 received, %3 conflicts, %4 rejected, %5 KB</source>
        <translation>Готово: отправлено %1, получено %2, конфликтов %3, отклонено %4, %5 КБ</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="276" />
        <source>Cancelled; what was already exchanged is kept.</source>
        <translation>Отменено; уже переданные данные сохранены.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="279" />
        <source>Sync failed: %1</source>
        <translation>Синхронизация не удалась: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="340" />
        <source>Automatic sync: %1</source>
        <translation>Автоматическая синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="348" />
        <source>Automatic sync stopped: %1</source>
        <translation>Автоматическая синхронизация остановлена: %1</translation>
    </message>
</context>
</TS>