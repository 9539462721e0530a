#include "studyoptionseditors.h"

#include "study/catchclips.h"
#include "study/study.h"
#include "study/studyfile.h"

#include "uistyle.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <limits>

namespace tastelab {

namespace {

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    uistyle::makeSecondary(label);
    return label;
}

/// A form label whose mnemonic focuses buddy (QFormLayout sets no buddy for a row holding a layout).
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

template<typename T>
T *named(T *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

constexpr double kMaxSeed = 9007199254740991.0; // 2^53 - 1

/// The list separator of the questionnaire options line: "|" (as in tastelab-cli --anchors).
QStringList splitOptions(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char('|'))) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------

void StudyOptionsEditor::watchChanges()
{
    for (auto *w : findChildren<QLineEdit *>())
        connect(w, &QLineEdit::textEdited, this, &StudyOptionsEditor::changed);
    for (auto *w : findChildren<QPlainTextEdit *>())
        connect(w, &QPlainTextEdit::textChanged, this, &StudyOptionsEditor::changed);
    for (auto *w : findChildren<QAbstractButton *>())
        connect(w, &QAbstractButton::clicked, this, &StudyOptionsEditor::changed);
    for (auto *w : findChildren<QComboBox *>())
        connect(w, &QComboBox::activated, this, &StudyOptionsEditor::changed);
    for (auto *w : findChildren<QAbstractSpinBox *>())
        connect(w, &QAbstractSpinBox::editingFinished, this, &StudyOptionsEditor::changed);
    for (auto *w : findChildren<QTableWidget *>())
        connect(w, &QTableWidget::itemChanged, this, &StudyOptionsEditor::changed);
    for (auto *w : findChildren<QListWidget *>())
        connect(w, &QListWidget::itemChanged, this, &StudyOptionsEditor::changed);
}

double StudyOptionsEditor::kept(const QDoubleSpinBox *spin, double loaded, double factor)
{
    const double shown = QString::number(loaded * factor, 'f', spin->decimals()).toDouble();
    return qAbs(spin->value() - shown) < 1e-9 ? loaded : spin->value() / factor;
}

QString StudyOptionsEditor::validate(const StudySettings &) const
{
    return QString();
}

void StudyOptionsEditor::setContext(const StudySettings &, const QStringList &, const QString &studyFolder)
{
    m_studyFolder = studyFolder;
}

QString StudyOptionsEditor::relativeToStudy(const QString &path) const
{
    if (path.isEmpty() || m_studyFolder.isEmpty() || !QDir::isAbsolutePath(path))
        return QDir::fromNativeSeparators(path);
    const QString relative = QDir(m_studyFolder).relativeFilePath(path);
    return relative.startsWith(QLatin1String("..")) ? QDir::fromNativeSeparators(path) : relative;
}

// ---------------------------------------------------------------------------------------------
// Design

DesignEditor::DesignEditor(bool withClipCount, QWidget *parent) : StudyOptionsEditor(parent), m_withClipCount(withClipCount)
{
    setObjectName(QStringLiteral("designEditor"));
    auto *form = new QFormLayout;
    if (withClipCount) {
        m_clips = named(new QSpinBox(this), "optionsClipsSpin");
        m_clips->setRange(1, 10000);
        m_balanceGenres = named(new QCheckBox(tr("&Balance genres (the same number of clips from each genre)"), this),
                                "optionsBalanceGenresCheck");
        m_repeats = named(new QSpinBox(this), "optionsRepeatsSpin");
        m_repeats->setRange(0, 10000);
        auto *clipsRow = new QHBoxLayout;
        clipsRow->addWidget(m_clips);
        clipsRow->addStretch();
        auto *repeatsRow = new QHBoxLayout;
        repeatsRow->addWidget(m_repeats);
        repeatsRow->addStretch();
        form->addRow(buddyLabel(tr("&Clips per participant:"), m_clips, this), clipsRow);
        form->addRow(QString(), m_balanceGenres);
        form->addRow(buddyLabel(tr("&Repeated clips (consistency check):"), m_repeats, this), repeatsRow);
    }

    m_blocks = named(new QComboBox(this), "blocksCombo");
    m_blocks->addItem(tr("None (one block)"), int(DesignSettings::Blocks::None));
    m_blocks->addItem(tr("One block per genre"), int(DesignSettings::Blocks::Genre));
    m_blocks->addItem(tr("Random blocks"), int(DesignSettings::Blocks::Random));
    m_blockCount = named(new QSpinBox(this), "blockCountSpin");
    m_blockCount->setRange(1, 10000);
    m_blockCount->setPrefix(tr("number of blocks: "));
    auto *blocksRow = new QHBoxLayout;
    blocksRow->addWidget(m_blocks);
    blocksRow->addWidget(m_blockCount);
    blocksRow->addStretch();
    m_shuffleBlocks = named(new QCheckBox(tr("Shuffle the order of the &blocks for each participant"), this),
                            "shuffleBlocksCheck");
    m_shuffleWithin = named(new QCheckBox(tr("Shuffle the clips &within each block"), this), "shuffleWithinCheck");
    form->addRow(buddyLabel(tr("B&locks:"), m_blocks, this), blocksRow);
    form->addRow(QString(), m_shuffleBlocks);
    form->addRow(QString(), m_shuffleWithin);

    m_poolGenres = named(new QListWidget(this), "poolGenresList");
    m_poolGenres->setMaximumHeight(110);
    m_poolTracksNote = hint(QString(), this);
    m_poolTracksNote->setObjectName(QStringLiteral("poolTracksNote"));
    auto *poolBox = new QVBoxLayout;
    poolBox->addWidget(m_poolGenres);
    poolBox->addWidget(hint(tr("Clips are drawn only from the checked genres; none checked = the whole library."), this));
    poolBox->addWidget(m_poolTracksNote);
    form->addRow(buddyLabel(tr("&Pool of clips:"), m_poolGenres, this), poolBox);

    m_balanced = named(new QCheckBox(tr("Balanced &assignment: every clip of the pool is heard about equally often "
                                        "across participants"),
                                     this),
                       "balancedAssignmentCheck");
    m_seed = named(new QDoubleSpinBox(this), "seedSpin");
    m_seed->setDecimals(0);
    m_seed->setRange(0, kMaxSeed);
    m_seed->setMinimumWidth(190);
    m_newSeed = named(new QPushButton(tr("New Seed"), this), "newSeedButton");
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed);
    seedRow->addWidget(m_newSeed);
    seedRow->addStretch();
    form->addRow(QString(), m_balanced);
    form->addRow(buddyLabel(tr("Study &seed:"), m_seed, this), seedRow);
    m_stations = named(new QSpinBox(this), "stationsSpin");
    m_stations->setRange(1, 1000);
    auto *stationsBox = new QVBoxLayout;
    stationsBox->addWidget(m_stations, 0, Qt::AlignLeft);
    stationsBox->addWidget(hint(tr("Computers collecting this study in parallel. Each gets its station number on the "
                                   "Study page; their files merge into one balanced assignment."),
                                this));
    form->addRow(buddyLabel(tr("S&tations:"), m_stations, this), stationsBox);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(hint(tr("A participant's whole schedule follows from these options, the library and the "
                              "participant's seed, so it can be regenerated and audited (tastelab-cli schedule)."),
                           this));
    layout->addStretch();

