#pragma once

#include "playback/clipplayer.h"
#include "study/tasteprofile.h"
#include "study/training.h"

#include <QHash>
#include <QPointer>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;
class QToolButton;

namespace tastelab {

class Study;

/// The steerable taste profile of one participant (a sub-tab of the Results page, docs/profile.md):
/// one row per prototype (a real track: the medoid of a cluster of their liked or disliked tracks
/// in the model's space) with its title, artist and genre, a play button, its 3 nearest
/// neighbours, a slider from "avoid" to "favour" and "More like this" / "Less like this"; the
/// profile's fidelity to the classifier; and, beside it, the top of the recommendation list as the
/// sliders rank it. Moving a slider re-ranks live: steeringChanged() carries the adjusted scores
/// (empty when every slider is back at its default, i.e. the classifier's ranking), which the
/// Results page hands to the recommendation list; "Reset" returns to the classifier's ranking.
///
/// "More like this" / "Less like this" saves steering feedback (recordSteering), retrains the
/// profile's model in the background (TrainingService, feedbackRetrainingRequest) and then says
/// whether the prototype (and its neighbours) moved as asked (measureSteering), e.g. "“Title”: moved
/// as asked: +0.12 (neighbours +0.05)"; retrained() lets the page pick the new model.
///
/// The profile is built on the thread pool with its own study connection, when the tab is shown
/// (a request while it is hidden waits for that; another participant or model drops the old
/// profile and its steering at once). A refresh with the same prototypes keeps the sliders.
class TasteProfileView : public QWidget {
    Q_OBJECT
public:
    explicit TasteProfileView(QWidget *parent = nullptr);
    ~TasteProfileView() override;

    void setStudy(Study *study);
    void setPlayer(ClipPlayer *player);
    /// Whose profile: modelId 0 = the list's default model of that encoder. Builds it.
    void setParticipant(const QString &code, const QString &encoder, qint64 modelId);
    void refresh();

    // --- state, for the Results page and the tests ---
    bool isBusy() const { return m_busy; }
    bool hasProfile() const { return m_haveProfile; }
    const TasteProfile &profile() const { return m_profile; }
    int prototypeCount() const { return int(m_profile.prototypes.size()); }
    /// "Fidelity to the classifier: …" (empty without a profile).
    QString fidelityText() const;
    /// The message shown instead of the profile (empty while it is shown).
    QString stateText() const;
    void setPerGenre(bool on);
    bool perGenre() const;

    /// Slider k (0-based prototype) in -1 (avoid) .. 1 (favour).
    void setSlider(int k, double value);
    double sliderValue(int k) const;
    std::vector<double> sliders() const;
    /// True when some slider is away from its default.
    bool isSteered() const;
    /// Every slider back to its default: the classifier's ranking.
    void resetSliders();
    /// The list's tracks (ids) in the order the sliders give, best first.
    QVector<qint64> steeredRanking() const;
    /// Adjusted scores of the list's tracks; empty when the sliders are at their defaults.
    QHash<qint64, double> steeredScores() const;
    /// The prototypes' tracks and their labels on the map ("P1" ...).
    QHash<qint64, QString> highlights() const;

    /// "More like this" (+1) / "Less like this" (-1) on prototype k: saves it and retrains.
    bool steer(int k, int direction, QString *error = nullptr);
    bool isRetraining() const { return m_retrainJob != 0; }
    /// The outcome of the last steering ("“Title”: moved as asked: +0.12 …"), empty before one.
    QString steeringResultText() const { return m_resultText; }
    const std::optional<SteeringOutcome> &lastOutcome() const { return m_outcome; }

    QSlider *slider(int k) const;
    QPushButton *moreButton(int k) const;
    QPushButton *lessButton(int k) const;
    QToolButton *playButton(int k) const;
    QListWidget *previewList() const { return m_preview; }

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    /// The sliders moved: adjusted scores of the list's tracks (empty: the classifier's ranking).
    void steeringChanged(const QHash<qint64, double> &scores);
    /// The prototypes changed (a new profile): the tracks to highlight on the map, with labels.
    void prototypesChanged(const QHash<qint64, QString> &labels);
    /// A retraining after steering stored a new model.
    void retrained(const QString &participant, const QString &encoder, qint64 modelId);
    /// A profile request finished (shown or failed).
    void refreshed();

private:
    struct Outcome;
    struct Row {
        QLabel *side = nullptr;
        QToolButton *play = nullptr;
        QLabel *track = nullptr;
        QLabel *neighbours = nullptr;
        QSlider *slider = nullptr;
        QLabel *value = nullptr;
        QPushButton *more = nullptr;
        QPushButton *less = nullptr;
    };

    void start();
    void onFinished(quint64 requestId, const Outcome &outcome);
    void showMessage(const QString &text);
    void buildRows();
    void clearRows();
    void onSliderMoved();
    void updatePreview();
    void togglePlay(int k);
    void onRetrainFinished(quint64 jobId, const TrainingReport &report);
    void onRetrainEpoch(quint64 jobId, const QString &model, const train::EpochLog &epoch);
    void setRetrainUi(bool running);

    Study *m_study = nullptr;
    QPointer<ClipPlayer> m_player;
    QString m_participant;
    QString m_encoder;
    qint64 m_requestedModel = 0;
    quint64 m_requestId = 0;
    bool m_busy = false;
    bool m_haveProfile = false;
    bool m_profilePerGenre = false; ///< how m_profile was made
    bool m_stale = false;           ///< a request came while the view was hidden
    TasteProfile m_profile;
    QString m_message;
    QVector<Row> m_rows;
    qint64 m_playingTrack = 0;

    TrainingService *m_trainer = nullptr;
    quint64 m_retrainJob = 0;
    struct Pending {
        qint64 modelBefore = 0;
        qint64 trackId = 0;
        QString title;
        QVector<qint64> neighbours;
        int direction = 1;
    } m_pending;
    QString m_resultText;
    std::optional<SteeringOutcome> m_outcome;

    QLabel *m_heading = nullptr;
    QLabel *m_fidelity = nullptr;
    QCheckBox *m_perGenre = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_messageLabel = nullptr;
    QWidget *m_body = nullptr;
    QWidget *m_rowsHost = nullptr;
    QGridLayout *m_grid = nullptr;
    QListWidget *m_preview = nullptr;
    QLabel *m_previewHeading = nullptr;
    QWidget *m_retrainRow = nullptr;
    QProgressBar *m_retrainBar = nullptr;
    QLabel *m_retrainLabel = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace tastelab
