<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="kk_KZ">
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="221" />
        <source>mine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="221" />
        <source>theirs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="222" />
        <source>edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="225" />
        <source>Resolve a conflict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="226" />
        <source>Another device created the same report for this org unit and month.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="228" />
        <source>The report was changed on the server while you edited it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="230" />
        <source>%1 values differ. Choose per row which value to keep, or edit it; the result is sent as a normal change.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="232" />
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="232" />
        <source>My value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="232" />
        <source>Server value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="233" />
        <source>Keep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="233" />
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="235" />
        <source>Keep all mine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="236" />
        <source>Keep all theirs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="255" />
        <source>Not a valid value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="258" />
        <source>Could not save the resolution</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desktop/review_page.py" line="233" />
        <source>Correct a submitted report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="248" />
        <source>Field:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="249" />
        <source>Current value:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="250" />
        <source>New value:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="251" />
        <source>Reason (required):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="99" />
        <source>Year:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="100" />
        <source>From month:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="101" />
        <source>to:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="102" />
        <source>Hourly rate, ₸:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="103" />
        <source>Include drafts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="104" />
        <source>Headline numbers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="105" />
        <source>Completeness and timeliness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="107" />
        <location filename="../../desktop/dashboard_page.py" line="186" />
        <source>Volunteers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="108" />
        <source>Registered organizations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="109" />
        <source>Initiative groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="110" />
        <location filename="../../desktop/dashboard_page.py" line="187" />
        <source>Events</source>
        <translation>Іс-шаралар</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="110" />
        <source>Volunteer hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="111" />
        <source>Volunteer positions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="112" />
        <source>Development events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="113" />
        <source>Their participants</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="114" />
        <source>Their hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="114" />
        <source>Monthly reports</source>
        <translation>Ай сайынғы есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="115" />
        <source>Economic contribution, ₸</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="119" />
        <source>Stock: each org unit's latest report in the period, summed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="121" />
        <source>Flow: summed over the months of the period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="123" />
        <source>Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="123" />
        <source>Expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="124" />
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="124" />
        <source>On time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="125" />
        <source>Received, %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="170" />
        <source>no data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="173" />
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="174" />
        <source>Age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="175" />
        <source>Occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="177" />
        <source>Event formats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="179" />
        <source>Events by direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="182" />
        <source>Support from the front office (months)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="185" />
        <source>Trend over months</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../desktop/findings_panel.py" line="15" />
        <source>Enter the period as YYYY-MM.</source>
        <translation>Кезеңді ЖЖЖЖ-АА түрінде көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/findings_panel.py" line="45" />
        <source>Findings: %1 errors, %2 warnings, %3 notes</source>
        <translation>Ескертпелер: қате %1, ескерту %2, ақпарат %3</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/first_run.py" line="151" />
        <source>Esep — first start</source>
        <translation>Esep — алғашқы іске қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="152" />
        <source>Welcome to Esep</source>
        <translation>Esep-ке қош келдіңіз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="153" />
        <source>&amp;Next</source>
        <translation>&amp;Әрі қарай</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="154" />
        <source>Work on this computer only, or connect to the central server to sync your reports?</source>
        <translation>Тек осы компьютерде жұмыс істеу ме, әлде есептерді синхрондау үшін орталық серверге қосылу ма?</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="156" />
        <source>Work &amp;offline</source>
        <translation>&amp;Офлайн жұмыс істеу</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="157" />
        <source>&amp;Connect to a server</source>
        <translation>Серверге &amp;қосылу</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="159" />
        <source>&amp;Region</source>
        <translation>&amp;Өңір</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="159" />
        <source>&amp;District</source>
        <translation>&amp;Аудан</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="159" />
        <source>Your &amp;name</source>
        <translation>Сіздің &amp;атыңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="161" />
        <source>Server &amp;URL</source>
        <translation>Сервер &amp;мекенжайы</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="161" />
        <source>&amp;User</source>
        <translation>&amp;Пайдаланушы</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="162" />
        <source>&amp;Password</source>
        <translation>&amp;Құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="164" />
        <source>&amp;Start</source>
        <translation>&amp;Бастау</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="165" />
        <source>&amp;Log in</source>
        <translation>&amp;Кіру</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="167" />
        <source>&amp;Back</source>
        <translation>&amp;Артқа</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="196" />
        <source>Choose the region and type or pick a district.</source>
        <translation>Өңірді таңдап, ауданды таңдаңыз немесе жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="214" />
        <source>Enter the server URL, user and password.</source>
        <translation>Сервер мекенжайын, пайдаланушыны және құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="217" />
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="235" />
        <source>Wrong user or password.</source>
        <translation>Пайдаланушы немесе құпиясөз қате.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="237" />
        <source>Too many attempts: wait a little and try again.</source>
        <translation>Тым көп әрекет: біраз күтіп, қайта көріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="239" />
        <source>Cannot connect: %1</source>
        <translation>Қосылу мүмкін болмады: %1</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../desktop/form_editor.py" line="174" />
        <source>&amp;Org unit</source>
        <translation>&amp;Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="175" />
        <source>&amp;Period</source>
        <translation>&amp;Кезең</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="176" />
        <source>Comment on warnings (required to submit with warnings)</source>
        <translation>Ескертулерге түсініктеме (ескертулермен тапсыру үшін міндетті)</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="177" />
        <source>Save &amp;draft</source>
        <translation>&amp;Жобаны сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="178" />
        <source>&amp;Submit</source>
        <translation>&amp;Тапсыру</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="179" />
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="198" />
        <source>Status: %1</source>
        <translation>Мәртебе: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="115" />
        <source>Fix the errors to submit.</source>
        <translation>Тапсыру үшін қателерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="117" />
        <source>Warnings need a comment before you submit.</source>
        <translation>Тапсырар алдында ескертулерге түсініктеме жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="146" />
        <source>Not saved: %1</source>
        <translation>Сақталмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="149" />
        <source>Draft saved.</source>
        <translation>Жоба сақталды.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="177" />
        <source>Submission blocked: see the findings.</source>
        <translation>Тапсыру мүмкін емес: ескертпелерді қараңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="181" />
        <source>Not submitted: %1</source>
        <translation>Тапсырылмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="184" />
        <source>Submitted.</source>
        <translation>Есеп тапсырылды.</translation>
    </message>
