#include "studypage.h"

#include "study/qualityreport.h"

#include "study/study.h"

#include "uistyle.h"

#include <QDir>
#include <QFileInfo>
#include <QColor>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace tastelab {

namespace {

QString scaleName(AnswerScale scale)
{
    switch (scale) {
    case AnswerScale::LikeDislike:
        return StudyPage::tr("like / dislike");
    case AnswerScale::Likert5:
        return StudyPage::tr("5-point Likert");
    case AnswerScale::Likert7:
        return StudyPage::tr("7-point Likert");
    }
    return QString();
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent, const QString &objectName)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return table;
}

QTableWidgetItem *item(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *it = new QTableWidgetItem(text);
    it->setTextAlignment(alignment);
    return it;
}

} // namespace

StudyPage::StudyPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("studyPage"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(16);
    layout->addWidget(buildSidebar());
    layout->addWidget(buildSummary(), 1);
    setStudy(nullptr);
}

QWidget *StudyPage::buildSidebar()
{
    auto *sidebar = new QWidget(this);
    sidebar->setFixedWidth(250);

    auto *title = new QLabel(tr("Tastelab"), sidebar);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *tagline = new QLabel(tr("Collect music preferences, one clip at a time."), sidebar);
    tagline->setWordWrap(true);
    uistyle::makeSecondary(tagline);

    auto *newStudy = new QPushButton(tr("New study…"), sidebar);
    newStudy->setObjectName(QStringLiteral("newStudyButton"));
    newStudy->setMinimumHeight(36);
    auto *openStudy = new QPushButton(tr("Open study…"), sidebar);
    openStudy->setObjectName(QStringLiteral("openStudyButton"));
    openStudy->setMinimumHeight(36);
    auto *demo = new QPushButton(tr("Open demo study"), sidebar);
    demo->setObjectName(QStringLiteral("demoStudyButton"));
    demo->setToolTip(tr("A built-in library of synthesized music in several styles."));
    demo->setMinimumHeight(36);

    m_recent = new QListWidget(sidebar);
    m_recent->setObjectName(QStringLiteral("recentStudiesList"));
    m_recent->setTextElideMode(Qt::ElideMiddle);
    m_recent->setStyleSheet(QStringLiteral("QListWidget::item { padding: 4px 2px; }"));

    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(tagline);
    layout->addSpacing(12);
    layout->addWidget(newStudy);
    layout->addWidget(openStudy);
    layout->addWidget(demo);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Recent studies:"), sidebar));
    layout->addWidget(m_recent, 1);

    connect(newStudy, &QPushButton::clicked, this, &StudyPage::newStudyRequested);
    connect(openStudy, &QPushButton::clicked, this, &StudyPage::openStudyRequested);
    connect(demo, &QPushButton::clicked, this, &StudyPage::demoRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *it) {
        Q_EMIT recentStudyActivated(it->data(Qt::UserRole).toString());
    });
    return sidebar;
}