    connect(m_blocks, &QComboBox::currentIndexChanged, this, &DesignEditor::updateEnabled);
    connect(m_balanced, &QCheckBox::toggled, this, &DesignEditor::updateEnabled);
    connect(m_newSeed, &QPushButton::clicked, this, [this] { m_seed->setValue(double(randomSeed() >> 11)); });
    load(StudySettings());
    watchChanges();
}

void DesignEditor::load(const StudySettings &s)
{
    m_loaded = s;
    if (m_withClipCount) {
        m_clips->setValue(s.clipsPerParticipant);
        m_balanceGenres->setChecked(s.balanceGenres);
        m_repeats->setValue(s.repeats);
    }
    const DesignSettings &d = s.design;
    m_blocks->setCurrentIndex(m_blocks->findData(int(d.blocks)));
    m_blockCount->setValue(d.blockCount);
    m_shuffleBlocks->setChecked(d.shuffleBlocks);
    m_shuffleWithin->setChecked(d.shuffleWithinBlocks);
    QStringList genres;
    for (int i = 0; i < m_poolGenres->count(); ++i)
        genres << m_poolGenres->item(i)->text();
    setGenreList(genres, d.poolGenres);
    m_poolTracks = d.poolTracks;
    m_poolTracksNote->setText(d.poolTracks.isEmpty()
                                  ? QString()
                                  : tr("The study file also names %n track(s) for the pool (edit them there).", nullptr,
                                       int(d.poolTracks.size())));
    m_poolTracksNote->setVisible(!d.poolTracks.isEmpty());
    m_balanced->setChecked(d.balancedAssignment);
    m_seed->setValue(double(d.seed));
    m_stations->setValue(d.stations);
    updateEnabled();
}

void DesignEditor::setGenreList(const QStringList &genres, const QStringList &checked)
{
    QStringList all = genres;
    for (const QString &g : checked) {
        if (!all.contains(g))
            all << g;
    }
    m_poolGenres->clear();
    for (const QString &g : all) {
        auto *item = new QListWidgetItem(g, m_poolGenres);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(g) ? Qt::Checked : Qt::Unchecked);
    }
    m_poolGenres->setEnabled(!all.isEmpty());
}

void DesignEditor::setContext(const StudySettings &settings, const QStringList &genres, const QString &studyFolder)
{
    StudyOptionsEditor::setContext(settings, genres, studyFolder);
    QStringList checked;
    for (int i = 0; i < m_poolGenres->count(); ++i) {
        if (m_poolGenres->item(i)->checkState() == Qt::Checked)
            checked << m_poolGenres->item(i)->text();
    }
    setGenreList(genres, checked);
}

void DesignEditor::store(StudySettings *s) const
{
    if (m_withClipCount) {
        s->clipsPerParticipant = m_clips->value();
        s->balanceGenres = m_balanceGenres->isChecked();
        s->repeats = m_repeats->value();
    }
    DesignSettings &d = s->design;
    d.blocks = DesignSettings::Blocks(m_blocks->currentData().toInt());
    d.blockCount = m_blockCount->value();
    d.shuffleBlocks = m_shuffleBlocks->isChecked();
    d.shuffleWithinBlocks = m_shuffleWithin->isChecked();
    d.poolGenres.clear();
    for (int i = 0; i < m_poolGenres->count(); ++i) {
        if (m_poolGenres->item(i)->checkState() == Qt::Checked)
            d.poolGenres << m_poolGenres->item(i)->text();
    }
    d.poolTracks = m_poolTracks;
    d.balancedAssignment = m_balanced->isChecked();
    d.seed = qint64(m_seed->value());
    d.stations = m_stations->value();
}

QString DesignEditor::validate(const StudySettings &s) const
{
    if (s.design.blocks == DesignSettings::Blocks::Random && s.design.blockCount > s.clipsPerParticipant)
        return tr("There cannot be more random blocks (%1) than clips per participant (%2).")
            .arg(s.design.blockCount)
            .arg(s.clipsPerParticipant);
    if (m_withClipCount && s.repeats > s.clipsPerParticipant)
        return tr("There cannot be more repeated clips than clips.");
    return QString();
}

void DesignEditor::updateEnabled()
{
    const auto blocks = DesignSettings::Blocks(m_blocks->currentData().toInt());
    m_blockCount->setVisible(blocks == DesignSettings::Blocks::Random);
    m_shuffleBlocks->setEnabled(blocks != DesignSettings::Blocks::None);
    m_seed->setEnabled(m_balanced->isChecked());
    m_newSeed->setEnabled(m_balanced->isChecked());
}

// ---------------------------------------------------------------------------------------------
// Pages

