#pragma once

#include "study/studysettings.h"

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace tastelab {

class Study;

/// An editor for one group of a study's research-design options (issue 8). The same editors are
/// the new-study wizard's Design, Pages, Listening rules and Loudness & quality pages and the tabs
/// of the Study Options dialog (StudyOptionsDialog), so an option is edited the same way before
/// and after the study is created.
///
/// load() shows settings, store() writes the editor's fields into settings (leaving the others),
/// validate() checks them against the full settings (e.g. a catch clip's expected answer against
/// the scale). setContext() passes what the editor shows but does not edit: the library's genres,
/// the folder of the study file (catch clips and the calibration excerpt are named relative to
/// it) and the settings of the other pages (scale, clip length). Every field has an object name,
/// for the tests. GUI thread only.
class StudyOptionsEditor : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void load(const StudySettings &settings) = 0;
    virtual void store(StudySettings *settings) const = 0;
    /// Empty when valid with settings (every editor stored), else a readable reason.
    virtual QString validate(const StudySettings &settings) const;
    virtual void setContext(const StudySettings &settings, const QStringList &genres, const QString &studyFolder);

    /// A path as the study file names it: relative to the study file's folder when inside it.
    QString relativeToStudy(const QString &path) const;

Q_SIGNALS:
    /// The researcher changed a field (e.g. to hide an old validation message).
    void changed();

protected:
    /// Connects every field's edit signal to changed(); called by each editor's constructor.
    void watchChanges();
    /// The loaded value while spin still shows it (rounded to its decimals; shown = value * factor),
    /// else the spin box's value / factor: a value the spin box cannot show exactly survives
    /// unless edited, so that opening and confirming the options changes nothing.
    static double kept(const QDoubleSpinBox *spin, double loaded, double factor = 1.0);

    StudySettings m_loaded; ///< as last given to load()

    QString m_studyFolder;
};

/// Blocks, their order, the pool (genres), balanced assignment with the study seed; with
/// withClipCount (the options dialog) also the clips per participant, genre balance and repeats,
/// which the wizard asks on its clip-plan page.
class DesignEditor : public StudyOptionsEditor {
    Q_OBJECT
public:
    explicit DesignEditor(bool withClipCount, QWidget *parent = nullptr);
    void load(const StudySettings &settings) override;
    void store(StudySettings *settings) const override;
    QString validate(const StudySettings &settings) const override;
    void setContext(const StudySettings &settings, const QStringList &genres, const QString &studyFolder) override;

private:
    void setGenreList(const QStringList &genres, const QStringList &checked);
    void updateEnabled();

    bool m_withClipCount;
    QSpinBox *m_clips = nullptr;
    QCheckBox *m_balanceGenres = nullptr;
    QSpinBox *m_repeats = nullptr;
    QComboBox *m_blocks;
    QSpinBox *m_blockCount;
    QCheckBox *m_shuffleBlocks;
    QCheckBox *m_shuffleWithin;
    QListWidget *m_poolGenres;
    QLabel *m_poolTracksNote;
    QCheckBox *m_balanced;
    QDoubleSpinBox *m_seed;
    QPushButton *m_newSeed;
    QSpinBox *m_stations;
    QStringList m_poolTracks; ///< kept as loaded (edited in the study file)
};

/// Consent, calibration, practice clips, questionnaires (a list of questionnaires and their
/// questions with the selected one's fields below) and the finish text.
class PagesEditor : public StudyOptionsEditor {
    Q_OBJECT
public:
    explicit PagesEditor(QWidget *parent = nullptr);
    void load(const StudySettings &settings) override;
    void store(StudySettings *settings) const override;
    QString validate(const StudySettings &settings) const override;

    // --- the questionnaire list, also for the tests ---
    /// Appends a questionnaire with one question and selects its question.
    void addQuestionnaire();
    /// Appends a question to the selected questionnaire (or the selected question's) and selects it.
    void addQuestion();
    void removeSelected();
    /// Selects questionnaire q (question -1) or its question.
    void select(int questionnaire, int question = -1);

private:
    void rebuildTree();
    void showSelected();
    void writeBack();
    void updateEnabled();

