<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AnnualReportDialog</name>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="41" />
        <source>Annual report…</source>
        <translation>Annual report…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="108" />
        <source>Annual report «Volunteering in figures»</source>
        <translation>Annual report «Volunteering in figures»</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="109" />
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="109" />
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="110" />
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="110" />
        <source>Save as:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="113" />
        <source>Whole country</source>
        <translation>Whole country</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="114" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="115" />
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="116" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="117" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="118" />
        <source>report.docx, .xlsx or .pdf</source>
        <translation>report.docx, .xlsx or .pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="122" />
        <source>Save the annual report</source>
        <translation>Save the annual report</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="124" />
        <source>Word (*.docx);;Excel (*.xlsx);;PDF (*.pdf)</source>
        <translation>Word (*.docx);;Excel (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="136" />
        <source>Choose a file ending in .docx, .xlsx or .pdf.</source>
        <translation>Choose a file ending in .docx, .xlsx or .pdf.</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="147" />
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="156" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="167" />
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="175" />
        <source>Cancelled: no file was written.</source>
        <translation>Cancelled: no file was written.</translation>
    </message>
    <message>
        <location filename="../../desktop/annual_dialog.py" line="177" />
        <source>The report was not written: %1</source>
        <translation>The report was not written: %1</translation>
    </message>
</context>
<context>
    <name>BundleBox</name>
    <message>
        <location filename="../../desktop/bundle_box.py" line="39" />
        <source>Save for USB…</source>
        <translation>Save for USB…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="40" />
        <source>No line: save the changes to a file that anyone connected can deliver to the server</source>
        <translation>No line: save the changes to a file that anyone connected can deliver to the server</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="42" />
        <source>Load reply…</source>
        <translation>Load reply…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="43" />
        <source>Apply the server's reply file brought back on the USB stick</source>
        <translation>Apply the server's reply file brought back on the USB stick</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="59" />
        <source>this computer has no signing key yet: sync online once</source>
        <translation>this computer has no signing key yet: sync online once</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="61" />
        <source>the file was changed, or not signed by this computer's server</source>
        <translation>the file was changed, or not signed by this computer's server</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="63" />
        <source>the file is damaged</source>
        <translation>the file is damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="64" />
        <source>this is not an Esep bundle file</source>
        <translation>this is not an Esep bundle file</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="65" />
        <source>the file has expired: make a new one</source>
        <translation>the file has expired: make a new one</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="66" />
        <source>the file comes from another server</source>
        <translation>the file comes from another server</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="67" />
        <source>the reply is meant for another computer</source>
        <translation>the reply is meant for another computer</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="68" />
        <source>wrong password</source>
        <translation>wrong password</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="80" />
        <location filename="../../desktop/bundle_box.py" line="90" />
        <source>Save for USB</source>
        <translation>Save for USB</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="82" />
        <source>Esep bundles (*.esep)</source>
        <translation>Esep bundles (*.esep)</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="91" />
        <source>Your password (it unlocks this computer's signing key):</source>
        <translation>Your password (it unlocks this computer's signing key):</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="95" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="104" />
        <source>Saved %1 changes to %2: take the file to anyone connected, then load the reply here.</source>
        <translation>Saved %1 changes to %2: take the file to anyone connected, then load the reply here.</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="112" />
        <source>Load reply</source>
        <translation>Load reply</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="113" />
        <source>Esep bundles (*.esep *.reply);;All files (*)</source>
        <translation>Esep bundles (*.esep *.reply);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="116" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="125" />
        <source>Reply loaded: %1 changes confirmed, %2 received, %3 conflicts</source>
        <translation>Reply loaded: %1 changes confirmed, %2 received, %3 conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/bundle_box.py" line="134" />
        <source>Refused, nothing applied: %1</source>
        <translation>Refused, nothing applied: %1</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../desktop/confirm.py" line="14" />
        <source>Confirm submission</source>
        <translation>Confirm submission</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="15" />
        <source>Submit %1?</source>
        <translation>Submit %1?</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="17" />
        <source>After submission the record can be changed only if the region returns it.</source>
        <translation>After submission the record can be changed only if the region returns it.</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="19" />
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="21" />
        <location filename="../../desktop/confirm.py" line="38" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="31" />
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="32" />
        <source>%1 has unsaved changes. Save them as a draft?</source>
        <translation>%1 has unsaved changes. Save them as a draft?</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="36" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/confirm.py" line="37" />
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="244" />
        <source>mine</source>
        <translation>mine</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="244" />
        <source>theirs</source>
        <translation>theirs</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="245" />
        <source>edit</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="248" />
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="248" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="249" />
        <source>Comment on warnings</source>
        <translation>Comment on warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="250" />
        <source>Reviewer's comment</source>
        <translation>Reviewer's comment</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="253" />
        <source>Resolve a conflict</source>
        <translation>Resolve a conflict</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="257" />
        <source>Another device created the same report for this org unit and month.</source>
        <translation>Another device created the same report for this org unit and month.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="259" />
        <source>The report was changed on the server while you edited it.</source>
        <translation>The report was changed on the server while you edited it.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="260" />
        <source>%1 values differ. Choose per row which value to keep, or edit it.</source>
        <translation>%1 values differ. Choose per row which value to keep, or edit it.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="262" />
        <source>The result is sent as a normal change.</source>
        <translation>The result is sent as a normal change.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>My value</source>
        <translation>My value</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="263" />
        <source>Server value</source>
        <translation>Server value</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="264" />
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="264" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="266" />
        <source>Keep all mine</source>
        <translation>Keep all mine</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="267" />
        <source>Keep all theirs</source>
        <translation>Keep all theirs</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="287" />
        <source>%1: «%2» is not a whole number; type one, e.g. 12.</source>
        <translation>%1: «%2» is not a whole number; type one, e.g. 12.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="288" />
        <source>%1: «%2» is not a number; type one, e.g. 12 or 7,5.</source>
        <translation>%1: «%2» is not a number; type one, e.g. 12 or 7,5.</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="298" />
        <source>Not a valid value</source>
        <translation>Not a valid value</translation>
    </message>
    <message>
        <location filename="../../desktop/conflicts_dialog.py" line="301" />
        <source>Could not save the resolution</source>
        <translation>Could not save the resolution</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="40" />
        <source>&amp;Move my records there</source>
        <translation>&amp;Move my records there</translation>
    </message>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="41" />
        <source>&amp;Not now</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <location filename="../../desktop/connect_dialog.py" line="59" />
        <source>You worked offline for «%1» (records: %2). Which district of the server is it? Its drafts and returned records move there; this cannot be undone.</source>
        <translation>You worked offline for «%1» (records: %2). Which district of the server is it? Its drafts and returned records move there; this cannot be undone.</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../desktop/connection.py" line="12" />
        <source>Offline only (no server)</source>
        <translation>Offline only (no server)</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="13" />
        <source>Checking connection…</source>
        <translation>Checking connection…</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="14" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="15" />
        <source>Offline: the server does not answer, retrying</source>
        <translation>Offline: the server does not answer, retrying</translation>
    </message>
    <message>
        <location filename="../../desktop/connection.py" line="16" />
        <source>Online, but the server wants you to log in</source>
        <translation>Online, but the server wants you to log in</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desktop/review_page.py" line="286" />
        <source>Correct a submitted report</source>
        <translation>Correct a submitted report</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="304" />
        <source>Field:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="305" />
        <source>Current value:</source>
        <translation>Current value:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="306" />
        <source>New value:</source>
        <translation>New value:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="307" />
        <source>Reason (required):</source>
        <translation>Reason (required):</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="209" />
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="210" />
        <source>From month:</source>
        <translation>From month:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="211" />
        <source>to:</source>
        <translation>to:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="216" />
        <source>Hourly rate, ₸:</source>
        <translation>Hourly rate, ₸:</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="217" />
        <source>Include drafts</source>
        <translation>Include drafts</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="218" />
        <source>Rates…</source>
        <translation>Rates…</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="219" />
        <source>Hourly rates by region and year</source>
        <translation>Hourly rates by region and year</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="220" />
        <source>Headline numbers</source>
        <translation>Headline numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="221" />
        <location filename="../../desktop/dashboard_page.py" line="286" />
        <source>Completeness and timeliness</source>
        <translation>Completeness and timeliness</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="235" />
        <source>Monthly reports</source>
        <translation>Monthly reports</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="236" />
        <source>Economic contribution, ₸</source>
        <translation>Economic contribution, ₸</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="237" />
        <source>Minimum estimate, ₸ (hours rounded up to a million)</source>
        <translation>Minimum estimate, ₸ (hours rounded up to a million)</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="239" />
        <source>Stock: latest report of each org unit, summed</source>
        <translation>Stock: latest report of each org unit, summed</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="240" />
        <source>Flow: summed over the months of the period</source>
        <translation>Flow: summed over the months of the period</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="224" />
        <source>Org unit</source>
        <translation>Org unit</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="224" />
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="225" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="225" />
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="226" />
        <source>Received, %</source>
        <translation>Received, %</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="246" />
        <source>The national report's method: the recorded hours rounded up to the next million, times the rate. Shown for national and regional totals only.</source>
        <translation>The national report's method: the recorded hours rounded up to the next million, times the rate. Shown for national and regional totals only.</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="302" />
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="329" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="341" />
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard_page.py" line="355" />
        <source>Trend over months</source>
        <translation>Trend over months</translation>
    </message>
</context>
<context>
    <name>EventFill</name>
    <message>
        <location filename="../../desktop/event_fill.py" line="23" />
        <source>Fill from events</source>
        <translation>Fill from events</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="24" />
        <source>Sum this month's volunteering events of the org unit into the event figures, hours and positions; check them, then save.</source>
        <translation>Sum this month's volunteering events of the org unit into the event figures, hours and positions; check them, then save.</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="33" />
        <source>Choose the org unit and the month first.</source>
        <translation>Choose the org unit and the month first.</translation>
    </message>
    <message>
        <location filename="../../desktop/event_fill.py" line="43" />
        <source>Filled from %1 events of %2: check the figures and save.</source>
        <translation>Filled from %1 events of %2: check the figures and save.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../desktop/export_actions.py" line="19" />
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="20" />
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="21" />
        <source>Blank workbook…</source>
        <translation>Blank workbook…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="31" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="32" />
        <source>CSV table (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="33" />
        <source>JSON records (*.json)</source>
        <translation>JSON records (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="34" />
        <location filename="../../desktop/export_actions.py" line="48" />
        <location filename="../../desktop/export_actions.py" line="56" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="47" />
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="55" />
        <source>Could not save the file: %1</source>
        <translation>Could not save the file: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/export_actions.py" line="142" />
        <source>summary</source>
        <translation>summary</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <location filename="../../desktop/field_widgets.py" line="45" />
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/field_widgets.py" line="348" />
        <source>Choose on the calendar</source>
        <translation>Choose on the calendar</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../desktop/findings_panel.py" line="17" />
        <source>Enter the period as YYYY-MM.</source>
        <translation>Enter the period as YYYY-MM.</translation>
    </message>
    <message>
        <location filename="../../desktop/findings_panel.py" line="92" />
        <source>Findings — errors: %1, warnings: %2, notes: %3</source>
        <translation>Findings — errors: %1, warnings: %2, notes: %3</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/first_run.py" line="186" />
        <source>Esep — first start</source>
        <translation>Esep — first start</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="187" />
        <source>Welcome to Esep</source>
        <translation>Welcome to Esep</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="188" />
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="189" />
        <source>Work on this computer only, or connect to the central server to sync your reports?</source>
        <translation>Work on this computer only, or connect to the central server to sync your reports?</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="191" />
        <source>Work &amp;offline</source>
        <translation>Work &amp;offline</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="192" />
        <source>&amp;Connect to a server</source>
        <translation>&amp;Connect to a server</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>&amp;Region</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>&amp;District</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="194" />
        <source>Your &amp;name</source>
        <translation>Your &amp;name</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="196" />
        <source>Server &amp;URL</source>
        <translation>Server &amp;URL</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="196" />
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="197" />
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="199" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="200" />
        <source>&amp;Log in</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="202" />
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="225" />
        <source>Pick a district or type its name</source>
        <translation>Pick a district or type its name</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="226" />
        <source>Type the district's name</source>
        <translation>Type the district's name</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="234" />
        <source>Choose the region and type or pick a district.</source>
        <translation>Choose the region and type or pick a district.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="253" />
        <source>Enter the server URL, user and password.</source>
        <translation>Enter the server URL, user and password.</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="256" />
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/first_run.py" line="283" />
        <source>Your password was reset: choose a new one.</source>
        <translation>Your password was reset: choose a new one.</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../desktop/form_editor.py" line="90" />
        <source>Choose the month</source>
        <translation>Choose the month</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="330" />
        <source>&amp;Org unit</source>
        <translation>&amp;Org unit</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="331" />
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="332" />
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="334" />
        <source>Comment on warnings (required to submit with warnings)</source>
        <translation>Comment on warnings (required to submit with warnings)</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="335" />
        <source>Save &amp;draft</source>
        <translation>Save &amp;draft</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="336" />
        <source>&amp;Submit</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="337" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/form_editor.py" line="359" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="175" />
        <source>Fix the errors to submit.</source>
        <translation>Fix the errors to submit.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="178" />
        <source>Not shown yet: %1; F8 goes to the next one.</source>
        <translation>Not shown yet: %1; F8 goes to the next one.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="182" />
        <source>Warnings need a comment before you submit.</source>
        <translation>Warnings need a comment before you submit.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="240" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="243" />
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="305" />
        <source>Submission blocked: see the findings.</source>
        <translation>Submission blocked: see the findings.</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="309" />
        <source>Not submitted: %1</source>
        <translation>Not submitted: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/form_actions.py" line="313" />
        <source>Submitted: %1.</source>
        <translation>Submitted: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="31" />
        <source>Save correction…</source>
        <translation>Save correction…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="32" />
        <source>Correct…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="54" />
        <source>Change the values, then save the correction with a reason.</source>
        <translation>Change the values, then save the correction with a reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="59" />
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="60" />
        <source>Reason for the correction (required):</source>
        <translation>Reason for the correction (required):</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="72" />
        <source>A correction needs a reason.</source>
        <translation>A correction needs a reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="84" />
        <source>Correction blocked: see the findings.</source>
        <translation>Correction blocked: see the findings.</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="88" />
        <source>Not corrected: %1</source>
        <translation>Not corrected: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="92" />
        <source>Correction saved (revision %1).</source>
        <translation>Correction saved (revision %1).</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="21" />
        <source>The report is approved and locked; no one changes it.</source>
        <translation>The report is approved and locked; no one changes it.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="24" />
        <source>A submitted report is not changed in place; the region or the centre corrects it with a reason.</source>
        <translation>A submitted report is not changed in place; the region or the centre corrects it with a reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="28" />
        <source>Your role does not enter or submit this form.</source>
        <translation>Your role does not enter or submit this form.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_rights.py" line="30" />
        <source>Not available for a record in this status.</source>
        <translation>Not available for a record in this status.</translation>
    </message>
</context>
<context>
    <name>HistoryHints</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="108" />
        <source>last month: %1 · last year: %2</source>
        <translation>last month: %1 · last year: %2</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/import_texts.py" line="16" />
        <source>Import a file</source>
        <translation>Import a file</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="17" />
        <source>Lists and tables</source>
        <translation>Lists and tables</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="24" />
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="26" />
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="27" />
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="63" />
        <source>row %1</source>
        <translation>row %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="66" />
        <source>column «%1»</source>
        <translation>column «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="138" />
        <source>Import: %1</source>
        <translation>Import: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="139" />
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="140" />
        <source>Org unit:</source>
        <translation>Org unit:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="141" />
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="143" />
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="144" />
        <source>YYYY-MM; empty: the month of the list's date</source>
        <translation>YYYY-MM; empty: the month of the list's date</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="79" />
        <source>Column in the file</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="80" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="102" />
        <source>Chosen at the last import of a list with this header; choose again if it is wrong</source>
        <translation>Chosen at the last import of a list with this header; choose again if it is wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="111" />
        <source>Required, in no column: %1</source>
        <translation>Required, in no column: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="146" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="147" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="152" />
        <source>To add: %1</source>
        <translation>To add: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="153" />
        <source>To change: %1</source>
        <translation>To change: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="154" />
        <source>Skipped: %1</source>
        <translation>Skipped: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="82" />
        <source>Findings: %1</source>
        <translation>Findings: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_texts.py" line="84" />
        <source>Errors: %1, warnings: %2</source>
        <translation>Errors: %1, warnings: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="188" />
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="189" />
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="199" />
        <source>Rows read: %1</source>
        <translation>Rows read: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="215" />
        <source>Cancelled; nothing was imported.</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="218" />
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="238" />
        <source>Errors: %1 — correct the file; nothing will be imported.</source>
        <translation>Errors: %1 — correct the file; nothing will be imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="240" />
        <source>Check the preview, then press Import.</source>
        <translation>Check the preview, then press Import.</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="244" />
        <source>Header row: %1</source>
        <translation>Header row: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="89" />
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="327" />
        <source>Org unit</source>
        <translation>Org unit</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="279" />
        <location filename="../../desktop/import_dialog.py" line="328" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="247" />
        <source>columns as chosen at the last import</source>
        <translation>columns as chosen at the last import</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="329" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/import_dialog.py" line="376" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="100" />
        <source>Reason for the correction</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <location filename="../../desktop/correction.py" line="101" />
        <source>%1

Why do the submitted figures change?</source>
        <translation>%1

Why do the submitted figures change?</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="37" />
        <source>Sheet:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="53" />
        <source>All sheets</source>
        <translation>All sheets</translation>
    </message>
    <message>
        <location filename="../../desktop/import_sheets.py" line="54" />
        <source>(hidden)</source>
        <translation>(hidden)</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../desktop/link_dialog.py" line="29" />
        <source>Find in the registry</source>
        <translation>Find in the registry</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="43" />
        <source>Registry entries that «%1» may mean, the likeliest first:</source>
        <translation>Registry entries that «%1» may mean, the likeliest first:</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="47" />
        <source>No registry entry looks like «%1».</source>
        <translation>No registry entry looks like «%1».</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="52" />
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="94" />
        <source>Find in the registry…</source>
        <translation>Find in the registry…</translation>
    </message>
    <message>
        <location filename="../../desktop/link_dialog.py" line="104" />
        <location filename="../../desktop/link_dialog.py" line="129" />
        <source>Linked to the registry entry «%1».</source>
        <translation>Linked to the registry entry «%1».</translation>
    </message>
</context>
<context>
    <name>ListValues</name>
    <message>
        <location filename="../../desktop/import_values.py" line="39" />
        <source>— not set —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <location filename="../../desktop/import_values.py" line="44" />
        <source>%1 for the whole list:</source>
        <translation>%1 for the whole list:</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login_dialog.py" line="83" />
        <source>Log in to the server</source>
        <translation>Log in to the server</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="84" />
        <source>Enter the server address, your user name and password.</source>
        <translation>Enter the server address, your user name and password.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="86" />
        <source>The server %1 asks you to log in again. Your changes are kept and sync continues after the login.</source>
        <translation>The server %1 asks you to log in again. Your changes are kept and sync continues after the login.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="89" />
        <source>Server &amp;URL</source>
        <translation>Server &amp;URL</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="89" />
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="90" />
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="92" />
        <source>&amp;Log in</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="93" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="99" />
        <source>Enter the server URL, user and password.</source>
        <translation>Enter the server URL, user and password.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="104" />
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../../desktop/main_menu.py" line="99" />
        <location filename="../../desktop/main_menu.py" line="117" />
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="100" />
        <source>Ctrl+N — a new record of the list on screen
Ctrl+S — save the draft
Ctrl+Enter — submit (you are asked to confirm)
Ctrl+F — search the list
Enter — next field · F8 — next finding
F1 — this help</source>
        <translation>Ctrl+N — a new record of the list on screen
Ctrl+S — save the draft
Ctrl+Enter — submit (you are asked to confirm)
Ctrl+F — search the list
Enter — next field · F8 — next finding
F1 — this help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="104" />
        <location filename="../../desktop/main_menu.py" line="118" />
        <source>About Esep</source>
        <translation>About Esep</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="107" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="108" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="109" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="110" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="111" />
        <source>New record</source>
        <translation>New record</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="112" />
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="113" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="114" />
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="115" />
        <source>Export the list…</source>
        <translation>Export the list…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_menu.py" line="116" />
        <source>Find in the list</source>
        <translation>Find in the list</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="35" />
        <source>Monthly reports</source>
        <translation>Monthly reports</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="37" />
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="39" />
        <source>Seminars</source>
        <translation>Seminars</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="41" />
        <source>Focus groups</source>
        <translation>Focus groups</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="43" />
        <source>Questionnaires</source>
        <translation>Questionnaires</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="45" />
        <source>Leadership meetings</source>
        <translation>Leadership meetings</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="47" />
        <source>Hotline</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="49" />
        <source>Volunteer surveys</source>
        <translation>Volunteer surveys</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="51" />
        <source>Organization surveys</source>
        <translation>Organization surveys</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="53" />
        <source>Organization registry</source>
        <translation>Organization registry</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="55" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="57" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="59" />
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="61" />
        <source>Data quality</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="63" />
        <location filename="../../desktop/sync_page.py" line="222" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="212" />
        <source>Esep — volunteering in figures</source>
        <translation>Esep — volunteering in figures</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../desktop/refused_box.py" line="51" />
        <source>Move to another unit</source>
        <translation>Move to another unit</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="58" />
        <source>Move %1 to:</source>
        <translation>Move %1 to:</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="59" />
        <source>No other org unit you may keep this form under: open the record or drop its change.</source>
        <translation>No other org unit you may keep this form under: open the record or drop its change.</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="68" />
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="70" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="76" />
        <source>Esep: passphrase</source>
        <translation>Esep: passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="78" />
        <source>This computer has no keyring, so the personal data in Esep is encrypted with a passphrase. Choose one of at least %1 characters and keep it: without it the data cannot be opened.</source>
        <translation>This computer has no keyring, so the personal data in Esep is encrypted with a passphrase. Choose one of at least %1 characters and keep it: without it the data cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="82" />
        <source>The personal data in Esep is encrypted. Type the passphrase to open %2.</source>
        <translation>The personal data in Esep is encrypted. Type the passphrase to open %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="86" />
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="87" />
        <source>Once more:</source>
        <translation>Once more:</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="89" />
        <source>This passphrase does not open the data. Try again; nothing was changed.</source>
        <translation>This passphrase does not open the data. Try again; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="96" />
        <source>Type the passphrase.</source>
        <translation>Type the passphrase.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="98" />
        <source>The passphrase is too short: %1 characters, at least %2 are needed.</source>
        <translation>The passphrase is too short: %1 characters, at least %2 are needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_dialog.py" line="102" />
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>The two passphrases differ; type the same one twice.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/password_dialog.py" line="68" />
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="69" />
        <source>&amp;Current password</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="70" />
        <source>&amp;New password</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="71" />
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Repeat the new password</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="77" />
        <source>Enter your current password.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="79" />
        <source>The new password needs at least %1 characters.</source>
        <translation>The new password needs at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="82" />
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="84" />
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="93" />
        <source>No server is set: enter the server URL in the settings first.</source>
        <translation>No server is set: enter the server URL in the settings first.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="100" />
        <source>Changing the password…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="121" />
        <source>The current password is wrong. Nothing was changed.</source>
        <translation>The current password is wrong. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="123" />
        <source>The server cannot be reached. Nothing was changed.</source>
        <translation>The server cannot be reached. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/password_dialog.py" line="125" />
        <source>The server refused the new password: %1</source>
        <translation>The server refused the new password: %1</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../desktop/quality_page.py" line="251" />
        <source>Rule:</source>
        <translation>Rule:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="252" />
        <source>Severity:</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="253" />
        <source>Org unit:</source>
        <translation>Org unit:</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="254" />
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="256" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="259" />
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="257" />
        <source>Org unit</source>
        <translation>Org unit</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="257" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="258" />
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="258" />
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="256" />
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="264" />
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="264" />
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="265" />
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="271" />
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="330" />
        <source>Could not check the records: %1</source>
        <translation>Could not check the records: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="336" />
        <source>Findings: %1 (errors: %2, warnings: %3, info: %4)</source>
        <translation>Findings: %1 (errors: %2, warnings: %3, info: %4)</translation>
    </message>
    <message>
        <location filename="../../desktop/quality_page.py" line="345" />
        <source>Data quality</source>
        <translation>Data quality</translation>
    </message>
</context>
<context>
    <name>RateTableModel</name>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="145" />
        <source>%1: “%2” is not a valid rate. Enter a number of tenge greater than 0, or leave it empty for the default.</source>
        <translation>%1: “%2” is not a valid rate. Enter a number of tenge greater than 0, or leave it empty for the default.</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="206" />
        <source>Hourly rates by region</source>
        <translation>Hourly rates by region</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="207" />
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="208" />
        <source>Value of one volunteer hour in each region, ₸. Leave a rate empty to use the default rate (%1 ₸/h).</source>
        <translation>Value of one volunteer hour in each region, ₸. Leave a rate empty to use the default rate (%1 ₸/h).</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="211" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="211" />
        <source>Own rate, ₸/h</source>
        <translation>Own rate, ₸/h</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="212" />
        <source>Rate applied, ₸/h</source>
        <translation>Rate applied, ₸/h</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="215" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="217" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="219" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="227" />
        <source>These rates are set by the centre and come with each sync; they cannot be changed here. Last change: %1. Regions without a rate use the default rate (%2 ₸/h).</source>
        <translation>These rates are set by the centre and come with each sync; they cannot be changed here. Last change: %1. Regions without a rate use the default rate (%2 ₸/h).</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="231" />
        <source>These rates are set by the centre and come with each sync; they cannot be changed here. Regions without a rate use the default rate (%1 ₸/h).</source>
        <translation>These rates are set by the centre and come with each sync; they cannot be changed here. Regions without a rate use the default rate (%1 ₸/h).</translation>
    </message>
    <message>
        <location filename="../../desktop/rates_dialog.py" line="260" />
        <source>Could not save the rates: %1</source>
        <translation>Could not save the rates: %1</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../desktop/record_list_page.py" line="157" />
        <source>Search…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="158" />
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="160" />
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="163" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="164" />
        <source>Recover unsaved input</source>
        <translation>Recover unsaved input</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/record_list_page.py" line="221" />
        <source>%n report(s) returned for changes — open</source>
        <translation>
            <numerusform>%n report returned for changes — open</numerusform>
            <numerusform>%n reports returned for changes — open</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="239" />
        <source>All org units</source>
        <translation>All org units</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="245" />
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="281" />
        <source>Showing %1 of %2</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="289" />
        <source>No records match the filters. Clear the search or the filters.</source>
        <translation>No records match the filters. Clear the search or the filters.</translation>
    </message>
    <message>
        <location filename="../../desktop/record_list_page.py" line="291" />
        <source>No records yet. Press %1 or «%2» to enter the first one.</source>
        <translation>No records yet. Press %1 or «%2» to enter the first one.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../desktop/record_model.py" line="19" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="20" />
        <source>Org unit</source>
        <translation>Org unit</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="21" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="22" />
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="23" />
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="24" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="47" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="48" />
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="49" />
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="50" />
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="51" />
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location filename="../../desktop/record_model.py" line="52" />
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="37" />
        <source>Nothing to import: every organization of the list is in the registry already.</source>
        <translation>Nothing to import: every organization of the list is in the registry already.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="45" />
        <source>Matched to no field of the registry (not imported): %1</source>
        <translation>Matched to no field of the registry (not imported): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registry_dialog.py" line="48" />
        <source>Row %1: in the registry already, as the list has it; not saved again</source>
        <translation>Row %1: in the registry already, as the list has it; not saved again</translation>
    </message>
</context>
<context>
    <name>RejectedBox</name>
    <message>
        <location filename="../../desktop/refused_box.py" line="99" />
        <source>The server never had %1. Drop it? It is removed from this computer; its history keeps it as deleted.</source>
        <translation>The server never had %1. Drop it? It is removed from this computer; its history keeps it as deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="103" />
        <source>Drop the refused change of %1? Its changes not accepted by the server are discarded, and the server's copy (version %2) comes back.</source>
        <translation>Drop the refused change of %1? Its changes not accepted by the server are discarded, and the server's copy (version %2) comes back.</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="108" />
        <source>Drop the refused change</source>
        <translation>Drop the refused change</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="110" />
        <source>Drop</source>
        <translation>Drop</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="113" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="150" />
        <source>Rejected by the server</source>
        <translation>Rejected by the server</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="151" />
        <source>Open the record to fix it</source>
        <translation>Open the record to fix it</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="152" />
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="153" />
        <source>Move to another unit…</source>
        <translation>Move to another unit…</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="154" />
        <source>Drop…</source>
        <translation>Drop…</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="156" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="156" />
        <source>Why it was rejected</source>
        <translation>Why it was rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/refused_box.py" line="199" />
        <source>Not dropped</source>
        <translation>Not dropped</translation>
    </message>
</context>
<context>
    <name>RestoreBanner</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="159" />
        <source>Unsaved input from %1 was kept after the app closed. Restore it?</source>
        <translation>Unsaved input from %1 was kept after the app closed. Restore it?</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="161" />
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/editor_parts.py" line="162" />
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>ReturnBanner</name>
    <message>
        <location filename="../../desktop/editor_parts.py" line="200" />
        <source>Returned for changes by %1 on %2:</source>
        <translation>Returned for changes by %1 on %2:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/review_page.py" line="67" />
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="67" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="68" />
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="68" />
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="69" />
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="69" />
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="70" />
        <source>not due yet</source>
        <translation>not due yet</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="132" />
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="133" />
        <source>Reports due by day of next month:</source>
        <translation>Reports due by day of next month:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="137" />
        <source>Changes after submission</source>
        <translation>Changes after submission</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="138" />
        <source>Comment to the district (required to return)</source>
        <translation>Comment to the district (required to return)</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="139" />
        <source>Open report</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="140" />
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="141" />
        <source>Return with comment</source>
        <translation>Return with comment</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="142" />
        <source>Correct a value…</source>
        <translation>Correct a value…</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="144" />
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="144" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Was</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="145" />
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="146" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="146" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="187" />
        <source>Select a cell of the grid to see the report.</source>
        <translation>Select a cell of the grid to see the report.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="202" />
        <source>Comment on warnings: %1</source>
        <translation>Comment on warnings: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="204" />
        <source>Reviewer's comment: %1</source>
        <translation>Reviewer's comment: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="228" />
        <source>Comment required</source>
        <translation>Comment required</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="227" />
        <source>Write what the district must fix before returning the report.</source>
        <translation>Write what the district must fix before returning the report.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="235" />
        <source>Could not save the review</source>
        <translation>Could not save the review</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="251" />
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="253" />
        <source>The report cannot be approved yet:</source>
        <translation>The report cannot be approved yet:</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="254" />
        <source>Return it to the district with a comment saying what to correct or explain, or correct a value yourself.</source>
        <translation>Return it to the district with a comment saying what to correct or explain, or correct a value yourself.</translation>
    </message>
    <message>
        <location filename="../../desktop/review_page.py" line="274" />
        <source>Could not save the correction</source>
        <translation>Could not save the correction</translation>
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <location filename="../../desktop/roster_editor.py" line="187" />
        <source>Add row</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="188" />
        <source>Delete row</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="189" />
        <location filename="../../desktop/roster_editor.py" line="245" />
        <source>Paste from Excel</source>
        <translation>Paste from Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="194" />
        <source>Rows: %1</source>
        <translation>Rows: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="196" />
        <source>duplicates: %1</source>
        <translation>duplicates: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="198" />
        <source>left out of the paste (titles, totals, notes): %1</source>
        <translation>left out of the paste (titles, totals, notes): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="234" />
        <source>Delete rows</source>
        <translation>Delete rows</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="246" />
        <source>Nothing to paste: select the rows in Excel, copy them (Ctrl+C), then press «Paste from Excel» again.</source>
        <translation>Nothing to paste: select the rows in Excel, copy them (Ctrl+C), then press «Paste from Excel» again.</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="258" />
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="263" />
        <source>Paste again?</source>
        <translation>Paste again?</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="264" />
        <source>All %1 pasted rows are already in the list. Add them once more?</source>
        <translation>All %1 pasted rows are already in the list. Add them once more?</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="267" />
        <source>Add again</source>
        <translation>Add again</translation>
    </message>
    <message>
        <location filename="../../desktop/roster_editor.py" line="268" />
        <source>Do not add</source>
        <translation>Do not add</translation>
    </message>
</context>
<context>
    <name>ServerErrors</name>
    <message>
        <location filename="../../desktop/server_errors.py" line="14" />
        <source>Not authorised: log in again.</source>
        <translation>Not authorised: log in again.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="19" />
        <source>Wrong user or password.</source>
        <translation>Wrong user or password.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="20" />
        <source>Too many attempts: wait a little and try again.</source>
        <translation>Too many attempts: wait a little and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="22" />
        <source>The server does not answer: check the connection.</source>
        <translation>The server does not answer: check the connection.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="24" />
        <source>The server needs a newer Esep: install the update. Your changes are kept.</source>
        <translation>The server needs a newer Esep: install the update. Your changes are kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="27" />
        <source>Plain http is allowed only to this computer: use an https:// address.</source>
        <translation>Plain http is allowed only to this computer: use an https:// address.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="30" />
        <source>Too much data in one request.</source>
        <translation>Too much data in one request.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="31" />
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="33" />
        <source>The server reported an error (%1).</source>
        <translation>The server reported an error (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/server_errors.py" line="34" />
        <source>This is not a server address (expected https://host)</source>
        <translation>This is not a server address (expected https://host)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/settings_page.py" line="34" />
        <source>District staff</source>
        <translation>District staff</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="35" />
        <source>Regional coordinator</source>
        <translation>Regional coordinator</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="36" />
        <source>Central office</source>
        <translation>Central office</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="37" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="102" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="103" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="103" />
        <source>Server &amp;URL</source>
        <translation>Server &amp;URL</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="104" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="104" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="105" />
        <location filename="../../desktop/settings_page.py" line="163" />
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="108" />
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="109" />
        <source>&amp;Back up to a file…</source>
        <translation>&amp;Back up to a file…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="110" />
        <source>&amp;Restore from a file…</source>
        <translation>&amp;Restore from a file…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="111" />
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="112" />
        <location filename="../../desktop/sync_page.py" line="221" />
        <source>&amp;Connect to a server…</source>
        <translation>&amp;Connect to a server…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="113" />
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="152" />
        <source>Connected to %1. Sync starts now.</source>
        <translation>Connected to %1. Sync starts now.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="159" />
        <source>The new data folder is used from the next start: %1</source>
        <translation>The new data folder is used from the next start: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="170" />
        <source>Backup written to %1</source>
        <translation>Backup written to %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="177" />
        <source>Not restored: %1</source>
        <translation>Not restored: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="180" />
        <source>Restored. The previous data was kept in %1</source>
        <translation>Restored. The previous data was kept in %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="193" />
        <source>Back up to a file</source>
        <translation>Back up to a file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="200" />
        <source>Restore from a file</source>
        <translation>Restore from a file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="210" />
        <source>Your password has been changed.</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_page.py" line="225" />
        <source>Logged out. The first-run screen opens at the next start.</source>
        <translation>Logged out. The first-run screen opens at the next start.</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <location filename="../../desktop/status_bar.py" line="93" />
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="93" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="97" />
        <source>please sync (over %1 days)</source>
        <translation>please sync (over %1 days)</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="100" />
        <source>Changes waiting: %1</source>
        <translation>Changes waiting: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/status_bar.py" line="101" />
        <source>Conflicts: %1 · Rejected: %2</source>
        <translation>Conflicts: %1 · Rejected: %2</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="50" />
        <source>To add: %1</source>
        <translation>To add: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="51" />
        <source>To update: %1</source>
        <translation>To update: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="52" />
        <source>Skipped: %1</source>
        <translation>Skipped: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="54" />
        <source>Findings: %1</source>
        <translation>Findings: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="91" />
        <source>Nothing to import: every response of the file was imported before.</source>
        <translation>Nothing to import: every response of the file was imported before.</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="94" />
        <source>Matched to no question (not imported): %1</source>
        <translation>Matched to no question (not imported): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="101" />
        <source>Row %1: imported before and unchanged; not saved again</source>
        <translation>Row %1: imported before and unchanged; not saved again</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="137" />
        <source>Row %1: %2: %3 → %4</source>
        <translation>Row %1: %2: %3 → %4</translation>
    </message>
    <message>
        <location filename="../../desktop/survey_dialog.py" line="147" />
        <source>Row</source>
        <translation>Row</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../desktop/sync_page.py" line="134" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="135" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="136" />
        <source>Sync:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_mode.py" line="8" />
        <source>automatically when the server answers</source>
        <translation>automatically when the server answers</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_mode.py" line="9" />
        <source>only when I press Sync now</source>
        <translation>only when I press Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="138" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="139" />
        <location filename="../../desktop/sync_page.py" line="147" />
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="140" />
        <source>Resolve…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="145" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="145" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="146" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="146" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="147" />
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="148" />
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="150" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="150" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="156" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="156" />
        <source>done, needs a person</source>
        <translation>done, needs a person</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="157" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="157" />
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="158" />
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="165" />
        <source>reason unknown</source>
        <translation>reason unknown</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="167" />
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="174" />
        <source>same report made on two devices</source>
        <translation>same report made on two devices</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="175" />
        <source>changed here and on the server</source>
        <translation>changed here and on the server</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="186" />
        <source>Working offline: no server is set up (Settings → server).</source>
        <translation>Working offline: no server is set up (Settings → server).</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="197" />
        <source>You have not synced for %1 days: connect and press Sync now.</source>
        <translation>You have not synced for %1 days: connect and press Sync now.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="212" />
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="219" />
        <source>No server is set up, so there is nothing to sync with: press «%1» in %2, or take the changes on a USB stick with «%3».</source>
        <translation>No server is set up, so there is nothing to sync with: press «%1» in %2, or take the changes on a USB stick with «%3».</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="228" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="235" />
        <source>receiving</source>
        <translation>receiving</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="235" />
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="238" />
        <source>%1: %2 records · %3 KB sent · %4 KB received</source>
        <translation>%1: %2 records · %3 KB sent · %4 KB received</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="256" />
        <source>Done: %1 sent, %2 received, %3 conflicts, %4 rejected, %5 KB</source>
        <translation>Done: %1 sent, %2 received, %3 conflicts, %4 rejected, %5 KB</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="276" />
        <source>Cancelled; what was already exchanged is kept.</source>
        <translation>Cancelled; what was already exchanged is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="279" />
        <source>Sync failed: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="340" />
        <source>Automatic sync: %1</source>
        <translation>Automatic sync: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/sync_page.py" line="348" />
        <source>Automatic sync stopped: %1</source>
        <translation>Automatic sync stopped: %1</translation>
    </message>
</context>
</TS>