</context>
<context>
    <name>HistoryHints</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="79" />
        <source>last month: %1 · last year: %2</source>
        <translation>өткен ай: %1 · бір жыл бұрын: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="22" />
        <source>Monthly reports</source>
        <translation>Ай сайынғы есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="24" />
        <source>Events</source>
        <translation>Іс-шаралар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="26" />
        <source>Seminars</source>
        <translation>Семинарлар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="28" />
        <source>Focus groups</source>
        <translation>Фокус-топтар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="30" />
        <source>Leadership meetings</source>
        <translation>Басшылықпен кездесулер</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="32" />
        <source>Hotline</source>
        <translation>Сенім телефоны</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="34" />
        <source>Review</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="36" />
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="38" />
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="40" />
        <source>Data quality</source>
        <translation>Деректер сапасы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="42" />
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123" />
        <source>Esep — volunteering in numbers</source>
        <translation>Esep — волонтерлік сандармен</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../desktop/quality_page.py" line="67" />
        <source>Rule:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="68" />
        <source>Severity:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="69" />
        <source>Org unit:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="70" />
        <source>Check again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="72" />
        <source>Severity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="72" />
        <source>Rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="73" />
        <source>Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="73" />
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="74" />
        <source>Form</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="74" />
        <source>Fields</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="75" />
        <source>Finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="80" />
        <source>error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="80" />
        <source>warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="81" />
        <source>info</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="87" />
        <source>(all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="137" />
        <source>Could not check the records: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="144" />
        <source>%1 findings: %2 errors, %3 warnings, %4 info</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../desktop/record_list_page.py" line="108" />
        <source>Search…</source>
        <translation>Іздеу…</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="109" />
        <source>YYYY-MM</source>
        <translation>ЖЖЖЖ-АА</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="110" />
        <source>&amp;New</source>
        <translation>&amp;Жаңа</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="111" />
        <source>&amp;Open</source>
        <translation>&amp;Ашу</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="112" />
        <source>Recover unsaved input</source>
        <translation>Сақталмағанды қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="129" />
        <source>All org units</source>
        <translation>Барлық бөлімшелер</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="133" />
        <source>All statuses</source>
        <translation>Барлық мәртебелер</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="147" />
        <source>Showing %1 of %2</source>
        <translation>%2 ішінен %1 көрсетілді</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/record_model.py" line="13" />
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="14" />
        <source>Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="15" />
        <source>Status</source>
        <translation>Мәртебе</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="16" />
        <source>Summary</source>
        <translation>Қысқаша</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="17" />
        <source>Updated</source>
        <translation>Өзгертілді</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="18" />
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="28" />
        <source>draft</source>
        <translation>жоба</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="29" />
        <source>submitted</source>
        <translation>тапсырылды</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="30" />
        <source>returned</source>
        <translation>қайтарылды</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="31" />
        <source>approved</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="32" />
        <source>conflict</source>
        <translation>қайшылық</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="33" />
        <source>rejected</source>
        <translation>қабылданбады</translation>
    </message>
</context>
<context>
    <name>RestoreBanner</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="126" />
        <source>Unsaved input from %1 was kept after the app closed. Restore it?</source>
        <translation>Бағдарлама жабылғаннан кейін %1 уақыттағы сақталмаған енгізу қалды. Қалпына келтіру керек пе?</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="128" />
        <source>&amp;Restore</source>
        <translation>&amp;Қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="129" />
        <source>Discard</source>
        <translation>Тастау</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/review_page.py" line="105" />
        <source>Year:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="106" />
        <source>Reports due by day of next month:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="110" />
        <source>Changes after submission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="111" />
        <source>Comment to the district (required to return)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="112" />
        <source>Open report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="113" />
        <source>Approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="114" />
        <source>Return with comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="115" />
        <source>Correct a value…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="117" />
        <source>Revision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="117" />
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="118" />
        <source>Was</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="118" />
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="118" />
        <source>Editor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="119" />
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="119" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="157" />
        <source>Select a cell of the grid to see the report.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="167" />
        <source>Comment on warnings: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="169" />
        <source>Reviewer's comment: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="192" />
        <source>Comment required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="193" />
        <source>Write what the district must fix before returning the report.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="200" />
        <source>Could not save the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="222" />
        <source>Could not save the correction</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <location filename="../../desktop/roster_editor.py" line="87" />
        <source>Add row</source>
        <translation>Жол қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="88" />
        <source>Delete row</source>
        <translation>Жолды жою</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="89" />
        <source>Paste from Excel</source>
        <translation>Excel-ден қою</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="94" />
        <source>Rows: %1</source>
        <translation>Жолдар: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="96" />
        <source>duplicates: %1</source>
        <translation>қайталанулар: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/settings_page.py" line="71" />
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="72" />
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="72" />
        <source>Server &amp;URL</source>
        <translation>Сервер &amp;мекенжайы</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="73" />
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="73" />
        <source>User</source>
        <translation>Пайдаланушы</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="74" />
        <location filename="../../desktop/settings_page.py" line="113" />
        <source>Data folder</source>
        <translation>Деректер қалтасы</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="77" />
        <source>Automatic when the server answers</source>
        <translation>Сервер қолжетімді болғанда автоматты түрде</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="78" />
        <source>Manual</source>
        <translation>Қолмен</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="79" />
        <source>Change…</source>
        <translation>Өзгерту…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="80" />
        <source>&amp;Back up to a file…</source>
        <translation>Файлға &amp;сақтық көшірме…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="81" />
        <source>&amp;Restore from a file…</source>
        <translation>Файлдан &amp;қалпына келтіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="82" />
        <source>Log &amp;out</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="109" />
        <source>The new data folder is used from the next start: %1</source>
        <translation>Жаңа деректер қалтасы келесі іске қосқанда қолданылады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="120" />
        <source>Backup written to %1</source>
        <translation>Сақтық көшірме жазылды: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="127" />
        <source>Not restored: %1</source>
        <translation>Қалпына келтірілмеді: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="130" />
        <source>Restored. The previous data was kept in %1</source>
        <translation>Қалпына келтірілді. Бұрынғы деректер мына жерде сақталды: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="143" />
        <source>Back up to a file</source>
        <translation>Файлға сақтық көшірме</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="150" />
        <source>Restore from a file</source>
        <translation>Файлдан қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="167" />
        <source>Logged out. The first-run screen opens at the next start.</source>
        <translation>Сіз шықтыңыз. Келесі іске қосқанда алғашқы іске қосу терезесі ашылады.</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <location filename="../../desktop/status_bar.py" line="72" />
        <source>Offline only (no server)</source>
        <translation>Тек офлайн (сервер бапталмаған)</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="73" />
        <source>Checking connection…</source>
        <translation>Байланыс тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="75" />
        <source>Online</source>
        <translation>Желіде</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="75" />
        <source>Offline</source>
        <translation>Байланыс жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="79" />
        <source>Last sync: %1</source>
        <translation>Соңғы синхрондау: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="79" />
        <source>never</source>
        <translation>болған жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="80" />
        <source>Changes waiting: %1</source>
        <translation>Жіберуді күтуде: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="81" />
        <source>Conflicts: %1 · Rejected: %2</source>
        <translation>Қайшылықтар: %1 · Қабылданбады: %2</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../desktop/sync_page.py" line="97" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="98" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="99" />
        <source>Sync:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="100" />
        <source>automatically when the server answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="101" />
        <source>only when I press Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="102" />
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="103" />
        <source>Rejected by the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="104" />
        <location filename="../../desktop/sync_page.py" line="111" />
        <source>Conflicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="105" />
        <source>Open the record to fix it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="106" />
        <source>Send again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="107" />
        <source>Resolve…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="109" />
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="109" />
        <source>Outcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="110" />
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="110" />
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="111" />
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="112" />
        <source>Traffic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="114" />
        <location filename="../../desktop/sync_page.py" line="116" />
        <source>Record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="114" />
        <source>Why it was rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="116" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="122" />
        <source>done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="122" />
        <source>done, needs a person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="123" />
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="123" />
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="124" />
        <source>running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="133" />
        <source>same report made on two devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="134" />
        <source>changed here and on the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="145" />
        <source>Working offline: no server is set up (Settings → server).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="147" />
        <source>Server: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="149" />
        <source>Online: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="150" />
        <source>Offline: %1 does not answer, retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="158" />
        <source>You have not synced for %1 days: connect to the internet and press Sync now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="171" />
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="180" />
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="187" />
        <source>receiving</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="187" />
        <source>sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="190" />
        <source>%1: %2 records · %3 KB sent · %4 KB received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="207" />
        <source>Done: %1 sent, %2 received, %3 conflicts, %4 rejected, %5 KB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="218" />
        <source>Cancelled; what was already exchanged is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="221" />
        <source>Sync failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="253" />
        <source>Automatic sync: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="258" />
        <source>Automatic sync stopped: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../desktop/review_page.py" line="28" />
        <source>missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="28" />
        <source>draft</source>
        <translation>жоба</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="29" />
        <source>submitted</source>
        <translation>тапсырылды</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="29" />
        <source>late</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="30" />
        <source>returned</source>
        <translation>қайтарылды</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="30" />
        <source>approved</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="31" />
        <source>not due yet</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>