    QCheckBox *m_consent;
    QPlainTextEdit *m_consentText;
    QComboBox *m_calibration;
    QDoubleSpinBox *m_calibrationLevel;
    QDoubleSpinBox *m_calibrationSeconds;
    QLineEdit *m_calibrationFile;
    QPushButton *m_calibrationBrowse;
    QSpinBox *m_practice;
    QTreeWidget *m_tree;
    QPushButton *m_addQuestionnaire;
    QPushButton *m_addQuestion;
    QPushButton *m_remove;
    QStackedWidget *m_detail;
    // questionnaire fields
    QLineEdit *m_qId;
    QLineEdit *m_qTitle;
    QComboBox *m_qPlacement;
    // question fields
    QLineEdit *m_questionId;
    QLineEdit *m_questionText;
    QComboBox *m_questionType;
    QLineEdit *m_questionOptions;
    QSpinBox *m_questionPoints;
    QCheckBox *m_questionRequired;
    QPlainTextEdit *m_finishText;

    QVector<Questionnaire> m_questionnaires;
    CalibrationPage m_calibrationKept; ///< fields not edited here (instructions)
    PracticePage m_practiceKept;       ///< tracks, instructions
    int m_selQ = -1;
    int m_selQuestion = -1;
    bool m_updating = false;
};

/// When the answer buttons unlock, replays, forced answers and going back.
class ListeningRulesEditor : public StudyOptionsEditor {
    Q_OBJECT
public:
    explicit ListeningRulesEditor(QWidget *parent = nullptr);
    void load(const StudySettings &settings) override;
    void store(StudySettings *settings) const override;
    void setContext(const StudySettings &settings, const QStringList &genres, const QString &studyFolder) override;

private:
    void updateEnabled();

    QCheckBox *m_wholeClip;
    QDoubleSpinBox *m_minListen;
    QCheckBox *m_fullPlayback;
    QCheckBox *m_unlimitedReplays;
    QSpinBox *m_maxReplays;
    QCheckBox *m_forceAnswer;
    QCheckBox *m_allowBack;
};

/// Loudness normalization, catch clips (built-in and researcher files), quality thresholds and
/// exclusion rules.
class LoudnessQualityEditor : public StudyOptionsEditor {
    Q_OBJECT
public:
    explicit LoudnessQualityEditor(QWidget *parent = nullptr);
    void load(const StudySettings &settings) override;
    void store(StudySettings *settings) const override;
    QString validate(const StudySettings &settings) const override;
    void setContext(const StudySettings &settings, const QStringList &genres, const QString &studyFolder) override;

    /// True when the built-in clips are wanted and settings has entries whose files are still to
    /// be written (addBuiltinCatchClips(), study/catchclips.h).
    static bool needsBuiltinCatchFiles(const StudySettings &settings);
    /// Adds a row for a researcher's catch clip file (what Add… does after its file dialog).
    void addCatchFile(const QString &file, int expected);

private:
    void updateEnabled();
    void updateExpectedHint();

    QComboBox *m_loudnessMode;
    QDoubleSpinBox *m_lufsTarget;
    QDoubleSpinBox *m_rmsTarget;
    QCheckBox *m_builtinCatch;
    QLabel *m_builtinNote;
    QTableWidget *m_catchTable;
    QPushButton *m_addCatch;
    QPushButton *m_removeCatch;
    QLabel *m_expectedHint;
    QSpinBox *m_catchPerParticipant;
    QDoubleSpinBox *m_fastAnswer;
    QSpinBox *m_straightLine;
    QDoubleSpinBox *m_minKappa;
    QSpinBox *m_maxFailedCatches;
    QSpinBox *m_maxFastShare;
    QVector<CatchClip> m_builtinKept; ///< the built-in entries as loaded (with their instructions)
    StudySettings m_context;
};

/// File > Study Options…: the option editors as tabs, for a study that exists. The caller stores
/// settings() (MainWindow::editStudyOptions, which asks first when data collection began).
class StudyOptionsDialog : public QDialog {
    Q_OBJECT
public:
    explicit StudyOptionsDialog(Study *study, QWidget *parent = nullptr);
    /// The study's settings with every tab stored.
    StudySettings settings() const;
    QTabWidget *tabs() const { return m_tabs; }

    void accept() override;

private:
    Study *m_study;
    StudySettings m_base;
    QTabWidget *m_tabs;
    QList<StudyOptionsEditor *> m_editors;
    QLabel *m_error;
};

} // namespace tastelab