QWidget *StudyPage::buildSummary()
{
    m_stack = new QStackedWidget(this);

    auto *empty = new QLabel(tr("No study is open.\n\nCreate a new study from a folder of music, or "
                                "open an existing study file (*.tastelab)."),
                             m_stack);
    empty->setObjectName(QStringLiteral("noStudyLabel"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    QFont emptyFont = empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    empty->setFont(emptyFont);
    uistyle::makeSecondary(empty);

    auto *summary = new QWidget(m_stack);
    summary->setObjectName(QStringLiteral("studySummary"));
    m_name = new QLabel(summary);
    m_name->setObjectName(QStringLiteral("studyNameLabel"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.8);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_path = new QLabel(summary);
    m_path->setObjectName(QStringLiteral("studyPathLabel"));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    uistyle::makeSecondary(m_path);
    m_settings = new QLabel(summary);
    m_settings->setObjectName(QStringLiteral("studySettingsLabel"));
    m_settings->setWordWrap(true);
    m_stationRow = new QWidget(summary);
    m_station = new QSpinBox(m_stationRow);
    m_station->setObjectName(QStringLiteral("stationNumberSpin"));
    m_station->setSpecialValueText(tr("not set"));
    m_station->setKeyboardTracking(false); // typed numbers are stored when complete
    m_station->setToolTip(tr("Each station collecting data with a copy of this study needs its own number, so that "
                             "the stations share the balanced assignment. It is kept in this file, not in the study file."));
    m_stationNote = new QLabel(m_stationRow);
    m_stationNote->setObjectName(QStringLiteral("stationNoteLabel"));
    m_stationNote->setWordWrap(true);
    auto *stationLabel = new QLabel(tr("Station number:"), m_stationRow);
    stationLabel->setBuddy(m_station);
    auto *stationLayout = new QHBoxLayout(m_stationRow);
    stationLayout->setContentsMargins(0, 0, 0, 0);
    stationLayout->addWidget(stationLabel);
    stationLayout->addWidget(m_station);
    stationLayout->addWidget(m_stationNote, 1);
    connect(m_station, &QSpinBox::valueChanged, this, [this](int k) {
        if (!m_study || k < 1)
            return;
        if (!m_study->setStationNumber(k))
            m_stationNote->setText(m_study->lastError());
        else
            refresh();
    });
    m_counts = new QLabel(summary);
    m_counts->setObjectName(QStringLiteral("studyCountsLabel"));
    m_missing = new QLabel(summary);
    m_missing->setObjectName(QStringLiteral("missingFilesLabel"));
    m_missing->setWordWrap(true);
    m_missing->setStyleSheet(QStringLiteral("color: #b00020;"));

    m_genres = makeTable({tr("Genre"), tr("Tracks")}, summary, QStringLiteral("genreTable"));
    m_participants = makeTable({tr("Participant"), tr("Answered"), tr("Consistency"), tr("Status")}, summary,
                               QStringLiteral("participantTable"));
    m_quality = makeTable({tr("Participant"), tr("Catch clips"), tr("Kappa"), tr("Longest run"), tr("Fast"),
                           tr("Focus lost"), tr("Audio flagged"), tr("Volume changes"), tr("Skipped"), tr("Excluded by rule")},
                          summary, QStringLiteral("qualityTable"));
    m_quality->setToolTip(tr("Catch clips answered correctly, test-retest agreement of repeated clips (Cohen's "
                             "kappa; weighted for Likert scales), the longest run of identical answers, answers "
                             "faster than the study's threshold, answers with a focus loss, answers flagged by an "
                             "audio underrun or device change, changes of the app's volume and of the system (PulseAudio) "
                             "volume, clips skipped (studies without forced answers), and the study file's exclusion "
                             "rules that apply."));
    m_qualityRules = new QLabel(summary);
    m_qualityRules->setObjectName(QStringLiteral("qualityRulesLabel"));
    m_qualityRules->setWordWrap(true);
    m_issuesTitle = new QLabel(summary);
    m_issues = new QPlainTextEdit(summary);
    m_issues->setObjectName(QStringLiteral("importIssuesText"));
    m_issues->setReadOnly(true);
    m_issues->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_issues->setMaximumHeight(90);

    m_start = new QPushButton(tr("Start participant session"), summary);
    m_start->setObjectName(QStringLiteral("startParticipantSessionButton"));
    QFont startFont = m_start->font();
    startFont.setPointSizeF(startFont.pointSizeF() * 1.2);
    startFont.setBold(true);
    m_start->setFont(startFont);
    m_start->setMinimumHeight(40);
    m_start->setMinimumWidth(240);
    auto *exportCsv = new QPushButton(tr("Export CSV…"), summary);
    exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    auto *exportJson = new QPushButton(tr("Export JSON…"), summary);
    exportJson->setObjectName(QStringLiteral("exportJsonButton"));
    auto *locate = new QPushButton(tr("Locate music folder…"), summary);
    locate->setObjectName(QStringLiteral("locateMusicButton"));
    locate->setToolTip(tr("Tell the study where its music folder is now, after it was moved or "
                          "copied to another computer."));
    auto *merge = new QPushButton(tr("Merge study file…"), summary);
    merge->setObjectName(QStringLiteral("mergeStudyButton"));
    merge->setToolTip(tr("Add the participants and answers collected with a copy of this study on "
                         "another computer."));

    auto *genreBox = new QVBoxLayout;
    genreBox->addWidget(new QLabel(tr("Tracks per genre:"), summary));
    genreBox->addWidget(m_genres);
    auto *participantBox = new QVBoxLayout;
    participantBox->addWidget(new QLabel(tr("Participants:"), summary));
    participantBox->addWidget(m_participants);
    auto *tables = new QHBoxLayout;
    tables->addLayout(genreBox, 2);
    tables->addLayout(participantBox, 3);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {exportCsv, exportJson, merge, locate})
        button->setMinimumHeight(32);
    buttons->addWidget(exportCsv);
    buttons->addWidget(exportJson);
    buttons->addWidget(merge);
    buttons->addWidget(locate);
    buttons->addStretch();
    buttons->addWidget(m_start);

    auto *layout = new QVBoxLayout(summary);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_name);
    layout->addWidget(m_path);
    layout->addSpacing(6);
    layout->addWidget(m_settings);
    layout->addWidget(m_stationRow);
    layout->addWidget(m_counts);
    layout->addWidget(m_missing);
    layout->addSpacing(6);
    layout->addLayout(tables, 1);
    layout->addWidget(new QLabel(tr("Data quality:"), summary));
    layout->addWidget(m_qualityRules);
    layout->addWidget(m_quality, 1);
    layout->addWidget(m_issuesTitle);
    layout->addWidget(m_issues);
    layout->addSpacing(6);
    layout->addLayout(buttons);

    m_stack->addWidget(empty);
    m_stack->addWidget(summary);

    connect(m_start, &QPushButton::clicked, this, &StudyPage::startSessionRequested);
    connect(exportCsv, &QPushButton::clicked, this, &StudyPage::exportCsvRequested);
    connect(exportJson, &QPushButton::clicked, this, &StudyPage::exportJsonRequested);
    connect(merge, &QPushButton::clicked, this, &StudyPage::mergeRequested);
    connect(locate, &QPushButton::clicked, this, &StudyPage::locateMusicRequested);
    return m_stack;
}

void StudyPage::setStudy(Study *study)
{
    m_study = study;
    refresh();
}

void StudyPage::setRecentStudies(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths) {
        auto *it = new QListWidgetItem(QFileInfo(path).completeBaseName(), m_recent);
        it->setToolTip(QDir::toNativeSeparators(path));
        it->setData(Qt::UserRole, path);
    }
    if (paths.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No recent studies yet"), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
}

void StudyPage::refresh()
{
    if (!m_study) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);

    const StudySettings s = m_study->settings();
    m_name->setText(s.name.isEmpty() ? QFileInfo(m_study->path()).completeBaseName() : s.name);
    m_path->setText(QDir::toNativeSeparators(m_study->path()));
    QString unlock = s.minListenSeconds < 0 ? tr("answer after the whole clip")
                                            : tr("answer after %1 s").arg(s.unlockSeconds(), 0, 'g', 3);
    QStringList settingsParts{scaleName(s.scale), tr("%1 s clips").arg(s.clipSeconds, 0, 'g', 3),
                              tr("clips per participant: %1").arg(s.clipsPerParticipant),
                              s.balanceGenres ? tr("balanced genres") : tr("genres as they come"),
                              tr("repeated clips: %1").arg(s.repeats), unlock};
    m_settings->setText(settingsParts.join(QStringLiteral(" · ")));

    // Stations: this file's number, and what the next participant gets.
    const int stations = s.design.stations;
    m_stationRow->setVisible(stations > 1);
    if (stations > 1) {
        const int station = m_study->stationNumber();
        {
            const QSignalBlocker block(m_station);
            m_station->setRange(0, stations);
            m_station->setMinimum(station > 0 ? 1 : 0); // "not set" only until a number is chosen
            m_station->setValue(station);
        }
        const int next = m_study->nextScheduleIndex();
        m_stationNote->setText(next < 0 ? tr("of %1. Choose this station's number before the first participant.").arg(stations)
                                        : tr("of %1 stations (the next participant gets schedule index %2).").arg(stations).arg(next));
    }

    // Tracks per genre.
    const QVector<Track> tracks = m_study->tracks();
    QMap<QString, int> perGenre;
    int missing = 0;
    for (const Track &track : tracks) {
        ++perGenre[track.genre.isEmpty() ? tr("(no genre)") : track.genre];
        if (m_study->resolveTrackPath(track).isEmpty())
            ++missing;
    }
    m_missing->setText(tr("Music files not found: %1 of %2. If the music folder was moved, use "
                          "\"Locate music folder…\".")
                           .arg(missing)
                           .arg(tracks.size()));
    m_missing->setVisible(missing > 0);
    m_genres->setRowCount(0);
    for (auto it = perGenre.cbegin(); it != perGenre.cend(); ++it) {
        const int row = m_genres->rowCount();
        m_genres->insertRow(row);
        m_genres->setItem(row, 0, item(it.key()));
        m_genres->setItem(row, 1, item(QString::number(it.value()), Qt::AlignRight | Qt::AlignVCenter));
    }

    // Participants.
    const QVector<Participant> participants = m_study->participants();
    m_participants->setRowCount(0);
    int answersTotal = 0;
    for (const Participant &p : participants) {
        const int total = int(m_study->plan(p.id).size());
        const int answered = int(m_study->answers(p.id).size());
        answersTotal += answered;
        const double consistency = m_study->consistency(p.id);
        const int row = m_participants->rowCount();
        m_participants->insertRow(row);
        m_participants->setItem(row, 0, item(p.code));
        m_participants->setItem(row, 1, item(tr("%1 / %2").arg(answered).arg(total), Qt::AlignRight | Qt::AlignVCenter));
        m_participants->setItem(row, 2,
                                item(consistency < 0 ? tr("–") : tr("%1 %").arg(qRound(consistency * 100)),
                                     Qt::AlignRight | Qt::AlignVCenter));
        m_participants->setItem(row, 3,
                                item(p.finishedAt.isValid()
                                         ? tr("finished %1").arg(p.finishedAt.toLocalTime().toString(
                                               QStringLiteral("yyyy-MM-dd HH:mm")))
                                         : (answered > 0 ? tr("in progress") : tr("not started"))));
    }

    // Data quality per participant, with the study file's rules.
    const StudySettings studySettings = m_study->settings();
    m_qualityRules->setText(tr("Rules: %1").arg(qualityRulesText(studySettings)));
    m_quality->setRowCount(0);
    for (const ParticipantQualityRow &r : studyQuality(*m_study)) {
        const survey::ParticipantQuality &q = r.quality;
        const int row = m_quality->rowCount();
        m_quality->insertRow(row);
        const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
        m_quality->setItem(row, 0, item(r.participant.code));
        m_quality->setItem(row, 1, item(q.catchTotal > 0 ? tr("%1 of %2").arg(q.catchCorrect).arg(q.catchTotal) : tr("–"), right));
        m_quality->setItem(row, 2, item(std::isnan(q.kappa) ? (q.repeatPairs > 0 ? tr("n/a (%n pair(s))", "", q.repeatPairs) : tr("–"))
                                                           : QString::number(q.kappa, 'f', 2),
                                        right));
        m_quality->setItem(row, 3, item(q.straightLining ? tr("%1 (flagged)").arg(q.longestRun) : QString::number(q.longestRun), right));
        m_quality->setItem(row, 4, item(QString::number(q.fastAnswers), right));
        m_quality->setItem(row, 5, item(QString::number(q.focusLosses), right));
        m_quality->setItem(row, 6, item(QString::number(q.integrityFlagged), right));
        QStringList reasons;
        for (const std::string &x : q.exclusionReasons)
            reasons << QString::fromStdString(x);
        QTableWidgetItem *excluded = item(q.excluded ? tr("yes: %1").arg(reasons.join(QStringLiteral("; "))) : tr("no"));
        if (q.excluded)
            excluded->setForeground(QColor(0xb0, 0x00, 0x20));
        QStringList volume;
        if (r.volumeChanges > 0)
            volume << tr("app %1").arg(r.volumeChanges);
        if (r.systemVolumeChanges > 0)
            volume << tr("system %1").arg(r.systemVolumeChanges);
        if (r.systemVolumeUnobservable)
            volume << tr("system volume not observable");
        const QString volumeText = QString::number(r.volumeChanges + r.systemVolumeChanges);
        m_quality->setItem(row, 7, item(volume.isEmpty() ? volumeText : tr("%1 (%2)").arg(volumeText, volume.join(QStringLiteral(", "))), right));
        m_quality->setItem(row, 8, item(QString::number(r.skipped), right));
        m_quality->setItem(row, 9, excluded);
    }

    m_counts->setText(tr("Tracks: %1 · Genres: %2 · Participants: %3 · Answers: %4")
                          .arg(tracks.size())
                          .arg(perGenre.size())
                          .arg(participants.size())
                          .arg(answersTotal));

    const QVector<ImportIssue> issues = m_study->importIssues();
    m_issuesTitle->setText(issues.isEmpty() ? tr("Import issues: none")
                                            : tr("Import issues (%1):").arg(issues.size()));
    QStringList lines;
    for (const ImportIssue &issue : issues)
        lines << tr("%1: %2").arg(QDir::toNativeSeparators(issue.path), issue.reason);
    m_issues->setPlainText(lines.join(QLatin1Char('\n')));
    m_issues->setVisible(!issues.isEmpty());
    m_start->setEnabled(!tracks.isEmpty());
}

} // namespace tastelab
