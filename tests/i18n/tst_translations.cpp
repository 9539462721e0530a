// The translation catalogues in translations/ against the sources:
//   - upToDate: lupdate, run on the same sources with the same options as the update_translations
//     target, finds exactly the messages the committed .ts file holds: none new or changed in the
//     sources and missing from the file, none left in the file that the sources no longer have;
//   - complete: every message of the file is translated (no "unfinished", "vanished" or "obsolete"
//     entry, no empty text) and has as many plural forms as the language needs;
//   - placeholders: every translation keeps the source's %1, %2, ... and %n.
// Each check runs for tastelab_ko.ts (every message) and tastelab_en.ts (plural forms only).

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment; ///< the disambiguation, part of the key
    bool numerus = false;
    QString type; ///< the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one text, or one per plural form

    QString key() const
    {
        return context + QLatin1Char('\x1f') + source + QLatin1Char('\x1f') + comment
            + (numerus ? QStringLiteral("\x1fnumerus") : QString());
    }
    QString describe() const
    {
        QString s = QStringLiteral("[%1] \"%2\"").arg(context, source);
        if (!comment.isEmpty())
            s += QStringLiteral(" (%1)").arg(comment);
        return s;
    }
};

struct Catalogue {
    QString language;
    QVector<Message> messages;
};

bool readTs(const QString &path, Catalogue *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("TS")) {
            out->language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    m.comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                m.translations << xml.readElementText();
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            out->messages << m;
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

/// The placeholders of text, sorted: "%1", "%2", "%n" (%L1 counts as %1).
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << QLatin1Char('%') + it.next().captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

/// Plural forms a language's numerus messages need (Qt's rules: Korean has one, English two).
int pluralForms(const QString &language)
{
    return language.startsWith(QLatin1String("ko")) ? 1 : 2;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void upToDate_data();
    void upToDate();
    void complete_data() { upToDate_data(); }
    void complete();
    void placeholdersKept_data() { upToDate_data(); }
    void placeholdersKept();
};

void TestTranslations::upToDate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("ko") << QStringLiteral("tastelab_ko.ts") << false;
    QTest::newRow("en") << QStringLiteral("tastelab_en.ts") << true;
}

void TestTranslations::upToDate()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralOnly);
    const QString committed = QDir(QStringLiteral(TASTELAB_TS_DIR)).filePath(file);
    QVERIFY2(QFile::exists(committed), qPrintable(committed + QStringLiteral(" is missing")));

    // lupdate into a copy, as update_translations does into the committed file.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString fresh = tmp.filePath(file);
    QVERIFY(QFile::copy(committed, fresh));
    QStringList args{QStringLiteral("@" TASTELAB_LUPDATE_INPUTS)};
    args << QStringLiteral(TASTELAB_LUPDATE_OPTIONS).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (pluralOnly)
        args << QStringLiteral("-pluralonly");
    args << QStringLiteral("-ts") << fresh;
    QProcess lupdate;
    lupdate.start(QStringLiteral(TASTELAB_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    const QString log = QString::fromLocal8Bit(lupdate.readAllStandardOutput() + lupdate.readAllStandardError());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));

    Catalogue before, after;
    QString error;
    QVERIFY2(readTs(committed, &before, &error), qPrintable(error));
    QVERIFY2(readTs(fresh, &after, &error), qPrintable(error));

    QMap<QString, Message> inFile, inSources;
    for (const Message &m : std::as_const(before.messages))
        if (m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete"))
            inFile.insert(m.key(), m);
    for (const Message &m : std::as_const(after.messages))
        inSources.insert(m.key(), m);
    QStringList problems;
    for (const Message &m : std::as_const(inSources))
        if (!inFile.contains(m.key()))
            problems << QStringLiteral("  new or changed in the sources: ") + m.describe();
    for (const Message &m : std::as_const(before.messages))
        if (!inSources.contains(m.key()) || m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            problems << QStringLiteral("  no longer in the sources (drop it): ") + m.describe();
    if (!problems.isEmpty()) {
        problems.prepend(QStringLiteral("%1 is out of date (%2 problem(s)); run `cmake --build <build> --target "
                                        "update_translations`, translate what is new and commit the file:")
                             .arg(file)
                             .arg(problems.size()));
        QFAIL(qPrintable(problems.join(QLatin1Char('\n'))));
    }
    if (pluralOnly) {
        for (const Message &m : std::as_const(before.messages))
            QVERIFY2(m.numerus, qPrintable(QStringLiteral("%1 should hold plural forms only: ").arg(file) + m.describe()));
    }
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    Catalogue cat;
    QString error;
    QVERIFY2(readTs(QDir(QStringLiteral(TASTELAB_TS_DIR)).filePath(file), &cat, &error), qPrintable(error));
    QVERIFY2(!cat.messages.isEmpty(), qPrintable(file + QStringLiteral(" holds no message")));
    const int forms = pluralForms(cat.language);
    QStringList problems;
    for (const Message &m : std::as_const(cat.messages)) {
        if (!m.type.isEmpty())
            problems << QStringLiteral("  %1: ").arg(m.type) + m.describe();
        else if (m.numerus && m.translations.size() != forms)
            problems << QStringLiteral("  %1 plural form(s) instead of %2: ").arg(m.translations.size()).arg(forms)
                    + m.describe();
        else if (m.translations.isEmpty() || std::any_of(m.translations.cbegin(), m.translations.cend(),
                                                         [](const QString &t) { return t.trimmed().isEmpty(); }))
            problems << QStringLiteral("  empty translation: ") + m.describe();
    }
    if (!problems.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 (language %2): %3 message(s) not translated:\n")
                             .arg(file, cat.language)
                             .arg(problems.size())
                         + problems.join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersKept()
{
    QFETCH(QString, file);
    Catalogue cat;
    QString error;
    QVERIFY2(readTs(QDir(QStringLiteral(TASTELAB_TS_DIR)).filePath(file), &cat, &error), qPrintable(error));
    QStringList problems;
    for (const Message &m : std::as_const(cat.messages)) {
        const QStringList wanted = placeholders(m.source);
        for (const QString &t : m.translations) {
            const QStringList got = placeholders(t);
            if (got != wanted)
                problems << QStringLiteral("  %1: has {%2} instead of {%3}: \"%4\"")
                                .arg(m.describe(), got.join(QLatin1Char(' ')), wanted.join(QLatin1Char(' ')), t);
        }
    }
    if (!problems.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1: %2 translation(s) do not keep the source's placeholders:\n")
                             .arg(file)
                             .arg(problems.size())
                         + problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
