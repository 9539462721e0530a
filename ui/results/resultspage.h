#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace tastelab {

class ClipPlayer;
class EmbeddingMapView;
class PerformanceView;
class RecommendationsView;
class TasteProfileView;
class Study;

/// The "Results" page: pickers for the participant (a quick switch, plus an overlay of several
/// participants on the embedding map), the embeddings (encoder) and the participant's stored
/// model, and three sub-tabs: the embedding map, the model's performance, and the
/// recommendations. When something the page depends on is missing (no answers, no embeddings, no
/// model) a line says so, with a button to the page that provides it. A fourth sub-tab shows the
/// participant's taste profile: its sliders re-rank the recommendation list, its prototypes are
/// highlighted on the map, and "More / Less like this" retrains the model (the page picks it).
///
/// Feedback given on the map ("Wrong: I like this" / "Wrong: not for me") goes to the
/// recommendation list, which retrains on it; when a retraining stores a new model the page picks
/// it and refreshes (the list shows what moved).
class ResultsPage : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPage(QWidget *parent = nullptr);
    ~ResultsPage() override;

    void setStudy(Study *study);
    void setPlayer(ClipPlayer *player);
    /// Reads participants, encoders and models again (after a session, an extraction or training);
    /// cached maps are dropped when the study's data changed.
    void refresh();

    QString participant() const;
    QString encoder() const;
    qint64 modelId() const;
    /// The participants on the map: the chosen one and the overlay (in the study's order).
    QStringList mapParticipants() const;

    bool selectParticipant(const QString &code);
    bool selectEncoder(const QString &encoder);
    bool selectModel(qint64 modelId);
    /// Extra participants drawn on the map with the chosen one (raw encoder space).
    void setOverlayParticipants(const QStringList &codes);
    QStringList overlayParticipants() const;

    enum class Tab { Map, Performance, Recommendations, Profile };
    void showTab(Tab tab);

    EmbeddingMapView *mapView() const { return m_map; }
    PerformanceView *performanceView() const { return m_performance; }
    RecommendationsView *recommendationsView() const { return m_recommendations; }
    TasteProfileView *profileView() const { return m_profile; }

Q_SIGNALS:
    /// Go to the Models page with this participant and encoder (no model yet; retrain).
    void modelsPageRequested(const QString &participant, const QString &encoder);
    void featuresPageRequested();
    void surveyPageRequested();
    void statusMessage(const QString &message);
    /// A retraining on feedback stored new models (the Models page lists them).
    void modelsChanged();

private:
    void fillParticipants();
    void fillEncoders();
    void fillModels();
    void fillOverlayMenu();
    void updateOverlayMenu();
    void updateState();
    void pushSelection();
    void onRetrained(const QString &participant, const QString &encoder, qint64 modelId);
    QString dataStamp() const;

    Study *m_study = nullptr;
    QString m_stamp;
    QStringList m_overlay;
    QStringList m_recommendationsFor; ///< participant, encoder, model last given to the list
    bool m_keepRecommendations = false; ///< refresh() leaves the list alone (it rescores itself)

    QLabel *m_state = nullptr;
    QPushButton *m_stateButton = nullptr;
    QComboBox *m_participants = nullptr;
    QToolButton *m_overlayButton = nullptr;
    QMenu *m_overlayMenu = nullptr;
    QComboBox *m_encoders = nullptr;
    QComboBox *m_models = nullptr;
    QTabWidget *m_tabs = nullptr;
    EmbeddingMapView *m_map = nullptr;
    PerformanceView *m_performance = nullptr;
    RecommendationsView *m_recommendations = nullptr;
    TasteProfileView *m_profile = nullptr;
    QStringList m_profileFor; ///< participant, encoder, model last given to the profile
    enum class Target { None, Survey, Features, Models } m_stateTarget = Target::None;
};

} // namespace tastelab
