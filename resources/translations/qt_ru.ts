<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Russian for the few texts of Qt's own widgets that Qt's qtbase_ru leaves in English (the
     file dialog's «Type» column says "Folder"). Loaded after qtbase_ru by desktop/i18n.py
     when the interface is Russian. Hand-kept (not touched by lupdate). -->
<TS version="2.1" language="ru_RU">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>Match OS X Finder</comment>
        <translation>Папка</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>Папка с файлами</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
</context>
</TS>