PagesEditor::PagesEditor(QWidget *parent) : StudyOptionsEditor(parent)
{
    setObjectName(QStringLiteral("pagesEditor"));

    m_consent = named(new QCheckBox(tr("A &consent page the participant must accept:"), this), "consentCheck");
    m_consentText = named(new QPlainTextEdit(this), "consentTextEdit");
    m_consentText->setPlaceholderText(tr("What the study is about, what is recorded, that taking part is voluntary…"));
    m_consentText->setMaximumHeight(70);

    m_calibration = named(new QComboBox(this), "calibrationCombo");
    m_calibration->addItem(tr("No calibration page"));
    m_calibration->addItem(tr("Reference tone (1 kHz)"));
    m_calibration->addItem(tr("Music excerpt"));
    m_calibrationLevel = named(new QDoubleSpinBox(this), "calibrationLevelSpin");
    m_calibrationLevel->setRange(-70.0, 0.0);
    m_calibrationLevel->setDecimals(1);
    m_calibrationLevel->setSuffix(tr(" LUFS"));
    m_calibrationSeconds = named(new QDoubleSpinBox(this), "calibrationSecondsSpin");
    m_calibrationSeconds->setRange(1.0, 120.0);
    m_calibrationSeconds->setDecimals(1);
    m_calibrationSeconds->setSuffix(tr(" s"));
    m_calibrationFile = named(new QLineEdit(this), "calibrationFileEdit");
    m_calibrationFile->setPlaceholderText(tr("empty = a track of the library"));
    m_calibrationBrowse = named(new QPushButton(tr("Browse…"), this), "calibrationBrowseButton");
    auto *calibrationRow = new QHBoxLayout;
    calibrationRow->addWidget(m_calibration);
    calibrationRow->addWidget(new QLabel(tr("level:"), this));
    calibrationRow->addWidget(m_calibrationLevel);
    calibrationRow->addWidget(m_calibrationSeconds);
    calibrationRow->addStretch();
    auto *excerptRow = new QHBoxLayout;
    excerptRow->addWidget(m_calibrationFile, 1);
    excerptRow->addWidget(m_calibrationBrowse);

    m_practice = named(new QSpinBox(this), "practiceClipsSpin");
    m_practice->setRange(0, 100);
    m_practice->setSpecialValueText(tr("none"));

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("Ca&libration:"), m_calibration, this), calibrationRow);
    form->addRow(tr("Excerpt file:"), excerptRow);
    auto *practiceRow = new QHBoxLayout;
    practiceRow->addWidget(m_practice);
    practiceRow->addStretch();
    form->addRow(buddyLabel(tr("&Practice clips:"), m_practice, this), practiceRow);

    // Questionnaires: the tree lists questionnaires and their questions; the selected one's fields below.
    auto *questionnaires = new QGroupBox(tr("Questionnaires"), this);
    m_tree = named(new QTreeWidget(questionnaires), "questionnaireTree");
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Questionnaire / question"), tr("Shown / type")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setMinimumHeight(90);
    m_addQuestionnaire = named(new QPushButton(tr("Add &Questionnaire"), questionnaires), "addQuestionnaireButton");
    m_addQuestion = named(new QPushButton(tr("Add Q&uestion"), questionnaires), "addQuestionButton");
    m_remove = named(new QPushButton(tr("Remo&ve"), questionnaires), "removeQuestionButton");
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_addQuestionnaire);
    buttons->addWidget(m_addQuestion);
    buttons->addWidget(m_remove);
    buttons->addStretch();

    m_detail = named(new QStackedWidget(questionnaires), "questionDetail");
    auto *empty = hint(tr("Add a questionnaire to ask questions before the first clip, between blocks or at the end."),
                       m_detail);
    auto *qPage = new QWidget(m_detail);
    m_qId = named(new QLineEdit(qPage), "questionnaireIdEdit");
    m_qTitle = named(new QLineEdit(qPage), "questionnaireTitleEdit");
    m_qPlacement = named(new QComboBox(qPage), "questionnairePlacementCombo");
    m_qPlacement->addItem(tr("before the first clip"), int(Questionnaire::Placement::Before));
    m_qPlacement->addItem(tr("between blocks"), int(Questionnaire::Placement::BetweenBlocks));
    m_qPlacement->addItem(tr("at the end"), int(Questionnaire::Placement::End));
    auto *qForm = new QFormLayout(qPage);
    qForm->setContentsMargins(0, 0, 0, 0);
    qForm->addRow(tr("Id:"), m_qId);
    qForm->addRow(tr("Title:"), m_qTitle);
    qForm->addRow(tr("Shown:"), m_qPlacement);
    auto *questionPage = new QWidget(m_detail);
    m_questionId = named(new QLineEdit(questionPage), "questionIdEdit");
    m_questionText = named(new QLineEdit(questionPage), "questionTextEdit");
    m_questionType = named(new QComboBox(questionPage), "questionTypeCombo");
    m_questionType->addItem(tr("Free text"), int(Question::Type::Text));
    m_questionType->addItem(tr("Single choice"), int(Question::Type::Single));
    m_questionType->addItem(tr("Multiple choice"), int(Question::Type::Multiple));
    m_questionType->addItem(tr("Likert scale"), int(Question::Type::Likert));
    m_questionPoints = named(new QSpinBox(questionPage), "questionPointsSpin");
    m_questionPoints->setRange(5, 7);
    m_questionPoints->setSingleStep(2);
    m_questionPoints->setSuffix(tr(" points"));
    m_questionRequired = named(new QCheckBox(tr("Required"), questionPage), "questionRequiredCheck");
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_questionType);
    typeRow->addWidget(m_questionPoints);
    typeRow->addWidget(m_questionRequired);
    typeRow->addStretch();
    m_questionOptions = named(new QLineEdit(questionPage), "questionOptionsEdit");
    m_questionOptions->setPlaceholderText(tr("Choices (Likert: anchors), separated by |"));
    auto *questionForm = new QFormLayout(questionPage);
    questionForm->setContentsMargins(0, 0, 0, 0);
    questionForm->addRow(tr("Id:"), m_questionId);
    questionForm->addRow(tr("Question:"), m_questionText);
    questionForm->addRow(tr("Type:"), typeRow);
    questionForm->addRow(tr("Options:"), m_questionOptions);
    m_detail->addWidget(empty);
    m_detail->addWidget(qPage);
    m_detail->addWidget(questionPage);

    auto *treeRow = new QHBoxLayout;
    treeRow->addWidget(m_tree, 1);
    treeRow->addLayout(buttons);
    auto *qLayout = new QVBoxLayout(questionnaires);
    qLayout->addLayout(treeRow, 1);
    qLayout->addWidget(m_detail);

    m_finishText = named(new QPlainTextEdit(this), "finishTextEdit");
    m_finishText->setPlaceholderText(StudySettings::defaultFinishText());
    m_finishText->setMaximumHeight(52);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_consent);
    layout->addWidget(m_consentText);
    layout->addLayout(form);
    layout->addWidget(questionnaires, 1);
    auto *finishLabel = new QLabel(tr("&Finish page text (empty = the default thank-you):"), this);
    finishLabel->setBuddy(m_finishText);
    layout->addWidget(finishLabel);
    layout->addWidget(m_finishText);

    connect(m_consent, &QCheckBox::toggled, this, &PagesEditor::updateEnabled);
    connect(m_calibration, &QComboBox::currentIndexChanged, this, &PagesEditor::updateEnabled);
    connect(m_calibrationBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Calibration excerpt"), m_studyFolder,
                                                          tr("Audio files (*.wav *.flac *.ogg *.mp3);;All files (*)"));
        if (!file.isEmpty())
            m_calibrationFile->setText(relativeToStudy(file));
    });
    connect(m_addQuestionnaire, &QPushButton::clicked, this, &PagesEditor::addQuestionnaire);
    connect(m_addQuestion, &QPushButton::clicked, this, &PagesEditor::addQuestion);
    connect(m_remove, &QPushButton::clicked, this, &PagesEditor::removeSelected);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_updating)
            return;
        if (!item) {
            m_selQ = m_selQuestion = -1;
        } else if (QTreeWidgetItem *parent = item->parent()) {
            m_selQ = m_tree->indexOfTopLevelItem(parent);
            m_selQuestion = parent->indexOfChild(item);
        } else {
            m_selQ = m_tree->indexOfTopLevelItem(item);
            m_selQuestion = -1;
        }
        showSelected();
    });
    for (QLineEdit *edit : {m_qId, m_qTitle, m_questionId, m_questionText, m_questionOptions})
        connect(edit, &QLineEdit::textChanged, this, &PagesEditor::writeBack);
    for (QComboBox *combo : {m_qPlacement, m_questionType})
        connect(combo, &QComboBox::currentIndexChanged, this, &PagesEditor::writeBack);
    connect(m_questionPoints, &QSpinBox::valueChanged, this, &PagesEditor::writeBack);
    connect(m_questionRequired, &QCheckBox::toggled, this, &PagesEditor::writeBack);
    load(StudySettings());
    watchChanges();
}

