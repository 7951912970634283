<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AnnualReportDialog</name>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="41" />
        <source>Annual report…</source>
        <translation>Жылдық есеп…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="108" />
        <source>Annual report «Volunteering in figures»</source>
        <translation>«Еріктілік сандармен» жылдық есебі</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="109" />
        <source>Year:</source>
        <translation>Жыл:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="109" />
        <source>Region:</source>
        <translation>Өңір:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="110" />
        <source>Language:</source>
        <translation>Тіл:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="110" />
        <source>Save as:</source>
        <translation>Былай сақтау:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="113" />
        <source>Whole country</source>
        <translation>Бүкіл ел</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="114" />
        <source>Browse…</source>
        <translation>Шолу…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="115" />
        <source>Write</source>
        <translation>Құрастыру</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="116" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="117" />
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="118" />
        <source>report.docx, .xlsx or .pdf</source>
        <translation>есеп.docx, .xlsx немесе .pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="122" />
        <source>Save the annual report</source>
        <translation>Жылдық есепті сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="124" />
        <source>Word (*.docx);;Excel (*.xlsx);;PDF (*.pdf)</source>
        <translation>Word құжаты (*.docx);;Excel кітабы (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="136" />
        <source>Choose a file ending in .docx, .xlsx or .pdf.</source>
        <translation>.docx, .xlsx немесе .pdf кеңейтімді файлды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="147" />
        <source>Writing the report…</source>
        <translation>Есеп құрастырылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="156" />
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="167" />
        <source>Written: %1</source>
        <translation>Дайын: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="175" />
        <source>Cancelled: no file was written.</source>
        <translation>Тоқтатылды: файл жазылмады.</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="177" />
        <source>The report was not written: %1</source>
        <translation>Есеп жазылмады: %1</translation>
    </message>
</context>
<context>
    <name>BundleBox</name>
    <message>
        <location filename="../../desktop/bundle_box.py" line="39" />
        <source>Save for USB…</source>
        <translation>Флешкаға сақтау…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="40" />
        <source>No line: save the changes to a file that anyone connected can deliver to the server</source>
        <translation>Байланыс жоқ: өзгерістерді файлға сақтау, оны серверге байланысы бар кез келген адам жеткізеді</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="42" />
        <source>Load reply…</source>
        <translation>Жауапты жүктеу…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="43" />
        <source>Apply the server's reply file brought back on the USB stick</source>
        <translation>Флешкамен әкелінген сервер жауабы файлын қолдану</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="59" />
        <source>this computer has no signing key yet: sync online once</source>
        <translation>бұл компьютерде әлі қолтаңба кілті жоқ: желі арқылы бір рет синхрондаңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="61" />
        <source>the file was changed, or not signed by this computer's server</source>
        <translation>файл өзгертілген немесе оған осы компьютердің сервері қол қоймаған</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="63" />
        <source>the file is damaged</source>
        <translation>файл бүлінген</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="64" />
        <source>this is not an Esep bundle file</source>
        <translation>бұл Esep пакетінің файлы емес</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="65" />
        <source>the file has expired: make a new one</source>
        <translation>файлдың мерзімі өтті: жаңасын жасаңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="66" />
        <source>the file comes from another server</source>
        <translation>файл басқа серверден</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="67" />
        <source>the reply is meant for another computer</source>
        <translation>жауап басқа компьютерге арналған</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="68" />
        <source>wrong password</source>
        <translation>құпиясөз қате</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="80" />
        <location filename="../../desktop/bundle_box.py" line="90" />
        <source>Save for USB</source>
        <translation>Флешкаға сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="82" />
        <source>Esep bundles (*.esep)</source>
        <translation>Esep пакеттері (*.esep)</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="91" />
        <source>Your password (it unlocks this computer's signing key):</source>
        <translation>Құпиясөзіңіз (ол осы компьютердің қолтаңба кілтін ашады):</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="95" />
        <source>Saving…</source>
        <translation>Сақталуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="104" />
        <source>Saved %1 changes to %2: take the file to anyone connected, then load the reply here.</source>
        <translation>Сақталған өзгерістер: %1, файл %2. Оны байланысы бар адамға беріңіз, содан кейін жауапты осында жүктеңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="112" />
        <source>Load reply</source>
        <translation>Жауапты жүктеу</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="113" />
        <source>Esep bundles (*.esep *.reply);;All files (*)</source>
        <translation>Esep пакеттері (*.esep *.reply);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="116" />
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="125" />
        <source>Reply loaded: %1 changes confirmed, %2 received, %3 conflicts</source>
        <translation>Жауап жүктелді: расталған өзгерістер — %1, алынғаны — %2, қайшылықтар — %3</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="134" />
        <source>Refused, nothing applied: %1</source>
        <translation>Қабылданбады, ештеңе қолданылмады: %1</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../desktop/confirm.py" line="14" />
        <source>Confirm submission</source>
        <translation>Тапсыруды растау</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="15" />
        <source>Submit %1?</source>
        <translation>%1 тапсырылсын ба?</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="17" />
        <source>After submission the record can be changed only if the region returns it.</source>
        <translation>Тапсырғаннан кейін жазбаны өңір пысықтауға қайтарғанда ғана өзгертуге болады.</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="19" />
        <source>Submit</source>
        <translation>Тапсыру</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="21" />
        <location filename="../../desktop/confirm.py" line="38" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="31" />
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="32" />
        <source>%1 has unsaved changes. Save them as a draft?</source>
        <translation>%1 жазбасында сақталмаған өзгерістер бар. Оларды жоба ретінде сақтау керек пе?</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="36" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="37" />
        <source>Discard</source>
        <translation>Тастау</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="244" />
        <source>mine</source>
        <translation>менікі</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="244" />
        <source>theirs</source>
        <translation>серверден</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="245" />
        <source>edit</source>
        <translation>түзету</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="248" />
        <source>Deleted</source>
        <translation>Жойылған</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="248" />
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="249" />
        <source>Comment on warnings</source>
        <translation>Ескертулерге түсініктеме</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="250" />
        <source>Reviewer's comment</source>
        <translation>Тексерушінің түсініктемесі</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="253" />
        <source>Resolve a conflict</source>
        <translation>Қайшылықты шешу</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="257" />
        <source>Another device created the same report for this org unit and month.</source>
        <translation>Басқа құрылғы осы бөлімше мен ай үшін дәл осындай есеп жасады.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="259" />
        <source>The report was changed on the server while you edited it.</source>
        <translation>Сіз есепті өңдеп жатқанда ол серверде өзгертілді.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="260" />
        <source>%1 values differ. Choose per row which value to keep, or edit it.</source>
        <translation>Ерекшеленетін мәндер: %1. Әр жолда қайсысын қалдыратыныңызды таңдаңыз немесе оны түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="262" />
        <source>The result is sent as a normal change.</source>
        <translation>Нәтиже әдеттегі өзгеріс ретінде жіберіледі.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>My value</source>
        <translation>Менің мәнім</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>Server value</source>
        <translation>Сервердегі мән</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="264" />
        <source>Keep</source>
        <translation>Қалдыру</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="264" />
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="266" />
        <source>Keep all mine</source>
        <translation>Барлық менікін қалдыру</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="267" />
        <source>Keep all theirs</source>
        <translation>Барлығын серверден алу</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="287" />
        <source>%1: «%2» is not a whole number; type one, e.g. 12.</source>
        <translation>%1: «%2» — бүтін сан емес; бүтін сан енгізіңіз, мысалы 12.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="288" />
        <source>%1: «%2» is not a number; type one, e.g. 12 or 7,5.</source>
        <translation>%1: «%2» — сан емес; сан енгізіңіз, мысалы 12 немесе 7,5.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="298" />
        <source>Not a valid value</source>
        <translation>Жарамсыз мән</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="301" />
        <source>Could not save the resolution</source>
        <translation>Қайшылық шешімін сақтау мүмкін болмады</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="40" />
        <source>&amp;Move my records there</source>
        <translation>Жазбаларымды сонда көшіру</translation>
    </message>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="41" />
        <source>&amp;Not now</source>
        <translation>Қазір емес</translation>
    </message>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="59" />
        <source>You worked offline for «%1» (records: %2). Which district of the server is it? Its drafts and returned records move there; this cannot be undone.</source>
        <translation>Сіз «%1» бойынша офлайн жұмыс істедіңіз (жазбалар: %2). Бұл сервердегі қай аудан? Жобалар мен қайтарылған жазбалар соған көшіріледі; мұны болдырмау мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../desktop/connection.py" line="12" />
        <source>Offline only (no server)</source>
        <translation>Тек офлайн (сервер бапталмаған)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="13" />
        <source>Checking connection…</source>
        <translation>Байланыс тексерілуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="14" />
        <source>Online</source>
        <translation>Желіде</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="15" />
        <source>Offline: the server does not answer, retrying</source>
        <translation>Байланыс жоқ: сервер жауап бермейді, қайта көреміз</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="16" />
        <source>Online, but the server wants you to log in</source>
        <translation>Желіде, бірақ сервер кіруді сұрайды</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desktop/review_page.py" line="286" />
        <source>Correct a submitted report</source>
        <translation>Тапсырылған есепті түзету</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="304" />
        <source>Field:</source>
        <translation>Өріс:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="305" />
        <source>Current value:</source>
        <translation>Ағымдағы мән:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="306" />
        <source>New value:</source>
        <translation>Жаңа мән:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="307" />
        <source>Reason (required):</source>
        <translation>Себебі (міндетті):</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="209" />
        <source>Year:</source>
        <translation>Жыл:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="210" />
        <source>From month:</source>
        <translation>Айдан бастап:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="211" />
        <source>to:</source>
        <translation>дейін:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="216" />
        <source>Hourly rate, ₸:</source>
        <translation>Сағат құны, ₸:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="217" />
        <source>Include drafts</source>
        <translation>Жобаларды есепке алу</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="218" />
        <source>Rates…</source>
        <translation>Мөлшерлемелер…</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="219" />
        <source>Hourly rates by region and year</source>
        <translation>Өңірлер мен жылдар бойынша сағат құны</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="220" />
        <source>Headline numbers</source>
        <translation>Негізгі көрсеткіштер</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="221" />
        <location filename="../../desktop/dashboard_page.py" line="286" />
        <source>Completeness and timeliness</source>
        <translation>Толықтығы мен уақтылығы</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="235" />
        <source>Monthly reports</source>
        <translation>Ай сайынғы есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="236" />
        <source>Economic contribution, ₸</source>
        <translation>Экономикалық үлес, ₸</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="237" />
        <source>Minimum estimate, ₸ (hours rounded up to a million)</source>
        <translation>Ең төменгі бағалау, ₸ (сағаттар миллионға дейін жоғары дөңгелектелген)</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="239" />
        <source>Stock: latest report of each org unit, summed</source>
        <translation>Қалдық: әр бөлімшенің соңғы есебі, жиынтығы</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="240" />
        <source>Flow: summed over the months of the period</source>
        <translation>Ағын: кезең айларының жиынтығы</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="224" />
        <source>Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="224" />
        <source>Expected</source>
        <translation>Күтілген</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="225" />
        <source>Received</source>
        <translation>Алынды</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="225" />
        <source>On time</source>
        <translation>Мерзімінде</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="226" />
        <source>Received, %</source>
        <translation>Алынды, %</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="246" />
        <source>The national report's method: the recorded hours rounded up to the next million, times the rate. Shown for national and regional totals only.</source>
        <translation>Ұлттық баяндаманың әдісі: есепке алынған сағаттар миллионға дейін жоғары дөңгелектеніп, мөлшерлемеге көбейтіледі. Тек ел және өңір бойынша қорытындыларға көрсетіледі.</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="302" />
        <source>All regions</source>
        <translation>Барлық өңірлер</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="329" />
        <source>Total</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="341" />
        <source>no data</source>
        <translation>деректер жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="355" />
        <source>Trend over months</source>
        <translation>Айлар бойынша серпіні</translation>
    </message>
</context>
<context>
    <name>EventFill</name>
    <message>
        <location filename="../../desktop/event_fill.py" line="23" />
        <source>Fill from events</source>
        <translation>Іс-шаралардан толтыру</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="24" />
        <source>Sum this month's volunteering events of the org unit into the event figures, hours and positions; check them, then save.</source>
        <translation>Бөлімшенің айдағы волонтерлік іс-шараларын іс-шаралар, сағаттар және позициялар көрсеткіштеріне қосу; оларды тексеріп, сақтаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="33" />
        <source>Choose the org unit and the month first.</source>
        <translation>Алдымен бөлімше мен айды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="43" />
        <source>Filled from %1 events of %2: check the figures and save.</source>
        <translation>%2 іс-шаралары бойынша толтырылды (%1): көрсеткіштерді тексеріп, сақтаңыз.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../desktop/export_actions.py" line="19" />
        <source>Export to Excel</source>
        <translation>Excel-ге экспорттау</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="20" />
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="21" />
        <source>Blank workbook…</source>
        <translation>Бос Excel кітабы…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="31" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel кітабы (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="32" />
        <source>CSV table (*.csv)</source>
        <translation>CSV кестесі (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="33" />
        <source>JSON records (*.json)</source>
        <translation>JSON жазбалары (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="34" />
        <location filename="../../desktop/export_actions.py" line="48" />
        <location filename="../../desktop/export_actions.py" line="56" />
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="47" />
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="55" />
        <source>Could not save the file: %1</source>
        <translation>Файлды сақтау мүмкін болмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="142" />
        <source>summary</source>
        <translation>жиынтық</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <location filename="../../desktop/field_widgets.py" line="45" />
        <source>YYYY-MM-DD</source>
        <translation>ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <location filename="../../desktop/field_widgets.py" line="348" />
        <source>Choose on the calendar</source>
        <translation>Күнтізбеден таңдау</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../desktop/findings_panel.py" line="17" />
        <source>Enter the period as YYYY-MM.</source>
        <translation>Кезеңді ЖЖЖЖ-АА түрінде көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/findings_panel.py" line="92" />
        <source>Findings — errors: %1, warnings: %2, notes: %3</source>
        <translation>Ескертпелер — қателер: %1, ескертулер: %2, ақпараттар: %3</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/first_run.py" line="186" />
        <source>Esep — first start</source>
        <translation>Esep — алғашқы іске қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="187" />
        <source>Welcome to Esep</source>
        <translation>Esep-ке қош келдіңіз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="188" />
        <source>&amp;Next</source>
        <translation>Әрі қарай</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="189" />
        <source>Work on this computer only, or connect to the central server to sync your reports?</source>
        <translation>Тек осы компьютерде жұмыс істеу ме, әлде есептерді синхрондау үшін орталық серверге қосылу ма?</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="191" />
        <source>Work &amp;offline</source>
        <translation>Офлайн жұмыс істеу</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="192" />
        <source>&amp;Connect to a server</source>
        <translation>Серверге қосылу</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>&amp;Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>&amp;District</source>
        <translation>Аудан</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>Your &amp;name</source>
        <translation>Сіздің атыңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="196" />
        <source>Server &amp;URL</source>
        <translation>Сервер мекенжайы</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="196" />
        <source>&amp;User</source>
        <translation>Пайдаланушы</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="197" />
        <source>&amp;Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="199" />
        <source>&amp;Start</source>
        <translation>Бастау</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="200" />
        <source>&amp;Log in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="202" />
        <source>&amp;Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="225" />
        <source>Pick a district or type its name</source>
        <translation>Ауданды таңдаңыз немесе атауын жазыңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="226" />
        <source>Type the district's name</source>
        <translation>Аудан атауын жазыңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="234" />
        <source>Choose the region and type or pick a district.</source>
        <translation>Өңірді таңдап, ауданды таңдаңыз немесе жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="253" />
        <source>Enter the server URL, user and password.</source>
        <translation>Сервер мекенжайын, пайдаланушыны және құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="256" />
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="283" />
        <source>Your password was reset: choose a new one.</source>
        <translation>Құпиясөзіңіз қалпына келтірілді: жаңасын орнатыңыз.</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../desktop/form_editor.py" line="90" />
        <source>Choose the month</source>
        <translation>Айды таңдау</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="330" />
        <source>&amp;Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="331" />
        <source>&amp;Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="332" />
        <source>YYYY-MM</source>
        <translation>ЖЖЖЖ-АА</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="334" />
        <source>Comment on warnings (required to submit with warnings)</source>
        <translation>Ескертулерге түсініктеме (ескертулермен тапсыру үшін міндетті)</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="335" />
        <source>Save &amp;draft</source>
        <translation>Жобаны сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="336" />
        <source>&amp;Submit</source>
        <translation>Тапсыру</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="337" />
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="359" />
        <source>Status: %1</source>
        <translation>Мәртебе: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="175" />
        <source>Fix the errors to submit.</source>
        <translation>Тапсыру үшін қателерді түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="178" />
        <source>Not shown yet: %1; F8 goes to the next one.</source>
        <translation>Әлі көрсетілмегені: %1; F8 — келесісіне.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="182" />
        <source>Warnings need a comment before you submit.</source>
        <translation>Тапсырар алдында ескертулерге түсініктеме жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="240" />
        <source>Not saved: %1</source>
        <translation>Сақталмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="243" />
        <source>Draft saved.</source>
        <translation>Жоба сақталды.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="305" />
        <source>Submission blocked: see the findings.</source>
        <translation>Тапсыру мүмкін емес: ескертпелерді қараңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="309" />
        <source>Not submitted: %1</source>
        <translation>Тапсырылмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="313" />
        <source>Submitted: %1.</source>
        <translation>Тапсырылды: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="31" />
        <source>Save correction…</source>
        <translation>Түзетуді сақтау…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="32" />
        <source>Correct…</source>
        <translation>Түзету…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="54" />
        <source>Change the values, then save the correction with a reason.</source>
        <translation>Мәндерді өзгертіп, түзетуді себебін көрсетіп сақтаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="59" />
        <source>Correction</source>
        <translation>Түзету</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="60" />
        <source>Reason for the correction (required):</source>
        <translation>Түзету себебі (міндетті):</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="72" />
        <source>A correction needs a reason.</source>
        <translation>Түзету үшін себеп көрсету керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="84" />
        <source>Correction blocked: see the findings.</source>
        <translation>Түзету мүмкін емес: ескертпелерді қараңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="88" />
        <source>Not corrected: %1</source>
        <translation>Түзетілмеді: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="92" />
        <source>Correction saved (revision %1).</source>
        <translation>Түзету сақталды (%1-редакция).</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="21" />
        <source>The report is approved and locked; no one changes it.</source>
        <translation>Есеп қабылданып, бұғатталған: оны ешкім өзгертпейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="24" />
        <source>A submitted report is not changed in place; the region or the centre corrects it with a reason.</source>
        <translation>Тапсырылған есеп орнында өзгертілмейді: оны өңір немесе орталық себебін көрсетіп түзетеді.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="28" />
        <source>Your role does not enter or submit this form.</source>
        <translation>Сіздің рөліңіз бұл форманы толтырмайды және тапсырмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="30" />
        <source>Not available for a record in this status.</source>
        <translation>Бұл мәртебедегі жазба үшін қолжетімсіз.</translation>
    </message>
</context>
<context>
    <name>HistoryHints</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="108" />
        <source>last month: %1 · last year: %2</source>
        <translation>өткен ай: %1 · бір жыл бұрын: %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/import_texts.py" line="16" />
        <source>Import a file</source>
        <translation>Файлды импорттау</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="17" />
        <source>Lists and tables</source>
        <translation>Тізімдер мен кестелер</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="24" />
        <source>error</source>
        <translation>қате</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="26" />
        <source>warning</source>
        <translation>ескерту</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="27" />
        <source>note</source>
        <translation>ескертпе</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="63" />
        <source>row %1</source>
        <translation>%1-жол</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="66" />
        <source>column «%1»</source>
        <translation>«%1» бағаны</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="138" />
        <source>Import: %1</source>
        <translation>Импорттау: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="139" />
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="140" />
        <source>Org unit:</source>
        <translation>Бөлімше:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="141" />
        <source>Period:</source>
        <translation>Кезең:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="143" />
        <source>YYYY-MM</source>
        <translation>ЖЖЖЖ-АА</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="144" />
        <source>YYYY-MM; empty: the month of the list's date</source>
        <translation>ЖЖЖЖ-АА; бос болса — тізімдегі күннің айы</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="79" />
        <source>Column in the file</source>
        <translation>Файлдағы баған</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="80" />
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="102" />
        <source>Chosen at the last import of a list with this header; choose again if it is wrong</source>
        <translation>Осындай тақырыбы бар тізімді өткен импорттағанда таңдалған; қате болса, қайта таңдаңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="111" />
        <source>Required, in no column: %1</source>
        <translation>Ешбір бағанда жоқ міндетті өрістер: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="146" />
        <source>Import</source>
        <translation>Импорттау</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="147" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="152" />
        <source>To add: %1</source>
        <translation>Қосылады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="153" />
        <source>To change: %1</source>
        <translation>Өзгереді: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="154" />
        <source>Skipped: %1</source>
        <translation>Өткізілді: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="82" />
        <source>Findings: %1</source>
        <translation>Ескертулер: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="84" />
        <source>Errors: %1, warnings: %2</source>
        <translation>Қателер: %1, ескертулер: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="188" />
        <source>Importing…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="189" />
        <source>Reading the file…</source>
        <translation>Файл оқылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="199" />
        <source>Rows read: %1</source>
        <translation>Оқылған жолдар: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="215" />
        <source>Cancelled; nothing was imported.</source>
        <translation>Тоқтатылды; ештеңе импортталмады.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="218" />
        <source>Nothing was imported: %1</source>
        <translation>Ештеңе импортталмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="238" />
        <source>Errors: %1 — correct the file; nothing will be imported.</source>
        <translation>Қателер: %1 — файлды түзетіңіз; ештеңе импортталмайды.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="240" />
        <source>Check the preview, then press Import.</source>
        <translation>Алдын ала қарауды тексеріп, «Импорттау» түймесін басыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="244" />
        <source>Header row: %1</source>
        <translation>Тақырып жолы: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="89" />
        <source>— not imported —</source>
        <translation>— импорттамау —</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="327" />
        <source>Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="279" />
        <location filename="../../desktop/import_dialog.py" line="328" />
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="247" />
        <source>columns as chosen at the last import</source>
        <translation>бағандар өткен импорттағыдай таңдалған</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="329" />
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="376" />
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="100" />
        <source>Reason for the correction</source>
        <translation>Түзету себебі</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="101" />
        <source>%1

Why do the submitted figures change?</source>
        <translation>%1

Ұсынылған көрсеткіштер неге өзгереді?</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="37" />
        <source>Sheet:</source>
        <translation>Парақ:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="53" />
        <source>All sheets</source>
        <translation>Барлық парақтар</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="54" />
        <source>(hidden)</source>
        <translation>(жасырын)</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../desktop/link_dialog.py" line="29" />
        <source>Find in the registry</source>
        <translation>Тізілімнен іздеу</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="43" />
        <source>Registry entries that «%1» may mean, the likeliest first:</source>
        <translation>«%1» білдіруі мүмкін тізілім жазбалары, ең ықтималы алдымен:</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="47" />
        <source>No registry entry looks like «%1».</source>
        <translation>Тізілімде «%1» атауына ұқсас жазба жоқ.</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="52" />
        <source>Link</source>
        <translation>Байланыстыру</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="94" />
        <source>Find in the registry…</source>
        <translation>Тізілімнен табу…</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="104" />
        <location filename="../../desktop/link_dialog.py" line="129" />
        <source>Linked to the registry entry «%1».</source>
        <translation>«%1» тізілім жазбасымен байланыстырылды.</translation>
    </message>
</context>
<context>
    <name>ListValues</name>
    <message>
        <location filename="../../desktop/import_values.py" line="39" />
        <source>— not set —</source>
        <translation>— берілмеген —</translation>
    </message>
    <message>
        <location filename="../../desktop/import_values.py" line="44" />
        <source>%1 for the whole list:</source>
        <translation>Бүкіл тізім үшін: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login_dialog.py" line="83" />
        <source>Log in to the server</source>
        <translation>Серверге кіру</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="84" />
        <source>Enter the server address, your user name and password.</source>
        <translation>Сервер мекенжайын, пайдаланушы атын және құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="86" />
        <source>The server %1 asks you to log in again. Your changes are kept and sync continues after the login.</source>
        <translation>%1 сервері қайта кіруді сұрайды. Өзгерістеріңіз сақталған, синхрондау кіргеннен кейін жалғасады.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="89" />
        <source>Server &amp;URL</source>
        <translation>Сервер мекенжайы</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="89" />
        <source>&amp;User</source>
        <translation>Пайдаланушы</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="90" />
        <source>&amp;Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="92" />
        <source>&amp;Log in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="93" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="99" />
        <source>Enter the server URL, user and password.</source>
        <translation>Сервер мекенжайын, пайдаланушыны және құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="104" />
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../../desktop/main_menu.py" line="99" />
        <location filename="../../desktop/main_menu.py" line="117" />
        <source>Help</source>
        <translation>Анықтама</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="100" />
        <source>Ctrl+N — a new record of the list on screen
Ctrl+S — save the draft
Ctrl+Enter — submit (you are asked to confirm)
Ctrl+F — search the list
Enter — next field · F8 — next finding
F1 — this help</source>
        <translation>Ctrl+N — ашық тізімде жаңа жазба
Ctrl+S — жобаны сақтау
Ctrl+Enter — тапсыру (растау сұралады)
Ctrl+F — тізімнен іздеу
Enter — келесі өріс · F8 — келесі ескертпе
F1 — осы анықтама</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="104" />
        <location filename="../../desktop/main_menu.py" line="118" />
        <source>About Esep</source>
        <translation>Esep бағдарламасы туралы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="107" />
        <source>&amp;File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="108" />
        <source>&amp;Edit</source>
        <translation>Өңдеу</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="109" />
        <source>&amp;View</source>
        <translation>Көрініс</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="110" />
        <source>&amp;Help</source>
        <translation>Анықтама</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="111" />
        <source>New record</source>
        <translation>Жаңа жазба</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="112" />
        <source>Save draft</source>
        <translation>Жобаны сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="113" />
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="114" />
        <source>Import…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="115" />
        <source>Export the list…</source>
        <translation>Тізімді экспорттау…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="116" />
        <source>Find in the list</source>
        <translation>Тізімнен іздеу</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="35" />
        <source>Monthly reports</source>
        <translation>Ай сайынғы есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="37" />
        <source>Events</source>
        <translation>Іс-шаралар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="39" />
        <source>Seminars</source>
        <translation>Семинарлар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="41" />
        <source>Focus groups</source>
        <translation>Фокус-топтар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="43" />
        <source>Questionnaires</source>
        <translation>Мемлекеттік қызметшілер сауалнамалары</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="45" />
        <source>Leadership meetings</source>
        <translation>Басшылықпен кездесулер</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="47" />
        <source>Hotline</source>
        <translation>Жедел желі</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="49" />
        <source>Volunteer surveys</source>
        <translation>Волонтер сауалнамалары</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="51" />
        <source>Organization surveys</source>
        <translation>Ұйым сауалнамалары</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="53" />
        <source>Organization registry</source>
        <translation>Ұйымдар тізілімі</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="55" />
        <source>Review</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="57" />
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="59" />
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="61" />
        <source>Data quality</source>
        <translation>Деректер сапасы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="63" />
        <location filename="../../desktop/sync_page.py" line="222" />
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="212" />
        <source>Esep — volunteering in figures</source>
        <translation>Esep — сандардағы волонтерлік</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../desktop/refused_box.py" line="51" />
        <source>Move to another unit</source>
        <translation>Басқа бөлімшеге ауыстыру</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="58" />
        <source>Move %1 to:</source>
        <translation>%1 жазбасын мына бөлімшеге ауыстыру:</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="59" />
        <source>No other org unit you may keep this form under: open the record or drop its change.</source>
        <translation>Бұл нысанды жүргізуге рұқсат етілген басқа бөлімше жоқ: жазбаны ашыңыз немесе оның өзгерісінен бас тартыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="68" />
        <source>Move</source>
        <translation>Ауыстыру</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="70" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="76" />
        <source>Esep: passphrase</source>
        <translation>Esep: деректердің құпия фразасы</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="78" />
        <source>This computer has no keyring, so the personal data in Esep is encrypted with a passphrase. Choose one of at least %1 characters and keep it: without it the data cannot be opened.</source>
        <translation>Бұл компьютерде кілттер қоймасы жоқ, сондықтан Esep-тегі дербес деректер құпия фразамен шифрланады. Кемінде %1 таңбадан тұратын құпия фраза ойлап табыңыз және оны сақтаңыз: онсыз деректерді ашу мүмкін емес.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="82" />
        <source>The personal data in Esep is encrypted. Type the passphrase to open %2.</source>
        <translation>Esep-тегі дербес деректер шифрланған. %2 ашу үшін құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="86" />
        <source>Passphrase:</source>
        <translation>Құпия фраза:</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="87" />
        <source>Once more:</source>
        <translation>Тағы бір рет:</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="89" />
        <source>This passphrase does not open the data. Try again; nothing was changed.</source>
        <translation>Бұл құпия фраза деректерді ашпайды. Қайталап көріңіз; ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="96" />
        <source>Type the passphrase.</source>
        <translation>Құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="98" />
        <source>The passphrase is too short: %1 characters, at least %2 are needed.</source>
        <translation>Құпия фраза тым қысқа: %1 таңба, кемінде %2 қажет.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="102" />
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>Құпия фразалар сәйкес келмейді; бірдей фразаны екі рет енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/password_dialog.py" line="68" />
        <source>Change password</source>
        <translation>Құпиясөзді өзгерту</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="69" />
        <source>&amp;Current password</source>
        <translation>Қазіргі құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="70" />
        <source>&amp;New password</source>
        <translation>Жаңа құпиясөз</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="71" />
        <source>&amp;Repeat the new password</source>
        <translation>Жаңа құпиясөзді қайталаңыз</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="77" />
        <source>Enter your current password.</source>
        <translation>Қазіргі құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="79" />
        <source>The new password needs at least %1 characters.</source>
        <translation>Жаңа құпиясөзде кемінде %1 таңба болуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="82" />
        <source>The two new passwords differ.</source>
        <translation>Жаңа құпиясөздер сәйкес келмейді.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="84" />
        <source>The new password must differ from the current one.</source>
        <translation>Жаңа құпиясөз қазіргісінен өзгеше болуы керек.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="93" />
        <source>No server is set: enter the server URL in the settings first.</source>
        <translation>Сервер көрсетілмеген: алдымен баптауларда сервер мекенжайын енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="100" />
        <source>Changing the password…</source>
        <translation>Құпиясөз өзгертілуде…</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="121" />
        <source>The current password is wrong. Nothing was changed.</source>
        <translation>Қазіргі құпиясөз қате. Ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="123" />
        <source>The server cannot be reached. Nothing was changed.</source>
        <translation>Серверге қосылу мүмкін емес. Ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="125" />
        <source>The server refused the new password: %1</source>
        <translation>Сервер жаңа құпиясөзді қабылдамады: %1</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../desktop/quality_page.py" line="251" />
        <source>Rule:</source>
        <translation>Ереже:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="252" />
        <source>Severity:</source>
        <translation>Маңыздылығы:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="253" />
        <source>Org unit:</source>
        <translation>Бөлімше:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="254" />
        <source>Check again</source>
        <translation>Қайта тексеру</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="256" />
        <source>Severity</source>
        <translation>Маңыздылығы</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="259" />
        <source>Rule</source>
        <translation>Ереже</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="257" />
        <source>Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="257" />
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="258" />
        <source>Form</source>
        <translation>Нысан</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="258" />
        <source>Fields</source>
        <translation>Өрістер</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="256" />
        <source>Finding</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="264" />
        <source>error</source>
        <translation>қате</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="264" />
        <source>warning</source>
        <translation>ескерту</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="265" />
        <source>info</source>
        <translation>ақпарат</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="271" />
        <source>(all)</source>
        <translation>(барлығы)</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="330" />
        <source>Could not check the records: %1</source>
        <translation>Жазбаларды тексеру мүмкін болмады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="336" />
        <source>Findings: %1 (errors: %2, warnings: %3, info: %4)</source>
        <translation>Ескертпелер: %1 (қате %2, ескерту %3, ақпарат %4)</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="345" />
        <source>Data quality</source>
        <translation>Деректер сапасы</translation>
    </message>
</context>
<context>
    <name>RateTableModel</name>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="145" />
        <source>%1: “%2” is not a valid rate. Enter a number of tenge greater than 0, or leave it empty for the default.</source>
        <translation>%1: «%2» — жарамсыз мөлшерлеме. 0-ден үлкен теңге санын енгізіңіз немесе әдепкі мөлшерлеме қолданылуы үшін өрісті бос қалдырыңыз.</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="206" />
        <source>Hourly rates by region</source>
        <translation>Өңірлер бойынша сағат құны</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="207" />
        <source>Year:</source>
        <translation>Жыл:</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="208" />
        <source>Value of one volunteer hour in each region, ₸. Leave a rate empty to use the default rate (%1 ₸/h).</source>
        <translation>Әр өңірдегі бір сағат еріктілік еңбектің құны, ₸. Әдепкі мөлшерлемені (%1 ₸/сағ) қолдану үшін өрісті бос қалдырыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="211" />
        <source>Region</source>
        <translation>Өңір</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="211" />
        <source>Own rate, ₸/h</source>
        <translation>Өз мөлшерлемесі, ₸/сағ</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="212" />
        <source>Rate applied, ₸/h</source>
        <translation>Қолданылатын мөлшерлеме, ₸/сағ</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="215" />
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="217" />
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="219" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="227" />
        <source>These rates are set by the centre and come with each sync; they cannot be changed here. Last change: %1. Regions without a rate use the default rate (%2 ₸/h).</source>
        <translation>Мөлшерлемелерді орталық белгілейді, олар әр синхрондау кезінде келеді; оларды мұнда өзгертуге болмайды. Соңғы өзгеріс: %1. Мөлшерлемесі жоқ өңірлерге әдепкі мөлшерлеме (%2 ₸/сағ) қолданылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="231" />
        <source>These rates are set by the centre and come with each sync; they cannot be changed here. Regions without a rate use the default rate (%1 ₸/h).</source>
        <translation>Мөлшерлемелерді орталық белгілейді, олар әр синхрондау кезінде келеді; оларды мұнда өзгертуге болмайды. Мөлшерлемесі жоқ өңірлерге әдепкі мөлшерлеме (%1 ₸/сағ) қолданылады.</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="260" />
        <source>Could not save the rates: %1</source>
        <translation>Мөлшерлемелерді сақтау мүмкін болмады: %1</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../desktop/record_list_page.py" line="157" />
        <source>Search…</source>
        <translation>Іздеу…</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="158" />
        <source>YYYY-MM</source>
        <translation>ЖЖЖЖ-АА</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="160" />
        <source>&amp;New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="163" />
        <source>&amp;Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="164" />
        <source>Recover unsaved input</source>
        <translation>Сақталмағанды қалпына келтіру</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/record_list_page.py" line="221" />
        <source>%n report(s) returned for changes — open</source>
        <translation>
            <numerusform>%n есеп пысықтауға қайтарылды — ашу</numerusform>
            <numerusform>%n есеп пысықтауға қайтарылды — ашу</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="239" />
        <source>All org units</source>
        <translation>Барлық бөлімшелер</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="245" />
        <source>All statuses</source>
        <translation>Барлық мәртебелер</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="281" />
        <source>Showing %1 of %2</source>
        <translation>%2 ішінен %1 көрсетілді</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="289" />
        <source>No records match the filters. Clear the search or the filters.</source>
        <translation>Сүзгілерге сай келетін жазба жоқ. Іздеуді немесе сүзгілерді тазалаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="291" />
        <source>No records yet. Press %1 or «%2» to enter the first one.</source>
        <translation>Әзірге жазба жоқ. Алғашқысын енгізу үшін %1 немесе «%2» түймесін басыңыз.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/record_model.py" line="19" />
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="20" />
        <source>Org unit</source>
        <translation>Бөлімше</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="21" />
        <source>Status</source>
        <translation>Мәртебесі</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="22" />
        <source>Summary</source>
        <translation>Қысқаша</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="23" />
        <source>Updated</source>
        <translation>Өзгертілді</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="24" />
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="47" />
        <source>draft</source>
        <translation>жоба</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="48" />
        <source>submitted</source>
        <translation>тапсырылды</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="49" />
        <source>returned</source>
        <translation>қайтарылды</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="50" />
        <source>approved</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="51" />
        <source>conflict</source>
        <translation>қайшылық</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="52" />
        <source>rejected</source>
        <translation>қабылданбады</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="37" />
        <source>Nothing to import: every organization of the list is in the registry already.</source>
        <translation>Импорттайтын ештеңе жоқ: тізімдегі барлық ұйым тізілімде бұрыннан бар.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="45" />
        <source>Matched to no field of the registry (not imported): %1</source>
        <translation>Тізілімнің ешбір өрісімен сәйкестендірілмеген (импортталмайды): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="48" />
        <source>Row %1: in the registry already, as the list has it; not saved again</source>
        <translation>%1-жол: тізілімде дәл осылай бұрыннан бар; қайта сақталмайды</translation>
    </message>
</context>
<context>
    <name>RejectedBox</name>
    <message>
        <location filename="../../desktop/refused_box.py" line="99" />
        <source>The server never had %1. Drop it? It is removed from this computer; its history keeps it as deleted.</source>
        <translation>Сервер %1 жазбасын ешқашан алмаған. Бас тартасыз ба? Жазба осы компьютерден жойылады; тарихта жойылған болып қалады.</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="103" />
        <source>Drop the refused change of %1? Its changes not accepted by the server are discarded, and the server's copy (version %2) comes back.</source>
        <translation>%1 жазбасының қабылданбаған өзгерісінен бас тартасыз ба? Сервер қабылдамаған өзгерістер өшіріледі, сервердің көшірмесі қайтарылады (%2-нұсқа).</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="108" />
        <source>Drop the refused change</source>
        <translation>Қабылданбаған өзгерістен бас тарту</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="110" />
        <source>Drop</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="113" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="150" />
        <source>Rejected by the server</source>
        <translation>Сервер қабылдамағандар</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="151" />
        <source>Open the record to fix it</source>
        <translation>Түзету үшін жазбаны ашу</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="152" />
        <source>Send again</source>
        <translation>Қайта жіберу</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="153" />
        <source>Move to another unit…</source>
        <translation>Басқа бөлімшеге ауыстыру…</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="154" />
        <source>Drop…</source>
        <translation>Өзгерістен бас тарту…</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="156" />
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="156" />
        <source>Why it was rejected</source>
        <translation>Қабылданбау себебі</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="199" />
        <source>Not dropped</source>
        <translation>Өзгерістен бас тартылмады</translation>
    </message>
</context>
<context>
    <name>RestoreBanner</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="159" />
        <source>Unsaved input from %1 was kept after the app closed. Restore it?</source>
        <translation>Бағдарлама жабылғаннан кейін %1 уақыттағы сақталмаған енгізу қалды. Қалпына келтіру керек пе?</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="161" />
        <source>&amp;Restore</source>
        <translation>Қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="162" />
        <source>Discard</source>
        <translation>Тастау</translation>
    </message>
</context>
<context>
    <name>ReturnBanner</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="200" />
        <source>Returned for changes by %1 on %2:</source>
        <translation>Пысықтауға қайтарылды (%1, %2):</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/review_page.py" line="67" />
        <source>missing</source>
        <translation>есеп жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="67" />
        <source>draft</source>
        <translation>жоба</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="68" />
        <source>submitted</source>
        <translation>тапсырылды</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="68" />
        <source>late</source>
        <translation>кешіктірілді</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="69" />
        <source>returned</source>
        <translation>қайтарылды</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="69" />
        <source>approved</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="70" />
        <source>not due yet</source>
        <translation>мерзімі әлі келген жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="132" />
        <source>Year:</source>
        <translation>Жыл:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="133" />
        <source>Reports due by day of next month:</source>
        <translation>Тапсыру мерзімі — келесі айдың күні:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="137" />
        <source>Changes after submission</source>
        <translation>Тапсырғаннан кейінгі өзгерістер</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="138" />
        <source>Comment to the district (required to return)</source>
        <translation>Ауданға түсініктеме (қайтарғанда міндетті)</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="139" />
        <source>Open report</source>
        <translation>Есепті ашу</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="140" />
        <source>Approve</source>
        <translation>Қабылдау</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="141" />
        <source>Return with comment</source>
        <translation>Түсініктемемен қайтару</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="142" />
        <source>Correct a value…</source>
        <translation>Мәнді түзету…</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="144" />
        <source>Revision</source>
        <translation>Нұсқа</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="144" />
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Was</source>
        <translation>Болған</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Now</source>
        <translation>Қазір</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Editor</source>
        <translation>Кім өзгертті</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="146" />
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="146" />
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="187" />
        <source>Select a cell of the grid to see the report.</source>
        <translation>Есепті көру үшін кестенің ұяшығын таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="202" />
        <source>Comment on warnings: %1</source>
        <translation>Ескертулерге түсініктеме: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="204" />
        <source>Reviewer's comment: %1</source>
        <translation>Тексерушінің түсініктемесі: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="228" />
        <source>Comment required</source>
        <translation>Түсініктеме қажет</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="227" />
        <source>Write what the district must fix before returning the report.</source>
        <translation>Есепті қайтармас бұрын аудан нені түзетуі керек екенін жазыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="235" />
        <source>Could not save the review</source>
        <translation>Шешімді сақтау мүмкін болмады</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="251" />
        <source>… and %1 more</source>
        <translation>… және тағы %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="253" />
        <source>The report cannot be approved yet:</source>
        <translation>Есепті әзірге қабылдауға болмайды:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="254" />
        <source>Return it to the district with a comment saying what to correct or explain, or correct a value yourself.</source>
        <translation>Оны ауданға нені түзету не түсіндіру керектігін жазып қайтарыңыз немесе мәнді өзіңіз түзетіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="274" />
        <source>Could not save the correction</source>
        <translation>Түзетуді сақтау мүмкін болмады</translation>
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <location filename="../../desktop/roster_editor.py" line="187" />
        <source>Add row</source>
        <translation>Жол қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="188" />
        <source>Delete row</source>
        <translation>Жолды жою</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="189" />
        <location filename="../../desktop/roster_editor.py" line="245" />
        <source>Paste from Excel</source>
        <translation>Excel-ден қою</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="194" />
        <source>Rows: %1</source>
        <translation>Жолдар: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="196" />
        <source>duplicates: %1</source>
        <translation>қайталанулар: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="198" />
        <source>left out of the paste (titles, totals, notes): %1</source>
        <translation>қойылмады (тақырыптар, қорытындылар, ескертпелер), жолдар: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="234" />
        <source>Delete rows</source>
        <translation>Жолдарды жою</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="246" />
        <source>Nothing to paste: select the rows in Excel, copy them (Ctrl+C), then press «Paste from Excel» again.</source>
        <translation>Қоятын ештеңе жоқ: Excel-де жолдарды белгілеп, көшіріңіз (Ctrl+C), содан кейін «Excel-ден қою» батырмасын қайта басыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="258" />
        <source>Paste</source>
        <translation>Қою</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="263" />
        <source>Paste again?</source>
        <translation>Қайта қою керек пе?</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="264" />
        <source>All %1 pasted rows are already in the list. Add them once more?</source>
        <translation>Қойылатын жолдардың барлығы (%1) тізімде бар. Оларды тағы бір рет қосу керек пе?</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="267" />
        <source>Add again</source>
        <translation>Тағы қосу</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="268" />
        <source>Do not add</source>
        <translation>Қоспау</translation>
    </message>
</context>
<context>
    <name>ServerErrors</name>
    <message>
        <location filename="../../desktop/server_errors.py" line="14" />
        <source>Not authorised: log in again.</source>
        <translation>Авторизация жоқ: қайта кіріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="19" />
        <source>Wrong user or password.</source>
        <translation>Пайдаланушы немесе құпиясөз қате.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="20" />
        <source>Too many attempts: wait a little and try again.</source>
        <translation>Тым көп әрекет: біраз күтіп, қайта көріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="22" />
        <source>The server does not answer: check the connection.</source>
        <translation>Сервер жауап бермейді: байланысты тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="24" />
        <source>The server needs a newer Esep: install the update. Your changes are kept.</source>
        <translation>Серверге Esep-тің жаңа нұсқасы қажет: жаңартуды орнатыңыз. Өзгерістеріңіз сақталған.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="27" />
        <source>Plain http is allowed only to this computer: use an https:// address.</source>
        <translation>Қорғалмаған http тек осы компьютерге рұқсат етілген: https:// мекенжайын көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="30" />
        <source>Too much data in one request.</source>
        <translation>Бір сұраудағы деректер тым көп.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="31" />
        <source>Cancelled.</source>
        <translation>Тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="33" />
        <source>The server reported an error (%1).</source>
        <translation>Сервер қате туралы хабарлады (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="34" />
        <source>This is not a server address (expected https://host)</source>
        <translation>Бұл сервер мекенжайы емес (https://хост күтіледі)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/settings_page.py" line="34" />
        <source>District staff</source>
        <translation>Аудан қызметкері</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="35" />
        <source>Regional coordinator</source>
        <translation>Өңір үйлестірушісі</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="36" />
        <source>Central office</source>
        <translation>Орталық кеңсе</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="37" />
        <source>Administrator</source>
        <translation>Әкімші</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="102" />
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="103" />
        <source>&amp;Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="103" />
        <source>Server &amp;URL</source>
        <translation>Сервер мекенжайы</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="104" />
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="104" />
        <source>User</source>
        <translation>Пайдаланушы</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="105" />
        <location filename="../../desktop/settings_page.py" line="163" />
        <source>Data folder</source>
        <translation>Деректер қалтасы</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="108" />
        <source>Change…</source>
        <translation>Өзгерту…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="109" />
        <source>&amp;Back up to a file…</source>
        <translation>Файлға сақтық көшірме…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="110" />
        <source>&amp;Restore from a file…</source>
        <translation>Файлдан қалпына келтіру…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="111" />
        <source>Log &amp;out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="112" />
        <location filename="../../desktop/sync_page.py" line="221" />
        <source>&amp;Connect to a server…</source>
        <translation>Серверге қосылу…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="113" />
        <source>Change &amp;password…</source>
        <translation>Құпиясөзді өзгерту…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="152" />
        <source>Connected to %1. Sync starts now.</source>
        <translation>%1 серверіне қосылды. Синхрондау басталды.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="159" />
        <source>The new data folder is used from the next start: %1</source>
        <translation>Жаңа деректер қалтасы келесі іске қосқанда қолданылады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="170" />
        <source>Backup written to %1</source>
        <translation>Сақтық көшірме жазылды: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="177" />
        <source>Not restored: %1</source>
        <translation>Қалпына келтірілмеді: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="180" />
        <source>Restored. The previous data was kept in %1</source>
        <translation>Қалпына келтірілді. Бұрынғы деректер мына жерде сақталды: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="193" />
        <source>Back up to a file</source>
        <translation>Файлға сақтық көшірме</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="200" />
        <source>Restore from a file</source>
        <translation>Файлдан қалпына келтіру</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="210" />
        <source>Your password has been changed.</source>
        <translation>Құпиясөз өзгертілді.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="225" />
        <source>Logged out. The first-run screen opens at the next start.</source>
        <translation>Сіз шықтыңыз. Келесі іске қосқанда алғашқы іске қосу терезесі ашылады.</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <location filename="../../desktop/status_bar.py" line="93" />
        <source>Last sync: %1</source>
        <translation>Соңғы синхрондау: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="93" />
        <source>never</source>
        <translation>болған жоқ</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="97" />
        <source>please sync (over %1 days)</source>
        <translation>синхрондаңыз (%1 күннен астам өтті)</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="100" />
        <source>Changes waiting: %1</source>
        <translation>Жіберуді күтуде: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="101" />
        <source>Conflicts: %1 · Rejected: %2</source>
        <translation>Қайшылықтар: %1 · Қабылданбады: %2</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="50" />
        <source>To add: %1</source>
        <translation>Қосылады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="51" />
        <source>To update: %1</source>
        <translation>Жаңартылады: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="52" />
        <source>Skipped: %1</source>
        <translation>Өткізілді: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="54" />
        <source>Findings: %1</source>
        <translation>Ескертулер: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="91" />
        <source>Nothing to import: every response of the file was imported before.</source>
        <translation>Импорттайтын ештеңе жоқ: файлдағы барлық жауап бұрын импортталған.</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="94" />
        <source>Matched to no question (not imported): %1</source>
        <translation>Ешбір сұрақпен сәйкестендірілмеген (импортталмайды): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="101" />
        <source>Row %1: imported before and unchanged; not saved again</source>
        <translation>%1-жол: бұрын импортталған және өзгермеген; қайта сақталмайды</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="137" />
        <source>Row %1: %2: %3 → %4</source>
        <translation>%1-жол: %2: %3 → %4</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="147" />
        <source>Row</source>
        <translation>Жол</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../desktop/sync_page.py" line="134" />
        <source>Sync now</source>
        <translation>Қазір синхрондау</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="135" />
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="136" />
        <source>Sync:</source>
        <translation>Синхрондау:</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_mode.py" line="8" />
        <source>automatically when the server answers</source>
        <translation>сервер жауап бергенде автоматты түрде</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_mode.py" line="9" />
        <source>only when I press Sync now</source>
        <translation>тек «Қазір синхрондау» батырмасын басқанда</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="138" />
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="139" />
        <location filename="../../desktop/sync_page.py" line="147" />
        <source>Conflicts</source>
        <translation>Қайшылықтар</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="140" />
        <source>Resolve…</source>
        <translation>Шешу…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="145" />
        <source>Started</source>
        <translation>Басталды</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="145" />
        <source>Outcome</source>
        <translation>Нәтижесі</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="146" />
        <source>Sent</source>
        <translation>Жіберілді</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="146" />
        <source>Received</source>
        <translation>Алынды</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="147" />
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="148" />
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="150" />
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="150" />
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="156" />
        <source>done</source>
        <translation>орындалды</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="156" />
        <source>done, needs a person</source>
        <translation>орындалды, адамның шешімі қажет</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="157" />
        <source>failed</source>
        <translation>сәтсіз</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="157" />
        <source>cancelled</source>
        <translation>тоқтатылды</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="158" />
        <source>running</source>
        <translation>орындалуда</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="165" />
        <source>reason unknown</source>
        <translation>себебі белгісіз</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="167" />
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="174" />
        <source>same report made on two devices</source>
        <translation>бір есеп екі құрылғыда жасалған</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="175" />
        <source>changed here and on the server</source>
        <translation>мұнда да, серверде де өзгертілген</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="186" />
        <source>Working offline: no server is set up (Settings → server).</source>
        <translation>Желісіз жұмыс: сервер бапталмаған (Баптаулар → сервер).</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="197" />
        <source>You have not synced for %1 days: connect and press Sync now.</source>
        <translation>Сіз %1 күн синхрондамадыңыз: желіге қосылып, «Қазір синхрондау» батырмасын басыңыз.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="212" />
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="219" />
        <source>No server is set up, so there is nothing to sync with: press «%1» in %2, or take the changes on a USB stick with «%3».</source>
        <translation>Сервер бапталмаған, синхрондайтын ешнәрсе жоқ: «%2» бөлімінде «%1» түймесін басыңыз немесе өзгерістерді «%3» түймесімен флешкамен жеткізіңіз.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="228" />
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="235" />
        <source>receiving</source>
        <translation>алу</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="235" />
        <source>sending</source>
        <translation>жіберу</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="238" />
        <source>%1: %2 records · %3 KB sent · %4 KB received</source>
        <translation>%1: %2 жазба · %3 КБ жіберілді · %4 КБ алынды</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="256" />
        <source>Done: %1 sent, %2 received, %3 conflicts, %4 rejected, %5 KB</source>
        <translation>Дайын: %1 жіберілді, %2 алынды, %3 қайшылық, %4 қабылданбады, %5 КБ</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="276" />
        <source>Cancelled; what was already exchanged is kept.</source>
        <translation>Тоқтатылды; жіберіліп үлгерген деректер сақталды.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="279" />
        <source>Sync failed: %1</source>
        <translation>Синхрондау сәтсіз аяқталды: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="340" />
        <source>Automatic sync: %1</source>
        <translation>Автоматты синхрондау: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="348" />
        <source>Automatic sync stopped: %1</source>
        <translation>Автоматты синхрондау тоқтатылды: %1</translation>
    </message>
</context>
</TS>