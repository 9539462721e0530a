#include "results/resultspage.h"

#include "results/embeddingmapview.h"
#include "results/performanceview.h"
#include "results/recommendationsview.h"
#include "results/resultsstyle.h"
#include "results/embeddingplot.h"
#include "results/tasteprofileview.h"
#include "uistyle.h"

#include "study/embeddingstore.h"
#include "study/study.h"
#include "study/training.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace tastelab {

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
} // namespace

ResultsPage::ResultsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("resultsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(uistyle::pageTitle(tr("Results"), this));

    auto *stateRow = new QHBoxLayout;
    m_state = uistyle::stateLabel(QStringLiteral("resultsStateLabel"), this);
    stateRow->addWidget(m_state, 1);
    m_stateButton = new QPushButton(this);
    m_stateButton->setObjectName(QStringLiteral("resultsStateButton"));
    stateRow->addWidget(m_stateButton);
    layout->addLayout(stateRow);

    auto *pickers = new QHBoxLayout;
    pickers->addWidget(new QLabel(tr("Participant:"), this));
    m_participants = new QComboBox(this);
    m_participants->setObjectName(QStringLiteral("resultsParticipantCombo"));
    m_participants->setMinimumContentsLength(14);
    m_participants->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    pickers->addWidget(m_participants);
    m_overlayButton = new QToolButton(this);
    m_overlayButton->setObjectName(QStringLiteral("overlayButton"));
    m_overlayButton->setText(tr("Overlay"));
    m_overlayButton->setPopupMode(QToolButton::InstantPopup);
    m_overlayButton->setToolTip(tr("Draw other participants' clips on the same map (raw encoder space)."));
    m_overlayMenu = new QMenu(m_overlayButton);
    m_overlayButton->setMenu(m_overlayMenu);
    pickers->addWidget(m_overlayButton);
    pickers->addSpacing(12);
    pickers->addWidget(new QLabel(tr("Embeddings:"), this));
    m_encoders = new QComboBox(this);
    m_encoders->setObjectName(QStringLiteral("resultsEncoderCombo"));
    m_encoders->setMinimumContentsLength(14);
    m_encoders->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    pickers->addWidget(m_encoders);
    pickers->addSpacing(12);
    pickers->addWidget(new QLabel(tr("Model:"), this));
    m_models = new QComboBox(this);
    m_models->setObjectName(QStringLiteral("resultsModelCombo"));
    m_models->setMinimumContentsLength(26);
    m_models->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    pickers->addWidget(m_models, 1);
    layout->addLayout(pickers);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("resultsTabs"));
    m_map = new EmbeddingMapView(m_tabs);
    m_tabs->addTab(m_map, tr("Embedding map"));
    m_performance = new PerformanceView(m_tabs);
    m_tabs->addTab(m_performance, tr("Performance"));
    m_recommendations = new RecommendationsView(m_tabs);
    m_recommendations->setObjectName(QStringLiteral("recommendationsView"));
    connect(m_recommendations, &RecommendationsView::retrainRequested, this, &ResultsPage::modelsPageRequested);
    connect(m_recommendations, &RecommendationsView::retrained, this, &ResultsPage::onRetrained);
    connect(m_map, &EmbeddingMapView::feedbackRecorded, this,
            [this](const QString &code, const QList<qint64> &tracks, bool like) {
                m_recommendations->noteFeedback(code, tracks, like);
                Q_EMIT statusMessage(like ? tr("Saved: %1 likes %n track(s); the recommendations retrain on it.", nullptr,
                                               int(tracks.size()))
                                                .arg(code)
                                          : tr("Saved: %n track(s) not for %1; the recommendations retrain on it.",
                                               nullptr, int(tracks.size()))
                                                .arg(code));
            });
    m_tabs->addTab(m_recommendations, tr("Recommendations"));
    m_profile = new TasteProfileView(m_tabs);
    m_profile->setObjectName(QStringLiteral("tasteProfileView"));
    connect(m_profile, &TasteProfileView::steeringChanged, m_recommendations, &RecommendationsView::setSteering);
    connect(m_profile, &TasteProfileView::prototypesChanged, m_map->plot(), &EmbeddingPlot::setHighlights);
    connect(m_profile, &TasteProfileView::retrained, this, [this](const QString &code, const QString &encoderName, qint64 id) {
        if (!m_study)
            return;
        if (code == participant() && encoderName == encoder()) {
            {
                const QSignalBlocker block(m_models);
                fillModels();
            }
            selectModel(id); // the map, the performance, the list and the profile follow
        }
        Q_EMIT modelsChanged();
        Q_EMIT statusMessage(tr("Retrained %1's model with their steering (model %2).").arg(code).arg(id));
    });
    m_tabs->addTab(m_profile, tr("Taste profile"));
    layout->addWidget(m_tabs, 1);

    connect(m_participants, &QComboBox::currentIndexChanged, this, [this] {
        m_overlay.removeAll(participant());
        fillOverlayMenu();
        fillModels();
        updateState();
        pushSelection();
    });
    connect(m_encoders, &QComboBox::currentIndexChanged, this, [this] {
        fillModels();
        updateState();
        pushSelection();
    });
    connect(m_models, &QComboBox::currentIndexChanged, this, [this] {
        updateState();
        pushSelection();
    });
    connect(m_stateButton, &QPushButton::clicked, this, [this] {
        switch (m_stateTarget) {
        case Target::Survey:
            Q_EMIT surveyPageRequested();
            break;
        case Target::Features:
            Q_EMIT featuresPageRequested();
            break;
        case Target::Models:
            Q_EMIT modelsPageRequested(participant(), encoder());
            break;
        case Target::None:
            break;
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &ResultsPage::updateState);
    connect(m_performance, &PerformanceView::trainRequested, this, &ResultsPage::modelsPageRequested);
    connect(m_performance, &PerformanceView::statusMessage, this, &ResultsPage::statusMessage);
    updateState();
}

ResultsPage::~ResultsPage() = default;

void ResultsPage::setStudy(Study *study)
{
    m_study = study;
    m_overlay.clear();
    m_stamp = dataStamp();
    m_map->setStudy(study);
    m_performance->setStudy(study);
    m_recommendationsFor.clear();
    m_recommendations->setStudy(study);
    m_profileFor.clear();
    m_profile->setStudy(study);
    {
        const QSignalBlocker a(m_participants), b(m_encoders), c(m_models);
        m_participants->clear();
        m_encoders->clear();
        m_models->clear();
    }
    refresh();
}

void ResultsPage::setPlayer(ClipPlayer *player)
{
    m_map->setPlayer(player);
    m_recommendations->setPlayer(player);
    m_profile->setPlayer(player);
}

QString ResultsPage::dataStamp() const
{
    if (!m_study)
        return QString();
    QStringList parts;
    for (const Participant &p : m_study->participants())
        parts << QStringLiteral("%1:%2").arg(p.code).arg(m_study->answers(p.id).size());
    for (const EmbeddingSummary &s : EmbeddingStore(*m_study).summaries())
        parts << QStringLiteral("%1=%2/%3").arg(s.encoder, s.encoderHash).arg(s.clips);
    parts << QString::number(m_study->tracks().size());
    return parts.join(QLatin1Char(';'));
}

void ResultsPage::refresh()
{
    const QString stamp = dataStamp();
    if (stamp != m_stamp) {
        m_stamp = stamp;
        m_map->invalidate();
    }
    {
        const QSignalBlocker a(m_participants), b(m_encoders), c(m_models);
        fillParticipants();
        fillEncoders();
        fillModels();
    }
    fillOverlayMenu();
    m_performance->refresh();
    updateState();
    const QStringList before = m_recommendationsFor;
    const QStringList profileBefore = m_profileFor;
    pushSelection();
    if (m_recommendationsFor == before && m_study && !m_keepRecommendations)
        m_recommendations->refresh(); // new answers, embeddings or models
    if (m_profileFor == profileBefore && m_study && !m_keepRecommendations)
        m_profile->refresh();
}

void ResultsPage::onRetrained(const QString &code, const QString &encoderName, qint64 modelId)
{
    if (!m_study)
        return;
    // The list already scores the new model; the pickers, the map and the performance follow.
    m_keepRecommendations = true;
    if (code == participant() && encoderName == encoder()) {
        {
            const QSignalBlocker block(m_models);
            fillModels();
            const int i = m_models->findData(modelId);
            if (i >= 0)
                m_models->setCurrentIndex(i);
        }
        if (modelId == this->modelId())
            m_recommendationsFor = {participant(), encoder(), QString::number(modelId)};
    }
    refresh();
    m_keepRecommendations = false;
    Q_EMIT modelsChanged();
    Q_EMIT statusMessage(tr("Retrained %1's model on their feedback (model %2).").arg(code).arg(modelId));
}

void ResultsPage::fillParticipants()
{
    const QString current = participant();
    m_participants->clear();
    if (!m_study)
        return;
    for (const Participant &p : m_study->participants()) {
        const int answers = int(m_study->answers(p.id).size());
        if (answers > 0)
            m_participants->addItem(answers == 1 ? tr("%1 (1 answer)").arg(p.code)
                                                 : tr("%1 (%n answer(s))", "", answers).arg(p.code),
                                    p.code);
    }
    const int i = m_participants->findData(current);
    if (i >= 0)
        m_participants->setCurrentIndex(i);
    QStringList known;
    for (int k = 0; k < m_participants->count(); ++k)
        known << m_participants->itemData(k).toString();
    QStringList overlay;
    for (const QString &code : qAsConst(m_overlay))
        if (known.contains(code) && code != participant())
            overlay << code;
    m_overlay = overlay;
}

void ResultsPage::fillEncoders()
{
    const QString current = encoder();
    m_encoders->clear();
    if (!m_study)
        return;
    for (const EmbeddingSummary &s : EmbeddingStore(*m_study).summaries())
        if (s.clips > 0)
            m_encoders->addItem(s.encoder, s.encoder);
    const int i = m_encoders->findData(current);
    if (m_encoders->count() > 0)
        m_encoders->setCurrentIndex(std::max(i, 0));
}

void ResultsPage::fillModels()
{
    const qint64 current = modelId();
    const QSignalBlocker block(m_models);
    m_models->clear();
    if (!m_study || participant().isEmpty() || encoder().isEmpty()) {
        m_models->setEnabled(false);
        return;
    }
    const auto p = m_study->participant(participant());
    if (!p) {
        m_models->setEnabled(false);
        return;
    }
    int preferred = -1;
    for (const TrainedModel &m : storedModels(*m_study, *p)) { // newest first
        if (m.encoder != encoder())
            continue;
        m_models->addItem(tr("%1 · %2 · #%3")
                              .arg(uistyle::modelName(m.model),
                                   QLocale().toString(m.createdAt.toLocalTime(), QLocale::ShortFormat))
                              .arg(m.id),
                          m.id);
        m_models->setItemData(m_models->count() - 1, m.model, kKindRole);
        m_models->setItemData(m_models->count() - 1,
                              tr("Accuracy %1 · AUROC %2 on its test part")
                                  .arg(m.metrics.accuracy, 0, 'f', 3)
                                  .arg(m.metrics.auroc, 0, 'f', 3),
                              Qt::ToolTipRole);
        if (preferred < 0 && m.model == QLatin1String("clep-pn"))
            preferred = m_models->count() - 1;
    }
    m_models->setEnabled(m_models->count() > 0);
    if (m_models->count() == 0) {
        m_models->addItem(tr("(no model yet)"), qint64(0));
        return;
    }
    int i = m_models->findData(current);
    if (i < 0)
        i = preferred >= 0 ? preferred : 0;
    m_models->setCurrentIndex(i);
}

void ResultsPage::fillOverlayMenu()
{
    m_overlayMenu->clear();
    int candidates = 0;
    for (int k = 0; k < m_participants->count(); ++k) {
        const QString code = m_participants->itemData(k).toString();
        if (code == participant())
            continue;
        ++candidates;
        QAction *action = m_overlayMenu->addAction(code);
        action->setCheckable(true);
        action->setChecked(m_overlay.contains(code));
        action->setData(code);
        connect(action, &QAction::toggled, this, [this, code](bool on) {
            QStringList codes = m_overlay;
            codes.removeAll(code);
            if (on)
                codes << code;
            setOverlayParticipants(codes);
        });
    }
    if (candidates > 0) {
        m_overlayMenu->addSeparator();
        m_overlayMenu->addAction(tr("Clear overlay"), this, [this] { setOverlayParticipants({}); });
    }
    m_overlayButton->setEnabled(candidates > 0);
    updateOverlayMenu();
}

void ResultsPage::updateOverlayMenu()
{
    // (Only the checks change here: the menu's actions may be the ones emitting right now.)
    for (QAction *action : m_overlayMenu->actions()) {
        if (!action->isCheckable())
            continue;
        const QSignalBlocker block(action);
        action->setChecked(m_overlay.contains(action->data().toString()));
    }
    m_overlayButton->setText(m_overlay.isEmpty() ? tr("Overlay") : tr("Overlay (+%1)").arg(m_overlay.size()));
}

QString ResultsPage::participant() const { return m_participants->currentData().toString(); }
QString ResultsPage::encoder() const { return m_encoders->currentData().toString(); }
qint64 ResultsPage::modelId() const { return m_models->currentData().toLongLong(); }

QStringList ResultsPage::mapParticipants() const
{
    if (participant().isEmpty())
        return {};
    QStringList codes{participant()};
    for (int k = 0; k < m_participants->count(); ++k) {
        const QString code = m_participants->itemData(k).toString();
        if (code != participant() && m_overlay.contains(code))
            codes << code;
    }
    return codes;
}

QStringList ResultsPage::overlayParticipants() const { return m_overlay; }

void ResultsPage::setOverlayParticipants(const QStringList &codes)
{
    QStringList overlay;
    for (const QString &code : codes)
        if (code != participant() && m_participants->findData(code) >= 0 && !overlay.contains(code))
            overlay << code;
    if (overlay == m_overlay)
        return;
    m_overlay = overlay;
    updateOverlayMenu();
    pushSelection();
}

bool ResultsPage::selectParticipant(const QString &code)
{
    const int i = m_participants->findData(code);
    if (i < 0)
        return false;
    m_participants->setCurrentIndex(i);
    return true;
}

bool ResultsPage::selectEncoder(const QString &name)
{
    const int i = m_encoders->findData(name);
    if (i < 0)
        return false;
    m_encoders->setCurrentIndex(i);
    return true;
}

bool ResultsPage::selectModel(qint64 id)
{
    const int i = m_models->findData(id);
    if (i < 0 || id <= 0)
        return false;
    m_models->setCurrentIndex(i);
    return true;
}

void ResultsPage::showTab(Tab tab) { m_tabs->setCurrentIndex(int(tab)); }

void ResultsPage::updateState()
{
    QString text;
    QString button;
    m_stateTarget = Target::None;
    if (!m_study) {
        text = tr("No study is open. Open or create a study on the Study page first.");
    } else if (m_participants->count() == 0) {
        text = tr("No participant has answered yet: results need answers. Run a participant session on the "
                  "Survey page.");
        button = tr("Go to Survey");
        m_stateTarget = Target::Survey;
    } else if (m_encoders->count() == 0) {
        text = tr("No embeddings yet: extract them on the Features page, then the map and the models follow.");
        button = tr("Go to Features");
        m_stateTarget = Target::Features;
    } else if (modelId() <= 0 && m_tabs->currentWidget() != m_performance) { // (the view says it there)
        text = tr("No model trained yet for %1 with %2: train one on the Models page. Meanwhile the map shows the "
                  "raw embeddings.")
                   .arg(participant(), encoder());
        button = tr("Train a model…");
        m_stateTarget = Target::Models;
    }
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    m_stateButton->setText(button);
    m_stateButton->setVisible(!button.isEmpty());
    const bool haveData = m_study && m_participants->count() > 0;
    m_participants->setEnabled(haveData);
    m_encoders->setEnabled(haveData && m_encoders->count() > 0);
    m_tabs->setEnabled(m_study != nullptr);
}

void ResultsPage::pushSelection()
{
    const bool ready = m_study && !participant().isEmpty() && !encoder().isEmpty();
    const qint64 model = ready ? modelId() : 0;
    const QString kind = m_models->currentData(kKindRole).toString();
    m_map->setSelection(ready ? mapParticipants() : QStringList(), ready ? encoder() : QString(), model, kind);
    m_performance->setSelection(participant(), m_encoders->count() > 0 ? encoder() : QString(), model);
    // The list is scored again only when what it shows changes (refresh() rescores it anyway).
    const QStringList pushed{participant(), m_encoders->count() > 0 ? encoder() : QString(), QString::number(model)};
    if (pushed != m_recommendationsFor) {
        m_recommendationsFor = pushed;
        m_recommendations->setParticipant(pushed[0], pushed[1], model);
    }
    if (pushed != m_profileFor) {
        m_profileFor = pushed;
        m_profile->setParticipant(pushed[0], pushed[1], model);
    }
}

} // namespace tastelab