void PagesEditor::load(const StudySettings &s)
{
    m_loaded = s;
    m_consent->setChecked(!s.consentText.isEmpty());
    m_consentText->setPlainText(s.consentText);
    m_calibrationKept = s.calibration;
    m_calibration->setCurrentIndex(!s.calibration.enabled ? 0 : s.calibration.kind == CalibrationPage::Kind::Tone ? 1 : 2);
    m_calibrationLevel->setValue(s.calibration.levelLufs);
    m_calibrationSeconds->setValue(s.calibration.seconds);
    m_calibrationFile->setText(s.calibration.file);
    m_practiceKept = s.practice;
    m_practice->setValue(s.practice.clips);
    m_questionnaires = s.questionnaires;
    m_selQ = m_questionnaires.isEmpty() ? -1 : 0;
    m_selQuestion = -1;
    rebuildTree();
    m_finishText->setPlainText(s.finishText);
    updateEnabled();
}

void PagesEditor::store(StudySettings *s) const
{
    s->consentText = m_consent->isChecked() ? m_consentText->toPlainText().trimmed() : QString();
    s->calibration = m_calibrationKept;
    s->calibration.enabled = m_calibration->currentIndex() > 0;
    s->calibration.kind = m_calibration->currentIndex() == 2 ? CalibrationPage::Kind::Excerpt : CalibrationPage::Kind::Tone;
    s->calibration.levelLufs = kept(m_calibrationLevel, m_loaded.calibration.levelLufs);
    s->calibration.seconds = kept(m_calibrationSeconds, m_loaded.calibration.seconds);
    s->calibration.file = s->calibration.kind == CalibrationPage::Kind::Excerpt ? m_calibrationFile->text().trimmed() : QString();
    s->practice = m_practiceKept;
    s->practice.clips = m_practice->value();
    s->questionnaires = m_questionnaires;
    s->finishText = m_finishText->toPlainText().trimmed();
}

QString PagesEditor::validate(const StudySettings &s) const
{
    if (m_consent->isChecked() && m_consentText->toPlainText().trimmed().isEmpty())
        return tr("Enter the consent text, or switch the consent page off.");
    if (s.calibration.enabled && s.calibration.kind == CalibrationPage::Kind::Excerpt && !s.calibration.file.isEmpty()) {
        const QString file = QDir::isAbsolutePath(s.calibration.file) ? s.calibration.file
                                                                        : QDir(m_studyFolder).filePath(s.calibration.file);
        if (!QFileInfo(file).isFile())
            return tr("The calibration excerpt %1 does not exist.").arg(QDir::toNativeSeparators(file));
    }
    return QString();
}

void PagesEditor::updateEnabled()
{
    m_consentText->setEnabled(m_consent->isChecked());
    const int calibration = m_calibration->currentIndex();
    m_calibrationLevel->setEnabled(calibration > 0);
    m_calibrationSeconds->setEnabled(calibration > 0);
    m_calibrationFile->setEnabled(calibration == 2);
    m_calibrationBrowse->setEnabled(calibration == 2);
}

void PagesEditor::rebuildTree()
{
    m_updating = true;
    m_tree->clear();
    QTreeWidgetItem *current = nullptr;
    for (int i = 0; i < m_questionnaires.size(); ++i) {
        const Questionnaire &q = m_questionnaires.at(i);
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, q.title.isEmpty() ? q.id : q.title);
        item->setText(1, m_qPlacement->itemText(m_qPlacement->findData(int(q.placement))));
        for (int j = 0; j < q.questions.size(); ++j) {
            const Question &question = q.questions.at(j);
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, question.text.isEmpty() ? question.id : question.text);
            child->setText(1, m_questionType->itemText(m_questionType->findData(int(question.type))));
            if (i == m_selQ && j == m_selQuestion)
                current = child;
        }
        if (i == m_selQ && m_selQuestion < 0)
            current = item;
    }
    m_tree->expandAll();
    m_tree->setCurrentItem(current);
    m_updating = false;
    showSelected();
}

void PagesEditor::showSelected()
{
    m_updating = true;
    const bool hasQ = m_selQ >= 0 && m_selQ < m_questionnaires.size();
    const bool hasQuestion = hasQ && m_selQuestion >= 0 && m_selQuestion < m_questionnaires.at(m_selQ).questions.size();
    if (hasQuestion) {
        const Question &question = m_questionnaires.at(m_selQ).questions.at(m_selQuestion);
        m_questionId->setText(question.id);
        m_questionText->setText(question.text);
        m_questionType->setCurrentIndex(m_questionType->findData(int(question.type)));
        m_questionOptions->setText((question.type == Question::Type::Likert ? question.anchors : question.options)
                                       .join(QStringLiteral(" | ")));
        m_questionPoints->setValue(question.points);
        m_questionPoints->setVisible(question.type == Question::Type::Likert);
        m_questionOptions->setEnabled(question.type != Question::Type::Text);
        m_questionRequired->setChecked(question.required);
        m_detail->setCurrentIndex(2);
    } else if (hasQ) {
        const Questionnaire &q = m_questionnaires.at(m_selQ);
        m_qId->setText(q.id);
        m_qTitle->setText(q.title);
        m_qPlacement->setCurrentIndex(m_qPlacement->findData(int(q.placement)));
        m_detail->setCurrentIndex(1);
    } else {
        m_detail->setCurrentIndex(0);
    }
    m_addQuestion->setEnabled(hasQ);
    m_remove->setEnabled(hasQ);
    m_updating = false;
}

