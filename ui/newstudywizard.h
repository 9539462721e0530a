#pragma once

#include "study/importer.h"
#include "study/studysettings.h"

#include <QWizard>

#include <memory>

namespace tastelab {

class ClipPlanWizardPage;
class ImportWizardPage;
class InstructionsWizardPage;
class NameWizardPage;
class OptionsWizardPage;
class ScaleWizardPage;
class SourceWizardPage;
class Study;

/// Sets up a new study: name and file, music source, import, clip plan, answer scale, the
/// research-design options (design, pages, listening rules, loudness & quality: the editors of
/// studyoptionseditors.h, shared with the Study Options dialog), instructions and demographics.
///
/// The study file is created when the first page is accepted, so the import (page 3, run by
/// ImportService on its own thread) can write into it. The settings are stored with
/// Study::setSettings() when Finish is pressed. Cancel removes the file again when nothing was
/// imported into it yet; otherwise the file is kept (it is a valid study with default settings).
///
/// Every field and button has an object name, so tests can drive the wizard (see
/// tests/ui/tst_gui.cpp). GUI thread only.
class NewStudyWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        NamePage,
        SourcePage,
        ImportPage,
        ClipPlanPage,
        ScalePage,
        DesignPage,
        PagesPage,
        RulesPage,
        LoudnessQualityPage,
        InstructionsPage,
    };
    Q_ENUM(PageId)

    explicit NewStudyWizard(QWidget *parent = nullptr);
    ~NewStudyWizard() override;

    /// The study file created by the first page (empty before).
    QString studyPath() const;
    /// The settings as currently entered on all pages.
    StudySettings settings() const;
    /// The report of the last finished import.
    ImportReport importReport() const;
    bool isImportRunning() const;

    // --- used by the pages ---
    Study *study() const { return m_study.get(); }
    /// Creates the study file at path (or renames the study when it already created that file).
    bool createStudy(const QString &path, const QString &name, QString *error);
    ImportService *importService() const { return m_importService; }
    void setImportReport(const ImportReport &report) { m_report = report; }
    /// The library's genres (sorted), for the design page.
    QStringList genres() const;
    /// Validates settings(), writes the built-in catch clips when chosen, and stores them in the study.
    bool saveSettings(QString *error);

    void reject() override;

private:
    void discardCreatedStudy();

    std::unique_ptr<Study> m_study;
    QString m_createdPath;
    bool m_saved = false;
    ImportService *m_importService = nullptr;
    ImportReport m_report;
    NameWizardPage *m_namePage = nullptr;
    SourceWizardPage *m_sourcePage = nullptr;
    ImportWizardPage *m_importPage = nullptr;
    ClipPlanWizardPage *m_planPage = nullptr;
    ScaleWizardPage *m_scalePage = nullptr;
    InstructionsWizardPage *m_instructionsPage = nullptr;
    QList<OptionsWizardPage *> m_optionPages;
};

} // namespace tastelab