void PagesEditor::writeBack()
{
    if (m_updating || m_selQ < 0 || m_selQ >= m_questionnaires.size())
        return;
    Questionnaire &q = m_questionnaires[m_selQ];
    QTreeWidgetItem *item = m_tree->topLevelItem(m_selQ);
    if (m_selQuestion < 0) {
        q.id = m_qId->text().trimmed();
        q.title = m_qTitle->text().trimmed();
        q.placement = Questionnaire::Placement(m_qPlacement->currentData().toInt());
        item->setText(0, q.title.isEmpty() ? q.id : q.title);
        item->setText(1, m_qPlacement->currentText());
        return;
    }
    if (m_selQuestion >= q.questions.size())
        return;
    Question &question = q.questions[m_selQuestion];
    question.id = m_questionId->text().trimmed();
    question.text = m_questionText->text().trimmed();
    question.type = Question::Type(m_questionType->currentData().toInt());
    question.points = m_questionPoints->value() >= 6 ? 7 : 5;
    question.required = m_questionRequired->isChecked();
    const QStringList parts = splitOptions(m_questionOptions->text());
    question.options = (question.type == Question::Type::Single || question.type == Question::Type::Multiple) ? parts : QStringList();
    question.anchors = question.type == Question::Type::Likert ? parts : QStringList();
    m_questionPoints->setVisible(question.type == Question::Type::Likert);
    m_questionOptions->setEnabled(question.type != Question::Type::Text);
    QTreeWidgetItem *child = item->child(m_selQuestion);
    child->setText(0, question.text.isEmpty() ? question.id : question.text);
    child->setText(1, m_questionType->currentText());
}

void PagesEditor::addQuestionnaire()
{
    Questionnaire q;
    QStringList ids;
    for (const Questionnaire &existing : std::as_const(m_questionnaires))
        ids << existing.id;
    int n = m_questionnaires.size() + 1;
    while (ids.contains(QStringLiteral("q%1").arg(n)))
        ++n;
    q.id = QStringLiteral("q%1").arg(n);
    q.title = tr("Questionnaire %1").arg(n);
    q.placement = Questionnaire::Placement::End;
    m_questionnaires << q;
    m_selQ = m_questionnaires.size() - 1;
    m_selQuestion = -1;
    addQuestion();
}

void PagesEditor::addQuestion()
{
    if (m_selQ < 0 || m_selQ >= m_questionnaires.size())
        return;
    Questionnaire &q = m_questionnaires[m_selQ];
    QStringList ids;
    for (const Question &existing : std::as_const(q.questions))
        ids << existing.id;
    int n = q.questions.size() + 1;
    while (ids.contains(QStringLiteral("question%1").arg(n)))
        ++n;
    Question question;
    question.id = QStringLiteral("question%1").arg(n);
    q.questions << question;
    m_selQuestion = q.questions.size() - 1;
    rebuildTree();
}

void PagesEditor::removeSelected()
{
    if (m_selQ < 0 || m_selQ >= m_questionnaires.size())
        return;
    if (m_selQuestion >= 0) {
        m_questionnaires[m_selQ].questions.removeAt(m_selQuestion);
        m_selQuestion = -1;
    } else {
        m_questionnaires.removeAt(m_selQ);
        m_selQ = qMin(m_selQ, int(m_questionnaires.size()) - 1);
    }
    rebuildTree();
}

void PagesEditor::select(int questionnaire, int question)
{
    m_selQ = questionnaire;
    m_selQuestion = question;
    rebuildTree();
}

// ---------------------------------------------------------------------------------------------
// Listening rules

ListeningRulesEditor::ListeningRulesEditor(QWidget *parent) : StudyOptionsEditor(parent)
{
    setObjectName(QStringLiteral("listeningRulesEditor"));
    m_wholeClip = named(new QCheckBox(this), "wholeClipCheck");
    m_minListen = named(new QDoubleSpinBox(this), "minListenSpin");
    m_minListen->setDecimals(1);
    m_minListen->setSuffix(tr(" s"));
    auto *listenRow = new QHBoxLayout;
    listenRow->addWidget(m_wholeClip);
    listenRow->addSpacing(12);
    listenRow->addWidget(new QLabel(tr("or at least:"), this));
    listenRow->addWidget(m_minListen);
    listenRow->addStretch();
    m_fullPlayback = named(new QCheckBox(tr("Only when the clip has &played to its end (full playback, whatever the "
                                            "time above)"),
                                         this),
                           "fullPlaybackCheck");

    m_unlimitedReplays = named(new QCheckBox(tr("&Unlimited"), this), "unlimitedReplaysCheck");
    m_maxReplays = named(new QSpinBox(this), "maxReplaysSpin");
    m_maxReplays->setRange(0, 1000);
    m_maxReplays->setSpecialValueText(tr("no replays"));
    auto *replayRow = new QHBoxLayout;
    replayRow->addWidget(m_unlimitedReplays);
    replayRow->addSpacing(12);
    replayRow->addWidget(new QLabel(tr("or at most:"), this));
    replayRow->addWidget(m_maxReplays);
    replayRow->addStretch();

    m_forceAnswer = named(new QCheckBox(tr("An answer is &required before going on (otherwise a Skip button is "
                                           "shown)"),
                                        this),
                          "forceAnswerCheck");
    m_allowBack = named(new QCheckBox(tr("Participants may go &back to the previous clip and change its answer"), this),
                        "allowBackCheck");

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("The answer buttons unlock after listening to:"), this));
    layout->addLayout(listenRow);
    layout->addWidget(m_fullPlayback);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Replays of a clip:"), this));
    layout->addLayout(replayRow);
    layout->addSpacing(12);
    layout->addWidget(m_forceAnswer);
    layout->addWidget(m_allowBack);
    layout->addWidget(hint(tr("Replays, skipped clips and changed answers are recorded with each answer."), this));
    layout->addStretch();

    connect(m_wholeClip, &QCheckBox::toggled, this, &ListeningRulesEditor::updateEnabled);
    connect(m_fullPlayback, &QCheckBox::toggled, this, &ListeningRulesEditor::updateEnabled);
    connect(m_unlimitedReplays, &QCheckBox::toggled, this, &ListeningRulesEditor::updateEnabled);
    StudySettings defaults;
    setContext(defaults, {}, QString());
    load(defaults);
    watchChanges();
}

void ListeningRulesEditor::setContext(const StudySettings &s, const QStringList &genres, const QString &studyFolder)
{
    StudyOptionsEditor::setContext(s, genres, studyFolder);
    const double clip = s.clipSeconds;
    m_wholeClip->setText(tr("the &whole clip (%1 s)").arg(clip, 0, 'g', 3));
    m_minListen->setRange(0.0, clip);
    if (m_minListen->value() <= 0.0 || m_minListen->value() > clip)
        m_minListen->setValue(qMin(3.0, clip));
}

void ListeningRulesEditor::load(const StudySettings &s)
{
    m_loaded = s;
    m_wholeClip->setChecked(s.minListenSeconds < 0);
    if (s.minListenSeconds >= 0) {
        m_minListen->setMaximum(qMax(m_minListen->maximum(), s.minListenSeconds));
        m_minListen->setValue(s.minListenSeconds);
    }
    m_fullPlayback->setChecked(s.rules.requireFullPlayback);
    m_unlimitedReplays->setChecked(s.rules.maxReplays < 0);
    m_maxReplays->setValue(qMax(0, s.rules.maxReplays));
    m_forceAnswer->setChecked(s.rules.forceAnswer);
    m_allowBack->setChecked(s.rules.allowBack);
    updateEnabled();
}

void ListeningRulesEditor::store(StudySettings *s) const
{
    s->minListenSeconds = m_wholeClip->isChecked() ? -1.0 : kept(m_minListen, m_loaded.minListenSeconds);
    s->rules.requireFullPlayback = m_fullPlayback->isChecked();
    s->rules.maxReplays = m_unlimitedReplays->isChecked() ? -1 : m_maxReplays->value();
    s->rules.forceAnswer = m_forceAnswer->isChecked();
    s->rules.allowBack = m_allowBack->isChecked();
}

void ListeningRulesEditor::updateEnabled()
{
    m_minListen->setEnabled(!m_wholeClip->isChecked() && !m_fullPlayback->isChecked());
    m_wholeClip->setEnabled(!m_fullPlayback->isChecked());
    m_maxReplays->setEnabled(!m_unlimitedReplays->isChecked());
}

// ---------------------------------------------------------------------------------------------
// Loudness and quality

LoudnessQualityEditor::LoudnessQualityEditor(QWidget *parent) : StudyOptionsEditor(parent)
{
    setObjectName(QStringLiteral("loudnessQualityEditor"));

    m_loudnessMode = named(new QComboBox(this), "loudnessModeCombo");
    m_loudnessMode->addItem(tr("Integrated loudness (EBU R128)"), int(LoudnessSettings::Mode::Lufs));
    m_loudnessMode->addItem(tr("RMS level"), int(LoudnessSettings::Mode::Rms));
    m_loudnessMode->addItem(tr("None (files as they are)"), int(LoudnessSettings::Mode::None));
    m_lufsTarget = named(new QDoubleSpinBox(this), "lufsTargetSpin");
    m_lufsTarget->setRange(-70.0, 0.0);
    m_lufsTarget->setDecimals(1);
    m_lufsTarget->setSuffix(tr(" LUFS"));
    m_rmsTarget = named(new QDoubleSpinBox(this), "rmsTargetSpin");
    m_rmsTarget->setRange(-70.0, 0.0);
    m_rmsTarget->setDecimals(1);
    m_rmsTarget->setSuffix(tr(" dBFS"));
    auto *loudnessRow = new QHBoxLayout;
    loudnessRow->addWidget(m_loudnessMode);
    loudnessRow->addWidget(new QLabel(tr("target:"), this));
    loudnessRow->addWidget(m_lufsTarget);
    loudnessRow->addWidget(m_rmsTarget);
    loudnessRow->addStretch();

    auto *catchBox = new QGroupBox(tr("Catch clips (a known correct answer)"), this);
    m_builtinCatch = named(new QCheckBox(tr("&Built-in spoken catch clips (\"press the lowest answer\", \"press the "
                                            "highest answer\")"),
                                         catchBox),
                           "builtinCatchCheck");
    const bool espeak = !QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty();
    m_builtinNote = hint(espeak ? tr("Spoken by espeak-ng; written into the folder \"catch\" next to the study file.")
                                : tr("espeak-ng is not installed: a beep code is used instead (three short beeps = "
                                     "lowest answer, a rising tone = highest), explained in the instructions."),
                         catchBox);
    m_builtinNote->setObjectName(QStringLiteral("builtinCatchNote"));
    m_catchTable = named(new QTableWidget(0, 4, catchBox), "catchTable");
    m_catchTable->setHorizontalHeaderLabels({tr("Id"), tr("File"), tr("Expected answer"), tr("Instruction")});
    m_catchTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_catchTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_catchTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_catchTable->verticalHeader()->hide();
    m_catchTable->setMinimumHeight(70);
    m_addCatch = named(new QPushButton(tr("&Add File…"), catchBox), "addCatchButton");
    m_removeCatch = named(new QPushButton(tr("Remo&ve"), catchBox), "removeCatchButton");
    m_expectedHint = hint(QString(), catchBox);
    m_expectedHint->setObjectName(QStringLiteral("expectedAnswerHint"));
    m_catchPerParticipant = named(new QSpinBox(catchBox), "catchPerParticipantSpin");
    m_catchPerParticipant->setRange(-1, 10000);
    m_catchPerParticipant->setSpecialValueText(tr("all"));
    auto *catchButtons = new QHBoxLayout;
    catchButtons->addWidget(m_addCatch);
    catchButtons->addWidget(m_removeCatch);
    catchButtons->addSpacing(16);
    catchButtons->addWidget(new QLabel(tr("Per participant:"), catchBox));
    catchButtons->addWidget(m_catchPerParticipant);
    catchButtons->addStretch();
    auto *catchLayout = new QVBoxLayout(catchBox);
    catchLayout->addWidget(m_builtinCatch);
    catchLayout->addWidget(m_builtinNote);
    catchLayout->addWidget(m_catchTable, 1);
    catchLayout->addWidget(m_expectedHint);
    catchLayout->addLayout(catchButtons);

    auto *qualityBox = new QGroupBox(tr("Quality flags and exclusion rules"), this);
    m_fastAnswer = named(new QDoubleSpinBox(qualityBox), "fastAnswerSpin");
    m_fastAnswer->setRange(0.0, 60.0);
    m_fastAnswer->setDecimals(1);
    m_fastAnswer->setSuffix(tr(" s"));
    m_fastAnswer->setSpecialValueText(tr("off"));
    m_straightLine = named(new QSpinBox(qualityBox), "straightLineSpin");
    m_straightLine->setRange(0, 10000);
    m_straightLine->setSpecialValueText(tr("off"));
    m_straightLine->setSuffix(tr(" answers"));
    m_minKappa = named(new QDoubleSpinBox(qualityBox), "minKappaSpin");
    m_minKappa->setRange(-1.0, 1.0);
    m_minKappa->setDecimals(2);
    m_minKappa->setSingleStep(0.05);
    m_minKappa->setSpecialValueText(tr("off"));
    m_maxFailedCatches = named(new QSpinBox(qualityBox), "maxFailedCatchesSpin");
    m_maxFailedCatches->setRange(-1, 10000);
    m_maxFailedCatches->setSpecialValueText(tr("off"));
    m_maxFastShare = named(new QSpinBox(qualityBox), "maxFastSharePercentSpin");
    m_maxFastShare->setRange(-1, 100);
    m_maxFastShare->setSuffix(tr(" %"));
    m_maxFastShare->setSpecialValueText(tr("off"));
    auto *flags = new QFormLayout;
    flags->addRow(tr("Flag answers faster than:"), m_fastAnswer);
    flags->addRow(tr("Flag runs of the same answer of:"), m_straightLine);
    auto *exclusion = new QFormLayout;
    exclusion->addRow(tr("Exclude when kappa is below:"), m_minKappa);
    exclusion->addRow(tr("… when more catch clips are wrong than:"), m_maxFailedCatches);
    exclusion->addRow(tr("… when fast answers are more than:"), m_maxFastShare);
    auto *qualityLayout = new QHBoxLayout(qualityBox);
    qualityLayout->addLayout(flags);
    qualityLayout->addSpacing(16);
    qualityLayout->addLayout(exclusion);

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Loudness normalization:"), m_loudnessMode, this), loudnessRow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(catchBox, 1);
    layout->addWidget(qualityBox);

    connect(m_loudnessMode, &QComboBox::currentIndexChanged, this, &LoudnessQualityEditor::updateEnabled);
    connect(m_addCatch, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Catch clips"), m_studyFolder,
                                                                tr("Audio files (*.wav *.flac *.ogg *.mp3);;All files (*)"));
        for (const QString &file : files)
            addCatchFile(file, m_context.minValue());
    });
    connect(m_removeCatch, &QPushButton::clicked, this, [this] {
        if (m_catchTable->currentRow() >= 0)
            m_catchTable->removeRow(m_catchTable->currentRow());
    });
    StudySettings defaults;
    setContext(defaults, {}, QString());
    load(defaults);
    watchChanges();
}

void LoudnessQualityEditor::setContext(const StudySettings &s, const QStringList &genres, const QString &studyFolder)
{
    StudyOptionsEditor::setContext(s, genres, studyFolder);
    m_context = s;
    updateExpectedHint();
}

void LoudnessQualityEditor::updateExpectedHint()
{
    const QStringList anchors = m_context.effectiveAnchors();
    QStringList parts;
    for (int i = 0; i < anchors.size(); ++i)
        parts << tr("%1 = %2").arg(m_context.minValue() + i).arg(anchors.at(i));
    m_expectedHint->setText(tr("Expected answer: %1").arg(parts.join(QStringLiteral(", "))));
}

void LoudnessQualityEditor::load(const StudySettings &s)
{
    m_loaded = s;
    m_loudnessMode->setCurrentIndex(m_loudnessMode->findData(int(s.loudness.mode)));
    m_lufsTarget->setValue(s.loudness.targetLufs);
    m_rmsTarget->setValue(s.loudness.targetRmsDbfs);
    m_builtinKept.clear();
    m_catchTable->setRowCount(0);
    for (const CatchClip &c : s.design.catchClips) {
        if (isBuiltinCatchClip(c)) {
            m_builtinKept << c;
            continue;
        }
        const int row = m_catchTable->rowCount();
        m_catchTable->insertRow(row);
        m_catchTable->setItem(row, 0, new QTableWidgetItem(c.id));
        m_catchTable->setItem(row, 1, new QTableWidgetItem(c.file));
        m_catchTable->setItem(row, 2, new QTableWidgetItem(QString::number(c.expected)));
        m_catchTable->setItem(row, 3, new QTableWidgetItem(c.instruction));
    }
    m_builtinCatch->setChecked(!m_builtinKept.isEmpty());
    m_catchPerParticipant->setValue(s.design.catchPerParticipant);
    m_fastAnswer->setValue(s.quality.fastAnswerSeconds);
    m_straightLine->setValue(s.quality.straightLineRun);
    m_minKappa->setValue(s.quality.minKappa);
    m_maxFailedCatches->setValue(s.quality.maxFailedCatches);
    m_maxFastShare->setValue(s.quality.maxFastShare < 0 ? -1 : qRound(s.quality.maxFastShare * 100.0));
    updateEnabled();
}

void LoudnessQualityEditor::addCatchFile(const QString &file, int expected)
{
    QStringList ids;
    for (int row = 0; row < m_catchTable->rowCount(); ++row)
        ids << (m_catchTable->item(row, 0) ? m_catchTable->item(row, 0)->text() : QString());
    const QString base = QFileInfo(file).completeBaseName();
    QString id = base;
    for (int n = 2; ids.contains(id); ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    const int row = m_catchTable->rowCount();
    m_catchTable->insertRow(row);
    m_catchTable->setItem(row, 0, new QTableWidgetItem(id));
    m_catchTable->setItem(row, 1, new QTableWidgetItem(relativeToStudy(file)));
    m_catchTable->setItem(row, 2, new QTableWidgetItem(QString::number(expected)));
    m_catchTable->setItem(row, 3, new QTableWidgetItem(QString()));
    m_catchTable->setCurrentCell(row, 2);
}

void LoudnessQualityEditor::store(StudySettings *s) const
{
    s->loudness.mode = LoudnessSettings::Mode(m_loudnessMode->currentData().toInt());
    s->loudness.targetLufs = kept(m_lufsTarget, m_loaded.loudness.targetLufs);
    s->loudness.targetRmsDbfs = kept(m_rmsTarget, m_loaded.loudness.targetRmsDbfs);
    s->targetRmsDbfs = s->loudness.targetRmsDbfs;
    s->design.catchClips.clear();
    auto text = [this](int row, int column) {
        QTableWidgetItem *item = m_catchTable->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    for (int row = 0; row < m_catchTable->rowCount(); ++row) {
        CatchClip c;
        c.id = text(row, 0);
        c.file = QDir::fromNativeSeparators(text(row, 1));
        bool ok = false;
        c.expected = text(row, 2).toInt(&ok);
        if (!ok)
            c.expected = std::numeric_limits<int>::min(); // reported by validate()
        c.instruction = text(row, 3);
        s->design.catchClips << c;
    }
    if (m_builtinCatch->isChecked()) {
        // The entries already made for this scale are kept; otherwise planned ones, whose files
        // addBuiltinCatchClips() writes when the settings are saved.
        const QVector<CatchClip> planned = plannedBuiltinCatchClips(*s);
        bool same = planned.size() == m_builtinKept.size();
        for (int i = 0; same && i < planned.size(); ++i)
            same = planned.at(i).id == m_builtinKept.at(i).id && planned.at(i).expected == m_builtinKept.at(i).expected;
        s->design.catchClips << (same ? m_builtinKept : planned);
    }
    s->design.catchPerParticipant = m_catchPerParticipant->value();
    s->quality.fastAnswerSeconds = kept(m_fastAnswer, m_loaded.quality.fastAnswerSeconds);
    s->quality.straightLineRun = m_straightLine->value();
    s->quality.minKappa = kept(m_minKappa, m_loaded.quality.minKappa);
    s->quality.maxFailedCatches = m_maxFailedCatches->value();
    const double loadedShare = m_loaded.quality.maxFastShare;
    if (m_maxFastShare->value() == (loadedShare < 0 ? -1 : qRound(loadedShare * 100.0)))
        s->quality.maxFastShare = loadedShare;
    else
        s->quality.maxFastShare = m_maxFastShare->value() < 0 ? -1.0 : m_maxFastShare->value() / 100.0;
}

QString LoudnessQualityEditor::validate(const StudySettings &s) const
{
    for (int row = 0; row < m_catchTable->rowCount(); ++row) {
        const CatchClip &c = s.design.catchClips.at(row);
        if (c.id.isEmpty())
            return tr("Catch clip %1 needs an id.").arg(row + 1);
        if (c.file.isEmpty())
            return tr("Catch clip '%1' needs a file.").arg(c.id);
        const QString file = QDir::isAbsolutePath(c.file) ? c.file : QDir(m_studyFolder).filePath(c.file);
        if (!QFileInfo(file).isFile())
            return tr("The catch clip file %1 does not exist.").arg(QDir::toNativeSeparators(file));
        if (c.expected < s.minValue() || c.expected > s.maxValue()) {
            const QTableWidgetItem *item = m_catchTable->item(row, 2);
            return tr("Catch clip '%1': the expected answer '%2' is not on the answer scale (%3 to %4).")
                .arg(c.id, item ? item->text() : QString())
                .arg(s.minValue())
                .arg(s.maxValue());
        }
    }
    if (s.design.catchPerParticipant > s.design.catchClips.size())
        return tr("%1 catch clips per participant, but the study has only %2.")
            .arg(s.design.catchPerParticipant)
            .arg(s.design.catchClips.size());
    return QString();
}

bool LoudnessQualityEditor::needsBuiltinCatchFiles(const StudySettings &settings)
{
    for (const CatchClip &c : settings.design.catchClips) {
        if (isBuiltinCatchClip(c) && c.instruction.isEmpty())
            return true;
    }
    return false;
}

void LoudnessQualityEditor::updateEnabled()
{
    const auto mode = LoudnessSettings::Mode(m_loudnessMode->currentData().toInt());
    m_lufsTarget->setVisible(mode == LoudnessSettings::Mode::Lufs);
    m_rmsTarget->setVisible(mode == LoudnessSettings::Mode::Rms);
}

// ---------------------------------------------------------------------------------------------

StudyOptionsDialog::StudyOptionsDialog(Study *study, QWidget *parent)
    : QDialog(parent), m_study(study), m_base(study->settings())
{
    setObjectName(QStringLiteral("studyOptionsDialog"));
    setWindowTitle(tr("Study Options — %1").arg(m_base.name));
    m_tabs = named(new QTabWidget(this), "studyOptionsTabs");
    QStringList genres;
    for (const Track &t : study->tracks()) {
        if (!genres.contains(t.genre) && !t.genre.isEmpty())
            genres << t.genre;
    }
    genres.sort(Qt::CaseInsensitive);
    const QString file = study->studyFilePath();
    const QString folder = QFileInfo(file.isEmpty() ? study->path() : file).absolutePath();
    const struct {
        StudyOptionsEditor *editor;
        QString title;
    } tabs[] = {{new DesignEditor(true), tr("Design")},
                {new PagesEditor, tr("Pages")},
                {new ListeningRulesEditor, tr("Listening Rules")},
                {new LoudnessQualityEditor, tr("Loudness && Quality")}};
    for (const auto &tab : tabs) {
        tab.editor->setContext(m_base, genres, folder);
        tab.editor->load(m_base);
        auto *page = new QWidget;
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->addWidget(tab.editor);
        m_tabs->addTab(page, tab.title);
        m_editors << tab.editor;
        connect(tab.editor, &StudyOptionsEditor::changed, this, [this] { m_error->hide(); });
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("studyOptionsErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("studyOptionsOkButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint(file.isEmpty() ? tr("The options are stored in the study.")
                                          : tr("The options are written to the study file %1, and the new version "
                                               "is recorded.")
                                                .arg(QDir::toNativeSeparators(file)),
                           this));
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &StudyOptionsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StudyOptionsDialog::reject);
    resize(820, 680);
}

StudySettings StudyOptionsDialog::settings() const
{
    StudySettings s = m_base;
    for (StudyOptionsEditor *editor : m_editors)
        editor->store(&s);
    return s;
}

void StudyOptionsDialog::accept()
{
    const StudySettings s = settings();
    for (int i = 0; i < m_editors.size(); ++i) {
        QString error = m_editors.at(i)->validate(s);
        if (error.isEmpty() && i == m_editors.size() - 1)
            error = s.validate();
        if (!error.isEmpty()) {
            m_tabs->setCurrentIndex(i);
            m_error->setText(error);
            m_error->show();
            return;
        }
    }
    m_error->hide();
    QDialog::accept();
}

} // namespace tastelab
